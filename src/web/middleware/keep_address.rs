//! Keeps the address bar as it was when a boosted form is answered with a page.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;

use super::with_headers;

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
