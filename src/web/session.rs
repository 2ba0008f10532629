//! What a signed-in session holds, and messages kept in it for the next page.

use actix_session::Session;

use crate::error::{AppError, AppResult};
use crate::util::clock::now_ms;
use crate::util::tokens::random_token;
use crate::views::Toast;

/// Session-state keys: the signed-in user's id, when they signed in, the CSRF token.
pub const USER_ID_KEY: &str = "uid";
pub const LOGIN_AT_KEY: &str = "login_at";
pub const CSRF_KEY: &str = "csrf";
const FLASH_KEY: &str = "flash";

/// Starts a signed-in session for the user: a new session key (no fixation), a fresh CSRF token.
pub fn start_session(session: &Session, user_id: &str) -> AppResult<()> {
    session.renew();
    session.clear();
    let store = |k: &str, v: serde_json::Value| {
        session.insert(k, v).map_err(|e| AppError::internal(anyhow::anyhow!("session: {e}")))
    };
    store(USER_ID_KEY, user_id.into())?;
    store(LOGIN_AT_KEY, now_ms().into())?;
    store(CSRF_KEY, random_token().into())?;
    Ok(())
}

/// The session's CSRF token (empty when the session has none, which no request can match).
pub fn csrf_token(session: &Session) -> String {
    session.get::<String>(CSRF_KEY).ok().flatten().unwrap_or_default()
}

/// Messages shown once, on the next page (after a redirect).
pub mod flash {
    use super::*;

    pub fn push(session: &Session, toast: Toast) {
        let mut all: Vec<Toast> = session.get(FLASH_KEY).ok().flatten().unwrap_or_default();
        all.push(toast);
        let _ = session.insert(FLASH_KEY, all);
    }

    pub fn take(session: &Session) -> Vec<Toast> {
        // Removing marks the session changed (a database write): only when there is something.
        if !session.contains_key(FLASH_KEY) {
            return Vec::new();
        }
        session.remove_as::<Vec<Toast>>(FLASH_KEY).and_then(Result::ok).unwrap_or_default()
    }
}
