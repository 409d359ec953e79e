INSERT INTO book (id, title, published) VALUES
    (1, 'Structure and Interpretation of Computer Programs', 1985),
    (2, 'The Art of Computer Programming', 1968),
    (3, 'Transaction Processing', 1992);
