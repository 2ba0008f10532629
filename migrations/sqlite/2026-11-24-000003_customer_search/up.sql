-- The customer list in name order and prefix search served from indexes: the sort and search
-- keys live on the relationship row (lowercased), next to the partner and relationship state.
ALTER TABLE relationships ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
ALTER TABLE relationships ADD COLUMN search_domain TEXT NOT NULL DEFAULT '';
UPDATE relationships SET
    sort_name = (SELECT lower(company_name) FROM customers WHERE customers.id = relationships.customer_id),
    search_domain = (SELECT lower(primary_domain) FROM customers WHERE customers.id = relationships.customer_id);
DROP INDEX relationships_partner;
CREATE INDEX relationships_by_name ON relationships (partner_id, relationship_to_partner, sort_name, customer_id);
-- sort_name in the domain index lets a domain search skip name matches without reading rows.
CREATE INDEX relationships_by_domain ON relationships (partner_id, relationship_to_partner, search_domain, sort_name, customer_id);
