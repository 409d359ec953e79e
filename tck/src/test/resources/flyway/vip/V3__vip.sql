ALTER TABLE customer ADD COLUMN vip BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE customer SET vip = TRUE WHERE id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING SUM(amount) > 100);
