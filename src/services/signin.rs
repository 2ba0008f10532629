//! Signing in: one generic failure message, the same work for unknown and known accounts,
//! and a per-account back-off stored in the database.

use crate::db;
use crate::error::AppResult;
use crate::models::user;
use crate::services::audit::{self, Actor, Event, op};
use crate::state::AppState;

pub const FAILED_MESSAGE: &str =
    "The email or password is not right, or the account is locked for a while. Please try again.";
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
    state: &AppState,
    email: &str,
    password: String,
    request_id: &str,
) -> AppResult<Option<String>> {
    let email = user::normalize_email(email);
    let lookup = email.clone();
    let found = state
        .db(move |c| Ok(user::find_by_email(c, &lookup)?))
        .await?;
    let now = db::now_ms();
    let locked = found
        .as_ref()
        .is_some_and(|u| u.locked_until.is_some_and(|t| t > now));
    let verified = state
        .hasher
        .verify(found.as_ref().map(|u| u.password_hash.clone()), password)
        .await
        .map_err(crate::error::AppError::internal)?;
    let ok = verified && !locked && found.as_ref().is_some_and(|u| u.active);

    let actor = Actor {
        partner_id: found.as_ref().map(|u| u.partner_id.clone()),
        user_id: found.as_ref().map(|u| u.id.clone()),
        label: email,
        request_id: request_id.to_owned(),
    };
    let user = found.clone();
    state
        .db_tx(move |c| {
            let reason = match &user {
                Some(u) if ok => {
                    user::clear_failed_logins(c, &u.id)?;
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
                    operation: if ok {
                        op::LOGIN_SUCCEEDED
                    } else {
                        op::LOGIN_FAILED
                    },
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
