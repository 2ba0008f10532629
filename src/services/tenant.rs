//! What a customer admin does on their own tenant: sees their partners (reseller, DAP, GDAP with
//! roles and end), removes a partner's delegated admin privileges from their side, reads the
//! audit records about their tenant, and (see `requests::accept`) accepts invitations. Every
//! function is scoped to the signed-in admin's customer: another customer's data is not found.

use crate::auth::CurrentAdmin;
use crate::auth::password;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::audit::AuditRecord;
use crate::models::customer_admin::{self, CustomerAdmin};
use crate::models::{entra_role, relationship, tenant as rows, user};
use crate::services::audit::{self, Event, op};
use crate::services::users::is_valid_email;
use crate::util::text::has_hidden_controls;
use crate::util::urls::PublicUrl;

/// One GDAP relationship as the customer's overview shows it.
#[derive(Debug, Clone)]
pub struct Gdap {
    pub id: String,
    pub display_name: String,
    pub status: String,
    pub end_at: Option<i64>,
    /// The roles' Entra names (an unknown id as stored), in the catalogue's order.
    pub roles: Vec<String>,
}

/// A partner the customer has a relationship with.
#[derive(Debug, Clone)]
pub struct PartnerOfTenant {
    pub partner_id: String,
    pub partner_name: String,
    /// A reseller relationship now.
    pub reseller: bool,
    pub with_dap: bool,
    pub gdap: Vec<Gdap>,
}

/// The customer's partners: each with a reseller relationship (and whether it has DAP), and
/// each with GDAP relationships, those listed under it, by partner name.
pub fn partners(c: &mut AnyConnection, admin: &CurrentAdmin) -> AppResult<Vec<PartnerOfTenant>> {
    let customer_id = admin.customer_id();
    let mut out: Vec<PartnerOfTenant> = rows::reseller_relationships(c, customer_id)?
        .into_iter()
        .map(|(rel, partner_name)| PartnerOfTenant {
            partner_id: rel.partner_id,
            partner_name,
            reseller: true,
            with_dap: rel.allow_delegated_access,
            gdap: Vec::new(),
        })
        .collect();
    let roles = rows::gdap_roles(c, customer_id)?;
    for g in rows::gdap_relationships(c, customer_id)? {
        let mut names: Vec<(usize, String)> = roles
            .iter()
            .filter(|(rel, _)| *rel == g.id)
            .map(|(_, id)| {
                match entra_role::ALL.iter().position(|r| r.id.eq_ignore_ascii_case(id)) {
                    Some(i) => (i, entra_role::ALL[i].name.to_owned()),
                    None => (usize::MAX, id.clone()),
                }
            })
            .collect();
        names.sort();
        let gdap = Gdap {
            id: g.id,
            display_name: g.display_name,
            status: g.status,
            end_at: g.end_at,
            roles: names.into_iter().map(|(_, n)| n).collect(),
        };
        match out.iter_mut().find(|p| p.partner_id == g.partner_id) {
            Some(p) => p.gdap.push(gdap),
            None => out.push(PartnerOfTenant {
                partner_id: g.partner_id,
                partner_name: g.partner_name,
                reseller: false,
                with_dap: false,
                gdap: vec![gdap],
            }),
        }
    }
    out.sort_by_key(|p| p.partner_name.to_lowercase());
    Ok(out)
}

/// The partner whose delegated admin privileges the admin would remove, for the question asked
/// first: 404 for a partner without a reseller relationship with this customer, 409 when it has
/// no DAP. Changes nothing.
pub fn remove_dap_question(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    partner_id: &str,
) -> AppResult<PartnerOfTenant> {
    let p = partners(c, admin)?
        .into_iter()
        .find(|p| p.partner_id == partner_id && p.reseller)
        .ok_or(AppError::NotFound)?;
    if !p.with_dap {
        return Err(AppError::Conflict(Msg::new("error-dap-already-off")));
    }
    Ok(p)
}

/// Removes a partner's delegated admin privileges from the customer's side, as the Microsoft 365
/// admin center can: one transaction, audited for the customer and for that partner (whose
/// activity log and Account page show it, naming the admin). Returns the partner's name.
pub fn remove_dap(
    conn: &mut AnyConnection,
    admin: &CurrentAdmin,
    partner_id: &str,
    request_id: &str,
) -> AppResult<String> {
    let customer_id = admin.customer_id().to_owned();
    crate::db::write::<_, AppError>(conn, |c| {
        let rel = relationship::lock(c, partner_id, &customer_id)?
            .filter(|r| r.is_reseller())
            .ok_or(AppError::NotFound)?;
        if !rel.allow_delegated_access {
            return Err(AppError::Conflict(Msg::new("error-dap-already-off")));
        }
        let partner = crate::models::partner::find(c, partner_id)?.ok_or(AppError::NotFound)?;
        relationship::revoke_dap(c, &rel.id)?;
        audit::record(
            c,
            &admin.actor(request_id).for_partner(partner_id),
            Event::change(
                &customer_id,
                op::REMOVE_DELEGATED_ADMIN,
                "relationship",
                &rel.id,
                "delegated admin: on",
                "delegated admin: off",
            )
            .named(&rel.company_name),
        )?;
        Ok(partner.name)
    })
}

/// How many records the customer's activity page shows.
pub const ACTIVITY_LIMIT: i64 = 200;

/// The audit records about the admin's customer, newest first.
pub fn activity(c: &mut AnyConnection, admin: &CurrentAdmin) -> AppResult<Vec<AuditRecord>> {
    Ok(rows::audit_records(c, admin.customer_id(), ACTIVITY_LIMIT)?)
}

/// The first admin of a new customer, as typed on the invitation's page.
#[derive(Debug, Clone, Default)]
pub struct FirstAdminForm {
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub confirm_password: String,
}

/// Checks the first admin's details (name, address, the password rules of `auth::password`,
/// the address not yet an admin's); `company` is the new customer's name, which the password
/// must not be. The first problem is the answer (422, or 409 for a taken address).
pub fn check_first_admin(
    c: &mut AnyConnection,
    form: &FirstAdminForm,
    company: &str,
) -> AppResult<()> {
    let bad = |key: &'static str| Err(AppError::Unprocessable(Msg::new(key)));
    let name = form.display_name.trim();
    if name.is_empty() || name.chars().count() > 200 || has_hidden_controls(name) {
        return bad("tenant-error-admin-name");
    }
    let email = user::normalize_email(&form.email);
    if !is_valid_email(&email) {
        return bad("tenant-error-admin-email");
    }
    if form.password != form.confirm_password {
        return bad("password-error-mismatch");
    }
    if form.password.trim().eq_ignore_ascii_case(&email) {
        return bad("password-error-email");
    }
    password::check_policy(&form.password, &[&email, name, company])
        .map_err(AppError::Unprocessable)?;
    if customer_admin::find_by_email(c, &email)?.is_some() {
        return Err(AppError::Conflict(Msg::new("tenant-error-admin-taken")));
    }
    Ok(())
}

/// Adds a customer's admin inside the caller's transaction, audited; a taken address is a 409
/// (the unique index settles a race).
pub fn insert_admin(
    c: &mut AnyConnection,
    actor: &audit::Actor,
    admin: &CustomerAdmin,
) -> AppResult<()> {
    customer_admin::insert(c, admin).map_err(|e| {
        if crate::db::is_unique_violation(&e) {
            AppError::Conflict(Msg::new("tenant-error-admin-taken"))
        } else {
            e.into()
        }
    })?;
    audit::record(
        c,
        actor,
        Event {
            customer_id: Some(&admin.customer_id),
            operation: op::CREATE_CUSTOMER_ADMIN,
            resource_type: "customer_admin",
            resource_id: Some(&admin.id),
            resource_name: Some(admin.email.clone()),
            new_value: Some(format!("customer admin: {}", admin.display_name)),
            ..Default::default()
        },
    )?;
    Ok(())
}

/// Records a customer admin's sign-out.
pub fn record_sign_out(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    request_id: &str,
) -> AppResult<()> {
    let ev = Event {
        customer_id: Some(admin.customer_id()),
        operation: op::LOGOUT,
        resource_type: "session",
        ..Default::default()
    };
    Ok(audit::record(c, &admin.actor(request_id), ev)?)
}

/// One GDAP relationship of the admin's customer, with its partner's name and roles; 404 when
/// it is another customer's.
pub fn gdap(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    id: &str,
) -> AppResult<crate::services::gdap::ForCustomer> {
    let all = crate::services::gdap::list_for_customer(c, admin.customer_id())?;
    all.into_iter().find(|f| f.rel.id == id).ok_or(AppError::NotFound)
}

/// What a customer admin decides about one of their GDAP relationships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GdapDecision {
    Approve,
    Decline,
    Terminate,
}

/// Approves or declines a request, or ends an active relationship, as the admin; audited in
/// the customer's and the partner's logs. Returns the partner's name for the message.
pub fn decide_gdap(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    links: &PublicUrl,
    id: &str,
    decision: GdapDecision,
    request_id: &str,
    now: i64,
) -> AppResult<String> {
    use crate::services::gdap;
    let actor = admin.actor(request_id);
    let customer = admin.customer_id();
    let rel = match decision {
        GdapDecision::Approve => gdap::approve(c, &actor, links, customer, id, now)?,
        GdapDecision::Decline => gdap::decline(c, &actor, links, customer, id, now)?,
        GdapDecision::Terminate => {
            gdap::terminate_by_customer(c, &actor, links, customer, id, now)?
        }
    };
    Ok(crate::models::partner::find(c, &rel.partner_id)?.map(|p| p.name).unwrap_or_default())
}
