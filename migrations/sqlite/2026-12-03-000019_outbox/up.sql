-- E-mail waiting to be sent, written in the transaction of the change it tells about so that a
-- rolled-back change sends nothing and a committed one is never lost. `claimed_until` is the
-- lease of the deliverer sending it: another instance takes the row only after it lapses.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    locale TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    claimed_until BIGINT
);
CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;
