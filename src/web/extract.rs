//! Extractors: the signed-in user (and the service context) loaded for a handler.

use std::future::Future;
use std::pin::Pin;

use actix_session::SessionExt;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};

use crate::auth::{CurrentAdmin, CurrentUser, SignedIn, load_signed_in, load_tenant_admin};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::services::Ctx;
use crate::util::clock::now_ms;
use crate::web::request::{locale_of, reloadable_path, request_id_of};
use crate::web::session::{ADMIN_ID_KEY, LOGIN_AT_KEY, USER_ID_KEY, csrf_token};
use crate::web::session_store;
use crate::web::state::AppState;

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
            let Some(user_id) = session.get::<String>(USER_ID_KEY).ok().flatten() else {
                return Err(signin());
            };
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("application state missing")))?;
            let login_at = session.get::<i64>(LOGIN_AT_KEY).ok().flatten().unwrap_or(0);
            if now_ms() - login_at > state.config.session_absolute_timeout.as_millis() as i64 {
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
            let locale =
                u.locale.as_deref().and_then(Locale::parse).unwrap_or_else(|| locale_of(&req));
            let user = CurrentUser {
                locale,
                path: reloadable_path(&req),
                id: u.id,
                email: u.email,
                display_name: u.display_name,
                partner,
                roles,
                csrf_token: csrf_token(&session),
            };
            // Kept for the error pages, which show the navigation to a signed-in user.
            req.extensions_mut().insert(user.clone());
            Ok(user)
        })
    }
}

/// The signed-in customer admin. Only a session started at the tenant door has `ADMIN_ID_KEY`:
/// a partner user's session (or none) is sent to `/tenant/signin`, as the partner pages send a
/// customer admin's to `/signin`. Same absolute timeout as partner sessions.
impl FromRequest for CurrentAdmin {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let next = if req.method() == actix_web::http::Method::GET {
                req.uri().path_and_query().map(|p| p.to_string())
            } else {
                Some("/tenant".to_owned())
            };
            let signin = || AppError::SignInRequired { next: next.clone() };
            let session = req.get_session();
            let Some(admin_id) = session.get::<String>(ADMIN_ID_KEY).ok().flatten() else {
                return Err(signin());
            };
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("application state missing")))?;
            let login_at = session.get::<i64>(LOGIN_AT_KEY).ok().flatten().unwrap_or(0);
            if now_ms() - login_at > state.config.session_absolute_timeout.as_millis() as i64 {
                session.purge();
                return Err(signin());
            }
            let found = state.db(move |c| Ok(load_tenant_admin(c, &admin_id)?)).await?;
            // Gone, turned off, or a credential reset by another admin since this sign-in.
            let Some((a, customer)) = found.filter(|(a, _)| a.sessions_since <= Some(login_at))
            else {
                session.purge();
                return Err(signin());
            };
            let locale =
                a.locale.as_deref().and_then(Locale::parse).unwrap_or_else(|| locale_of(&req));
            Ok(CurrentAdmin {
                locale,
                path: reloadable_path(&req),
                id: a.id,
                email: a.email,
                display_name: a.display_name,
                customer,
                csrf_token: csrf_token(&session),
            })
        })
    }
}

impl FromRequest for Ctx {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        let request_id = request_id_of(req);
        let now = clock_of(req);
        Box::pin(
            async move { Ok(Ctx { user: user.await?, request_id, correlation_id: None, now }) },
        )
    }
}

/// Now, by the application's clock.
pub fn clock_of(req: &HttpRequest) -> i64 {
    req.app_data::<web::Data<AppState>>().map(|s| s.clock.now()).unwrap_or_else(now_ms)
}
