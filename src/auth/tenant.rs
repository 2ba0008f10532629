//! The signed-in customer admin: the tenant door's principal, loaded from the database on every
//! request like `principal::CurrentUser`, from its own session key and its own table. It has no
//! partner and no roles: everything it reaches is scoped to `customer`.

use crate::db::AnyConnection;
use crate::i18n::Locale;
use crate::models::customer::Customer;
use crate::models::customer_admin::{self, CustomerAdmin};

#[derive(Debug, Clone)]
pub struct CurrentAdmin {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// The admin's own tenant: the only customer whose data they see.
    pub customer: Customer,
    pub csrf_token: String,
    pub locale: Locale,
    /// Where the language switcher returns (as `CurrentUser::path`).
    pub path: String,
}

impl CurrentAdmin {
    pub fn customer_id(&self) -> &str {
        &self.customer.id
    }
}

/// An active customer admin with their customer; `None` when the admin is gone or disabled.
pub fn load_tenant_admin(
    c: &mut AnyConnection,
    admin_id: &str,
) -> diesel::QueryResult<Option<(CustomerAdmin, Customer)>> {
    customer_admin::find_active_with_customer(c, admin_id)
}
