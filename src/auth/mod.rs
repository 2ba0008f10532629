//! Who is asking: passwords, sessions, the signed-in user loaded on every request, roles and
//! permissions, CSRF.

pub mod csrf;
pub mod password;
pub mod roles;
pub mod session_store;

use std::future::Future;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};

use crate::db;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::models::{partner::Partner, user};
use crate::state::AppState;
use roles::{Permission, Role};

/// Session-state keys.
pub const LOGIN_AT_KEY: &str = "login_at";
pub const CSRF_KEY: &str = "csrf";

/// 256 random bits, hex-encoded: session keys, CSRF tokens, one-time passwords.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    hex::encode(bytes)
}

/// The signed-in user, loaded from the database on every request (so a disabled user, a
/// removed role or another partner's data never outlive the change).
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub partner: Partner,
    pub roles: Vec<Role>,
    pub csrf_token: String,
    /// The UI language: the saved choice, else the browser's `Accept-Language`, else English.
    pub locale: Locale,
    /// Where the language switcher returns: this GET's path and query; for a page answering a
    /// POST, the page of this site it was sent from; else `/` (see `web::reloadable_path`).
    pub path: String,
}

impl CurrentUser {
    pub fn can(&self, permission: Permission) -> bool {
        roles::allows(&self.roles, permission)
    }

    pub fn require(&self, permission: Permission) -> AppResult<()> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden(permission.denied_message()))
        }
    }

    pub fn roles_label(&self) -> String {
        self.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
    }
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let next = (req.method() == actix_web::http::Method::GET)
                .then(|| req.uri().path_and_query().map(|p| p.to_string()))
                .flatten();
            let signin = || AppError::SignInRequired { next: next.clone() };
            let session = req.get_session();
            let Some(user_id) = session.get::<String>(session_store::USER_ID_KEY).ok().flatten()
            else {
                return Err(signin());
            };
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("application state missing")))?;
            let login_at = session.get::<i64>(LOGIN_AT_KEY).ok().flatten().unwrap_or(0);
            if db::now_ms() - login_at > state.config.session_absolute_timeout.as_millis() as i64 {
                session.purge();
                return Err(signin());
            }
            let loaded = match session_store::take_signed_in(&user_id) {
                Some(loaded) => loaded,
                None => state.db(move |c| Ok(load_signed_in(c, &user_id)?)).await?,
            };
            let Some(SignedIn { user: u, partner, roles }) = loaded else {
                session.purge();
                return Err(signin());
            };
            let locale = u
                .locale
                .as_deref()
                .and_then(Locale::parse)
                .unwrap_or_else(|| Locale::from_request(&req));
            let user = CurrentUser {
                locale,
                path: crate::web::reloadable_path(&req),
                id: u.id,
                email: u.email,
                display_name: u.display_name,
                partner,
                roles,
                csrf_token: csrf::token(&session),
            };
            // Kept for the error pages, which show the navigation to a signed-in user.
            req.extensions_mut().insert(user.clone());
            Ok(user)
        })
    }
}

/// An active user as every signed-in request needs it.
pub struct SignedIn {
    pub user: user::User,
    pub partner: Partner,
    pub roles: Vec<Role>,
}

impl From<user::ActiveUser> for SignedIn {
    fn from((user, partner, roles): user::ActiveUser) -> Self {
        SignedIn { user, partner, roles }
    }
}

/// Loads an active user with partner and roles; `None` when the user is gone or disabled.
pub fn load_signed_in(
    c: &mut db::AnyConnection,
    user_id: &str,
) -> diesel::QueryResult<Option<SignedIn>> {
    Ok(user::find_active_with_partner_and_roles(c, user_id)?.map(SignedIn::from))
}

/// Starts a signed-in session for the user: a new session key (no fixation), a fresh CSRF token.
pub fn start_session(session: &Session, user_id: &str) -> AppResult<()> {
    session.renew();
    session.clear();
    let store = |k: &str, v: serde_json::Value| {
        session.insert(k, v).map_err(|e| AppError::internal(anyhow::anyhow!("session: {e}")))
    };
    store(session_store::USER_ID_KEY, user_id.into())?;
    store(LOGIN_AT_KEY, db::now_ms().into())?;
    store(CSRF_KEY, random_token().into())?;
    Ok(())
}

/// A generated password for people to type: 20 characters from an unambiguous alphabet
/// (about 110 bits).
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect()
}
