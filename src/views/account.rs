//! A customer's Account tab, the removal confirmation and offboarding.

use askama::Template;
use askama_web::WebTemplate;

use crate::services::removal::Eligibility;
use crate::views::activity;
use crate::views::customers::CustomerHeader;
use crate::views::layout::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "pages/offboarding.html")]
pub struct OffboardingPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub plan: crate::services::offboarding::Plan,
    pub can_manage: bool,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/account.html")]
pub struct AccountPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub can_manage: bool,
    pub now_ms: i64,
    pub can_remove_dap: bool,
    /// May invite a former customer again (Request a reseller relationship).
    pub can_request: bool,
    pub header: CustomerHeader,
    pub eligibility: Eligibility,
    /// For a user without the role: the partner's Global admins, who may remove it.
    pub who_can_remove: Vec<String>,
    pub support_contacts: Vec<crate::models::support_contact::Named>,
    /// The newest activity-log records about this customer.
    pub activity: Vec<activity::Entry>,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/remove_confirm.html")]
pub struct RemoveConfirmPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub eligibility: Eligibility,
    pub support_contact_count: usize,
}
