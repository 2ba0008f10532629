-- What a record is about, named as it was then (an offer, a reservation, a user's e-mail, an
-- invitation's recipient), and a refusal's sentence as its message key and arguments (JSON),
-- so the log shows it in the reader's language. Older records have neither.
ALTER TABLE audit_log ADD COLUMN resource_name TEXT;
ALTER TABLE audit_log ADD COLUMN reason TEXT;
