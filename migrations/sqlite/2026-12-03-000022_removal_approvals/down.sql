DROP TABLE removal_approvals;
ALTER TABLE partners DROP COLUMN removal_needs_second_approval;
