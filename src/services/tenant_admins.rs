//! A customer's administrators manage one another at `/tenant/admins`: add an admin (with a
//! one-time password, shown once), reset another admin's password or two-step sign-in, turn
//! another admin off or on again. Nobody changes themselves here, so a tenant always keeps the
//! admin who acts. Each change is audited in the customer's activity log.

use crate::auth::CurrentAdmin;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::customer_admin::{self, CustomerAdmin};
use crate::models::user;
use crate::services::Backend;
use crate::services::audit::{self, Event, op};
use crate::services::users::is_valid_email;
use crate::util::clock::now_ms;
use crate::util::text::has_hidden_controls;

/// The longest display name.
pub const MAX_NAME: usize = 200;

/// The customer's admins, by address.
pub fn list(c: &mut AnyConnection, admin: &CurrentAdmin) -> AppResult<Vec<CustomerAdmin>> {
    Ok(customer_admin::list_for_customer(c, admin.customer_id())?)
}

/// A new admin as typed: a name and an address, checked (422 with the field's sentence).
#[derive(Debug, Clone, Default)]
pub struct NewAdmin {
    pub display_name: String,
    pub email: String,
}

impl NewAdmin {
    fn checked(&self) -> AppResult<(String, String)> {
        let bad = |key: &'static str| Err(AppError::Unprocessable(Msg::new(key)));
        let name = self.display_name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME || has_hidden_controls(name) {
            return bad("tenant-error-admin-name");
        }
        let email = user::normalize_email(&self.email);
        if !is_valid_email(&email) {
            return bad("tenant-error-admin-email");
        }
        Ok((name.to_owned(), email))
    }
}

/// An admin and the one-time password just given to them (shown once, never stored).
pub struct Issued {
    pub admin: CustomerAdmin,
    pub password: String,
}

/// Adds an admin of the acting admin's customer, with a one-time password that the first
/// sign-in replaces before enrolling an authenticator. A taken address is a 409.
pub async fn add(
    backend: &Backend,
    admin: &CurrentAdmin,
    new: &NewAdmin,
    request_id: &str,
) -> AppResult<Issued> {
    let (name, email) = new.checked()?;
    let email2 = email.clone();
    if backend.db(move |c| Ok(customer_admin::find_by_email(c, &email2)?)).await?.is_some() {
        return Err(AppError::Conflict(Msg::new("tenant-error-admin-taken")));
    }
    let password = crate::util::tokens::random_password();
    let hash = backend.hasher.hash(password.clone()).await?;
    let row = CustomerAdmin::new(admin.customer_id(), &email, &name, hash, true, now_ms());
    let actor = admin.actor(request_id);
    let added = row.clone();
    backend.db_tx(move |c| crate::services::tenant::insert_admin(c, &actor, &row)).await?;
    Ok(Issued { admin: added, password })
}

/// Another admin of the same customer, locked for the transaction: 404 for anyone else's, 409
/// for the acting admin (`self_key` says why).
fn other_admin(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    id: &str,
    self_key: &'static str,
) -> AppResult<CustomerAdmin> {
    let target = customer_admin::lock(c, id)?
        .filter(|t| t.customer_id == admin.customer_id())
        .ok_or(AppError::NotFound)?;
    if target.id == admin.id {
        return Err(AppError::Conflict(Msg::new(self_key)));
    }
    Ok(target)
}

fn record(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    request_id: &str,
    operation: &'static str,
    target: &CustomerAdmin,
    (old, new): (Option<String>, String),
) -> AppResult<()> {
    let ev = Event {
        customer_id: Some(&target.customer_id),
        operation,
        resource_type: "customer_admin",
        resource_id: Some(&target.id),
        resource_name: Some(target.email.clone()),
        old_value: old,
        new_value: Some(new),
        ..Default::default()
    };
    Ok(audit::record(c, &admin.actor(request_id), ev)?)
}

/// Gives another admin a new one-time password (shown once) and ends their sessions; a
/// sign-in lock is lifted with it.
pub async fn reset_password(
    backend: &Backend,
    admin: &CurrentAdmin,
    id: &str,
    request_id: &str,
) -> AppResult<Issued> {
    // Checked before hashing, so a refused request costs no hash; checked again under the lock.
    let (a, id2) = (admin.clone(), id.to_owned());
    backend.db(move |c| other_admin(c, &a, &id2, "tenant-admins-error-reset-self")).await?;
    let password = crate::util::tokens::random_password();
    let hash = backend.hasher.hash(password.clone()).await?;
    let (a, id2, rid) = (admin.clone(), id.to_owned(), request_id.to_owned());
    let target = backend
        .db_tx(move |c| {
            let target = other_admin(c, &a, &id2, "tenant-admins-error-reset-self")?;
            let now = now_ms();
            customer_admin::set_one_time_password(c, &target.id, &hash, now)?;
            customer_admin::end_sessions(c, &target.id, now)?;
            let new = "one-time password issued; sign-in lock cleared; sessions ended".to_owned();
            record(c, &a, &rid, op::RESET_CUSTOMER_ADMIN_PASSWORD, &target, (None, new))?;
            Ok(target)
        })
        .await?;
    Ok(Issued { admin: target, password })
}

/// Forgets another admin's authenticator and recovery codes and ends their sessions: their
/// next sign-in enrols again. Returns the admin; `false` when there was nothing to reset.
pub fn reset_second_step(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    id: &str,
    request_id: &str,
) -> AppResult<(CustomerAdmin, bool)> {
    crate::db::write::<_, AppError>(c, |c| {
        let target = other_admin(c, admin, id, "tenant-admins-error-second-step-self")?;
        if target.totp_secret.is_none() {
            return Ok((target, false));
        }
        let was = if target.totp_confirmed_at.is_some() { "set up" } else { "being set up" };
        let codes = customer_admin::clear_second_step(c, &target.id)?;
        customer_admin::end_sessions(c, &target.id, now_ms())?;
        let change = (
            Some(format!("two-step sign-in: {was}; recovery codes: {codes}")),
            "two-step sign-in: to be set up at the next sign-in; sessions ended".to_owned(),
        );
        record(c, admin, request_id, op::RESET_CUSTOMER_ADMIN_SECOND_STEP, &target, change)?;
        Ok((target, true))
    })
}

/// Turns another admin off (signed out at their next request) or on again. Returns the admin;
/// `false` when they already were as asked (nothing written).
pub fn set_active(
    c: &mut AnyConnection,
    admin: &CurrentAdmin,
    id: &str,
    active: bool,
    request_id: &str,
) -> AppResult<(CustomerAdmin, bool)> {
    crate::db::write::<_, AppError>(c, |c| {
        let mut target = other_admin(c, admin, id, "tenant-admins-error-disable-self")?;
        if target.active == active {
            return Ok((target, false));
        }
        customer_admin::set_active(c, &target.id, active)?;
        let (operation, old, new) = match active {
            true => (op::ENABLE_CUSTOMER_ADMIN, "disabled", "active"),
            false => (op::DISABLE_CUSTOMER_ADMIN, "active", "disabled"),
        };
        record(c, admin, request_id, operation, &target, (Some(old.into()), new.into()))?;
        target.active = active;
        Ok((target, true))
    })
}
