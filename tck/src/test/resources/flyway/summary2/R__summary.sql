-- Only customers with orders now.
DELETE FROM customer_summary;
INSERT INTO customer_summary (customer_id, order_count, total)
    SELECT o.customer_id, COUNT(*), SUM(o.amount) FROM orders o GROUP BY o.customer_id;
