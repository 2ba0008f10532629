//! Domain rules. Each state change is one function, one database transaction, with its audit
//! record written in that same transaction.

pub mod audit;
pub mod offboarding;
pub mod removal;
pub mod requests;
pub mod seed;
pub mod signin;
pub mod subscriptions;
pub mod users;

use crate::auth::CurrentUser;

/// Who acts, and in which request: what every service needs to check rights and to audit.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub user: CurrentUser,
    pub request_id: String,
}

impl Ctx {
    pub fn partner_id(&self) -> &str {
        &self.user.partner.id
    }
}
