//! Relationship requests: a partner invites a customer's admin to accept it as reseller, with or
//! without delegated admin privileges; acceptance (re-)establishes the relationship.

use diesel::Connection;

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::customer::{self, Customer};
use crate::models::partner::{self, Partner};
use crate::models::relationship::{self};
use crate::models::relationship_request::{self as rows, RelationshipRequest};
use crate::services::Ctx;
use crate::services::audit::{self, Actor, Event, op};
use crate::util::text::has_hidden_controls;
use crate::util::{
    clock::{DAY_MS, now_ms},
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

/// How many of the latest requests the partner's list shows.
pub const LIST_SIZE: i64 = 100;

/// The partner's latest relationship requests, newest first.
pub fn list(conn: &mut AnyConnection, ctx: &Ctx) -> AppResult<Vec<RelationshipRequest>> {
    ctx.user.require(Permission::RequestRelationship)?;
    Ok(rows::list_for_partner(conn, ctx.partner_id(), LIST_SIZE)?)
}

pub fn create(conn: &mut AnyConnection, ctx: &Ctx, with_dap: bool) -> AppResult<Created> {
    ctx.user.require(Permission::RequestRelationship)?;
    let token = crate::util::tokens::random_token();
    let now = now_ms();
    let request = RelationshipRequest {
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
    };
    conn.transaction::<_, AppError, _>(|c| {
        rows::insert(c, &request)?;
        audit::record(
            c,
            &ctx.into(),
            Event {
                operation: op::CREATE_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                resource_id: Some(&request.id),
                new_value: Some(format!("pending; {}", dap_text(with_dap))),
                ..Default::default()
            },
        )?;
        Ok(())
    })?;
    Ok(Created { request, token })
}

pub fn revoke(conn: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<()> {
    ctx.user.require(Permission::RequestRelationship)?;
    conn.transaction::<_, AppError, _>(|c| {
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
                old_value: Some("pending".into()),
                new_value: Some("revoked".into()),
                ..Default::default()
            },
        )?;
        Ok(())
    })
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

/// An open invitation and the partner that sent it; closed ones are a 409 with the reason,
/// unknown tokens a 404.
pub fn open_invitation(
    conn: &mut AnyConnection,
    token: &str,
) -> AppResult<(RelationshipRequest, Partner)> {
    let req = rows::find_by_token_hash(conn, &token_hash(token))?.ok_or(AppError::NotFound)?;
    if let Some(reason) = closed_reason(&req, now_ms()) {
        return Err(AppError::Conflict(reason));
    }
    let partner = partner::find(conn, &req.partner_id)?.ok_or(AppError::NotFound)?;
    Ok((req, partner))
}

/// What the customer's admin enters on the invitation page.
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

/// Accepts an invitation: creates the customer if its domain is new, then creates or
/// re-establishes the reseller relationship, in one transaction under the request's lock.
pub fn accept(
    conn: &mut AnyConnection,
    token: &str,
    form: &Acceptance,
    request_id: &str,
) -> AppResult<Accepted> {
    let domain = form.primary_domain.trim().to_lowercase();
    if !valid_domain(&domain) {
        return Err(AppError::Unprocessable(Msg::new("invitation-error-domain")));
    }
    conn.transaction::<_, AppError, _>(|c| {
        let req = rows::lock_by_token_hash(c, &token_hash(token))?.ok_or(AppError::NotFound)?;
        let now = now_ms();
        if let Some(reason) = closed_reason(&req, now) {
            return Err(AppError::Conflict(reason));
        }
        let partner = partner::find(c, &req.partner_id)?.ok_or(AppError::NotFound)?;
        let (customer, new_customer) = match customer::find_by_domain(c, &domain)? {
            Some(existing) => (existing, false),
            None => {
                let name = form.company_name.trim();
                let country = form.country.trim().to_uppercase();
                if name.is_empty() || name.chars().count() > 200 || has_hidden_controls(name) {
                    return Err(AppError::Unprocessable(Msg::new("invitation-error-company")));
                }
                if country.len() != 2 || !country.chars().all(|ch| ch.is_ascii_uppercase()) {
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
                customer::insert(c, &new)?;
                (new, true)
            }
        };
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
        let actor = Actor {
            partner_id: Some(partner.id.clone()),
            user_id: None,
            label: format!("admin of {domain}"),
            request_id: request_id.to_owned(),
        };
        audit::record(
            c,
            &actor,
            Event {
                customer_id: Some(&customer.id),
                operation: op::ACCEPT_RELATIONSHIP_REQUEST,
                resource_type: "relationship_request",
                resource_id: Some(&req.id),
                old_value: Some(old.into()),
                new_value: Some(format!(
                    "relationship: reseller; delegated admin: {}",
                    if req.with_dap { "on" } else { "off" }
                )),
                failed: false,
            },
        )?;
        Ok(Accepted { customer, partner_name: partner.name, with_dap: req.with_dap, new_customer })
    })
}

/// Removes delegated admin privileges; the reseller relationship stays.
pub fn remove_dap(conn: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<()> {
    ctx.user.require(Permission::ManageDelegatedAdmin)?;
    conn.transaction::<_, AppError, _>(|c| {
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
            ),
        )?;
        Ok(())
    })
}
