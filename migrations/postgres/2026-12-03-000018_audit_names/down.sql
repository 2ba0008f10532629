ALTER TABLE audit_log DROP COLUMN reason;
ALTER TABLE audit_log DROP COLUMN resource_name;
