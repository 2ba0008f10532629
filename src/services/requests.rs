//! Relationship requests: a partner invites a customer's admin to accept it as reseller, with or
//! without delegated admin privileges; acceptance (re-)establishes the relationship.

use crate::auth::CurrentAdmin;
use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::customer::{self, Customer};
use crate::models::customer_admin::CustomerAdmin;
use crate::models::partner::{self, Partner};
use crate::models::relationship::{self};
use crate::models::relationship_request::{self as rows, RelationshipRequest};
use crate::services::Ctx;
use crate::services::audit::{self, Actor, Event, op};
use crate::util::text::has_hidden_controls;
use crate::util::{
    clock::{DAY_MS, iso_datetime, now_ms},
    countries,
    tokens::new_id,
};

/// How long an invitation link stays valid.
pub const VALIDITY_DAYS: i64 = 30;

pub fn token_hash(token: &str) -> String {
    crate::util::tokens::sha256_hex(token)
}

fn dap_text(dap: bool) -> &'static str {
    if dap { "with delegated admin privileges" } else { "without delegated admin privileges" }
}

/// A new request and its token (shown once: only the hash is stored).
pub struct Created {
    pub request: RelationshipRequest,
    pub token: String,
}

/// What an invitation is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invitee {
    /// An organisation that is no customer yet: its admin enters its domain when accepting.
    NewCustomer,
    /// One customer (by id) that had a relationship with the partner before, such as one whose
    /// relationship was removed: the invitation can be accepted for it only.
    Existing(String),
}

/// A customer as the partner's pages name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerName {
    pub id: String,
    pub company_name: String,
    pub primary_domain: String,
}

impl From<relationship::CustomerName> for CustomerName {
    fn from((id, company_name, primary_domain): relationship::CustomerName) -> Self {
        CustomerName { id, company_name, primary_domain }
    }
}

/// A request of the partner's list and the customer it is for (named ones) or brought (new
/// ones, once accepted).
#[derive(Debug, Clone)]
pub struct Listed {
    pub request: RelationshipRequest,
    pub customer: Option<CustomerName>,
}

impl Listed {
    pub fn for_new_customer(&self) -> bool {
        self.request.invited_customer_id.is_none()
    }
}

/// Whom the partner sends an invitation to: the admin's email address and, for a new customer,
/// the organisation's name (an invitation for a former customer names it already).
#[derive(Debug, Clone, Default)]
pub struct Recipient {
    pub name: String,
    pub email: String,
}

/// The recipient as stored: (name, email), trimmed, or the sentence saying what is missing.
fn checked_recipient(r: &Recipient, invitee: &Invitee) -> AppResult<(Option<String>, String)> {
    let email = r.email.trim();
    if email.chars().count() > 254 || !crate::services::users::is_valid_email(email) {
        return Err(AppError::Unprocessable(Msg::new("error-request-recipient-email")));
    }
    let name = match invitee {
        Invitee::Existing(_) => None,
        Invitee::NewCustomer => {
            let name = r.name.trim();
            if name.is_empty() || name.chars().count() > 200 || has_hidden_controls(name) {
                return Err(AppError::Unprocessable(Msg::new("error-request-recipient-name")));
            }
            Some(name.to_owned())
        }
    };
    Ok((name, email.to_owned()))
}

/// How many of the latest requests the partner's list shows.
pub const LIST_SIZE: i64 = 100;

/// How many former customers the new request's form offers (in name order); any other is
/// chosen from its Account page.
pub const FORMER_CUSTOMERS_OFFERED: i64 = 500;

/// The partner's latest relationship requests, newest first, with the customers they name.
pub fn list(conn: &mut AnyConnection, ctx: &Ctx) -> AppResult<Vec<Listed>> {
    ctx.user.require(Permission::RequestRelationship)?;
    let requests = rows::list_for_partner(conn, ctx.partner_id(), LIST_SIZE)?;
    let ids: Vec<&str> = requests
        .iter()
        .filter_map(|r| r.invited_customer_id.as_deref().or(r.customer_id.as_deref()))
        .collect();
    let names = relationship::customer_names(conn, ctx.partner_id(), &ids)?;
    Ok(requests
        .into_iter()
        .map(|request| {
            let id = request.invited_customer_id.as_ref().or(request.customer_id.as_ref());
            let customer = id
                .and_then(|id| names.iter().find(|n| &n.0 == id))
                .map(|n| CustomerName::from(n.clone()));
            Listed { request, customer }
        })
        .collect())
}

/// What the new request's form offers: the partner's former customers (relationship ended),
/// and `chosen` first among them when it is one (from its Account page's link).
pub fn former_customers(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    chosen: Option<&str>,
) -> AppResult<Vec<CustomerName>> {
    ctx.user.require(Permission::RequestRelationship)?;
    let mut former: Vec<CustomerName> =
        relationship::former_customers(conn, ctx.partner_id(), FORMER_CUSTOMERS_OFFERED)?
            .into_iter()
            .map(Into::into)
            .collect();
    if let Some(id) = chosen
        && !former.iter().any(|c| c.id == id)
        && let Some(rel) = relationship::find(conn, ctx.partner_id(), id)?
        && !rel.is_reseller()
    {
        former.insert(
            0,
            CustomerName {
                id: rel.customer_id,
                company_name: rel.company_name,
                primary_domain: rel.primary_domain,
            },
        );
    }
    Ok(former)
}

/// Creates an invitation for a new customer or for one former customer of the partner, to the
/// `recipient` the partner sends it to (`None`: through the API, whose caller sends the link).
/// A customer the partner never had a relationship with (another partner's, or an unknown id)
/// is not found; one that has an active reseller relationship with the partner is a conflict.
pub fn create(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    with_dap: bool,
    invitee: &Invitee,
    recipient: Option<&Recipient>,
) -> AppResult<Created> {
    ctx.user.require(Permission::RequestRelationship)?;
    let (recipient_name, recipient_email) = match recipient {
        Some(r) => {
            let (name, email) = checked_recipient(r, invitee)?;
            (name, Some(email))
        }
        None => (None, None),
    };
    let token = crate::util::tokens::random_token();
    let now = now_ms();
    let mut request = RelationshipRequest {
        id: new_id(),
        partner_id: ctx.partner_id().to_owned(),
        token_hash: token_hash(&token),
        with_dap,
        status: rows::PENDING.into(),
        created_by: ctx.user.id.clone(),
        created_at: now,
        expires_at: now + VALIDITY_DAYS * DAY_MS,
        customer_id: None,
        accepted_at: None,
        revoked_at: None,
        invited_customer_id: None,
        recipient_name,
        recipient_email,
    };
    let result = crate::db::write::<_, AppError>(conn, |c| {
        // Stored as `key: value` parts, which the activity log labels in the reader's language.
        let for_whom = match invitee {
            Invitee::NewCustomer => match &request.recipient_name {
                Some(name) => format!("customer: new; organisation: {name}"),
                None => "customer: new".to_string(),
            },
            Invitee::Existing(id) => {
                // Locked, so that an acceptance of another invitation for this customer waits.
                let rel = relationship::lock(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?;
                if rel.is_reseller() {
                    return Err(AppError::Conflict(
                        Msg::new("error-request-already-reseller")
                            .text("company", &rel.company_name),
                    ));
                }
                request.invited_customer_id = Some(rel.customer_id);
                format!("customer: {} ({})", rel.company_name, rel.primary_domain)
            }
        };
        rows::insert(c, &request)?;
        let to = match &request.recipient_email {
            Some(email) => format!("; sent to: {email}"),
            None => String::new(),
        };
        audit::record(
            c,
            &ctx.into(),
            Event {
                customer_id: request.invited_customer_id.as_deref(),
                operation: op::CREATE_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                resource_id: Some(&request.id),
                resource_name: recipient_of(&request),
                new_value: Some(format!("pending; {for_whom}; {}{to}", dap_text(with_dap))),
                ..Default::default()
            },
        )?;
        Ok(())
    });
    if let (Err(e @ AppError::Conflict(_)), Invitee::Existing(id)) = (&result, invitee) {
        audit::record_refusal(
            conn,
            ctx,
            Event {
                customer_id: Some(id),
                operation: op::CREATE_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                reason: Some(e.message()),
                ..Default::default()
            },
        );
    }
    result?;
    Ok(Created { request, token })
}

pub fn revoke(conn: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<()> {
    ctx.user.require(Permission::RequestRelationship)?;
    crate::db::write::<_, AppError>(conn, |c| {
        let req = rows::find_for_partner(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?;
        if rows::revoke(c, &req.id, now_ms())? == 0 {
            return Err(AppError::Conflict(
                Msg::new("error-request-not-revocable")
                    .key("status", &format!("request-{}", req.status)),
            ));
        }
        audit::record(
            c,
            &ctx.into(),
            Event {
                operation: op::REVOKE_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                resource_id: Some(&req.id),
                resource_name: recipient_of(&req),
                old_value: Some("pending".into()),
                new_value: Some("revoked".into()),
                ..Default::default()
            },
        )?;
        Ok(())
    })
}

/// Whom an invitation went to, as its audit records name it.
fn recipient_of(req: &RelationshipRequest) -> Option<String> {
    req.recipient_email.clone().or_else(|| req.recipient_name.clone())
}

/// The refusal of a change that only an open request allows: `key` names the change, the
/// sentence says what the request is instead.
fn not_open(req: &RelationshipRequest, now: i64, key: &'static str) -> AppError {
    let status = if req.status == rows::PENDING && req.expires_at <= now {
        "request-expired".to_string()
    } else {
        format!("request-{}", req.status)
    };
    AppError::Conflict(Msg::new(key).key("status", &status))
}

/// Moves an open request's expiry to `VALIDITY_DAYS` from now (the link stays the same); returns
/// the new expiry. Accepted, revoked and expired requests are a conflict, another partner's are
/// not found.
pub fn extend(conn: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<i64> {
    ctx.user.require(Permission::RequestRelationship)?;
    crate::db::write::<_, AppError>(conn, |c| {
        let req = rows::find_for_partner(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?;
        let now = now_ms();
        let until = now + VALIDITY_DAYS * DAY_MS;
        if rows::extend(c, &req.id, now, until)? == 0 {
            return Err(not_open(&req, now, "error-request-not-extendable"));
        }
        audit::record(
            c,
            &ctx.into(),
            Event {
                customer_id: req.invited_customer_id.as_deref(),
                operation: op::EXTEND_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                resource_id: Some(&req.id),
                resource_name: recipient_of(&req),
                old_value: Some(format!("expires: {}", iso_datetime(req.expires_at))),
                new_value: Some(format!("expires: {}", iso_datetime(until))),
                ..Default::default()
            },
        )?;
        Ok(until)
    })
}

/// A new link for an open request: a new token (the old link stops working) and a new expiry,
/// `VALIDITY_DAYS` from now. The token is returned once, like a new request's. Refusals as for
/// `extend`.
pub fn resend(conn: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Created> {
    ctx.user.require(Permission::RequestRelationship)?;
    let token = crate::util::tokens::random_token();
    let hash = token_hash(&token);
    let request = crate::db::write::<_, AppError>(conn, |c| {
        let mut req = rows::find_for_partner(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?;
        let now = now_ms();
        let until = now + VALIDITY_DAYS * DAY_MS;
        if rows::reissue(c, &req.id, now, &hash, until)? == 0 {
            return Err(not_open(&req, now, "error-request-not-resendable"));
        }
        audit::record(
            c,
            &ctx.into(),
            Event {
                customer_id: req.invited_customer_id.as_deref(),
                operation: op::RESEND_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                resource_id: Some(&req.id),
                resource_name: recipient_of(&req),
                old_value: Some(format!("earlier link; expires: {}", iso_datetime(req.expires_at))),
                new_value: Some(format!("new link; expires: {}", iso_datetime(until))),
                ..Default::default()
            },
        )?;
        req.token_hash = hash;
        req.expires_at = until;
        Ok(req)
    })?;
    Ok(Created { request, token })
}

/// Why an invitation link cannot be used, as the sentence its page shows.
fn closed_reason(req: &RelationshipRequest, now: i64) -> Option<Msg> {
    match req.status.as_str() {
        rows::ACCEPTED => Some(Msg::new("invitation-closed-accepted")),
        rows::REVOKED => Some(Msg::new("invitation-closed-revoked")),
        _ if req.expires_at <= now => {
            Some(Msg::new("invitation-closed-expired").date("date", req.expires_at))
        }
        _ => None,
    }
}

/// An open invitation: the request, the partner that sent it and, for an invitation that names
/// its customer, that customer.
pub struct Invitation {
    pub request: RelationshipRequest,
    pub partner: Partner,
    pub customer: Option<Customer>,
}

/// An open invitation; closed ones are a 409 with the reason, unknown tokens a 404.
pub fn open_invitation(conn: &mut AnyConnection, token: &str) -> AppResult<Invitation> {
    let request = rows::find_by_token_hash(conn, &token_hash(token))?.ok_or(AppError::NotFound)?;
    if let Some(reason) = closed_reason(&request, now_ms()) {
        return Err(AppError::Conflict(reason));
    }
    let partner = partner::find(conn, &request.partner_id)?.ok_or(AppError::NotFound)?;
    let customer = match &request.invited_customer_id {
        Some(id) => Some(customer::find(conn, id)?.ok_or(AppError::NotFound)?),
        None => None,
    };
    Ok(Invitation { request, partner, customer })
}

/// What the customer's admin enters on the page of an invitation for a new customer (the page
/// of one that names its customer asks for nothing, and nothing posted is read).
#[derive(Debug, Clone, Default)]
pub struct Acceptance {
    pub primary_domain: String,
    pub company_name: String,
    pub country: String,
}

fn valid_domain(d: &str) -> bool {
    let labels: Vec<&str> = d.split('.').collect();
    d.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

pub struct Accepted {
    pub customer: Customer,
    pub partner_name: String,
    pub with_dap: bool,
    pub new_customer: bool,
}

/// Who accepts an invitation: the link alone is not enough.
#[derive(Debug, Clone)]
pub enum Acceptor {
    /// A signed-in admin of an existing customer: accepts only an invitation naming that
    /// customer.
    Admin(Box<CurrentAdmin>),
    /// The first admin of the new customer an invitation without a named customer creates
    /// (checked with `tenant::check_first_admin`; the password already hashed). Created in the
    /// same transaction as the customer; they enrol two-step at their first sign-in.
    FirstAdmin { display_name: String, email: String, password_hash: String },
}

/// The one place that decides whether `who` may accept for `customer`, and how the audit
/// record names them (the admin, in the customer's and the partner's records).
fn acceptor(
    c: &mut AnyConnection,
    who: &Acceptor,
    partner: &Partner,
    customer: &Customer,
    new_customer: bool,
    request_id: &str,
) -> AppResult<Actor> {
    match who {
        Acceptor::Admin(admin) if !new_customer && admin.customer_id() == customer.id => {
            Ok(admin.actor(request_id).for_partner(&partner.id))
        }
        Acceptor::Admin(_) if new_customer => {
            Err(AppError::Unprocessable(Msg::new("invitation-error-first-admin")))
        }
        Acceptor::Admin(_) => Err(AppError::Forbidden(Msg::new("invitation-error-other-customer"))),
        Acceptor::FirstAdmin { display_name, email, password_hash } if new_customer => {
            let admin = CustomerAdmin::new(
                &customer.id,
                email,
                display_name,
                password_hash.clone(),
                false,
                now_ms(),
            );
            let actor = Actor {
                partner_id: Some(partner.id.clone()),
                user_id: None,
                label: admin.email.clone(),
                request_id: request_id.to_owned(),
                correlation_id: None,
            };
            crate::services::tenant::insert_admin(c, &actor, &admin)?;
            Ok(actor)
        }
        Acceptor::FirstAdmin { .. } => {
            Err(AppError::Forbidden(Msg::new("invitation-error-sign-in-first")))
        }
    }
}

/// Checks what a new customer's admin typed about the organisation, as acceptance will, so the
/// page answers about the organisation before it asks about the first admin. Changes nothing.
pub fn check_new_customer(c: &mut AnyConnection, form: &Acceptance) -> AppResult<()> {
    checked_customer(c, form, now_ms()).map(|_| ())
}

/// The customer an invitation for a new customer creates from the form: a domain that belongs
/// to any existing customer is refused (409), so that such an invitation never reaches one.
fn create_customer(c: &mut AnyConnection, form: &Acceptance, now: i64) -> AppResult<Customer> {
    let new = checked_customer(c, form, now)?;
    let domain = new.primary_domain.clone();
    let taken =
        || AppError::Conflict(Msg::new("invitation-error-domain-taken").text("domain", &domain));
    // Two acceptances with one new domain at once: the unique index settles it.
    customer::insert(c, &new)
        .map_err(|e| if crate::db::is_unique_violation(&e) { taken() } else { e.into() })?;
    Ok(new)
}

/// The new customer the form describes, checked (not stored).
fn checked_customer(c: &mut AnyConnection, form: &Acceptance, now: i64) -> AppResult<Customer> {
    let domain = form.primary_domain.trim().to_lowercase();
    if !valid_domain(&domain) {
        return Err(AppError::Unprocessable(Msg::new("invitation-error-domain")));
    }
    let taken =
        || AppError::Conflict(Msg::new("invitation-error-domain-taken").text("domain", &domain));
    if customer::find_by_domain(c, &domain)?.is_some() {
        return Err(taken());
    }
    let name = form.company_name.trim();
    let country = form.country.trim().to_uppercase();
    if name.is_empty() || name.chars().count() > 200 || has_hidden_controls(name) {
        return Err(AppError::Unprocessable(Msg::new("invitation-error-company")));
    }
    if !countries::is_listed(&country) {
        return Err(AppError::Unprocessable(Msg::new("invitation-error-country")));
    }
    let new = Customer {
        id: new_id(),
        company_name: name.to_owned(),
        primary_domain: domain.clone(),
        tenant_id: new_id(),
        country,
        created_at: now,
    };
    Ok(new)
}

/// Accepts an invitation, in one transaction under the request's lock: for a new customer,
/// creates it from the form; for a named customer, takes that one, whatever the form says. Then
/// creates or re-establishes the reseller relationship.
pub fn accept(
    conn: &mut AnyConnection,
    token: &str,
    who: &Acceptor,
    form: &Acceptance,
    request_id: &str,
) -> AppResult<Accepted> {
    crate::db::write::<_, AppError>(conn, |c| {
        let req = rows::lock_by_token_hash(c, &token_hash(token))?.ok_or(AppError::NotFound)?;
        let now = now_ms();
        if let Some(reason) = closed_reason(&req, now) {
            return Err(AppError::Conflict(reason));
        }
        let partner = partner::find(c, &req.partner_id)?.ok_or(AppError::NotFound)?;
        let (customer, new_customer) = match &req.invited_customer_id {
            Some(id) => (customer::find(c, id)?.ok_or(AppError::NotFound)?, false),
            None => (create_customer(c, form, now)?, true),
        };
        let actor = acceptor(c, who, &partner, &customer, new_customer, request_id)?;
        let old = match relationship::lock(c, &partner.id, &customer.id)? {
            Some(rel) if rel.is_reseller() => {
                return Err(AppError::Conflict(
                    Msg::new("invitation-error-already-reseller").text("partner", &partner.name),
                ));
            }
            Some(rel) => {
                relationship::reestablish(c, &rel.id, req.with_dap, now)?;
                "relationship: none"
            }
            None => {
                relationship::insert(
                    c,
                    &customer.reseller_relationship(&partner.id, req.with_dap, now),
                )?;
                "no relationship"
            }
        };
        rows::mark_accepted(c, &req.id, &customer.id, now)?;
        audit::record(
            c,
            &actor,
            Event {
                customer_id: Some(&customer.id),
                operation: op::ACCEPT_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                resource_id: Some(&req.id),
                resource_name: recipient_of(&req),
                old_value: Some(old.into()),
                new_value: Some(format!(
                    "relationship: reseller; delegated admin: {}",
                    if req.with_dap { "on" } else { "off" }
                )),
                ..Default::default()
            },
        )?;
        Ok(Accepted { customer, partner_name: partner.name, with_dap: req.with_dap, new_customer })
    })
}

/// Removes delegated admin privileges; the reseller relationship stays.
/// The customer whose delegated admin privileges would go, for the question asked first (409
/// when there are none). Changes nothing.
pub fn remove_dap_question(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
) -> AppResult<crate::services::customers::Confirmable<()>> {
    let (customer, relationship) =
        crate::services::customers::find_as(c, ctx, customer_id, Permission::ManageDelegatedAdmin)?;
    if !relationship.allow_delegated_access {
        return Err(AppError::Conflict(Msg::new("error-dap-already-off")));
    }
    Ok(crate::services::customers::Confirmable { customer, relationship, item: () })
}

pub fn remove_dap(conn: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<()> {
    ctx.user.require(Permission::ManageDelegatedAdmin)?;
    crate::db::write::<_, AppError>(conn, |c| {
        let rel =
            relationship::lock(c, ctx.partner_id(), customer_id)?.ok_or(AppError::NotFound)?;
        if !rel.allow_delegated_access {
            return Err(AppError::Conflict(Msg::new("error-dap-already-off")));
        }
        relationship::revoke_dap(c, &rel.id)?;
        audit::record(
            c,
            &ctx.into(),
            Event::change(
                customer_id,
                op::REMOVE_DELEGATED_ADMIN,
                "relationship",
                &rel.id,
                "delegated admin: on",
                "delegated admin: off",
            )
            .named(&rel.company_name),
        )?;
        Ok(())
    })
}
