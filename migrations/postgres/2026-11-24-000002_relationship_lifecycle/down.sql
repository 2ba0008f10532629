ALTER TABLE support_contacts DROP COLUMN contact_partner_id;
DROP TABLE reseller_links;
DROP TABLE relationship_requests;
