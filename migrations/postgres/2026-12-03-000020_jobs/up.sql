-- Work the server does at a set time (a scheduled removal; later, GDAP expiry), run by the job
-- runner of every instance. A runner claims a due job for a lease (`claimed_until`,
-- `claimed_by`), then runs it and finishes it in one transaction with its audit records, so a
-- job is done once however many instances run. `outcome` is done, refused, cancelled or failed;
-- `result` says what it did or why not; `last_error` keeps the latest unexpected failure.
CREATE TABLE jobs (
    id             TEXT PRIMARY KEY NOT NULL,
    kind           TEXT NOT NULL,
    partner_id     TEXT NOT NULL REFERENCES partners (id),
    subject        TEXT NOT NULL,
    run_at         BIGINT NOT NULL,
    created_by     TEXT REFERENCES users (id),
    created_at     BIGINT NOT NULL,
    claimed_until  BIGINT,
    claimed_by     TEXT,
    attempts       INTEGER NOT NULL DEFAULT 0,
    finished_at    BIGINT,
    finished_by    TEXT REFERENCES users (id),
    outcome        TEXT,
    result         TEXT,
    last_error     TEXT
);
-- The runner's question: what is due and unfinished.
CREATE INDEX jobs_due ON jobs (run_at) WHERE finished_at IS NULL;
-- One pending job of a kind per subject (one scheduled removal per relationship).
CREATE UNIQUE INDEX jobs_pending_subject ON jobs (kind, partner_id, subject) WHERE finished_at IS NULL;
-- The Account page's question: this customer's jobs, newest first.
CREATE INDEX jobs_subject ON jobs (partner_id, subject, created_at);
