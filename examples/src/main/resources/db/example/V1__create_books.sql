CREATE TABLE book (
    id INT PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    published INT
);
CREATE INDEX book_published ON book (published);
