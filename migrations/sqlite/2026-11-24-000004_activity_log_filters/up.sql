-- The activity log's filters by operation type and by partner user, each an index range read
-- newest first (the partner's whole log and one customer's log already have theirs).
CREATE INDEX audit_log_partner_operation_at ON audit_log (partner_id, operation, at, id);
CREATE INDEX audit_log_user_at ON audit_log (user_id, at, id);
