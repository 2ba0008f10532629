//! Middleware, one per file, in the order a request meets them (outermost first): request id,
//! security headers, input guard, form-answer address, error pages; then, behind the session,
//! the CSRF guard.

pub mod csrf;
pub mod error_pages;
mod headers;
pub mod input_guard;
pub mod keep_address;
pub mod request_id;
pub mod security_headers;

use headers::with_headers;
