-- Customers, their orders and a summary the repeatable migration keeps up to date.
CREATE TABLE customer (
    id INT PRIMARY KEY,
    name VARCHAR(50) NOT NULL,
    city VARCHAR(30)
);

CREATE TABLE orders (
    id INT PRIMARY KEY,
    customer_id INT NOT NULL REFERENCES customer (id),
    amount DECIMAL(10, 2) NOT NULL,
    placed DATE NOT NULL
);

CREATE INDEX orders_customer ON orders (customer_id);

CREATE TABLE customer_summary (
    customer_id INT PRIMARY KEY,
    order_count INT NOT NULL,
    total DECIMAL(12, 2) NOT NULL
);
