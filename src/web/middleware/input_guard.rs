//! Refuses input no page can use before any handler sees it: a body that does not arrive in
//! time or is too large, NUL characters; and keeps a form's body for the CSRF check.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{ConnectionType, header};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut, Data};
use actix_web::{HttpMessage, HttpRequest};
use futures_util::StreamExt;

use crate::error::AppError;
use crate::i18n::Msg;
use crate::web::errors;
use crate::web::request::locale_of;
use crate::web::state::AppState;

/// Forms are small, and no page takes another kind of body; a larger one is refused before it
/// is read whole.
pub const MAX_FORM_BYTES: usize = 64 * 1024;

/// The body of an urlencoded form, read once by `input_guard` (the CSRF check reads its token).
#[derive(Debug, Clone)]
pub struct FormBody(pub Bytes);

fn contains_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0) || bytes.windows(3).any(|w| w[0] == b'%' && w[1] == b'0' && w[2] == b'0')
}

/// Refuses what no page of ours can use before any handler or database sees it: a body that
/// has not arrived whole within `BODY_TIMEOUT_SECONDS` (408; actix's own timeout covers only
/// the request's head, so a client could otherwise hold a connection open by sending its body a
/// byte at a time) or that is over the size limit, and NUL characters in the address or a form
/// (PostgreSQL text cannot hold them). Every body is read here, whole, before the handler runs.
pub async fn input_guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let mut payload = req.take_payload();
    match read_body(&mut req, &mut payload).await {
        Ok(()) => Ok(next.call(req).await?.map_into_boxed_body()),
        Err(e) => {
            let locale = locale_of(req.request());
            let mut answer = if req.path().starts_with("/v1/") {
                actix_web::ResponseError::error_response(&crate::web::api::ApiError::new(e, locale))
            } else {
                errors::page(&e, locale)
            };
            answer.head_mut().set_connection_type(ConnectionType::Close);
            let answer =
                answer.map_body(|_, body| BoxBody::new(HoldUnread { body, _unread: payload }));
            Ok(req.into_response(answer))
        }
    }
}

/// An answer given before the request's body was read whole, holding the unread body until the
/// answer is sent: the server then closes the connection. Dropped sooner, the server would go on
/// reading a chunked body to its end, for as long as the client cared to trickle it.
struct HoldUnread {
    body: BoxBody,
    _unread: Payload,
}

impl MessageBody for HoldUnread {
    type Error = <BoxBody as MessageBody>::Error;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_next(cx)
    }
}

/// The body's length as the client announced it; None when it did not (a chunked body).
fn declared_length(req: &HttpRequest) -> Option<u64> {
    req.headers().get(header::CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

async fn read_body(req: &mut ServiceRequest, payload: &mut Payload) -> Result<(), AppError> {
    let uri = req.uri().to_string();
    if contains_nul(uri.as_bytes()) {
        return Err(AppError::BadRequest(Msg::new("error-address-characters")));
    }
    let declared = declared_length(req.request());
    let chunked = req.headers().contains_key(header::TRANSFER_ENCODING);
    if !chunked && declared.unwrap_or(0) == 0 {
        req.set_payload(std::mem::replace(payload, Payload::None));
        return Ok(());
    }
    let too_large = || AppError::BadRequest(Msg::new("error-form-too-large"));
    if declared.is_some_and(|n| n > MAX_FORM_BYTES as u64) {
        return Err(too_large());
    }
    let deadline =
        req.app_data::<Data<AppState>>().map_or(Duration::from_secs(10), |s| s.config.body_timeout);
    let read = async {
        let mut body = BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk =
                chunk.map_err(|_| AppError::BadRequest(Msg::new("error-form-unreadable")))?;
            if body.len() + chunk.len() > MAX_FORM_BYTES {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    };
    let body = tokio::time::timeout(deadline, read).await.map_err(|_| AppError::BodyTimeout)??;
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if is_form && contains_nul(&body) {
        return Err(AppError::BadRequest(Msg::new("error-form-characters")));
    }
    let (_, mut replay) = actix_http::h1::Payload::create(true);
    replay.unread_data(body.clone());
    req.set_payload(replay.into());
    if is_form {
        req.extensions_mut().insert(FormBody(body));
    }
    Ok(())
}
