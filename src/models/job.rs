//! Jobs: work the server does at a set time, and the queries of the job runner (claim, run,
//! finish) and of the pages that show a pending or finished job.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{jobs, users};

/// How a job finished.
pub const DONE: &str = "done";
pub const REFUSED: &str = "refused";
pub const CANCELLED: &str = "cancelled";
pub const FAILED: &str = "failed";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = jobs)]
pub struct Job {
    pub id: String,
    pub kind: String,
    pub partner_id: String,
    /// What the job is about: for a scheduled removal, the customer.
    pub subject: String,
    pub run_at: i64,
    pub created_by: Option<String>,
    pub created_at: i64,
    /// Until when a runner holds it (its lease); a job whose lease has passed may be claimed again.
    pub claimed_until: Option<i64>,
    pub claimed_by: Option<String>,
    pub attempts: i32,
    pub finished_at: Option<i64>,
    pub finished_by: Option<String>,
    pub outcome: Option<String>,
    pub result: Option<String>,
    pub last_error: Option<String>,
}

impl Job {
    /// A job to run at `run_at`, not yet claimed.
    pub fn new(
        id: String,
        kind: &str,
        partner_id: &str,
        subject: &str,
        run_at: i64,
        created_by: Option<&str>,
        created_at: i64,
    ) -> Self {
        Job {
            id,
            kind: kind.to_owned(),
            partner_id: partner_id.to_owned(),
            subject: subject.to_owned(),
            run_at,
            created_by: created_by.map(str::to_owned),
            created_at,
            claimed_until: None,
            claimed_by: None,
            attempts: 0,
            finished_at: None,
            finished_by: None,
            outcome: None,
            result: None,
            last_error: None,
        }
    }
}

pub fn insert(conn: &mut AnyConnection, job: &Job) -> QueryResult<()> {
    diesel::insert_into(jobs::table).values(job).execute(conn).map(|_| ())
}

/// The unfinished job of this kind about this subject, if any (at most one: a unique index).
pub fn pending_for(
    conn: &mut AnyConnection,
    kind: &str,
    partner_id: &str,
    subject: &str,
) -> QueryResult<Option<Job>> {
    jobs::table
        .filter(jobs::kind.eq(kind))
        .filter(jobs::partner_id.eq(partner_id))
        .filter(jobs::subject.eq(subject))
        .filter(jobs::finished_at.is_null())
        .select(Job::as_select())
        .first(conn)
        .optional()
}

/// The newest job of this kind about this subject, with its creator's display name.
pub fn newest_for(
    conn: &mut AnyConnection,
    kind: &str,
    partner_id: &str,
    subject: &str,
) -> QueryResult<Option<(Job, Option<String>)>> {
    jobs::table
        .left_join(users::table.on(users::id.nullable().eq(jobs::created_by)))
        .filter(jobs::kind.eq(kind))
        .filter(jobs::partner_id.eq(partner_id))
        .filter(jobs::subject.eq(subject))
        .order((jobs::created_at.desc(), jobs::id.desc()))
        .select((Job::as_select(), users::display_name.nullable()))
        .first(conn)
        .optional()
}

/// Claims up to `limit` due jobs for `lease_ms` in the caller's transaction: unfinished, due by
/// `now`, with no live lease and fewer than `max_attempts` tries. On PostgreSQL the rows are
/// taken with `FOR UPDATE SKIP LOCKED`, so runners claiming at once take different jobs; on
/// SQLite the writing transaction (`db::write`) already holds the database's one write lock.
pub fn claim_due(
    conn: &mut AnyConnection,
    now: i64,
    lease_ms: i64,
    runner: &str,
    limit: i64,
    max_attempts: i32,
) -> QueryResult<Vec<Job>> {
    let due = jobs::table
        .filter(jobs::finished_at.is_null())
        .filter(jobs::run_at.le(now))
        .filter(jobs::claimed_until.is_null().or(jobs::claimed_until.le(now)))
        .filter(jobs::attempts.lt(max_attempts))
        .order((jobs::run_at.asc(), jobs::id.asc()))
        .limit(limit)
        .select(jobs::id);
    let ids: Vec<String> = match conn {
        AnyConnection::Postgresql(pg) => due.for_update().skip_locked().load(pg)?,
        AnyConnection::Sqlite(sq) => due.load(sq)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(jobs::table.filter(jobs::id.eq_any(&ids)))
        .set((
            jobs::claimed_until.eq(now + lease_ms),
            jobs::claimed_by.eq(runner),
            jobs::attempts.eq(jobs::attempts + 1),
        ))
        .execute(conn)?;
    jobs::table
        .filter(jobs::id.eq_any(&ids))
        .order((jobs::run_at.asc(), jobs::id.asc()))
        .select(Job::as_select())
        .load(conn)
}

/// Unfinished jobs that used every try and whose last lease has passed (a runner died in
/// them): to be finished as failed.
pub fn exhausted(
    conn: &mut AnyConnection,
    now: i64,
    max_attempts: i32,
) -> QueryResult<Vec<String>> {
    jobs::table
        .filter(jobs::finished_at.is_null())
        .filter(jobs::attempts.ge(max_attempts))
        .filter(jobs::claimed_until.is_null().or(jobs::claimed_until.le(now)))
        .select(jobs::id)
        .load(conn)
}

/// The job, locked for its run, if it is still unfinished and claimed by `runner` (another
/// runner may have taken it over after the lease, or someone cancelled it). PostgreSQL:
/// `FOR UPDATE` on the row, so a cancellation waits for the run or the run for it.
pub fn lock_claimed(conn: &mut AnyConnection, id: &str, runner: &str) -> QueryResult<Option<Job>> {
    let row = jobs::table
        .filter(jobs::id.eq(id))
        .filter(jobs::claimed_by.eq(runner))
        .filter(jobs::finished_at.is_null());
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(Job::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => row.select(Job::as_select()).first(sq).optional(),
    }
}

/// Finishes an unfinished job; false when it had finished already.
pub fn finish(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
    outcome: &str,
    result: Option<&str>,
    by: Option<&str>,
) -> QueryResult<bool> {
    diesel::update(jobs::table.filter(jobs::id.eq(id)).filter(jobs::finished_at.is_null()))
        .set((
            jobs::finished_at.eq(now),
            jobs::outcome.eq(outcome),
            jobs::result.eq(result),
            jobs::finished_by.eq(by),
            jobs::claimed_until.eq(None::<i64>),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Records an unexpected failure of a run claimed by `runner`; the job is tried again once
/// `retry_at` has passed (its lease is moved there).
pub fn record_failure(
    conn: &mut AnyConnection,
    id: &str,
    runner: &str,
    error: &str,
    retry_at: i64,
) -> QueryResult<usize> {
    diesel::update(
        jobs::table
            .filter(jobs::id.eq(id))
            .filter(jobs::claimed_by.eq(runner))
            .filter(jobs::finished_at.is_null()),
    )
    .set((jobs::last_error.eq(error), jobs::claimed_until.eq(retry_at)))
    .execute(conn)
}
