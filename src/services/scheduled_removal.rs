//! Scheduled removal: a Global admin schedules the removal of a reseller relationship for its
//! earliest removal date or later; on the day the job runner runs the removal itself
//! (`removal::remove`, every rule re-checked) as the person who scheduled it, or records why
//! it could not.

use crate::auth::permissions::{Permission, allows};
use crate::auth::{CurrentUser, load_signed_in};
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Msg};
use crate::models::job::{self, Job};
use crate::models::relationship::{self, Relationship};
use crate::models::subscription::RemovalStep;
use crate::models::user;
use crate::services::audit::{self, Actor, Event, op};
use crate::services::jobs::{Finished, Kind};
use crate::services::removal::{self, Blocker};
use crate::services::{Ctx, notify};
use crate::util::clock::{day_start, iso_date, parse_iso_date};
use crate::util::tokens::new_id;
use crate::util::urls::{PublicUrl, urlencode};

const KIND: Kind = Kind::ScheduledRemoval;

/// A removal waiting for its day.
#[derive(Debug, Clone)]
pub struct Pending {
    pub run_at: i64,
    /// Who scheduled it (their name).
    pub by: String,
}

/// A scheduled removal that ran but did not remove: when, and why.
#[derive(Debug, Clone)]
pub struct NotRun {
    pub run_at: i64,
    pub reasons: Vec<Msg>,
}

/// What the Account page says of the customer's scheduled removal.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    pub pending: Option<Pending>,
    /// Set when the newest scheduled removal was refused or failed.
    pub not_run: Option<NotRun>,
}

/// The customer's pending scheduled removal, or the newest one that did not run.
pub fn state(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Schedule> {
    let newest = job::newest_for(c, KIND.as_str(), ctx.partner_id(), customer_id)?;
    let Some((job, by)) = newest else { return Ok(Schedule::default()) };
    Ok(match job.outcome.as_deref() {
        None => Schedule {
            pending: Some(Pending { run_at: job.run_at, by: by.unwrap_or_default() }),
            not_run: None,
        },
        Some(job::REFUSED) => {
            let reasons = job.result.as_deref().and_then(|r| serde_json::from_str(r).ok());
            let reasons = reasons.unwrap_or_else(|| vec![Msg::new("schedule-failed")]);
            Schedule { pending: None, not_run: Some(NotRun { run_at: job.run_at, reasons }) }
        }
        Some(job::FAILED) => Schedule {
            pending: None,
            not_run: Some(NotRun {
                run_at: job.run_at,
                reasons: vec![Msg::new("schedule-failed")],
            }),
        },
        Some(_) => Schedule::default(),
    })
}

/// The customer's pending scheduled removal, for the cancellation's confirmation (409 when
/// there is none).
pub fn pending(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Pending> {
    ctx.user.require(Permission::RemoveRelationship)?;
    state(c, ctx, customer_id)?.pending.ok_or_else(none_pending)
}

fn none_pending() -> AppError {
    AppError::Conflict(Msg::new("schedule-error-none"))
}

/// "scheduled removal: pending; removal date: 2027-11-23", as the audit records keep it.
fn pending_value(run_at: i64) -> String {
    format!("scheduled removal: pending; removal date: {}", iso_date(run_at))
}

/// Schedules the removal for `date` (`2027-11-23`, UTC), in one transaction with its audit
/// record: not before the earliest removal date nor in the past (422), one pending per
/// relationship (409). Auto-renew is turned off (`subscriptions::set_auto_renew`) on every
/// new-commerce subscription that blocks until it is; the removal runs at the start of the day
/// or, on the earliest date, at the earliest removal time. Returns when it will run.
/// The partner's Global admins are told by e-mail, with a link to the Account page at `links`.
pub fn schedule(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
    date: &str,
) -> AppResult<i64> {
    ctx.user.require(Permission::RemoveRelationship)?;
    let day = parse_iso_date(date.trim())
        .ok_or_else(|| AppError::Unprocessable(Msg::new("schedule-error-date")))?;
    let partner_id = ctx.partner_id().to_owned();
    let result = crate::db::write::<_, AppError>(c, |c| {
        let rel = relationship::lock(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        crate::services::subscriptions::settle(c, &partner_id, customer_id, ctx.now)?;
        let eligibility = removal::check(c, &ctx.user, &rel, ctx.now)?;
        // What waiting cannot change is refused now.
        for rule in [Blocker::NoRelationship, Blocker::IndirectReseller] {
            if eligibility.blockers.contains(&rule) {
                return Err(AppError::Conflict(rule.message()));
            }
        }
        let earliest = eligibility.earliest_removal.unwrap_or(ctx.now);
        if day < day_start(ctx.now) {
            return Err(AppError::Unprocessable(Msg::new("schedule-error-past")));
        }
        if day < day_start(earliest) {
            let msg = Msg::new("schedule-error-too-early").date("date", earliest);
            return Err(AppError::Unprocessable(msg));
        }
        if let Some(p) = job::pending_for(c, KIND.as_str(), &partner_id, customer_id)? {
            return Err(AppError::Conflict(
                Msg::new("schedule-error-exists").date("date", p.run_at),
            ));
        }
        let run_at = day.max(earliest);
        let job = Job::new(
            new_id(),
            KIND.as_str(),
            &partner_id,
            customer_id,
            run_at,
            Some(&ctx.user.id),
            ctx.now,
        );
        job::insert(c, &job)?;
        let ev = Event::change(
            customer_id,
            op::SCHEDULE_REMOVAL,
            "relationship",
            &rel.id,
            "scheduled removal: none",
            pending_value(run_at),
        )
        .named(&rel.company_name);
        audit::record(c, &ctx.into(), ev)?;
        tell(c, ctx, links, &rel, Told::Scheduled, run_at)?;
        for b in &eligibility.blockers {
            if let Blocker::ActiveSubscription {
                id,
                step: RemovalStep::TurnOffAutoRenew { .. },
                ..
            } = b
            {
                crate::services::subscriptions::set_auto_renew(
                    c,
                    ctx,
                    customer_id,
                    id,
                    false,
                    None,
                )?;
            }
        }
        Ok(run_at)
    });
    if let Err(AppError::Conflict(reason)) = &result {
        let refusal = Event {
            customer_id: Some(customer_id),
            operation: op::SCHEDULE_REMOVAL,
            resource_type: "relationship",
            reason: Some(reason.clone()),
            ..Default::default()
        };
        audit::record_refusal(c, ctx, refusal);
    }
    result
}

/// Cancels the customer's pending scheduled removal, audited; 409 when there is none (it has
/// run, or someone cancelled it first).
pub fn cancel(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
) -> AppResult<()> {
    ctx.user.require(Permission::RemoveRelationship)?;
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        let rel = relationship::find(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        let pending = job::pending_for(c, KIND.as_str(), &partner_id, customer_id)?
            .ok_or_else(none_pending)?;
        // Waits for a run in progress (its row lock); finds it finished then.
        if !job::finish(c, &pending.id, ctx.now, job::CANCELLED, None, Some(&ctx.user.id))? {
            return Err(none_pending());
        }
        let ev = Event::change(
            customer_id,
            op::CANCEL_REMOVAL_SCHEDULE,
            "relationship",
            &rel.id,
            pending_value(pending.run_at),
            "scheduled removal: cancelled",
        )
        .named(&rel.company_name);
        audit::record(c, &ctx.into(), ev)?;
        tell(c, ctx, links, &rel, Told::Cancelled, pending.run_at)
    })
}

/// What happened to a scheduled removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    Scheduled,
    Cancelled,
}

/// Tells the partner's Global admins and the customer's administrators what `ctx`'s user did
/// to the removal scheduled for `run_at`, in the caller's transaction.
fn tell(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    rel: &Relationship,
    told: Told,
    run_at: i64,
) -> AppResult<()> {
    let [(subject, body), (customer_subject, customer_body)] = match told {
        Told::Scheduled => [
            ("mail-scheduled-subject", "mail-scheduled-body"),
            ("mail-customer-scheduled-subject", "mail-customer-scheduled-body"),
        ],
        Told::Cancelled => [
            ("mail-schedule-cancelled-subject", "mail-schedule-cancelled-body"),
            ("mail-customer-schedule-cancelled-subject", "mail-customer-schedule-cancelled-body"),
        ],
    };
    let about = |key| {
        Msg::new(key)
            .text("customer", &rel.company_name)
            .text("partner", &ctx.user.partner.name)
            .text("user", &ctx.user.display_name)
            .date("date", run_at)
    };
    let account = format!("/customers/{}/account", urlencode(&rel.customer_id));
    let letter = notify::Letter {
        subject: about(subject),
        body: about(body),
        link: Msg::new("mail-link-account").text("link", links.link(&account)),
    };
    notify::to_global_admins(c, ctx.partner_id(), ctx.now, &letter)?;
    // The customer learns the date before the day, not only the removal after it.
    let letter = notify::Letter {
        subject: about(customer_subject),
        body: about(customer_body),
        link: Msg::new("mail-link-tenant").text("link", links.link("/tenant")),
    };
    notify::to_customer_admins(c, &rel.customer_id, ctx.now, &letter)?;
    Ok(())
}

/// The job's run, in the runner's transaction: the removal as the person who scheduled it, at
/// the job's `now`. Refused (with every reason kept for the Account page and an audit record)
/// when the relationship was established again after scheduling, when the partner's removals
/// need a second Global admin's approval (`removal_approvals`), when they are no longer an
/// active Global admin of the partner, or when the rules forbid it.
pub(crate) fn run(
    c: &mut AnyConnection,
    job: &Job,
    links: &PublicUrl,
    now: i64,
) -> AppResult<Finished> {
    let request_id = new_id();
    let Some(rel) = relationship::lock(c, &job.partner_id, &job.subject)? else {
        return Ok(refused(vec![Blocker::NoRelationship.message()]));
    };
    let creator = match &job.created_by {
        Some(id) => user::find(c, id)?,
        None => None,
    };
    let actor = Actor {
        partner_id: Some(job.partner_id.clone()),
        user_id: job.created_by.clone(),
        label: creator.as_ref().map_or_else(|| "partnerdesk jobs".into(), |u| u.email.clone()),
        request_id: request_id.clone(),
        correlation_id: None,
    };
    let name = creator.map(|u| u.display_name).unwrap_or_default();
    let signed_in = match &job.created_by {
        Some(id) => load_signed_in(c, id)?.filter(|s| s.partner.id == job.partner_id),
        None => None,
    };
    let needs_approval =
        crate::models::removal_approval::needs_second_approval(c, &job.partner_id)?;
    let (reasons, headline) = match signed_in {
        // Removed and established again since: this relationship was not the one scheduled.
        _ if rel.started_at > job.created_at => {
            let msg = Msg::new("schedule-refused-new-relationship");
            (vec![msg.clone()], msg)
        }
        // Nobody approves a job's removal: with the partner's setting on, it does not run.
        _ if needs_approval => {
            let msg = Msg::new("schedule-refused-approval");
            (vec![msg.clone()], msg)
        }
        None => {
            let msg = Msg::new("schedule-refused-inactive").text("name", &name);
            (vec![msg.clone()], msg)
        }
        Some(s) if !allows(&s.roles, Permission::RemoveRelationship) => {
            let msg = Msg::new("schedule-refused-role").text("name", &name);
            (vec![msg.clone()], msg)
        }
        Some(s) => {
            let ctx = Ctx {
                user: CurrentUser {
                    id: s.user.id,
                    email: s.user.email,
                    display_name: s.user.display_name,
                    partner: s.partner,
                    roles: s.roles,
                    csrf_token: String::new(),
                    locale: Locale::default(),
                    path: "/".into(),
                },
                request_id: request_id.clone(),
                correlation_id: None,
                now,
            };
            match removal::remove(c, &ctx, links, &job.subject, true) {
                Ok(removed) => {
                    let ev = Event::change(
                        &job.subject,
                        op::RUN_SCHEDULED_REMOVAL,
                        "relationship",
                        &rel.id,
                        pending_value(job.run_at),
                        "scheduled removal: removed",
                    )
                    .named(&rel.company_name);
                    audit::record(c, &actor, ev)?;
                    return Ok(Finished { outcome: job::DONE, result: Some(removed.receipt_id) });
                }
                Err(AppError::Conflict(headline) | AppError::Forbidden(headline)) => {
                    // Every reason, not only the headline the refusal gave.
                    let eligibility = removal::check(c, &ctx.user, &rel, now)?;
                    let mut reasons: Vec<Msg> =
                        eligibility.blockers.iter().map(Blocker::message).collect();
                    if reasons.is_empty() {
                        reasons.push(headline.clone());
                    }
                    (reasons, headline)
                }
                Err(e) => return Err(e),
            }
        }
    };
    let ev = Event {
        failed: true,
        new_value: Some(reasons.iter().map(Msg::to_string).collect::<Vec<_>>().join("; ")),
        reason: Some(headline),
        ..Event::change(
            &job.subject,
            op::RUN_SCHEDULED_REMOVAL,
            "relationship",
            &rel.id,
            pending_value(job.run_at),
            "",
        )
        .named(&rel.company_name)
    };
    audit::record(c, &actor, ev)?;
    Ok(refused(reasons))
}

fn refused(reasons: Vec<Msg>) -> Finished {
    Finished { outcome: job::REFUSED, result: serde_json::to_string(&reasons).ok() }
}

/// Whether the relationship is one whose removal may be scheduled by this user (the Account
/// page's form): the removal permission, a reseller relationship, a partner that may remove.
pub fn may_schedule(ctx: &Ctx, rel: &Relationship) -> bool {
    ctx.user.can(Permission::RemoveRelationship)
        && rel.is_reseller()
        && ctx.user.partner.kind() != crate::models::partner::PartnerKind::IndirectReseller
}
