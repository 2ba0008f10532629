-- Whether a removal that waits for a second Global admin also terminates the customer's active
-- GDAP relationships, as the person who asked for it chose on the confirmation (checked by
-- default).
ALTER TABLE removal_approvals ADD COLUMN terminate_gdap BOOLEAN NOT NULL DEFAULT TRUE;
