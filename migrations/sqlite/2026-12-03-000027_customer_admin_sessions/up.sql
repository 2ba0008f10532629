-- Sessions of a customer admin that began before this time no longer count: set when another
-- admin of the customer resets their password or two-step sign-in.
ALTER TABLE customer_admins ADD COLUMN sessions_since BIGINT;
