//! Middleware, one per file, in the order a request meets them (outermost first): request id,
//! request log and metrics (observe), security headers, input guard (the body's deadline and
//! size), form-answer address, error pages; then, behind the session, the CSRF guard and the
//! rate limits.

pub mod csrf;
pub mod error_pages;
mod headers;
pub mod input_guard;
pub mod keep_address;
pub mod observe;
pub mod rate_limit;
pub mod request_id;
pub mod security_headers;

use headers::with_headers;
