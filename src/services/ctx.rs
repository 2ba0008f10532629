//! Who acts, and in which request: what every service needs to check rights and to audit.

use crate::auth::CurrentUser;

#[derive(Debug, Clone)]
pub struct Ctx {
    pub user: CurrentUser,
    pub request_id: String,
    /// The caller's `MS-CorrelationId` (API requests), kept in the audit records it causes.
    pub correlation_id: Option<String>,
    /// The request's time (UTC ms), from the application's clock.
    pub now: i64,
}

impl Ctx {
    pub fn partner_id(&self) -> &str {
        &self.user.partner.id
    }
}
