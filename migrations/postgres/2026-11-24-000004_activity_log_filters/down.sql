DROP INDEX audit_log_user_at;
DROP INDEX audit_log_partner_operation_at;
