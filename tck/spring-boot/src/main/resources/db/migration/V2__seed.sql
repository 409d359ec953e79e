-- A first row, so that V3 changes a table with rows (its own migration: a sequence made in V1's transaction
-- cannot be used in that transaction yet).
INSERT INTO author (id, name, version) VALUES (NEXT VALUE FOR author_seq, 'Anonymous', 0);
INSERT INTO book (title, genre, pages, price, published, author_id, version)
SELECT 'Beowulf', 'epic', 120, 5.00, DATE '1000-01-01', id, 0 FROM author WHERE name = 'Anonymous';
