-- A prefix search by domain skips, inside the index, every row whose name matches too: a row's
-- name and domain share their first name_domain_lcp characters (capped at 16), so a prefix no
-- longer than that matches both or neither, and only rows with name_domain_lcp < the prefix's
-- length can be domain-only matches (one index range per such value).
ALTER TABLE relationships ADD COLUMN name_domain_lcp INTEGER NOT NULL DEFAULT 0;
UPDATE relationships SET name_domain_lcp = CASE
        WHEN substr(sort_name, 1, 16) = substr(search_domain, 1, 16) THEN 16
        WHEN substr(sort_name, 1, 15) = substr(search_domain, 1, 15) THEN 15
        WHEN substr(sort_name, 1, 14) = substr(search_domain, 1, 14) THEN 14
        WHEN substr(sort_name, 1, 13) = substr(search_domain, 1, 13) THEN 13
        WHEN substr(sort_name, 1, 12) = substr(search_domain, 1, 12) THEN 12
        WHEN substr(sort_name, 1, 11) = substr(search_domain, 1, 11) THEN 11
        WHEN substr(sort_name, 1, 10) = substr(search_domain, 1, 10) THEN 10
        WHEN substr(sort_name, 1, 9) = substr(search_domain, 1, 9) THEN 9
        WHEN substr(sort_name, 1, 8) = substr(search_domain, 1, 8) THEN 8
        WHEN substr(sort_name, 1, 7) = substr(search_domain, 1, 7) THEN 7
        WHEN substr(sort_name, 1, 6) = substr(search_domain, 1, 6) THEN 6
        WHEN substr(sort_name, 1, 5) = substr(search_domain, 1, 5) THEN 5
        WHEN substr(sort_name, 1, 4) = substr(search_domain, 1, 4) THEN 4
        WHEN substr(sort_name, 1, 3) = substr(search_domain, 1, 3) THEN 3
        WHEN substr(sort_name, 1, 2) = substr(search_domain, 1, 2) THEN 2
        WHEN substr(sort_name, 1, 1) = substr(search_domain, 1, 1) THEN 1
        ELSE 0 END;
DROP INDEX relationships_by_domain;
CREATE INDEX relationships_by_domain ON relationships
    (partner_id, relationship_to_partner, name_domain_lcp, search_domain, sort_name, customer_id);
