//! Headers for answers that middleware gives from an error.

use actix_web::http::header;

/// An error that reached a middleware (none of ours: another middleware's own) is answered by
/// the server from the error alone; this gives that answer headers all the same.
pub fn with_headers(
    e: actix_web::Error,
    add: impl FnOnce(&mut header::HeaderMap),
) -> actix_web::Error {
    let mut answer = e.error_response();
    add(answer.headers_mut());
    actix_web::error::InternalError::from_response(e, answer).into()
}
