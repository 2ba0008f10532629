-- New commerce: each subscription carries the end of its current term (its commitment), whether
-- it renews at that end, and until when it can still be cancelled (168 hours after purchase or the
-- last renewal). Existing rows: the first term from the purchase date (a day past the target
-- month's end is clamped to its last day, as the application computes it), auto-renew on, and
-- the window from the purchase.
ALTER TABLE subscriptions ADD COLUMN commitment_end_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscriptions ADD COLUMN auto_renew BOOLEAN NOT NULL DEFAULT 1;
ALTER TABLE subscriptions ADD COLUMN cancel_window_end_at BIGINT NOT NULL DEFAULT 0;
UPDATE subscriptions SET
    cancel_window_end_at = created_at + 168 * 3600 * 1000,
    commitment_end_at = (
        SELECT CAST(strftime('%s', MIN(
                   date(d.first, '+' || (d.day - 1) || ' days'),
                   date(d.first, '+1 months', '-1 days'))) AS INTEGER) * 1000
               + subscriptions.created_at % 86400000
          FROM (SELECT date(subscriptions.created_at / 1000, 'unixepoch', 'start of month',
                            '+' || (CASE subscriptions.term WHEN 'P1Y' THEN 12
                                    WHEN 'P3Y' THEN 36 ELSE 1 END) || ' months') AS first,
                       CAST(strftime('%d', subscriptions.created_at / 1000, 'unixepoch')
                            AS INTEGER) AS day) d);
