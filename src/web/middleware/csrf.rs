//! Refuses unsafe requests without the browser's same-origin signals or, for a signed-in
//! session (or one between the steps of signing in), its token (`X-CSRF-Token` header from htmx, or the `csrf_token` form field).

use actix_session::SessionExt;
use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web::Data;

use super::error_pages::record_refused;
use super::input_guard::FormBody;
use crate::auth::csrf;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::services::audit::{Requester, op};
use crate::web::request::request_id_of;
use crate::web::session::{PROOF_KEY, USER_ID_KEY, csrf_token, is_signed_in};
use crate::web::state::AppState;

fn rejected() -> AppError {
    AppError::Forbidden(Msg::new("error-csrf"))
}

/// The refusal is a response (not an error), so the outer middleware still adds its headers.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req.method().is_safe() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    match check(&mut req) {
        Ok(()) => Ok(next.call(req).await?.map_into_boxed_body()),
        Err(e) => {
            // Who, if a session names a user, and where; never the token.
            let requester = Requester::Session {
                user_id: req.get_session().get::<String>(USER_ID_KEY).ok().flatten(),
                request_id: request_id_of(req.request()),
            };
            record_refused(req.request(), requester, op::CSRF_REJECTED, e.to_string()).await;
            Ok(req.error_response(e))
        }
    }
}

fn check(req: &mut ServiceRequest) -> Result<(), AppError> {
    let header = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    let site = req.app_data::<Data<AppState>>().map(|s| s.config.public_url.clone());
    let Some(site) = site else { return Err(rejected()) };
    if !csrf::same_origin(header("sec-fetch-site"), header(header::ORIGIN.as_str()), &site) {
        return Err(rejected());
    }
    let session = req.get_session();
    // The sign-in form carries its own token (double-submit, see web::signin), so it works from
    // a page opened before another sign-in in the same browser; an invitation's URL holds an
    // unguessable one-time token, which no other site knows.
    let own_token = req.path() == "/signin"
        || req.path() == "/tenant/signin"
        || req.path().starts_with("/invitations/");
    let has_token = is_signed_in(&session) || session.contains_key(PROOF_KEY);
    if !has_token || own_token {
        return Ok(());
    }
    let expected = csrf_token(&session);
    let ok = match header(csrf::HEADER) {
        Some(sent) => csrf::matches(&expected, Some(sent)),
        None => {
            let is_form = header(header::CONTENT_TYPE.as_str())
                .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
            if !is_form {
                return Err(rejected());
            }
            let body = req.extensions().get::<FormBody>().map(|b| b.0.clone()).unwrap_or_default();
            csrf::matches(&expected, csrf::form_field(&body, csrf::FIELD).as_deref())
        }
    };
    if ok { Ok(()) } else { Err(rejected()) }
}
