//! Domain rules. Each state change is one function, one database transaction, with its audit
//! record written in that same transaction. Services take no actix types.

pub mod access_assignments;
pub mod activity;
pub mod api_keys;
pub mod audit;
mod backend;
mod ctx;
pub mod customers;
pub mod gdap;
pub mod jobs;
pub mod notify;
pub mod offboarding;
pub mod purchases;
pub mod receipts;
pub mod removal;
pub mod removal_approvals;
pub mod requests;
pub mod retention;
pub mod scheduled_removal;
pub mod security_groups;
pub mod signin;
pub mod subscriptions;
pub mod tenant;
pub mod tenant_admins;
pub mod users;

pub use backend::Backend;
pub use ctx::Ctx;
