//! Cross-site request forgery defence for every unsafe request: the browser's own signals
//! (`Sec-Fetch-Site`, `Origin`) must not name another site, and a signed-in session's requests
//! must carry its token, in the `X-CSRF-Token` header (htmx) or the `csrf_token` form field.

use actix_session::{Session, SessionExt};
use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use subtle::ConstantTimeEq;

use crate::error::AppError;
use crate::web::middleware::FormBody;

pub const HEADER: &str = "X-CSRF-Token";
pub const FIELD: &str = "csrf_token";

/// The session's token (empty when the session has none, which no request can match).
pub fn token(session: &Session) -> String {
    session.get::<String>(super::CSRF_KEY).ok().flatten().unwrap_or_default()
}

fn rejected() -> AppError {
    AppError::Forbidden(crate::i18n::Msg::new("error-csrf"))
}

fn same_origin(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site.eq_ignore_ascii_case("cross-site")
    {
        return false;
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = req.connection_info().host().to_string();
            origin
                .split_once("://")
                .map(|(_, rest)| rest.eq_ignore_ascii_case(&host))
                .unwrap_or(false)
        }
    }
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

fn matches(expected: &str, provided: Option<&str>) -> bool {
    match provided {
        Some(p) if !expected.is_empty() => expected.as_bytes().ct_eq(p.as_bytes()).into(),
        _ => false,
    }
}

/// Refuses unsafe requests without the browser's same-origin signals or the session's token.
/// The refusal is a response (not an error), so the outer middleware still adds its headers.
pub async fn guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req.method().is_safe() {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    match check(&mut req).await {
        Ok(()) => Ok(next.call(req).await?.map_into_boxed_body()),
        Err(e) => {
            audit_rejection(&req, &e).await;
            Ok(req.error_response(e))
        }
    }
}

/// Records a refused request (never the token): who, if a session names a user, and where.
async fn audit_rejection(req: &ServiceRequest, error: &AppError) {
    use crate::services::audit::{Requester, op, record_refused_request};
    let requester = Requester::Session {
        user_id: req.get_session().get::<String>(super::session_store::USER_ID_KEY).ok().flatten(),
        request_id: crate::web::request_id_of(req.request()),
    };
    record_refused_request(req.request(), requester, op::CSRF_REJECTED, error.to_string()).await;
}

async fn check(req: &mut ServiceRequest) -> Result<(), AppError> {
    if !same_origin(req) {
        return Err(rejected());
    }
    let session = req.get_session();
    // The sign-in form carries its own token (double-submit, see web::signin), so it works from
    // a page opened before another sign-in in the same browser; an invitation's URL holds an
    // unguessable one-time token, which no other site knows.
    let own_token = req.path() == "/signin" || req.path().starts_with("/invitations/");
    let signed_in = session.contains_key(super::session_store::USER_ID_KEY) && !own_token;
    if signed_in {
        let expected = token(&session);
        let header_token =
            req.headers().get(HEADER).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let ok = if header_token.is_some() {
            matches(&expected, header_token.as_deref())
        } else {
            let is_form = req
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
            if !is_form {
                return Err(rejected());
            }
            let body = req.extensions().get::<FormBody>().map(|b| b.0.clone()).unwrap_or_default();
            matches(&expected, form_field(&body, FIELD).as_deref())
        };
        if !ok {
            return Err(rejected());
        }
    }
    Ok(())
}
