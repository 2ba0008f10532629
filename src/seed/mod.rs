//! Data a database starts with: the offer catalogue every server ensures, the demo world,
//! the first Global admin of a partner, and a large world for load tests. Used by `main` and
//! the tests.

mod admin;
mod catalogue;
mod demo;
mod load;
mod security_groups;

pub use admin::{add_partner_domains, create_admin};
pub use catalogue::ensure_offers;
pub use demo::{
    DemoCustomerAdmin, DemoLogin, MAIN_PARTNER, RESELLER_PARTNER, SECOND_PARTNER, seed_demo,
    seed_demo_customer_admins,
};
pub use load::seed_load;
