//! Refuses input no page can use before any handler sees it, and keeps a form's body for the
//! CSRF check.

use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use futures_util::StreamExt;

use crate::error::AppError;
use crate::i18n::Msg;

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
