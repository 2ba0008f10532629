DROP INDEX relationships_by_domain;
DROP INDEX relationships_by_name;
CREATE INDEX relationships_partner ON relationships (partner_id, relationship_to_partner);
ALTER TABLE relationships DROP COLUMN search_domain;
ALTER TABLE relationships DROP COLUMN sort_name;
