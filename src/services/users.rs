//! Users and roles of a partner: the list, creating a user with a one-time password, changing
//! roles, disabling and enabling, resetting a password. Each change is one transaction that
//! starts by locking the partner (`user::lock_partner`), re-reads the target under that lock,
//! ends the target's sessions where the change must count at once, and writes its audit record.
//!
//! Rules: only a Global admin grants or removes a role that gives access to customers
//! (`auth::permissions::gives_customer_access`: every role but User management admin) and
//! changes a Global admin's account (otherwise a User management admin could reset a Global
//! admin's password and sign in as them); nobody changes their own roles (another Global admin
//! does) or disables themselves; a partner never loses its last active Global admin; a new
//! user's address is in one of the partner's verified domains, so that no other partner's
//! address can be tried here. The last active Global admin and disabling oneself hold whoever
//! asks, so they are checked (409) before the role rules (403). Passwords are never audited,
//! logged or kept in clear: only the argon2id hash is stored.

use crate::auth::permissions::gives_customer_access;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Msg};
use crate::models::partner;
use crate::models::session;
use crate::models::user::{self, User};
use crate::services::Backend;
use crate::services::Ctx;
use crate::services::audit::{self, Actor, Event, op};
use crate::util::clock::now_ms;
use crate::util::text::has_hidden_controls;
use crate::{auth::permissions::Permission, models::role::Role};

pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_NAME_CHARS: usize = 100;

/// A user of the partner with their roles (in `Role::ALL` order).
#[derive(Debug, Clone)]
pub struct Member {
    pub user: User,
    pub roles: Vec<Role>,
}

impl Member {
    pub fn has(&self, role: &Role) -> bool {
        self.roles.contains(role)
    }

    /// The roles' labels in a locale.
    pub fn roles_in(&self, l: &crate::i18n::Locale) -> String {
        self.roles.iter().map(|r| l.t(r.key())).collect::<Vec<_>>().join(", ")
    }

    /// Until when sign-in is locked after failed attempts, if it is at `now`.
    pub fn locked_until(&self, now: &i64) -> Option<i64> {
        self.user.locked_until.filter(|t| t > now)
    }
}

/// A user and the one-time password just given to them: shown once, never stored in clear.
pub struct Issued {
    pub member: Member,
    pub password: String,
}

/// The form field a validation message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Email,
    DisplayName,
    Roles,
}

/// A value the form must correct (422), next to its field.
#[derive(Debug, Clone)]
pub struct Invalid {
    pub field: Field,
    pub message: Msg,
}

impl From<Invalid> for AppError {
    fn from(e: Invalid) -> Self {
        AppError::Unprocessable(e.message)
    }
}

/// A new user's details, checked.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
}

/// The key of the message of a taken email address (one of the two 422s `create` itself
/// answers, both about the address; the other is an address outside the partner's domains).
pub const EMAIL_TAKEN: &str = "users-error-email-taken";

fn invalid(field: Field, message: Msg) -> Invalid {
    Invalid { field, message }
}

/// Whether `email` (already normalised) looks like an address mail can be delivered to:
/// one `@`, a local part of printable characters, a dotted domain of letters, digits and `-`.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| {
            c.is_alphanumeric() || (c.is_ascii_punctuation() && !"@<>()[]\\,;:\"".contains(c))
        });
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    email.chars().count() <= MAX_EMAIL_CHARS && local_ok && domain_ok
}

/// Checks the roles chosen: at least one.
pub fn check_roles(roles: Vec<Role>) -> Result<Vec<Role>, Invalid> {
    let mut roles = roles;
    roles.sort_by_key(|r| Role::ALL.iter().position(|x| x == r));
    roles.dedup();
    if roles.is_empty() {
        return Err(invalid(Field::Roles, Msg::new("users-error-no-role")));
    }
    Ok(roles)
}

/// Checks a new user's details; the first problem is reported, next to its field.
pub fn check_new(email: &str, display_name: &str, roles: Vec<Role>) -> Result<NewUser, Invalid> {
    let email = user::normalize_email(email);
    if email.is_empty() {
        return Err(invalid(Field::Email, Msg::new("users-error-email-missing")));
    }
    if email.chars().count() > MAX_EMAIL_CHARS {
        return Err(invalid(
            Field::Email,
            Msg::new("users-error-email-long").num("max", MAX_EMAIL_CHARS as f64),
        ));
    }
    if !is_valid_email(&email) {
        return Err(invalid(Field::Email, Msg::new("users-error-email-invalid")));
    }
    let display_name = display_name.trim().to_string();
    if display_name.is_empty() {
        return Err(invalid(Field::DisplayName, Msg::new("users-error-name-missing")));
    }
    if display_name.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(
            Field::DisplayName,
            Msg::new("users-error-name-long").num("max", MAX_NAME_CHARS as f64),
        ));
    }
    if has_hidden_controls(&display_name) {
        return Err(invalid(Field::DisplayName, Msg::new("users-error-name-control")));
    }
    Ok(NewUser { email, display_name, roles: check_roles(roles)? })
}

/// Role names as stored, for audit records.
fn roles_text(roles: &[Role]) -> String {
    if roles.is_empty() {
        return "none".into();
    }
    roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
}

fn is_global_admin(ctx: &Ctx) -> bool {
    ctx.user.roles.contains(&Role::GlobalAdmin)
}

/// Only a Global admin grants or removes a role that gives access to customers (the Global
/// admin role among them).
fn check_grant(ctx: &Ctx, old: &[Role], new: &[Role]) -> AppResult<()> {
    let mut changed = Role::ALL.iter().filter(|r| old.contains(r) != new.contains(r));
    if !is_global_admin(ctx) && changed.any(|r| gives_customer_access(*r)) {
        return Err(AppError::Forbidden(Msg::new("users-only-ga-customer-roles")));
    }
    Ok(())
}

/// Nobody changes their own roles, not even a Global admin: another Global admin does.
fn check_not_own_roles(ctx: &Ctx, id: &str) -> AppResult<()> {
    if id == ctx.user.id {
        return Err(AppError::Forbidden(Msg::new("users-own-roles")));
    }
    Ok(())
}

/// A new user's address is in one of the partner's verified domains (422 otherwise, naming them).
fn check_domain(c: &mut AnyConnection, ctx: &Ctx, email: &str) -> AppResult<()> {
    let domains = partner::domains_of(c, ctx.partner_id())?;
    let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
    if domains.iter().any(|d| d == domain) {
        return Ok(());
    }
    let partner_name = &ctx.user.partner.name;
    Err(AppError::Unprocessable(if domains.is_empty() {
        Msg::new("users-error-no-domains").text("partner", partner_name)
    } else {
        Msg::new("users-error-email-domain")
            .text("partner", partner_name)
            .text("domains", domains.join(", "))
    }))
}

/// The partner's verified domains: its users' addresses are in them.
pub fn domains(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<Vec<String>> {
    ctx.user.require(Permission::ManageUsers)?;
    Ok(partner::domains_of(c, ctx.partner_id())?)
}

/// Only a Global admin may change a Global admin's account.
fn check_target(ctx: &Ctx, target: &Member) -> AppResult<()> {
    ctx.user.require(Permission::ManageUsers)?;
    if target.has(&Role::GlobalAdmin) && !is_global_admin(ctx) {
        return Err(AppError::Forbidden(Msg::new("users-only-ga-changes")));
    }
    Ok(())
}

/// Refuses (409) when `target` is the partner's last active Global admin.
fn keep_a_global_admin(c: &mut AnyConnection, ctx: &Ctx, target: &Member) -> AppResult<()> {
    if target.user.active
        && target.has(&Role::GlobalAdmin)
        && user::count_active_with_role(c, ctx.partner_id(), Role::GlobalAdmin, &target.user.id)?
            == 0
    {
        return Err(AppError::Conflict(
            Msg::new("users-error-last-global-admin")
                .text("name", &target.user.display_name)
                .text("partner", &ctx.user.partner.name),
        ));
    }
    Ok(())
}

/// Locks the partner's users and loads the target under the lock; another partner's user is 404.
fn lock_and_load(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Member> {
    user::lock_partner(c, ctx.partner_id())?;
    load(c, ctx, id)
}

fn load(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Member> {
    let user = user::find_for_partner(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)?;
    let roles = user::roles_of(c, &user.id)?;
    Ok(Member { user, roles })
}

/// Audits a refusal (409) in a transaction of its own, after the refused one rolled back.
fn audit_conflict<T>(
    c: &mut AnyConnection,
    ctx: &Ctx,
    operation: &str,
    id: &str,
    result: &AppResult<T>,
) {
    if let Err(e @ AppError::Conflict(_)) = result {
        audit::record_refusal(
            c,
            ctx,
            Event {
                operation,
                resource_type: "user",
                resource_id: Some(id),
                reason: Some(e.message()),
                ..Default::default()
            },
        );
    }
}

/// The partner's users, by email.
pub fn list(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<Vec<Member>> {
    ctx.user.require(Permission::ManageUsers)?;
    Ok(user::list_with_roles(c, ctx.partner_id())?
        .into_iter()
        .map(|(user, roles)| Member { user, roles })
        .collect())
}

/// One user of the partner; another partner's is 404.
pub fn get(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Member> {
    ctx.user.require(Permission::ManageUsers)?;
    load(c, ctx, id)
}

/// Creates a user with a generated one-time password. The 422s are about the address: outside
/// the partner's verified domains, or taken (`EMAIL_TAKEN`, which the database's unique index
/// settles); since another partner's domains are never the partner's, "taken" can only concern
/// the partner's own users.
pub async fn create(state: &Backend, ctx: &Ctx, new: NewUser) -> AppResult<Issued> {
    ctx.user.require(Permission::ManageUsers)?;
    check_grant(ctx, &[], &new.roles)?;
    let (email, ctx2) = (new.email.clone(), ctx.clone());
    let taken = state
        .db(move |c| {
            check_domain(c, &ctx2, &email)?;
            Ok(user::find_by_email(c, &email)?.is_some())
        })
        .await?;
    if taken {
        return Err(AppError::Unprocessable(Msg::new(EMAIL_TAKEN)));
    }
    let password = crate::util::tokens::random_password();
    let hash = state.hasher.hash(password.clone()).await?;
    let actor: Actor = ctx.into();
    let row = User::with_one_time_password(
        ctx.partner_id(),
        &new.email,
        &new.display_name,
        hash,
        now_ms(),
    );
    let roles = new.roles;
    let partner_id = ctx.partner_id().to_owned();
    let member = state
        .db_tx(move |c| {
            user::lock_partner(c, &partner_id)?;
            if user::find_by_email(c, &row.email)?.is_some() {
                return Err(AppError::Unprocessable(Msg::new(EMAIL_TAKEN)));
            }
            user::insert(c, &row, &roles).map_err(|e| {
                if crate::db::is_unique_violation(&e) {
                    AppError::Unprocessable(Msg::new(EMAIL_TAKEN))
                } else {
                    e.into()
                }
            })?;
            audit::record(
                c,
                &actor,
                Event {
                    operation: op::CREATE_USER,
                    resource_type: "user",
                    resource_id: Some(&row.id),
                    resource_name: Some(row.email.clone()),
                    new_value: Some(format!(
                        "email: {}; name: {}; roles: {}; active",
                        row.email,
                        row.display_name,
                        roles_text(&roles)
                    )),
                    ..Default::default()
                },
            )?;
            Ok(Member { user: row, roles })
        })
        .await?;
    Ok(Issued { member, password })
}

/// What a change did.
pub struct Changed {
    pub member: Member,
    /// False when the user already was as asked: nothing was written.
    pub changed: bool,
}

/// Replaces a user's roles (at least one). Their sessions end, so the change counts at once.
pub fn set_roles(
    c: &mut AnyConnection,
    ctx: &Ctx,
    id: &str,
    roles: Vec<Role>,
) -> AppResult<Changed> {
    ctx.user.require(Permission::ManageUsers)?;
    check_not_own_roles(ctx, id)?;
    let roles = check_roles(roles)?;
    let result = crate::db::write::<_, AppError>(c, |c| {
        let target = lock_and_load(c, ctx, id)?;
        // The partner's last Global admin stays, whoever asks (so this comes first).
        if !roles.contains(&Role::GlobalAdmin) {
            keep_a_global_admin(c, ctx, &target)?;
        }
        check_target(ctx, &target)?;
        check_grant(ctx, &target.roles, &roles)?;
        if target.roles == roles {
            return Ok(Changed { member: target, changed: false });
        }
        user::set_roles(c, &target.user.id, &roles)?;
        let ended = session::delete_for_user(c, &target.user.id)?;
        audit::record(
            c,
            &ctx.into(),
            Event {
                operation: op::UPDATE_USER_ROLES,
                resource_type: "user",
                resource_id: Some(&target.user.id),
                resource_name: Some(target.user.email.clone()),
                old_value: Some(format!("roles: {}", roles_text(&target.roles))),
                new_value: Some(format!("roles: {}; sessions ended: {ended}", roles_text(&roles))),
                ..Default::default()
            },
        )?;
        Ok(Changed { member: Member { user: target.user, roles }, changed: true })
    });
    audit_conflict(c, ctx, op::UPDATE_USER_ROLES, id, &result);
    result
}

/// Disables (`active = false`) or enables a user. Disabling ends their sessions at once; nobody
/// disables themselves, and the last active Global admin stays.
pub fn set_active(c: &mut AnyConnection, ctx: &Ctx, id: &str, active: bool) -> AppResult<Changed> {
    ctx.user.require(Permission::ManageUsers)?;
    let operation = if active { op::ENABLE_USER } else { op::DISABLE_USER };
    let result = crate::db::write::<_, AppError>(c, |c| {
        let mut target = lock_and_load(c, ctx, id)?;
        // Refusals that hold whoever asks come first: the partner's last Global admin stays,
        // and nobody disables themselves.
        if !active && target.user.active {
            keep_a_global_admin(c, ctx, &target)?;
            if target.user.id == ctx.user.id {
                return Err(AppError::Conflict(Msg::new("users-error-disable-self")));
            }
        }
        check_target(ctx, &target)?;
        if target.user.active == active {
            return Ok(Changed { member: target, changed: false });
        }
        let mut new_value = if active { "active".to_string() } else { "disabled".to_string() };
        if !active {
            let ended = session::delete_for_user(c, &target.user.id)?;
            let keys = crate::models::api_key::revoke_all_for_user(c, &target.user.id, now_ms())?;
            new_value.push_str(&format!("; sessions ended: {ended}; API keys revoked: {keys}"));
        }
        user::set_active(c, &target.user.id, active)?;
        audit::record(
            c,
            &ctx.into(),
            Event {
                operation,
                resource_type: "user",
                resource_id: Some(&target.user.id),
                resource_name: Some(target.user.email.clone()),
                old_value: Some(if active { "disabled" } else { "active" }.into()),
                new_value: Some(new_value),
                ..Default::default()
            },
        )?;
        target.user.active = active;
        Ok(Changed { member: target, changed: true })
    });
    audit_conflict(c, ctx, operation, id, &result);
    result
}

/// Gives a user a new one-time password (shown once) and ends their sessions. A failed-sign-in
/// lock is lifted with it. Your own password is changed under Change password instead.
pub async fn reset_password(state: &Backend, ctx: &Ctx, id: &str) -> AppResult<Issued> {
    ctx.user.require(Permission::ManageUsers)?;
    // Checked before hashing, so a refused request costs no hash; checked again under the lock.
    let (ctx2, id2) = (ctx.clone(), id.to_owned());
    let target = state.db(move |c| load(c, &ctx2, &id2)).await?;
    check_target(ctx, &target)?;
    if target.user.id == ctx.user.id {
        let msg = Msg::new("users-error-reset-self");
        let (ctx2, id2) = (ctx.clone(), id.to_owned());
        state
            .db(move |c| {
                let refused: AppResult<()> = Err(AppError::Conflict(msg));
                audit_conflict(c, &ctx2, op::RESET_PASSWORD, &id2, &refused);
                Ok(())
            })
            .await?;
        return Err(AppError::Conflict(Msg::new("users-error-reset-self")));
    }
    let password = crate::util::tokens::random_password();
    let hash = state.hasher.hash(password.clone()).await?;
    let (ctx2, id2) = (ctx.clone(), id.to_owned());
    let member = state
        .db_tx(move |c| {
            let target = lock_and_load(c, &ctx2, &id2)?;
            check_target(&ctx2, &target)?;
            user::set_one_time_password(c, &target.user.id, &hash, now_ms())?;
            let ended = session::delete_for_user(c, &target.user.id)?;
            audit::record(
                c,
                &(&ctx2).into(),
                Event {
                    operation: op::RESET_PASSWORD,
                    resource_type: "user",
                    resource_id: Some(&target.user.id),
                    resource_name: Some(target.user.email.clone()),
                    new_value: Some(format!(
                        "one-time password issued; sign-in lock cleared; sessions ended: {ended}"
                    )),
                    ..Default::default()
                },
            )?;
            Ok(target)
        })
        .await?;
    Ok(Issued { member, password })
}

/// Resets a user's two-step sign-in, for someone who lost their phone: their authenticator and
/// recovery codes are forgotten and their sessions end, so the next sign-in enrols again. Only a
/// Global admin does this, and not for themselves (another Global admin does).
pub fn reset_second_step(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Changed> {
    ctx.user.require(Permission::ManageUsers)?;
    if !is_global_admin(ctx) {
        return Err(AppError::Forbidden(Msg::new("users-error-second-step-admin")));
    }
    let result = crate::db::write::<_, AppError>(c, |c| {
        let mut target = lock_and_load(c, ctx, id)?;
        if target.user.id == ctx.user.id {
            return Err(AppError::Conflict(Msg::new("users-error-second-step-self")));
        }
        if target.user.totp_secret.is_none() {
            return Ok(Changed { member: target, changed: false });
        }
        let was = if target.user.totp_confirmed_at.is_some() { "set up" } else { "being set up" };
        user::clear_totp(c, &target.user.id)?;
        let codes = crate::models::recovery_code::delete_for_user(c, &target.user.id)?;
        let ended = session::delete_for_user(c, &target.user.id)?;
        audit::record(
            c,
            &ctx.into(),
            Event {
                operation: op::RESET_SECOND_STEP,
                resource_type: "user",
                resource_id: Some(&target.user.id),
                resource_name: Some(target.user.email.clone()),
                old_value: Some(format!("two-step sign-in: {was}; recovery codes: {codes}")),
                new_value: Some(format!(
                    "two-step sign-in: to be set up at the next sign-in; sessions ended: {ended}"
                )),
                ..Default::default()
            },
        )?;
        target.user.totp_secret = None;
        target.user.totp_confirmed_at = None;
        Ok(Changed { member: target, changed: true })
    });
    audit_conflict(c, ctx, op::RESET_SECOND_STEP, id, &result);
    result
}

/// Saves the signed-in user's UI language, audited with the choice before ("none": the
/// browser's language was followed).
pub fn set_own_locale(c: &mut AnyConnection, ctx: &Ctx, locale: Locale) -> AppResult<()> {
    let user_id = &ctx.user.id;
    crate::db::write::<_, AppError>(c, |c| {
        let old = user::find(c, user_id)?.and_then(|u| u.locale);
        user::set_locale(c, user_id, Some(locale.tag()))?;
        audit::record(
            c,
            &Actor::from(ctx),
            Event {
                operation: op::UPDATE_USER_LOCALE,
                resource_type: "user",
                resource_id: Some(user_id),
                old_value: Some(format!("locale: {}", old.as_deref().unwrap_or("none"))),
                new_value: Some(format!("locale: {}", locale.tag())),
                ..Default::default()
            },
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in ["ada@example.com", "a.b+tag@sub.example.co.uk", "x@xn--bcher-kva.example"] {
            assert!(is_valid_email(ok), "{ok}");
        }
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "ada@@example.com",
            "ada@exa mple.com",
            "a..b@example.com",
            "ada@-example.com",
            "ada@example..com",
            "<ada>@example.com",
            "ada@example.com.",
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn new_user_checks() {
        let roles = vec![Role::SalesAgent, Role::GlobalAdmin, Role::SalesAgent];
        let u = check_new("  Ada@Example.COM ", " Ada ", roles).unwrap();
        assert_eq!(u.email, "ada@example.com");
        assert_eq!(u.display_name, "Ada");
        assert_eq!(u.roles, vec![Role::GlobalAdmin, Role::SalesAgent]);
        assert_eq!(check_new("ada@example.com", "Ada", vec![]).unwrap_err().field, Field::Roles);
        assert_eq!(
            check_new("nope", "Ada", vec![Role::SalesAgent]).unwrap_err().field,
            Field::Email
        );
        assert_eq!(
            check_new("ada@example.com", " ", vec![Role::SalesAgent]).unwrap_err().field,
            Field::DisplayName
        );
        assert_eq!(
            check_new("ada@example.com", &"x".repeat(101), vec![Role::SalesAgent])
                .unwrap_err()
                .field,
            Field::DisplayName
        );
    }
}
