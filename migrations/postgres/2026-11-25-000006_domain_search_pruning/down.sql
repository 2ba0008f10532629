DROP INDEX relationships_by_domain;
ALTER TABLE relationships DROP COLUMN name_domain_lcp;
CREATE INDEX relationships_by_domain ON relationships (partner_id, relationship_to_partner, search_domain, sort_name, customer_id);
