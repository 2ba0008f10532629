//! Signing in: one generic failure message, the same work for unknown and known accounts,
//! and a per-account back-off stored in the database.

use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::models::user;
use crate::services::audit::{self, Actor, Event, op};
use crate::services::{Backend, Ctx};
use crate::util::clock::now_ms;

/// The key of the one message for every failed sign-in.
pub const FAILED_MESSAGE: &str = "signin-failed";
/// Failed attempts allowed before the account is locked for a while.
pub const LOCK_AFTER: i32 = 10;
const LOCK_BASE_MS: i64 = 60_000;
const LOCK_MAX_MS: i64 = 60 * 60_000;

/// How long the account is locked after `failures` consecutive failures (doubling, capped).
pub fn lock_duration_ms(failures: i32) -> Option<i64> {
    if failures < LOCK_AFTER {
        return None;
    }
    let doublings = (failures - LOCK_AFTER).min(16) as u32;
    Some((LOCK_BASE_MS << doublings).min(LOCK_MAX_MS))
}

/// Checks the credentials; returns the user's id on success. Every attempt is audited.
pub async fn sign_in(
    state: &Backend,
    email: &str,
    password: String,
    request_id: &str,
) -> AppResult<Option<String>> {
    let email = user::normalize_email(email);
    let lookup = email.clone();
    let found = state.db(move |c| Ok(user::find_by_email(c, &lookup)?)).await?;
    let now = now_ms();
    let locked = found.as_ref().is_some_and(|u| u.locked_until.is_some_and(|t| t > now));
    let verified = state
        .hasher
        .verify(found.as_ref().map(|u| u.password_hash.clone()), password.clone())
        .await?;
    let ok = verified && !locked && found.as_ref().is_some_and(|u| u.active);
    // A hash made under weaker parameters is replaced now that the password is at hand.
    let rehashed = match &found {
        Some(u) if ok && crate::auth::password::needs_rehash(&u.password_hash) => {
            Some(state.hasher.hash(password).await?)
        }
        _ => None,
    };

    // The address as typed labels the record, whether or not an account has it.
    let actor = Actor { label: email, ..Actor::for_user_row(found.clone(), request_id.to_owned()) };
    let user = found.clone();
    state
        .db_tx(move |c| {
            let reason = match &user {
                Some(u) if ok => {
                    user::clear_failed_logins(c, &u.id)?;
                    if let Some(hash) = &rehashed {
                        user::set_password_hash(c, &u.id, hash)?;
                    }
                    None
                }
                Some(u) if locked => Some(format!("account locked; failures: {}", u.failed_logins)),
                Some(u) if !u.active => Some("account disabled".to_string()),
                Some(u) => {
                    let failures = user::increment_failed_logins(c, &u.id)?;
                    if let Some(d) = lock_duration_ms(failures) {
                        user::lock_until(c, &u.id, now + d)?;
                    }
                    Some(format!("wrong password; failures: {failures}"))
                }
                None => Some("unknown account".to_string()),
            };
            audit::record(
                c,
                &actor,
                Event {
                    operation: if ok { op::LOGIN_SUCCEEDED } else { op::LOGIN_FAILED },
                    resource_type: "session",
                    new_value: reason.clone(),
                    failed: !ok,
                    ..Default::default()
                },
            )?;
            Ok(())
        })
        .await?;
    Ok(if ok { found.map(|u| u.id) } else { None })
}

/// Records a sign-out (the session itself ends in the web layer).
pub fn record_sign_out(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<()> {
    let ev = Event { operation: op::LOGOUT, resource_type: "session", ..Default::default() };
    Ok(audit::record(c, &ctx.into(), ev)?)
}

/// Changes the signed-in user's own password: the current one must be right, the new one must
/// meet the policy and be typed twice alike. Every session of the user ends, audited, in one
/// transaction.
pub async fn change_password(
    state: &Backend,
    ctx: &Ctx,
    current: String,
    new: String,
    confirm: &str,
) -> AppResult<()> {
    use crate::error::AppError;
    use crate::i18n::Msg;
    if new != confirm {
        return Err(AppError::Unprocessable(Msg::new("password-error-mismatch")));
    }
    crate::auth::password::check_policy(&new).map_err(AppError::Unprocessable)?;
    if new.eq_ignore_ascii_case(&ctx.user.email) {
        return Err(AppError::Unprocessable(Msg::new("password-error-email")));
    }
    let user_id = ctx.user.id.clone();
    let stored = state.db(move |c| Ok(user::find(c, &user_id)?.map(|u| u.password_hash))).await?;
    let right = state.hasher.verify(stored, current).await?;
    if !right {
        return Err(AppError::Unprocessable(Msg::new("password-error-current")));
    }
    let hash = state.hasher.hash(new).await?;
    let actor: Actor = ctx.into();
    let user_id = ctx.user.id.clone();
    state
        .db_tx(move |c| {
            user::set_password_hash(c, &user_id, &hash)?;
            crate::models::session::delete_for_user(c, &user_id)?;
            audit::record(
                c,
                &actor,
                Event {
                    operation: op::CHANGE_PASSWORD,
                    resource_type: "user",
                    resource_id: Some(&user_id),
                    new_value: Some("password changed; all sessions ended".into()),
                    ..Default::default()
                },
            )?;
            Ok(())
        })
        .await
}
