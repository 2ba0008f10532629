-- New commerce: each subscription carries the end of its current term (its commitment), whether
-- it renews at that end, and until when it can still be cancelled (168 hours after purchase or the
-- last renewal). Existing rows: the first term from the purchase date (PostgreSQL clamps a day
-- past the target month's end to its last day, as the application does), auto-renew on, and the
-- window from the purchase.
ALTER TABLE subscriptions ADD COLUMN commitment_end_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN auto_renew BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE subscriptions ADD COLUMN cancel_window_end_at BIGINT NOT NULL DEFAULT 0;
UPDATE subscriptions SET
    cancel_window_end_at = created_at + 168 * 3600 * 1000,
    commitment_end_at = CAST(EXTRACT(EPOCH FROM (
            (TIMESTAMP 'epoch' + (created_at / 1000) * INTERVAL '1 second')
            + make_interval(months => CASE term WHEN 'P1Y' THEN 12 WHEN 'P3Y' THEN 36 ELSE 1 END)
        )) AS BIGINT) * 1000 + created_at % 1000;
