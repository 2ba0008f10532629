//! The customer admin's pages (`/tenant`): their own small layout, without the partner
//! navigation; the activity page labels records as the partner's activity log does.

use askama::Template;
use askama_web::WebTemplate;

use crate::auth::CurrentAdmin;
use crate::i18n::Locale;
use crate::services::tenant::PartnerOfTenant;
use crate::views::Toast;
use crate::views::activity::Entry;

/// What every tenant page's frame shows.
pub struct TenantLayout {
    pub admin_name: String,
    pub admin_email: String,
    pub customer_name: String,
    pub csrf_token: String,
    pub toasts: Vec<Toast>,
    /// `partners` or `activity`: the current tab.
    pub nav: &'static str,
}

impl TenantLayout {
    pub fn new(admin: &CurrentAdmin, nav: &'static str, toasts: Vec<Toast>) -> Self {
        TenantLayout {
            admin_name: admin.display_name.clone(),
            admin_email: admin.email.clone(),
            customer_name: admin.customer.company_name.clone(),
            csrf_token: admin.csrf_token.clone(),
            toasts,
            nav,
        }
    }
}

/// `/tenant`: the customer's partners, and (a place kept for them) pending GDAP requests.
#[derive(Template, WebTemplate)]
#[template(path = "tenant/home.html")]
pub struct TenantHomePage {
    pub l: Locale,
    pub layout: TenantLayout,
    pub partners: Vec<PartnerOfTenant>,
}

impl TenantHomePage {
    /// A GDAP status's label (`gdap-status-<status>`; an unknown one as stored).
    pub fn status_label(&self, status: &str) -> String {
        let key = format!("tenant-gdap-status-{status}");
        if self.l.has(&key) { self.l.t(&key) } else { status.to_owned() }
    }
}

/// The question before a customer admin removes a partner's delegated admin privileges.
#[derive(Template, WebTemplate)]
#[template(path = "tenant/remove_dap.html")]
pub struct TenantRemoveDapPage {
    pub l: Locale,
    pub layout: TenantLayout,
    pub partner_name: String,
    pub action: String,
}

/// `/tenant/activity`: the audit records about the customer, newest first.
#[derive(Template, WebTemplate)]
#[template(path = "tenant/activity.html")]
pub struct TenantActivityPage {
    pub l: Locale,
    pub layout: TenantLayout,
    pub entries: Vec<Entry>,
}
