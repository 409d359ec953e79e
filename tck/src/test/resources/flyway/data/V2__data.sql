INSERT INTO customer (id, name, city) VALUES (1, 'Ada', 'London'), (2, 'Grace', 'New York'), (3, 'Edsger', NULL);
INSERT INTO orders (id, customer_id, amount, placed) VALUES
    (10, 1, 120.50, DATE '2024-01-05'),
    (11, 1, 9.99, DATE '2024-02-11'),
    (12, 2, 45.00, DATE '2024-03-01');
