-- An invitation is for a new customer (NULL) or for one named customer that had a relationship
-- with the partner before; it can be accepted for that customer only. `customer_id` stays the
-- customer the accepted invitation related (for a new customer, the one acceptance created).
ALTER TABLE relationship_requests ADD COLUMN invited_customer_id TEXT REFERENCES customers (id);

-- The email domains a partner's users may have; a domain belongs to one partner.
CREATE TABLE partner_domains (
    domain      TEXT PRIMARY KEY NOT NULL,
    partner_id  TEXT NOT NULL REFERENCES partners (id),
    created_at  BIGINT NOT NULL
);
CREATE INDEX partner_domains_partner ON partner_domains (partner_id, domain);

-- Existing partners keep adding users in the domains their users already have, where no other
-- partner's users share the domain (such a domain is left for the operator to assign).
INSERT INTO partner_domains (domain, partner_id, created_at)
SELECT domain, MIN(partner_id), (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT
  FROM (SELECT DISTINCT partner_id, split_part(email, '@', 2) AS domain FROM users) AS used
 GROUP BY domain
HAVING COUNT(*) = 1;
