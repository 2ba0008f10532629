-- The customer list in name order and prefix search served from indexes: the sort and search
-- keys live on the relationship row (lowercased, byte order so that a prefix is a range).
ALTER TABLE relationships ADD COLUMN sort_name TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE relationships ADD COLUMN search_domain TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE relationships r SET sort_name = lower(c.company_name), search_domain = lower(c.primary_domain)
    FROM customers c WHERE c.id = r.customer_id;
DROP INDEX relationships_partner;
CREATE INDEX relationships_by_name ON relationships (partner_id, relationship_to_partner, sort_name, customer_id);
-- sort_name in the domain index lets a domain search skip name matches without reading rows.
CREATE INDEX relationships_by_domain ON relationships (partner_id, relationship_to_partner, search_domain, sort_name, customer_id);
