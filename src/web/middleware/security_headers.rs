//! The security headers every response carries.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;

use actix_web::web::Data;

use super::with_headers;
use crate::web::state::AppState;

pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let is_static = req.path().starts_with("/static/");
    // Served over HTTPS (secure cookies): browsers are to come back only over HTTPS.
    let https = req.app_data::<Data<AppState>>().is_some_and(|s| s.config.cookie_secure);
    let add = |h: &mut header::HeaderMap| {
        add_security_headers(h, is_static);
        if https {
            h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
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

/// Two years, the figure browsers' preload lists ask for.
const HSTS: &str = "max-age=63072000; includeSubDomains";

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
