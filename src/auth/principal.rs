//! The signed-in principal: a partner user with partner and roles, loaded from the database on
//! every request (so a disabled user, a removed role or another partner's data never outlive
//! the change).

use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use crate::models::{partner::Partner, role::Role, user};

use super::permissions::{Permission, allows};

#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub partner: Partner,
    pub roles: Vec<Role>,
    pub csrf_token: String,
    /// The UI language: the saved choice, else the browser's `Accept-Language`, else English.
    pub locale: Locale,
    /// Where the language switcher returns: this GET's path and query; for a page answering a
    /// POST, the page of this site it was sent from; else `/`.
    pub path: String,
}

impl CurrentUser {
    pub fn can(&self, permission: Permission) -> bool {
        allows(&self.roles, permission)
    }

    pub fn require(&self, permission: Permission) -> AppResult<()> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden(permission.denied_message()))
        }
    }
}

/// An active user as every signed-in request needs it.
pub struct SignedIn {
    pub user: user::User,
    pub partner: Partner,
    pub roles: Vec<Role>,
}

impl From<user::ActiveUser> for SignedIn {
    fn from((user, partner, roles): user::ActiveUser) -> Self {
        SignedIn { user, partner, roles }
    }
}

/// Loads an active user with partner and roles; `None` when the user is gone or disabled.
pub fn load_signed_in(
    c: &mut AnyConnection,
    user_id: &str,
) -> diesel::QueryResult<Option<SignedIn>> {
    Ok(user::find_active_with_partner_and_roles(c, user_id)?.map(SignedIn::from))
}
