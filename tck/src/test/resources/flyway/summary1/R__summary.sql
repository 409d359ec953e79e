DELETE FROM customer_summary;
INSERT INTO customer_summary (customer_id, order_count, total)
    SELECT c.id, COUNT(o.id), COALESCE(SUM(o.amount), 0) FROM customer c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id;
