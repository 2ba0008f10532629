//! Middleware every response passes: a request id, and the security headers.

use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use futures_util::StreamExt;

use super::RequestId;
use crate::error::AppError;
use crate::i18n::Msg;

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = crate::db::new_id();
    req.extensions_mut().insert(RequestId(id.clone()));
    let add = |h: &mut header::HeaderMap| {
        if let Ok(v) = HeaderValue::from_str(&id) {
            h.insert(HeaderName::from_static("x-request-id"), v);
        }
    };
    match next.call(req).await {
        Ok(mut res) => {
            add(res.headers_mut());
            Ok(res)
        }
        Err(e) => Err(with_headers(e, add)),
    }
}

/// An error that reached a middleware (none of ours: another middleware's own) is answered by
/// the server from the error alone; this gives that answer headers all the same.
fn with_headers(e: actix_web::Error, add: impl FnOnce(&mut header::HeaderMap)) -> actix_web::Error {
    let mut answer = e.error_response();
    add(answer.headers_mut());
    actix_web::error::InternalError::from_response(e, answer).into()
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let is_static = req.path().starts_with("/static/");
    match next.call(req).await {
        Ok(mut res) => {
            add_security_headers(res.headers_mut(), is_static);
            Ok(res)
        }
        Err(e) => Err(with_headers(e, |h| add_security_headers(h, is_static))),
    }
}

fn add_security_headers(h: &mut header::HeaderMap, is_static: bool) {
    let set = |h: &mut header::HeaderMap, name: &'static str, value: &'static str| {
        h.insert(HeaderName::from_static(name), HeaderValue::from_static(value));
    };
    set(h, "content-security-policy", CSP);
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "same-origin");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "permissions-policy", "camera=(), microphone=(), geolocation=()");
    h.append(header::VARY, HeaderValue::from_static("HX-Request"));
    if !is_static {
        // Pages are in the language the browser asks for (unless the user chose one).
        h.append(header::VARY, HeaderValue::from_static("Accept-Language"));
        set(h, "cache-control", "no-store");
    }
}

/// A boosted form answered with a page rather than a redirect (its errors, a refusal) leaves the
/// address bar as it was. htmx would otherwise show the form's action there, often an address
/// that answers only POST, where a reload would find no page. A redirect after success shows
/// where it led, and a GET shows its own address, as htmx does by itself.
pub async fn keep_address_on_form_answers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let boosted_form = req.method() != Method::GET && req.headers().contains_key("HX-Boosted");
    let keep = |h: &mut header::HeaderMap| {
        h.insert(HeaderName::from_static("hx-push-url"), HeaderValue::from_static("false"));
    };
    match next.call(req).await {
        Ok(mut res) if boosted_form && !res.status().is_redirection() => {
            keep(res.headers_mut());
            Ok(res)
        }
        Err(e) if boosted_form => Err(with_headers(e, keep)),
        other => other,
    }
}

/// Forms are small; a larger body is refused before it is read whole.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// The body of an urlencoded form, read once by `input_guard` (the CSRF check reads its token).
#[derive(Debug, Clone)]
pub struct FormBody(pub Bytes);

fn contains_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(3).any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
}

/// Refuses what no page of ours can use before any handler or database sees it: NUL characters
/// in the address or a form (PostgreSQL text cannot hold them), and forms over the size limit.
pub async fn input_guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    match read_form(&mut req).await {
        Ok(()) => Ok(next.call(req).await?.map_into_boxed_body()),
        Err(e) => Ok(req.error_response(e)),
    }
}

async fn read_form(req: &mut ServiceRequest) -> Result<(), AppError> {
    let uri = req.uri().to_string();
    if contains_nul(uri.as_bytes()) {
        return Err(AppError::BadRequest(Msg::new("error-address-characters")));
    }
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if req.method().is_safe() || !is_form {
        return Ok(());
    }
    let mut payload = req.take_payload();
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest(Msg::new("error-form-unreadable")))?;
        if body.len() + chunk.len() > MAX_FORM_BYTES {
            return Err(AppError::BadRequest(Msg::new("error-form-too-large")));
        }
        body.extend_from_slice(&chunk);
    }
    let body = body.freeze();
    if contains_nul(&body) {
        return Err(AppError::BadRequest(Msg::new("error-form-characters")));
    }
    let (_, mut replay) = actix_http::h1::Payload::create(true);
    replay.unread_data(body.clone());
    req.set_payload(replay.into());
    req.extensions_mut().insert(FormBody(body));
    Ok(())
}
