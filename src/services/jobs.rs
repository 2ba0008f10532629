//! The job runner: work the server does at a set time (a scheduled removal; GDAP expiry can be
//! another kind). Every instance runs it; a job is claimed for a lease, then run and finished in
//! one transaction with its audit records, so it is done once however many runners there are.

use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::models::job::{self, Job};
use crate::util::tokens::new_id;
use crate::util::urls::PublicUrl;

/// How long a runner holds a claimed job before another may take it over (a runner that died).
pub const LEASE_MS: i64 = 5 * 60 * 1000;
/// How many times a job that fails unexpectedly is tried before it is finished as failed.
pub const MAX_ATTEMPTS: i32 = 5;
/// How many due jobs one run claims; the rest wait for the next run.
const BATCH: i64 = 20;

/// What a job does. Each kind is one arm of `run_one`'s match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Remove a reseller relationship on its day (`services::scheduled_removal`).
    ScheduledRemoval,
    /// A GDAP relationship 30 days before its end: `expiring`, and an e-mail
    /// (`services::gdap`, as are the next four).
    GdapExpiring,
    /// E-mail 7 days before a GDAP relationship's end.
    GdapNotice7,
    /// E-mail 1 day before a GDAP relationship's end.
    GdapNotice1,
    /// A GDAP relationship's end: auto-extended by 180 days, or expired.
    GdapEnd,
    /// A GDAP request not approved within 90 days: expired.
    GdapApprovalCleanup,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::ScheduledRemoval,
        Kind::GdapExpiring,
        Kind::GdapNotice7,
        Kind::GdapNotice1,
        Kind::GdapEnd,
        Kind::GdapApprovalCleanup,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ScheduledRemoval => "scheduled_removal",
            Kind::GdapExpiring => "gdap_expiring",
            Kind::GdapNotice7 => "gdap_notice_7",
            Kind::GdapNotice1 => "gdap_notice_1",
            Kind::GdapEnd => "gdap_end",
            Kind::GdapApprovalCleanup => "gdap_approval_cleanup",
        }
    }

    pub fn parse(stored: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == stored)
    }
}

/// How a job's run ended: `job::DONE` or `job::REFUSED`, and what to keep of it.
#[derive(Debug, Clone)]
pub struct Finished {
    pub outcome: &'static str,
    pub result: Option<String>,
}

/// What one run of the runner did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunSummary {
    pub done: usize,
    pub refused: usize,
    /// Failed unexpectedly and will be tried again.
    pub retried: usize,
    /// Failed for the last time.
    pub failed: usize,
}

/// Runs the jobs due by `now`. Safe to call from several instances (or threads) at once: each
/// job is claimed by one runner, and its run re-checks, under a lock, that it is still that
/// runner's and unfinished before it does anything.
/// `links` is where e-mail about a job's outcome points.
pub fn run_due(c: &mut AnyConnection, links: &PublicUrl, now: i64) -> AppResult<RunSummary> {
    let runner = new_id();
    let mut summary = RunSummary::default();
    let claimed = crate::db::write::<_, AppError>(c, |c| {
        // A runner that died in a job's last try leaves it unfinished: finish it as failed.
        for id in job::exhausted(c, now, MAX_ATTEMPTS)? {
            let why = format!("given up after {MAX_ATTEMPTS} tries");
            if job::finish(c, &id, now, job::FAILED, Some(&why), None)? {
                log::error!("job {id} failed: {why}");
                summary.failed += 1;
            }
        }
        Ok(job::claim_due(c, now, LEASE_MS, &runner, BATCH, MAX_ATTEMPTS)?)
    })?;
    for j in claimed {
        match run_one(c, &j, &runner, links, now) {
            Ok(Some(job::DONE)) => summary.done += 1,
            Ok(Some(_)) => summary.refused += 1,
            // Cancelled, or taken over by another runner after the lease.
            Ok(None) => {}
            Err(e) => {
                let error = describe(&e);
                if j.attempts >= MAX_ATTEMPTS {
                    log::error!("job {} ({}) failed for good: {error}", j.id, j.kind);
                    crate::db::write::<_, AppError>(c, |c| {
                        job::record_failure(c, &j.id, &runner, &error, now)?;
                        job::finish(c, &j.id, now, job::FAILED, Some(&error), None)?;
                        Ok(())
                    })?;
                    summary.failed += 1;
                } else {
                    // Later tries wait longer: a lease per try made so far.
                    let retry_at = now + LEASE_MS * i64::from(j.attempts);
                    log::warn!("job {} ({}) failed, tried again later: {error}", j.id, j.kind);
                    job::record_failure(c, &j.id, &runner, &error, retry_at)?;
                    summary.retried += 1;
                }
            }
        }
    }
    Ok(summary)
}

/// Runs one claimed job and finishes it, in one transaction; `None` when it is no longer this
/// runner's to run.
fn run_one(
    c: &mut AnyConnection,
    claimed: &Job,
    runner: &str,
    links: &PublicUrl,
    now: i64,
) -> AppResult<Option<&'static str>> {
    crate::db::write::<_, AppError>(c, |c| {
        let Some(job) = job::lock_claimed(c, &claimed.id, runner)? else { return Ok(None) };
        let finished = match Kind::parse(&job.kind) {
            Some(Kind::ScheduledRemoval) => {
                crate::services::scheduled_removal::run(c, &job, links, now)?
            }
            Some(
                kind @ (Kind::GdapExpiring
                | Kind::GdapNotice7
                | Kind::GdapNotice1
                | Kind::GdapEnd
                | Kind::GdapApprovalCleanup),
            ) => crate::services::gdap::run(c, &job, kind, links, now)?,
            None => {
                return Err(AppError::internal(anyhow::anyhow!("unknown job kind {}", job.kind)));
            }
        };
        job::finish(c, &job.id, now, finished.outcome, finished.result.as_deref(), None)?;
        Ok(Some(finished.outcome))
    })
}

/// An unexpected failure as the job keeps it (with its causes).
fn describe(e: &AppError) -> String {
    let text = match e {
        AppError::Internal(inner) => format!("{inner:#}"),
        other => other.to_string(),
    };
    text.chars().take(2000).collect()
}
