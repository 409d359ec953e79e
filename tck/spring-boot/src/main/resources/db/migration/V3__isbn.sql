-- A new unique column on a table with rows: add it, fill it, index it (Flyway runs it as one transaction).
ALTER TABLE book ADD COLUMN isbn VARCHAR(20);
UPDATE book SET isbn = 'OLD-' || CAST(id AS VARCHAR(16));
CREATE UNIQUE INDEX uq_book_isbn ON book (isbn);
