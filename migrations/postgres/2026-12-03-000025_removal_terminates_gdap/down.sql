ALTER TABLE removal_approvals DROP COLUMN terminate_gdap;
