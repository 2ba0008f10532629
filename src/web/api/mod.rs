//! The `/v1` API: Partner Center's REST shapes over the same services as the pages. A bearer
//! API key is the only credential (no session, no cookie, no CSRF token); every answer,
//! errors included, is JSON.

pub mod audit;
mod caller;
pub mod customers;
pub mod openapi;
pub mod paging;
pub mod subscriptions;

pub use caller::{ApiCtx, ApiError, MAX_JSON_BYTES, call, ok, scope};
