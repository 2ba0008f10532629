//! The web layer: handlers grouped by page, with the extractors, middleware, error answers and
//! route registry they share. Only this layer touches requests, sessions, headers and htmx.

pub mod account;
pub mod activity;
pub mod api;
pub mod assets;
pub mod client;
pub mod confirm;
pub mod customers;
pub mod errors;
pub mod extract;
pub mod gdap;
pub mod health;
pub mod limits;
pub mod logging;
pub mod metrics;
pub mod middleware;
pub mod profile;
pub mod request;
pub mod requests;
pub mod respond;
pub mod routes;
pub mod security_groups;
pub mod session;
pub mod session_store;
pub mod signin;
pub mod state;
pub mod subscriptions;
pub mod tenant;
pub mod tenant_admins;
pub mod users;

pub use request::{is_htmx_fragment_request, request_id_of};
pub use respond::{fragment_with_toasts, html, render, see_other};
pub use routes::{
    add, form_config, path_config, public_routes, query_config, registered_routes, routes,
};
pub use session::flash;
