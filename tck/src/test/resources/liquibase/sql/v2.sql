--liquibase formatted sql
-- The second release, as SQL, rolled back to the tag of the first by the tests.

--changeset tck:v2-book-columns
ALTER TABLE book ADD COLUMN isbn VARCHAR(20);
ALTER TABLE book ADD COLUMN pages INT;
--rollback ALTER TABLE book DROP COLUMN pages;
--rollback ALTER TABLE book DROP COLUMN isbn;

--changeset tck:v2-rename-rating
ALTER TABLE author RENAME COLUMN rating TO score;
--rollback ALTER TABLE author RENAME COLUMN score TO rating;

--changeset tck:v2-drop-nickname
ALTER TABLE author DROP COLUMN nickname;
--rollback ALTER TABLE author ADD COLUMN nickname VARCHAR(50);

--changeset tck:v2-unique-isbn
ALTER TABLE book ADD CONSTRAINT uq_book_isbn UNIQUE (isbn);
--rollback ALTER TABLE book DROP CONSTRAINT uq_book_isbn;

--changeset tck:v2-review
CREATE TABLE review (
    id BIGINT NOT NULL,
    book_id INT NOT NULL,
    stars INT,
    CONSTRAINT pk_review PRIMARY KEY (id),
    CONSTRAINT fk_review_book FOREIGN KEY (book_id) REFERENCES book (id)
);
--rollback DROP TABLE review;

--changeset tck:v2-data
UPDATE book SET isbn = '978-0-00-000001-1' WHERE id = 1;
INSERT INTO book (id, title, isbn, pages) VALUES (4, 'The Art of Computer Programming', '978-0-00-000004-2', 672);
INSERT INTO review (id, book_id, stars) VALUES (NEXT VALUE FOR seq_review, 4, 5);
--rollback DELETE FROM review;
--rollback DELETE FROM book WHERE id = 4;
--rollback UPDATE book SET isbn = NULL WHERE id = 1;
