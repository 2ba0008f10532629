//! Template structs: one per page and per fragment, one file per page group (mirroring
//! `templates/pages`). Pages extend `base.html`; a fragment is either a block of its page
//! (`blocks = [...]`, rendered with `as_<block>()`) or a partial under `templates/partials/`.

pub mod account;
pub mod activity;
pub mod api;
pub mod api_keys;
pub mod assets;
pub mod customers;
pub mod errors;
pub mod gdap;
pub mod layout;
pub mod requests;
pub mod security_groups;
pub mod signin;
pub mod subscriptions;
pub mod tenant;
pub mod users;

pub use account::*;
pub use customers::*;
pub use errors::*;
pub use layout::*;
pub use requests::*;
pub use signin::*;
pub use subscriptions::*;
