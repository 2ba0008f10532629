ALTER TABLE relationship_requests DROP COLUMN recipient_email;
ALTER TABLE relationship_requests DROP COLUMN recipient_name;
