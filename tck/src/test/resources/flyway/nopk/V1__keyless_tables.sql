-- Tables without a primary key, as logs and link tables are often declared.
CREATE TABLE audit_log (
    at_step INT NOT NULL,
    actor VARCHAR(20),
    action VARCHAR(40) NOT NULL
);

CREATE TABLE tag_link (
    item_id INT NOT NULL,
    tag VARCHAR(20) NOT NULL,
    UNIQUE (item_id, tag)
);

CREATE INDEX audit_log_actor ON audit_log (actor);
