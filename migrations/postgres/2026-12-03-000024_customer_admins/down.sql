DROP TABLE customer_admin_recovery_codes;
DROP TABLE customer_admins;
