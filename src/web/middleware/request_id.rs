//! Gives every request an id, for logs and audit records, and sends it back as `X-Request-Id`.

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;

use super::with_headers;
use crate::util::tokens::new_id;
use crate::web::request::RequestId;

pub async fn request_id(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = new_id();
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
