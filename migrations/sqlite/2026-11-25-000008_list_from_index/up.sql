-- A page of the Customers list is one range of the name index and nothing else: the relationship
-- carries the customer's company name and domain as shown (it already carries them lowercased,
-- as the list's keys), so a page no longer looks up each customer (two B-tree descents per row on
-- SQLite, most of a page's database work at a million customers). Customers' names and domains
-- are set when the customer is created and never change here.
ALTER TABLE relationships ADD COLUMN company_name TEXT NOT NULL DEFAULT '';
ALTER TABLE relationships ADD COLUMN primary_domain TEXT NOT NULL DEFAULT '';
UPDATE relationships SET
    company_name = (SELECT c.company_name FROM customers c WHERE c.id = relationships.customer_id),
    primary_domain = (SELECT c.primary_domain FROM customers c WHERE c.id = relationships.customer_id);
DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain);
