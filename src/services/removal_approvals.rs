//! Second-person approval of a removal (a partner setting, off by default). When it is on, a
//! Global admin's "Remove reseller relationship" is a request that a different Global admin
//! approves (which removes, every rule re-checked) or rejects, within 72 hours; the requester
//! may withdraw it. A pending request past its expiry reads as expired.

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::relationship::{self, Relationship};
use crate::models::removal_approval::{self as rows, RemovalApproval};
use crate::models::user;
use crate::services::audit::{self, Event, op};
use crate::services::customers::{self, Confirmable};
use crate::services::removal::{self, Blocker, Removed};
use crate::services::{Ctx, notify};
use crate::util::tokens::new_id;
use crate::util::urls::{PublicUrl, urlencode};

/// How long a request waits for the second Global admin.
pub const EXPIRES_AFTER_MS: i64 = 72 * 60 * 60 * 1000;

/// A request waiting for a second Global admin.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub id: String,
    pub requested_by_id: String,
    /// The requester's name.
    pub requested_by: String,
    pub requested_at: i64,
    pub expires_at: i64,
}

impl Waiting {
    fn of(row: RemovalApproval, name: String) -> Waiting {
        Waiting {
            id: row.id,
            requested_by_id: row.requested_by,
            requested_by: name,
            requested_at: row.requested_at,
            expires_at: row.expires_at,
        }
    }
}

/// What the Account page says of approvals for one customer.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The partner's setting.
    pub required: bool,
    pub waiting: Option<Waiting>,
}

/// What the removal's form did: removed, or asked for approval.
#[derive(Debug, Clone)]
pub enum Outcome {
    Removed(Removed),
    Requested(Waiting),
}

/// Whether the signed-in user's partner needs a second Global admin for a removal.
pub fn required(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<bool> {
    Ok(rows::needs_second_approval(c, ctx.partner_id())?)
}

/// The customer's request waiting now (not one that has expired).
pub fn waiting(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Option<Waiting>> {
    let stored = rows::stored_pending(c, ctx.partner_id(), customer_id)?;
    Ok(stored.filter(|(a, _)| a.expires_at > ctx.now).map(|(a, name)| Waiting::of(a, name)))
}

pub fn state(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<State> {
    Ok(State { required: required(c, ctx)?, waiting: waiting(c, ctx, customer_id)? })
}

fn setting_value(on: bool) -> String {
    format!("second approval for removal: {}", if on { "on" } else { "off" })
}

/// Turns the partner's setting on or off (Global admins), audited with old and new.
pub fn set_required(c: &mut AnyConnection, ctx: &Ctx, on: bool) -> AppResult<()> {
    ctx.user.require(Permission::RemoveRelationship)?;
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, &partner_id)?;
        let old = rows::needs_second_approval(c, &partner_id)?;
        if old == on {
            return Ok(());
        }
        rows::set_needs_second_approval(c, &partner_id, on)?;
        let ev = Event {
            operation: op::UPDATE_PARTNER_SETTINGS,
            resource_type: "partner",
            resource_id: Some(&partner_id),
            old_value: Some(setting_value(old)),
            new_value: Some(setting_value(on)),
            ..Default::default()
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(())
    })
}

/// "removal approval: pending; requested by: …" as the audit records keep it.
fn value(outcome: &str, requested_by: &str) -> String {
    format!("removal approval: {outcome}; requested by: {requested_by}")
}

fn who(ctx: &Ctx) -> String {
    format!("{} ({})", ctx.user.display_name, ctx.user.email)
}

fn none_waiting() -> AppError {
    AppError::Conflict(Msg::new("approval-error-none"))
}

/// The stored pending request, with what its expiry means now: `Err(expires_at)` once expired.
fn current(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
) -> AppResult<Result<(RemovalApproval, String), i64>> {
    let (a, name) =
        rows::stored_pending(c, ctx.partner_id(), customer_id)?.ok_or_else(none_waiting)?;
    if a.expires_at <= ctx.now {
        rows::decide(c, &a.id, rows::EXPIRED, None, a.expires_at, None)?;
        return Ok(Err(a.expires_at));
    }
    Ok(Ok((a, name)))
}

fn expired(at: i64) -> AppError {
    AppError::Conflict(Msg::new("approval-error-expired").date("date", at))
}

/// Asks for a second Global admin's approval instead of removing: the same rules as the
/// removal first (403 without the role, 409 when something blocks it), one waiting request per
/// relationship (409). Audited; the partner's Global admins are told by e-mail.
pub fn request(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
    terminate_gdap: bool,
) -> AppResult<Waiting> {
    ctx.user.require(Permission::RemoveRelationship)?;
    let partner_id = ctx.partner_id().to_owned();
    let result = crate::db::write::<_, AppError>(c, |c| {
        let rel = relationship::lock(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        crate::services::subscriptions::settle(c, &partner_id, customer_id, ctx.now)?;
        let eligibility = removal::check(c, &ctx.user, &rel, ctx.now)?;
        if eligibility.blockers.contains(&Blocker::RoleRequired) {
            return Err(AppError::Forbidden(Blocker::RoleRequired.message()));
        }
        if let Some(reason) = eligibility.reason() {
            return Err(AppError::Conflict(reason));
        }
        if let Some((a, name)) = rows::stored_pending(c, &partner_id, customer_id)? {
            if a.expires_at > ctx.now {
                let msg =
                    Msg::new("approval-error-exists").text("name", name).date("date", a.expires_at);
                return Err(AppError::Conflict(msg));
            }
            rows::decide(c, &a.id, rows::EXPIRED, None, a.expires_at, None)?;
        }
        let row = RemovalApproval {
            id: new_id(),
            partner_id: partner_id.clone(),
            customer_id: customer_id.to_owned(),
            relationship_id: rel.id.clone(),
            requested_by: ctx.user.id.clone(),
            requested_at: ctx.now,
            expires_at: ctx.now + EXPIRES_AFTER_MS,
            decided_by: None,
            decided_at: None,
            outcome: rows::PENDING.into(),
            reason: None,
            terminate_gdap,
        };
        rows::insert(c, &row)?;
        let ev = Event::change(
            customer_id,
            op::REQUEST_REMOVAL_APPROVAL,
            "relationship",
            &rel.id,
            "removal approval: none",
            value(rows::PENDING, &who(ctx)),
        )
        .named(&rel.company_name);
        audit::record(c, &ctx.into(), ev)?;
        tell_admins(c, ctx, links, &rel)?;
        Ok(Waiting::of(row, ctx.user.display_name.clone()))
    });
    if let Err(AppError::Conflict(reason)) = &result {
        refused(c, ctx, customer_id, op::REQUEST_REMOVAL_APPROVAL, reason);
    }
    result
}

fn tell_admins(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    rel: &Relationship,
) -> AppResult<()> {
    let link = links.link(&format!("/customers/{}/account", urlencode(&rel.customer_id)));
    let (customer, by) = (rel.company_name.as_str(), ctx.user.display_name.as_str());
    let letter = notify::Letter {
        subject: Msg::new("mail-approval-subject").text("customer", customer).text("user", by),
        body: Msg::new("mail-approval-body").text("customer", customer).text("user", by),
        link: Msg::new("mail-link-account").text("link", link),
    };
    notify::to_global_admins(c, ctx.partner_id(), ctx.now, &letter)?;
    Ok(())
}

fn refused(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str, operation: &str, reason: &Msg) {
    let ev = Event {
        customer_id: Some(customer_id),
        operation,
        resource_type: "relationship",
        reason: Some(reason.clone()),
        ..Default::default()
    };
    audit::record_refusal(c, ctx, ev);
}

/// The question before approving: the customer and the waiting request, refused as approving
/// would be (403 for the requester, 409 when none waits or something blocks the removal).
pub fn approve_question(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
) -> AppResult<Confirmable<Waiting>> {
    let (customer, relationship) =
        customers::find_as(c, ctx, customer_id, Permission::RemoveRelationship)?;
    let item = waiting(c, ctx, customer_id)?.ok_or_else(none_waiting)?;
    if item.requested_by_id == ctx.user.id {
        return Err(AppError::Forbidden(Msg::new("approval-error-same-person")));
    }
    let eligibility = removal::check(c, &ctx.user, &relationship, ctx.now)?;
    if let Some(reason) = eligibility.reason() {
        return Err(AppError::Conflict(reason));
    }
    Ok(Confirmable { customer, relationship, item })
}

/// Approves the waiting request: the removal itself (`removal::remove`, every rule re-checked)
/// in the same transaction as the approval's record. The requester cannot approve (403); an
/// expired request is closed as expired (409); a blocker that appeared since refuses it (409)
/// and the request stays waiting, so it can be approved once the blocker is cleared.
pub fn approve(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
) -> AppResult<Removed> {
    ctx.user.require(Permission::RemoveRelationship)?;
    let partner_id = ctx.partner_id().to_owned();
    let result = crate::db::write::<_, AppError>(c, |c| {
        let rel = relationship::lock(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        let (a, name) = match current(c, ctx, customer_id)? {
            Ok(found) => found,
            Err(at) => return Ok(Err(at)),
        };
        if a.requested_by == ctx.user.id {
            return Err(AppError::Forbidden(Msg::new("approval-error-same-person")));
        }
        let requester = user::find(c, &a.requested_by)?
            .map_or(name, |u| format!("{} ({})", u.display_name, u.email));
        let removed = removal::remove_as_asked(
            c,
            ctx,
            links,
            customer_id,
            Some(&requester),
            a.terminate_gdap,
        )?;
        if !rows::decide(c, &a.id, rows::APPROVED, Some(&ctx.user.id), ctx.now, None)? {
            return Err(none_waiting());
        }
        let ev = Event::change(
            customer_id,
            op::APPROVE_REMOVAL,
            "relationship",
            &rel.id,
            value(rows::PENDING, &requester),
            format!("{}; approved by: {}", value(rows::APPROVED, &requester), who(ctx)),
        )
        .named(&rel.company_name);
        audit::record(c, &ctx.into(), ev)?;
        Ok(Ok(removed))
    });
    let result = match result {
        Ok(Ok(removed)) => Ok(removed),
        Ok(Err(at)) => Err(expired(at)),
        Err(e) => Err(e),
    };
    // A missing role or the requester's own approval is recorded with every other
    // authorization denial (error::error_pages).
    if let Err(AppError::Conflict(reason)) = &result {
        refused(c, ctx, customer_id, op::APPROVE_REMOVAL, reason);
    }
    result
}

/// How a request that did not remove was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// By another Global admin.
    Rejected,
    /// By the person who asked.
    Withdrawn,
}

/// Rejects the waiting request (another Global admin, with an optional reason) or withdraws
/// it (the requester). Audited; 409 when none waits.
pub fn reject(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    reason: Option<&str>,
) -> AppResult<Closed> {
    ctx.user.require(Permission::RemoveRelationship)?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > 500) {
        return Err(AppError::Unprocessable(Msg::new("approval-error-reason-long")));
    }
    let partner_id = ctx.partner_id().to_owned();
    let result = crate::db::write::<_, AppError>(c, |c| {
        let rel = relationship::lock(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        let (a, name) = match current(c, ctx, customer_id)? {
            Ok(found) => found,
            Err(at) => return Ok(Err(at)),
        };
        let (closed, outcome, operation) = if a.requested_by == ctx.user.id {
            (Closed::Withdrawn, rows::WITHDRAWN, op::WITHDRAW_REMOVAL_APPROVAL)
        } else {
            (Closed::Rejected, rows::REJECTED, op::REJECT_REMOVAL)
        };
        if !rows::decide(c, &a.id, outcome, Some(&ctx.user.id), ctx.now, reason)? {
            return Err(none_waiting());
        }
        let requester = user::find(c, &a.requested_by)?
            .map_or(name, |u| format!("{} ({})", u.display_name, u.email));
        let mut new = value(outcome, &requester);
        if closed == Closed::Rejected {
            new = format!("{new}; rejected by: {}", who(ctx));
        }
        if let Some(r) = reason {
            // The reason is free text: kept whole, after the labelled parts.
            new = format!("{new}; reason: {}", r.replace(';', ","));
        }
        let ev = Event::change(
            customer_id,
            operation,
            "relationship",
            &rel.id,
            value(rows::PENDING, &requester),
            new,
        )
        .named(&rel.company_name);
        audit::record(c, &ctx.into(), ev)?;
        Ok(Ok(closed))
    });
    match result {
        Ok(Ok(closed)) => Ok(closed),
        Ok(Err(at)) => Err(expired(at)),
        Err(e) => Err(e),
    }
}

/// The removal's form: removes, or, with the partner's setting on, asks for approval (which
/// keeps the `terminate_gdap` choice for the approver's removal).
pub fn remove_or_request(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
    terminate_gdap: bool,
) -> AppResult<Outcome> {
    if required(c, ctx)? {
        request(c, ctx, links, customer_id, terminate_gdap).map(Outcome::Requested)
    } else {
        removal::remove(c, ctx, links, customer_id, terminate_gdap).map(Outcome::Removed)
    }
}
