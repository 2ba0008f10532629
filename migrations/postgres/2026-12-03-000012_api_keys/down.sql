ALTER TABLE audit_log DROP COLUMN correlation_id;
DROP TABLE api_keys;
