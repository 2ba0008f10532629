//! Row structs and the queries over them. No actix types here: these functions take a
//! connection and return diesel results; rules live in `services`.

pub mod api_key;
pub mod audit;
pub mod credential;
pub mod customer;
pub mod customer_admin;
pub mod entra_role;
mod enums;
pub mod gdap;
pub mod gdap_access_assignment;
pub mod job;
pub mod offer;
pub mod outbox;
pub mod partner;
pub mod purchase;
pub mod receipt;
pub mod recovery_code;
pub mod relationship;
pub mod relationship_request;
pub mod removal_approval;
pub mod reservation;
pub mod role;
pub mod savings_plan;
pub mod security_group;
pub mod session;
pub mod software;
pub mod subscription;
pub mod support_contact;
pub mod tenant;
pub mod user;

pub(crate) use enums::text_enum;
