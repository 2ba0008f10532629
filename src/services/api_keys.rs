//! API keys: a user makes keys for scripts on their profile page; a key acts as that user, with
//! the user's roles and partner as they are at each call.

use crate::auth::SignedIn;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::api_key::{self, ApiKey};
use crate::services::Ctx;
use crate::services::audit::{self, Event, op};
use crate::util::clock::{DAY_MS, now_ms};
use crate::util::tokens::{new_id, random_token, sha256_hex};

/// What every secret starts with, so that a leaked key is recognisable (secret scanners).
pub const PREFIX: &str = "pdk_";
/// The longest a key may live.
pub const MAX_DAYS: i64 = 365;
pub const MAX_NAME_CHARS: usize = 60;
/// A key's last use is written at most this often.
pub const TOUCH_EVERY_MS: i64 = 60_000;

/// A new key and its secret, which is shown once and never stored.
pub struct Issued {
    pub key: ApiKey,
    pub secret: String,
}

/// A key's name and lifetime as typed: a name of 1 to 60 characters, 1 to 365 days.
pub fn parse_new(name: &str, days: &str) -> Result<(String, i64), Msg> {
    let name = name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(Msg::new("api-key-error-name").num("max", MAX_NAME_CHARS as f64));
    }
    let days = days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=MAX_DAYS).contains(d))
        .ok_or_else(|| Msg::new("api-key-error-days").num("max", MAX_DAYS as f64))?;
    Ok((name.to_owned(), days))
}

/// The signed-in user's keys, newest first.
pub fn list(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<Vec<ApiKey>> {
    Ok(api_key::list_for_user(c, &ctx.user.id)?)
}

/// Makes a key for the signed-in user, valid for `days`.
pub fn create(c: &mut AnyConnection, ctx: &Ctx, name: String, days: i64) -> AppResult<Issued> {
    let secret = format!("{PREFIX}{}", random_token());
    let now = now_ms();
    let key = ApiKey {
        id: new_id(),
        user_id: ctx.user.id.clone(),
        name,
        secret_hash: sha256_hex(&secret),
        created_at: now,
        expires_at: now + days * DAY_MS,
        revoked_at: None,
        last_used_at: None,
    };
    crate::db::write::<_, AppError>(c, |c| {
        api_key::insert(c, &key)?;
        let ev = Event {
            operation: op::CREATE_API_KEY,
            resource_type: "api_key",
            resource_id: Some(&key.id),
            resource_name: Some(key.name.clone()),
            new_value: Some(format!(
                "name: {}; expires: {}",
                key.name,
                crate::util::clock::iso_date(key.expires_at)
            )),
            ..Default::default()
        };
        Ok(audit::record(c, &ctx.into(), ev)?)
    })?;
    Ok(Issued { key, secret })
}

/// Revokes one of the signed-in user's keys (404 for anyone else's; 409 when already revoked).
pub fn revoke(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<ApiKey> {
    crate::db::write::<_, AppError>(c, |c| {
        let key = api_key::find_for_user(c, &ctx.user.id, id)?.ok_or(AppError::NotFound)?;
        if api_key::revoke(c, &key.id, now_ms())? == 0 {
            return Err(AppError::Conflict(Msg::new("api-key-error-revoked")));
        }
        let ev = Event {
            operation: op::REVOKE_API_KEY,
            resource_type: "api_key",
            resource_id: Some(&key.id),
            resource_name: Some(key.name.clone()),
            old_value: Some(format!("name: {}; active", key.name)),
            new_value: Some(format!("name: {}; revoked", key.name)),
            ..Default::default()
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(key)
    })
}

/// The key a bearer secret names, with its user as a signed-in principal; `None` for an
/// unknown, expired or revoked key, or a user who is gone or disabled. Records the use.
pub fn authenticate(c: &mut AnyConnection, secret: &str) -> AppResult<Option<(ApiKey, SignedIn)>> {
    if !secret.starts_with(PREFIX) || secret.len() > 128 {
        return Ok(None);
    }
    let now = now_ms();
    let Some((key, user)) = api_key::find_by_hash_with_user(c, &sha256_hex(secret))? else {
        return Ok(None);
    };
    let Some(user) = user.filter(|_| key.is_usable_at(now)) else { return Ok(None) };
    // A write only when the recorded use is older than the interval: most calls only read.
    if key.last_used_at.is_none_or(|at| at < now - TOUCH_EVERY_MS) {
        api_key::touch(c, &key.id, now, TOUCH_EVERY_MS)?;
    }
    Ok(Some((key, SignedIn::from(user))))
}
