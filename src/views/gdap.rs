//! Template structs of the GDAP pages: the list across customers, the new relationship form, a
//! relationship's page and the questions before terminating.

use askama::Template;
use askama_web::WebTemplate;

use super::Layout;
use crate::models::entra_role::{self, EntraRole};
use crate::models::gdap::{self as rows, GdapRelationship, ListRow};
use crate::services::gdap::{Detail, status_key};
use crate::views::activity::Entry;

/// The "expires within" choices of the list's filter (days).
pub const WITHIN_DAYS: [i64; 3] = [30, 7, 1];

#[derive(Template, WebTemplate)]
#[template(path = "pages/gdap.html")]
pub struct GdapListPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub rows: Vec<ListRow>,
    /// The filter as chosen: a stored status or empty, and the days or none.
    pub status: String,
    pub within: Option<i64>,
    pub next_page: Option<String>,
    pub first_page: Option<String>,
    /// Whether the user may create, extend and terminate (the checkboxes and buttons).
    pub can_manage: bool,
}

impl GdapListPage {
    pub fn statuses(&self) -> &'static [&'static str] {
        &rows::STATUSES
    }
    pub fn within_days(&self) -> &'static [i64] {
        &WITHIN_DAYS
    }
    pub fn is_within(&self, days: &i64) -> bool {
        self.within == Some(*days)
    }
}

/// A status's label key (`gdap-status-…`).
pub fn status_label(status: &str) -> String {
    status_key(status)
}

/// The new relationship form's values as typed.
#[derive(Debug, Clone, Default)]
pub struct GdapForm {
    pub customer_id: String,
    pub display_name: String,
    pub duration_days: String,
    pub auto_extend: bool,
    pub role_ids: Vec<String>,
}

impl GdapForm {
    pub fn checked(&self, role: &EntraRole) -> bool {
        self.role_ids.iter().any(|r| r.eq_ignore_ascii_case(role.id))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/gdap_new.html")]
pub struct GdapNewPage {
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    /// The partner's customers (id, name).
    pub customers: Vec<(String, String)>,
    pub form: GdapForm,
    /// Why the last try was refused, in the page's language.
    pub error: Option<String>,
}

impl GdapNewPage {
    pub fn roles(&self) -> &'static [EntraRole] {
        &entra_role::ALL
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/gdap_detail.html")]
pub struct GdapDetailPage {
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub d: Detail,
    pub history: Vec<Entry>,
    pub can_manage: bool,
    /// A refusal shown next to the actions.
    pub error: Option<String>,
}

impl GdapDetailPage {
    pub fn rel(&self) -> &GdapRelationship {
        &self.d.rel
    }
    pub fn has_global_admin(&self) -> bool {
        self.d.roles.iter().any(|r| r.id == entra_role::GLOBAL_ADMINISTRATOR)
    }
    pub fn can_send(&self) -> bool {
        self.can_manage && self.d.rel.status == rows::CREATED
    }
    pub fn can_terminate(&self) -> bool {
        self.can_manage
            && matches!(
                self.d.rel.status.as_str(),
                rows::CREATED | rows::APPROVAL_PENDING | rows::ACTIVE | rows::EXPIRING
            )
    }
    /// Terminating a relationship not yet approved withdraws the request.
    pub fn is_request(&self) -> bool {
        matches!(self.d.rel.status.as_str(), rows::CREATED | rows::APPROVAL_PENDING)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/gdap_confirm.html")]
pub struct GdapConfirmPage {
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub title: String,
    pub consequences: Vec<String>,
    /// Where the form posts, and the selected relationships it passes on (bulk).
    pub action: String,
    pub ids: Vec<String>,
    pub button: String,
    /// Where "Keep" goes.
    pub back_href: String,
}
