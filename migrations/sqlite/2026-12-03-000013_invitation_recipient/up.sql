-- Whom the partner sent an invitation to: the admin's email address and, for a new customer,
-- the organisation's name as the partner knows it. Older invitations have neither.
ALTER TABLE relationship_requests ADD COLUMN recipient_name TEXT;
ALTER TABLE relationship_requests ADD COLUMN recipient_email TEXT;
