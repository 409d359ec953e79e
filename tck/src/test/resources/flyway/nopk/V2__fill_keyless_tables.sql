INSERT INTO audit_log VALUES (1, 'ann', 'login'), (2, 'ann', 'login'), (2, 'ann', 'login'), (3, NULL, 'cron');
INSERT INTO tag_link VALUES (1, 'red'), (1, 'blue'), (2, 'red');
INSERT INTO tag_link SELECT at_step + 10, action FROM audit_log WHERE actor IS NULL;
UPDATE audit_log SET actor = 'system' WHERE actor IS NULL;
DELETE FROM tag_link WHERE tag = 'blue';
ALTER TABLE audit_log ADD COLUMN severity INT DEFAULT 0;
