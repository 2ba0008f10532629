DROP TABLE partner_domains;
ALTER TABLE relationship_requests DROP COLUMN invited_customer_id;
