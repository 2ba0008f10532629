ALTER TABLE customer_admins DROP COLUMN sessions_since;
