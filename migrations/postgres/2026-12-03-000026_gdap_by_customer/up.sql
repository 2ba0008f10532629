-- The customer's side lists its GDAP relationships across partners (/tenant).
CREATE INDEX gdap_relationships_by_customer ON gdap_relationships (customer_id);
