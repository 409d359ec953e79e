-- A short tour of LightningDB's SQL. Every statement runs against the embedded database.
DROP TABLE IF EXISTS trips;
DROP TABLE IF EXISTS cities;

CREATE TABLE cities (
    code     CHAR(3) PRIMARY KEY,
    name     VARCHAR(40) NOT NULL,
    country  VARCHAR(40) NOT NULL,
    people   INTEGER
);

CREATE TABLE trips (
    id        BIGINT PRIMARY KEY,
    origin    CHAR(3) NOT NULL,
    target    CHAR(3) NOT NULL,
    day       DATE NOT NULL,
    fare      DECIMAL(8,2),
    nonstop   BOOLEAN DEFAULT TRUE
);

INSERT INTO cities VALUES
    ('AMS', 'Amsterdam', 'Netherlands', 921402),
    ('BER', 'Berlin', 'Germany', 3878100),
    ('LIS', 'Lisbon', 'Portugal', 567131),
    ('MAD', 'Madrid', 'Spain', 3416771),
    ('OSL', 'Oslo', 'Norway', 717710),
    ('PAR', 'Paris', 'France', 2102650),
    ('ROM', 'Rome', 'Italy', 2746984),
    ('VIE', 'Vienna', 'Austria', 2005760);

INSERT INTO trips (id, origin, target, day, fare, nonstop) VALUES
    (1, 'AMS', 'LIS', DATE '2026-03-02', 89.00, TRUE),
    (2, 'BER', 'ROM', DATE '2026-03-04', 129.50, FALSE),
    (3, 'LIS', 'PAR', DATE '2026-03-04', 74.99, TRUE),
    (4, 'OSL', 'VIE', DATE '2026-03-07', 210.00, FALSE),
    (5, 'PAR', 'AMS', DATE '2026-03-09', 59.00, TRUE),
    (6, 'ROM', 'MAD', DATE '2026-03-11', 99.90, TRUE),
    (7, 'VIE', 'BER', DATE '2026-03-12', 45.00, TRUE),
    (8, 'MAD', 'OSL', DATE '2026-03-15', 189.00, FALSE);

-- A primary-key range: read straight from the key range, in key order.
SELECT code, name, people FROM cities WHERE code >= 'L' AND code < 'P';

-- The plan shows how each table is read: here a primary-key range.
EXPLAIN SELECT * FROM trips WHERE id BETWEEN 3 AND 5;

-- A secondary index, and statistics for the planner: this lookup reads the index.
CREATE INDEX trips_day ON trips (day);
ANALYZE;
EXPLAIN SELECT id, fare FROM trips WHERE day = DATE '2026-03-09';

-- Joins and aggregates are planned by Apache Calcite.
SELECT c.country, COUNT(*) AS departures, SUM(t.fare) AS total_fare
FROM trips t JOIN cities c ON c.code = t.origin
GROUP BY c.country
ORDER BY total_fare DESC
LIMIT 5;

UPDATE trips SET fare = fare * 0.9 WHERE nonstop = FALSE;

SELECT t.id, o.name AS origin, d.name AS destination, t.day, t.fare
FROM trips t
JOIN cities o ON o.code = t.origin
JOIN cities d ON d.code = t.target
WHERE t.fare > 80
ORDER BY t.fare DESC;

DELETE FROM trips WHERE day < DATE '2026-03-05';

SELECT COUNT(*) AS trips_left, MIN(day) AS first_day, MAX(day) AS last_day FROM trips;

VERIFY INTEGRITY;
