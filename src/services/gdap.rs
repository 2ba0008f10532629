//! GDAP admin relationships, modelled on Graph's `delegatedAdminRelationship`: the partner
//! creates one for a customer with some Entra roles and a duration, sends it for approval, and
//! the customer's administrator approves or declines it (the customer's pages call `approve`,
//! `decline`, `terminate_by_customer`, `list_for_customer`). The job runner moves it to
//! `expiring` 30 days before its end, e-mails the partner's Global admins and the customer's
//! administrators 30, 7 and 1 days before, and at the end extends it by 180 days or lets it
//! expire. Both sides are e-mailed about every change to a relationship after it was sent.
//!
//! Graph's asynchronous statuses (`approved`, `activating`, `terminationRequested`,
//! `terminating`) are Microsoft's processing; here one transaction does the whole change, so a
//! relationship goes straight to `active` or `terminated`. Graph has no `declined`: a declined
//! request ends `terminated`. A request not approved within 90 days ends `expired` (Graph deletes
//! it; the row and its history are kept for the audit trail).

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::entra_role::{self, EntraRole, GLOBAL_ADMINISTRATOR};
use crate::models::gdap::{self as rows, Change, GdapRelationship, RESOURCE_TYPE};
use crate::models::job::{self, Job};
use crate::models::relationship;
use crate::services::audit::{self, Actor, Event, op};
use crate::services::jobs::{Finished, Kind};
use crate::services::{Ctx, notify};
use crate::util::clock::DAY_MS;
use crate::util::tokens::new_id;
use crate::util::urls::PublicUrl;

pub use crate::models::gdap::{APPROVAL_PENDING, CREATED, Cursor, Filter, ListRow, STATUSES};

/// The longest display name (Graph's limit).
pub const MAX_NAME: usize = 50;
pub const MAX_DAYS: i32 = 730;
/// Graph's one auto-extension: `P180D`.
pub const AUTO_EXTEND_DAYS: i32 = 180;
/// How many relationships one bulk change takes (as Partner Center).
pub const BULK_LIMIT: usize = 25;
/// A request not approved within this many days ends.
pub const APPROVAL_DAYS: i64 = 90;
/// When the relationship turns `expiring`, and the e-mails before its end (days).
pub const EXPIRING_DAYS: i64 = 30;
pub const NOTICE_DAYS: [i64; 3] = [30, 7, 1];

/// The page where the customer's administrator approves a request.
pub fn approval_path(id: &str) -> String {
    format!("/tenant/gdap/{id}")
}

/// The partner's page of a relationship.
pub fn page_path(id: &str) -> String {
    format!("/gdap/{id}")
}

/// Graph's ISO 8601 `duration` in whole days, strictly `P<n>D` with 1 ≤ n ≤ 730 (no leading
/// zero, no other unit).
pub fn parse_duration(text: &str) -> Option<i32> {
    let digits = text.strip_prefix('P')?.strip_suffix('D')?;
    let ok = !digits.is_empty()
        && digits.len() <= 3
        && !digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit());
    let days: i32 = digits.parse().ok().filter(|_| ok)?;
    (1..=MAX_DAYS).contains(&days).then_some(days)
}

/// Graph's `autoExtendDuration`: `P180D` or `PT0S`, in days.
pub fn parse_auto_extend(text: &str) -> Option<i32> {
    match text {
        "P180D" => Some(AUTO_EXTEND_DAYS),
        "PT0S" => Some(0),
        _ => None,
    }
}

/// A new relationship as the form gives it.
#[derive(Debug, Clone, Default)]
pub struct NewRelationship {
    pub customer_id: String,
    pub display_name: String,
    /// ISO 8601, `P90D`.
    pub duration: String,
    /// ISO 8601, `P180D` or `PT0S`.
    pub auto_extend: String,
    pub role_ids: Vec<String>,
}

/// One relationship's page: the row, its customer, roles, history and approval link.
#[derive(Debug, Clone)]
pub struct Detail {
    pub rel: GdapRelationship,
    pub customer_name: String,
    pub roles: Vec<EntraRole>,
    pub history: Vec<crate::models::audit::AuditRecord>,
    /// While approval is pending: the absolute link for the customer's administrator.
    pub approval_link: Option<String>,
}

/// A relationship as the customer's "your partners" view shows it.
#[derive(Debug, Clone)]
pub struct ForCustomer {
    pub rel: GdapRelationship,
    pub partner_name: String,
    pub roles: Vec<EntraRole>,
}

/// What a bulk change did: the names changed, and those it left with why.
#[derive(Debug, Clone, Default)]
pub struct Bulk {
    pub changed: Vec<String>,
    pub ineligible: Vec<String>,
}

fn not_allowed(rel: &GdapRelationship, action: &'static str) -> AppError {
    AppError::Conflict(
        Msg::new("gdap-error-status")
            .text("name", &rel.display_name)
            .key("status", &status_key(&rel.status))
            .key("action", action),
    )
}

/// The message key of a status's label.
pub fn status_key(status: &str) -> String {
    format!("gdap-status-{status}")
}

fn has_global_admin(role_ids: &[String]) -> bool {
    role_ids.iter().any(|r| r.eq_ignore_ascii_case(GLOBAL_ADMINISTRATOR))
}

fn status_value(status: &str) -> String {
    format!("status: {status}")
}

fn event<'a>(rel: &'a GdapRelationship, operation: &'a str, old: String, new: String) -> Event<'a> {
    Event::change(&rel.customer_id, operation, RESOURCE_TYPE, &rel.id, old, new)
        .named(&rel.display_name)
}

/// The partner's reseller customers (id, name) for the new relationship form.
pub fn customers_for_form(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<Vec<(String, String)>> {
    ctx.user.require(Permission::ManageGdap)?;
    Ok(rows::reseller_customers(c, ctx.partner_id(), 1000)?)
}

/// Checks the form's fields (422 with a sentence), then creates the relationship as `created`
/// with its roles and audit record in one transaction: 404 for a customer that is not the
/// partner's, 409 for a name the partner already uses.
pub fn create(
    c: &mut AnyConnection,
    ctx: &Ctx,
    new: &NewRelationship,
) -> AppResult<GdapRelationship> {
    ctx.user.require(Permission::ManageGdap)?;
    let name = new.display_name.trim();
    let bad = |key| AppError::Unprocessable(Msg::new(key));
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(bad("gdap-error-name"));
    }
    let days = parse_duration(new.duration.trim()).ok_or_else(|| bad("gdap-error-duration"))?;
    let extend =
        parse_auto_extend(new.auto_extend.trim()).ok_or_else(|| bad("gdap-error-auto-extend"))?;
    if new.role_ids.is_empty() {
        return Err(bad("gdap-error-no-roles"));
    }
    let mut roles: Vec<EntraRole> = Vec::new();
    for id in &new.role_ids {
        let role = entra_role::find(id).ok_or_else(|| bad("gdap-error-role"))?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    let ids: Vec<String> = roles.iter().map(|r| r.id.to_owned()).collect();
    if extend > 0 && has_global_admin(&ids) {
        return Err(bad("gdap-error-auto-extend-global-admin"));
    }
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        let customer = relationship::lock(c, &partner_id, &new.customer_id)?
            .filter(|r| r.is_reseller())
            .ok_or(AppError::NotFound)?;
        if rows::name_taken(c, &partner_id, name)? {
            return Err(AppError::Conflict(Msg::new("gdap-error-name-taken").text("name", name)));
        }
        let rel = GdapRelationship {
            id: new_id(),
            partner_id: partner_id.clone(),
            customer_id: customer.customer_id.clone(),
            display_name: name.to_owned(),
            duration_days: days,
            auto_extend_days: extend,
            status: rows::CREATED.into(),
            created_by: Some(ctx.user.id.clone()),
            created_at: ctx.now,
            updated_at: ctx.now,
            activated_at: None,
            end_at: None,
            ended_at: None,
            ended_by: None,
        };
        rows::insert(c, &rel)?;
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        rows::insert_roles(c, &rel.id, &id_refs)?;
        let names: Vec<&str> = roles.iter().map(|r| r.name).collect();
        let value = format!(
            "status: created; duration: {}; auto-extend: {}; Entra roles: {}",
            rel.duration_iso(),
            rel.auto_extend_iso(),
            names.join(", ")
        );
        let ev = Event {
            old_value: None,
            ..event(&rel, op::CREATE_GDAP_RELATIONSHIP, String::new(), value)
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(rel)
    })
}

/// A page of the partner's relationships for the GDAP page (`limit + 1` rows, see
/// `models::gdap::list_for_partner`).
pub fn list(
    c: &mut AnyConnection,
    ctx: &Ctx,
    filter: &Filter,
    after: Option<&Cursor>,
    limit: i64,
) -> AppResult<Vec<ListRow>> {
    ctx.user.require(Permission::ViewCustomers)?;
    Ok(rows::list_for_partner(c, ctx.partner_id(), filter, after, limit)?)
}

/// One of the partner's relationships with what its page shows; 404 for another partner's.
pub fn detail(c: &mut AnyConnection, ctx: &Ctx, links: &PublicUrl, id: &str) -> AppResult<Detail> {
    ctx.user.require(Permission::ViewCustomers)?;
    let rel = rows::find(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?;
    let customer_name = relationship::find(c, ctx.partner_id(), &rel.customer_id)?
        .map(|r| r.company_name)
        .unwrap_or_default();
    let roles = roles_of(c, &rel.id)?;
    let history = rows::history(c, ctx.partner_id(), &rel.id)?;
    let approval_link =
        (rel.status == rows::APPROVAL_PENDING).then(|| links.link(&approval_path(&rel.id)));
    Ok(Detail { rel, customer_name, roles, history, approval_link })
}

fn roles_of(c: &mut AnyConnection, id: &str) -> AppResult<Vec<EntraRole>> {
    let ids = rows::roles(c, id)?;
    // In the catalogue's order.
    Ok(entra_role::ALL.into_iter().filter(|r| ids.iter().any(|i| i == r.id)).collect())
}

/// `created` → `approvalPending`, audited; returns the relationship and the approval link for
/// the customer's administrator. The request ends by itself if not approved within 90 days.
pub fn send_for_approval(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    id: &str,
) -> AppResult<(GdapRelationship, String)> {
    ctx.user.require(Permission::ManageGdap)?;
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        let rel = rows::lock(c, &partner_id, id)?.ok_or(AppError::NotFound)?;
        if rel.status != rows::CREATED {
            return Err(not_allowed(&rel, "gdap-action-send"));
        }
        rows::set_status(
            c,
            &rel.id,
            rows::CREATED,
            rows::APPROVAL_PENDING,
            ctx.now,
            &Change::default(),
        )?;
        let ev = event(
            &rel,
            op::REQUEST_GDAP_APPROVAL,
            status_value(rows::CREATED),
            status_value(rows::APPROVAL_PENDING),
        );
        audit::record(c, &ctx.into(), ev)?;
        enqueue(c, Kind::GdapApprovalCleanup, &rel, ctx.now + APPROVAL_DAYS * DAY_MS, ctx.now)?;
        let link = links.link(&approval_path(&rel.id));
        // The customer's admins are asked directly, with the page where they decide.
        let letter = notify::Letter {
            subject: Msg::new("mail-gdap-approval-subject").text("partner", &ctx.user.partner.name),
            body: Msg::new("mail-gdap-approval-body")
                .text("partner", &ctx.user.partner.name)
                .text("name", &rel.display_name)
                .num("days", f64::from(rel.duration_days)),
            link: Msg::new("mail-link-gdap-approval").text("link", link.clone()),
        };
        notify::to_customer_admins(c, &rel.customer_id, ctx.now, &letter)?;
        Ok((GdapRelationship { status: rows::APPROVAL_PENDING.into(), ..rel }, link))
    })
}

/// The customer's side acts on a relationship of its own: the relationship locked, 404 when it
/// is another customer's. The audit record goes to the partner's log too.
fn customer_change(
    conn: &mut AnyConnection,
    actor: &Actor,
    links: &PublicUrl,
    customer_id: &str,
    relationship_id: &str,
    now: i64,
    what: CustomerAction,
) -> AppResult<GdapRelationship> {
    crate::db::write::<_, AppError>(conn, |c| {
        let rel = rows::lock_any(c, relationship_id)?
            .filter(|r| r.customer_id == customer_id)
            .ok_or(AppError::NotFound)?;
        let (allowed, to, operation, action): (&[&str], _, _, _) = match what {
            CustomerAction::Approve => {
                (&[rows::APPROVAL_PENDING], rows::ACTIVE, op::APPROVE_GDAP, "gdap-action-approve")
            }
            CustomerAction::Decline => (
                &[rows::APPROVAL_PENDING],
                rows::TERMINATED,
                op::DECLINE_GDAP,
                "gdap-action-decline",
            ),
            CustomerAction::Terminate => {
                (&rows::LIVE, rows::TERMINATED, op::TERMINATE_GDAP, "gdap-action-terminate")
            }
        };
        if !allowed.contains(&rel.status.as_str()) {
            return Err(not_allowed(&rel, action));
        }
        let change = match what {
            CustomerAction::Approve => Change {
                activated_at: Some(now),
                end_at: Some(now + i64::from(rel.duration_days) * DAY_MS),
                ..Change::default()
            },
            _ => Change {
                ended_at: Some(now),
                ended_by: Some(actor.label.clone()),
                ..Change::default()
            },
        };
        rows::set_status(c, &rel.id, &rel.status, to, now, &change)?;
        let actor = Actor { partner_id: Some(rel.partner_id.clone()), ..actor.clone() };
        let ev = event(&rel, operation, status_value(&rel.status), status_value(to));
        audit::record(c, &actor, ev)?;
        let rel = rows::find(c, &rel.partner_id, &rel.id)?.ok_or(AppError::NotFound)?;
        cancel_jobs(c, &rel, &KINDS, None, now)?;
        let news = match what {
            CustomerAction::Approve => {
                schedule_end(c, &rel, now)?;
                News::Approved
            }
            CustomerAction::Decline => News::Declined,
            CustomerAction::Terminate => News::Terminated,
        };
        tell(c, &rel, links, news, &actor.label, now)?;
        Ok(rel)
    })
}

#[derive(Clone, Copy)]
enum CustomerAction {
    Approve,
    Decline,
    Terminate,
}

/// The customer's administrator approves a request: `approvalPending` → `active`, its end set
/// from its duration. Only the named customer's (404 otherwise); 409 from any other status.
pub fn approve(
    conn: &mut AnyConnection,
    actor: &Actor,
    links: &PublicUrl,
    customer_id: &str,
    relationship_id: &str,
    now: i64,
) -> AppResult<GdapRelationship> {
    customer_change(conn, actor, links, customer_id, relationship_id, now, CustomerAction::Approve)
}

/// The customer's administrator declines a request: `approvalPending` → `terminated` (Graph
/// has no `declined` status).
pub fn decline(
    conn: &mut AnyConnection,
    actor: &Actor,
    links: &PublicUrl,
    customer_id: &str,
    relationship_id: &str,
    now: i64,
) -> AppResult<GdapRelationship> {
    customer_change(conn, actor, links, customer_id, relationship_id, now, CustomerAction::Decline)
}

/// The customer's administrator ends the partner's access: `active`/`expiring` → `terminated`.
pub fn terminate_by_customer(
    conn: &mut AnyConnection,
    actor: &Actor,
    links: &PublicUrl,
    customer_id: &str,
    relationship_id: &str,
    now: i64,
) -> AppResult<GdapRelationship> {
    customer_change(
        conn,
        actor,
        links,
        customer_id,
        relationship_id,
        now,
        CustomerAction::Terminate,
    )
}

/// Every partner's relationships with the customer, with the partner's name and the roles.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    customer_id: &str,
) -> AppResult<Vec<ForCustomer>> {
    let found = rows::list_across_partners(conn, customer_id)?;
    let mut out = Vec::with_capacity(found.len());
    for (rel, partner_name) in found {
        let roles = roles_of(conn, &rel.id)?;
        out.push(ForCustomer { rel, partner_name, roles });
    }
    Ok(out)
}

/// Whether the partner may terminate it now: active or expiring (ends access), or not yet
/// approved (withdraws the request).
fn terminable(rel: &GdapRelationship) -> bool {
    matches!(
        rel.status.as_str(),
        rows::CREATED | rows::APPROVAL_PENDING | rows::ACTIVE | rows::EXPIRING
    )
}

/// Terminates one locked relationship in the caller's transaction, audited; e-mails both sides
/// when given `links` (a removal's own e-mail tells of the relationships it ends).
fn terminate_locked(
    c: &mut AnyConnection,
    actor: &Actor,
    links: Option<&PublicUrl>,
    rel: &GdapRelationship,
    now: i64,
) -> AppResult<()> {
    let change =
        Change { ended_at: Some(now), ended_by: Some(actor.label.clone()), ..Change::default() };
    rows::set_status(c, &rel.id, &rel.status, rows::TERMINATED, now, &change)?;
    cancel_jobs(c, rel, &KINDS, None, now)?;
    let ev =
        event(rel, op::TERMINATE_GDAP, status_value(&rel.status), status_value(rows::TERMINATED));
    audit::record(c, actor, ev)?;
    match links {
        Some(links) => tell(c, rel, links, News::Terminated, &actor.label, now),
        None => Ok(()),
    }
}

/// The partner terminates a relationship (active or expiring), or withdraws a request not yet
/// approved; 409 with the status otherwise. The person is asked first (the web layer).
pub fn terminate(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    id: &str,
) -> AppResult<GdapRelationship> {
    ctx.user.require(Permission::ManageGdap)?;
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        let rel = rows::lock(c, &partner_id, id)?.ok_or(AppError::NotFound)?;
        if !terminable(&rel) {
            return Err(not_allowed(&rel, "gdap-action-terminate"));
        }
        terminate_locked(c, &ctx.into(), Some(links), &rel, ctx.now)?;
        rows::find(c, &partner_id, id)?.ok_or(AppError::NotFound)
    })
}

/// The relationship and its customer's name for the question before terminating: the
/// partner's own, with the permission, in a status that can end (409 otherwise).
pub fn for_question(
    c: &mut AnyConnection,
    ctx: &Ctx,
    id: &str,
) -> AppResult<(GdapRelationship, String)> {
    ctx.user.require(Permission::ManageGdap)?;
    let rel = rows::find(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?;
    if !terminable(&rel) {
        return Err(not_allowed(&rel, "gdap-action-terminate"));
    }
    let customer = customer_name(c, &rel)?;
    Ok((rel, customer))
}

/// Terminates every active or expiring relationship of the partner with the customer, in the
/// caller's transaction (the removal's "also terminate these GDAP relationships"); returns
/// their names, which the removal's e-mail and receipt carry instead of one e-mail each.
pub fn terminate_active_for_customer_in_tx(
    c: &mut AnyConnection,
    actor: &Actor,
    partner_id: &str,
    customer_id: &str,
    now: i64,
) -> AppResult<Vec<String>> {
    let live = rows::live_for_customer(c, partner_id, customer_id)?;
    let mut names = Vec::with_capacity(live.len());
    for rel in live {
        terminate_locked(c, actor, None, &rel, now)?;
        names.push(rel.display_name);
    }
    Ok(names)
}

/// Turns auto-extend on (`P180D`) or off (`PT0S`); on is refused (422) with the Global
/// Administrator role, and from statuses that will not extend (409).
pub fn set_auto_extend(
    c: &mut AnyConnection,
    ctx: &Ctx,
    id: &str,
    on: bool,
) -> AppResult<GdapRelationship> {
    ctx.user.require(Permission::ManageGdap)?;
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        let rel = rows::lock(c, &partner_id, id)?.ok_or(AppError::NotFound)?;
        let open = matches!(
            rel.status.as_str(),
            rows::CREATED | rows::APPROVAL_PENDING | rows::ACTIVE | rows::EXPIRING
        );
        if !open {
            return Err(not_allowed(&rel, "gdap-action-auto-extend"));
        }
        if on && has_global_admin(&rows::roles(c, &rel.id)?) {
            return Err(AppError::Unprocessable(Msg::new("gdap-error-auto-extend-global-admin")));
        }
        change_auto_extend(c, &ctx.into(), &rel, on, ctx.now)?;
        rows::find(c, &partner_id, id)?.ok_or(AppError::NotFound)
    })
}

fn change_auto_extend(
    c: &mut AnyConnection,
    actor: &Actor,
    rel: &GdapRelationship,
    on: bool,
    now: i64,
) -> AppResult<()> {
    let days = if on { AUTO_EXTEND_DAYS } else { 0 };
    if rel.auto_extend_days == days {
        return Ok(());
    }
    rows::set_auto_extend(c, &rel.id, days, now)?;
    let after = GdapRelationship { auto_extend_days: days, ..rel.clone() };
    let ev = event(
        rel,
        op::UPDATE_GDAP_AUTO_EXTEND,
        format!("auto-extend: {}", rel.auto_extend_iso()),
        format!("auto-extend: {}", after.auto_extend_iso()),
    );
    audit::record(c, actor, ev)?;
    Ok(())
}

fn check_bulk(ids: &[String]) -> AppResult<()> {
    if ids.is_empty() {
        return Err(AppError::Unprocessable(Msg::new("gdap-error-bulk-none")));
    }
    if ids.len() > BULK_LIMIT {
        return Err(AppError::Unprocessable(
            Msg::new("gdap-error-bulk-limit").num("limit", BULK_LIMIT as f64),
        ));
    }
    Ok(())
}

/// Turns auto-extend on for up to 25 of the partner's relationships in one transaction: those
/// active or expiring without the Global Administrator role change, the others are reported
/// (422 over 25; 404 when one is not the partner's).
pub fn bulk_auto_extend(c: &mut AnyConnection, ctx: &Ctx, ids: &[String]) -> AppResult<Bulk> {
    ctx.user.require(Permission::ManageGdap)?;
    check_bulk(ids)?;
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        let mut done = Bulk::default();
        for id in dedup(ids) {
            let rel = rows::lock(c, &partner_id, id)?.ok_or(AppError::NotFound)?;
            if !rel.is_live() || has_global_admin(&rows::roles(c, &rel.id)?) {
                done.ineligible.push(rel.display_name);
                continue;
            }
            change_auto_extend(c, &ctx.into(), &rel, true, ctx.now)?;
            done.changed.push(rel.display_name);
        }
        Ok(done)
    })
}

/// Terminates up to 25 of the partner's relationships in one transaction (those that can be);
/// the others are reported.
pub fn bulk_terminate(
    c: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    ids: &[String],
) -> AppResult<Bulk> {
    ctx.user.require(Permission::ManageGdap)?;
    check_bulk(ids)?;
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(c, |c| {
        let mut done = Bulk::default();
        for id in dedup(ids) {
            let rel = rows::lock(c, &partner_id, id)?.ok_or(AppError::NotFound)?;
            if !terminable(&rel) {
                done.ineligible.push(rel.display_name);
                continue;
            }
            terminate_locked(c, &ctx.into(), Some(links), &rel, ctx.now)?;
            done.changed.push(rel.display_name);
        }
        Ok(done)
    })
}

/// The names of up to 25 of the partner's relationships, for the bulk question (404 when one is
/// not the partner's, 422 over 25).
pub fn names_for_bulk(c: &mut AnyConnection, ctx: &Ctx, ids: &[String]) -> AppResult<Vec<String>> {
    ctx.user.require(Permission::ManageGdap)?;
    check_bulk(ids)?;
    let mut names = Vec::new();
    for id in dedup(ids) {
        names.push(rows::find(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?.display_name);
    }
    Ok(names)
}

fn dedup(ids: &[String]) -> Vec<&String> {
    let mut out: Vec<&String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

fn customer_name(c: &mut AnyConnection, rel: &GdapRelationship) -> AppResult<String> {
    Ok(crate::models::customer::find(c, &rel.customer_id)?
        .map(|c| c.company_name)
        .unwrap_or_default())
}

/// What an e-mail about a relationship tells, to both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum News {
    Approved,
    Declined,
    Terminated,
    Ending,
    Extended,
    Expired,
}

impl News {
    /// The subject's and the sentence's keys: (to the partner's Global admins, to the customer's
    /// administrators).
    fn keys(self) -> [(&'static str, &'static str); 2] {
        match self {
            News::Approved => [
                ("mail-gdap-approved-subject", "mail-gdap-approved-body"),
                ("mail-customer-gdap-approved-subject", "mail-customer-gdap-approved-body"),
            ],
            News::Declined => [
                ("mail-gdap-declined-subject", "mail-gdap-declined-body"),
                ("mail-customer-gdap-declined-subject", "mail-customer-gdap-declined-body"),
            ],
            News::Terminated => [
                ("mail-gdap-terminated-subject", "mail-gdap-terminated-body"),
                ("mail-customer-gdap-terminated-subject", "mail-customer-gdap-terminated-body"),
            ],
            News::Ending => [
                ("mail-gdap-ending-subject", "mail-gdap-ending-body"),
                ("mail-customer-gdap-ending-subject", "mail-customer-gdap-ending-body"),
            ],
            News::Extended => [
                ("mail-gdap-extended-subject", "mail-gdap-extended-body"),
                ("mail-customer-gdap-extended-subject", "mail-customer-gdap-extended-body"),
            ],
            News::Expired => [
                ("mail-gdap-expired-subject", "mail-gdap-expired-body"),
                ("mail-customer-gdap-expired-subject", "mail-customer-gdap-expired-body"),
            ],
        }
    }
}

/// E-mails the partner's Global admins and the customer's administrators what happened to the
/// relationship (`by` did it), each side with the link to its own page of it, in the caller's
/// transaction.
fn tell(
    c: &mut AnyConnection,
    rel: &GdapRelationship,
    links: &PublicUrl,
    news: News,
    by: &str,
    now: i64,
) -> AppResult<()> {
    let customer = customer_name(c, rel)?;
    let partner =
        crate::models::partner::find(c, &rel.partner_id)?.map(|p| p.name).unwrap_or_default();
    let about = |key| {
        let m = Msg::new(key)
            .text("name", &rel.display_name)
            .text("customer", &customer)
            .text("partner", &partner)
            .text("user", by);
        match rel.end_at {
            Some(end) => m.date("date", end),
            None => m,
        }
    };
    let [(subject, body), (customer_subject, customer_body)] = news.keys();
    let letter = notify::Letter {
        subject: about(subject),
        body: about(body),
        link: Msg::new("mail-link-gdap").text("link", links.link(&page_path(&rel.id))),
    };
    notify::to_global_admins(c, &rel.partner_id, now, &letter)?;
    // A request never sent for approval (a draft withdrawn) is nothing the customer has seen.
    if rel.status == rows::CREATED {
        return Ok(());
    }
    let letter = notify::Letter {
        subject: about(customer_subject),
        body: about(customer_body),
        link: Msg::new("mail-link-gdap").text("link", links.link(&approval_path(&rel.id))),
    };
    notify::to_customer_admins(c, &rel.customer_id, now, &letter)?;
    Ok(())
}

/// Every job kind about a relationship.
const KINDS: [Kind; 5] = [
    Kind::GdapExpiring,
    Kind::GdapNotice7,
    Kind::GdapNotice1,
    Kind::GdapEnd,
    Kind::GdapApprovalCleanup,
];

/// Cancels the relationship's unfinished jobs of these kinds (it left the status they wait on),
/// sparing `except` (a job running now, which its runner finishes).
fn cancel_jobs(
    c: &mut AnyConnection,
    rel: &GdapRelationship,
    kinds: &[Kind],
    except: Option<&str>,
    now: i64,
) -> AppResult<()> {
    for kind in kinds {
        if let Some(old) = job::pending_for(c, kind.as_str(), &rel.partner_id, &rel.id)?
            && Some(old.id.as_str()) != except
        {
            job::finish(c, &old.id, now, job::CANCELLED, Some(&rel.status), None)?;
        }
    }
    Ok(())
}

/// Replaces the unfinished job of `kind` about the relationship with one at `run_at`.
fn enqueue(
    c: &mut AnyConnection,
    kind: Kind,
    rel: &GdapRelationship,
    run_at: i64,
    now: i64,
) -> AppResult<()> {
    if let Some(old) = job::pending_for(c, kind.as_str(), &rel.partner_id, &rel.id)? {
        job::finish(c, &old.id, now, job::CANCELLED, Some("rescheduled"), None)?;
    }
    let j = Job::new(new_id(), kind.as_str(), &rel.partner_id, &rel.id, run_at, None, now);
    job::insert(c, &j)?;
    Ok(())
}

/// The jobs of an active relationship's end: `expiring` 30 days before it (at once if that has
/// passed), e-mails 7 and 1 days before (the 30-day one goes with `expiring`), and the end.
fn schedule_end(c: &mut AnyConnection, rel: &GdapRelationship, now: i64) -> AppResult<()> {
    let Some(end) = rel.end_at else { return Ok(()) };
    enqueue(c, Kind::GdapExpiring, rel, (end - EXPIRING_DAYS * DAY_MS).max(now), now)?;
    for (kind, days) in [(Kind::GdapNotice7, 7), (Kind::GdapNotice1, 1)] {
        let at = end - days * DAY_MS;
        if at > now {
            enqueue(c, kind, rel, at, now)?;
        }
    }
    enqueue(c, Kind::GdapEnd, rel, end, now)
}

fn job_actor(partner_id: &str) -> Actor {
    Actor {
        partner_id: Some(partner_id.to_owned()),
        user_id: None,
        label: "partnerdesk jobs".into(),
        request_id: new_id(),
        correlation_id: None,
    }
}

fn unchanged(rel: Option<&GdapRelationship>) -> Finished {
    let why =
        rel.map_or_else(|| "no such relationship".into(), |r| format!("unchanged: {}", r.status));
    Finished { outcome: job::DONE, result: Some(why) }
}

fn done(what: &str) -> Finished {
    Finished { outcome: job::DONE, result: Some(what.to_owned()) }
}

/// A GDAP job's run, in the runner's transaction. Each re-reads the relationship under its lock
/// and changes it only if it is still due, so a second run (or a stale job) changes nothing.
pub(crate) fn run(
    c: &mut AnyConnection,
    job: &Job,
    kind: Kind,
    links: &PublicUrl,
    now: i64,
) -> AppResult<Finished> {
    let rel = rows::lock_any(c, &job.subject)?.filter(|r| r.partner_id == job.partner_id);
    let Some(rel) = rel else { return Ok(unchanged(None)) };
    let actor = job_actor(&rel.partner_id);
    let end = rel.end_at.unwrap_or(i64::MAX);
    match kind {
        Kind::GdapExpiring if rel.status == rows::ACTIVE && end - EXPIRING_DAYS * DAY_MS <= now => {
            rows::set_status(c, &rel.id, rows::ACTIVE, rows::EXPIRING, now, &Change::default())?;
            let ev = event(
                &rel,
                op::GDAP_EXPIRING,
                status_value(rows::ACTIVE),
                status_value(rows::EXPIRING),
            );
            audit::record(c, &actor, ev)?;
            tell(c, &rel, links, News::Ending, &actor.label, now)?;
            Ok(done("expiring"))
        }
        Kind::GdapNotice7 | Kind::GdapNotice1 if rel.is_live() && now < end => {
            let days = if kind == Kind::GdapNotice7 { 7 } else { 1 };
            if end - days * DAY_MS > now {
                return Ok(unchanged(Some(&rel)));
            }
            tell(c, &rel, links, News::Ending, &actor.label, now)?;
            Ok(done("notified"))
        }
        Kind::GdapEnd if rel.is_live() && end <= now => {
            let roles = rows::roles(c, &rel.id)?;
            if rel.auto_extend_days == AUTO_EXTEND_DAYS && !has_global_admin(&roles) {
                let new_end = end + i64::from(AUTO_EXTEND_DAYS) * DAY_MS;
                rows::set_end(c, &rel.id, new_end, now)?;
                if rel.status == rows::EXPIRING {
                    rows::set_status(
                        c,
                        &rel.id,
                        rows::EXPIRING,
                        rows::ACTIVE,
                        now,
                        &Change::default(),
                    )?;
                }
                let ev = event(
                    &rel,
                    op::EXTEND_GDAP,
                    format!(
                        "{}; ends: {}",
                        status_value(&rel.status),
                        crate::util::clock::iso_date(end)
                    ),
                    format!(
                        "{}; ends: {}",
                        status_value(rows::ACTIVE),
                        crate::util::clock::iso_date(new_end)
                    ),
                );
                audit::record(c, &actor, ev)?;
                // This job is still unfinished, and one unfinished job of a kind per relationship
                // is allowed: finish it before its successor is queued.
                job::finish(c, &job.id, now, job::DONE, Some("extended"), None)?;
                let extended =
                    rows::find(c, &rel.partner_id, &rel.id)?.ok_or(AppError::NotFound)?;
                schedule_end(c, &extended, now)?;
                tell(c, &extended, links, News::Extended, &actor.label, now)?;
                Ok(done("extended"))
            } else {
                let change = Change {
                    ended_at: Some(now),
                    ended_by: Some(actor.label.clone()),
                    ..Change::default()
                };
                rows::set_status(c, &rel.id, &rel.status, rows::EXPIRED, now, &change)?;
                cancel_jobs(c, &rel, &KINDS, Some(&job.id), now)?;
                let ev = event(
                    &rel,
                    op::EXPIRE_GDAP,
                    status_value(&rel.status),
                    status_value(rows::EXPIRED),
                );
                audit::record(c, &actor, ev)?;
                tell(c, &rel, links, News::Expired, &actor.label, now)?;
                Ok(done("expired"))
            }
        }
        Kind::GdapApprovalCleanup if rel.status == rows::APPROVAL_PENDING && job.run_at <= now => {
            let change = Change {
                ended_at: Some(now),
                ended_by: Some(actor.label.clone()),
                ..Change::default()
            };
            rows::set_status(c, &rel.id, rows::APPROVAL_PENDING, rows::EXPIRED, now, &change)?;
            let ev = event(
                &rel,
                op::EXPIRE_GDAP,
                status_value(rows::APPROVAL_PENDING),
                status_value(rows::EXPIRED),
            );
            audit::record(c, &actor, ev)?;
            Ok(done("expired"))
        }
        _ => Ok(unchanged(Some(&rel))),
    }
}
