-- Fails at its last statement: everything before it must be undone.
CREATE TABLE audit_log (id INT PRIMARY KEY, note VARCHAR(40));
INSERT INTO audit_log (id, note) VALUES (1, 'written before the failure');
UPDATE customer SET city = 'Nowhere';
CREATE INDEX customer_city ON customer (city);
INSERT INTO customer (id, name, city) VALUES (1, 'a second customer 1', 'Paris');
