ALTER TABLE subscriptions DROP COLUMN cancel_window_end_at;
ALTER TABLE subscriptions DROP COLUMN auto_renew;
ALTER TABLE subscriptions DROP COLUMN commitment_end_at;
