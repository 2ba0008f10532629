//! Who is asking: passwords, second-step codes, the signed-in principal, permissions, CSRF checks.

pub mod csrf;
pub mod password;
pub mod permissions;
pub mod principal;
pub mod second_step;
pub mod tenant;

pub use crate::models::role::Role;
pub use principal::{CurrentUser, SignedIn, load_signed_in};
pub use tenant::{CurrentAdmin, load_tenant_admin};
