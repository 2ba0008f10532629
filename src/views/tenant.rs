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
    /// `partners`, `admins` or `activity`: the current tab.
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
    pub fn status_label(&self, status: &str) -> String {
        status_label(self.l, status)
    }

    /// The requests waiting for this customer's approval, with their partner's name.
    pub fn pending(&self) -> Vec<(&str, &crate::services::tenant::Gdap)> {
        let all =
            self.partners.iter().flat_map(|p| p.gdap.iter().map(|g| (p.partner_name.as_str(), g)));
        all.filter(|(_, g)| g.status == crate::models::gdap::APPROVAL_PENDING).collect()
    }
}

/// A GDAP status's label (`tenant-gdap-status-<status>`; an unknown one as stored).
pub fn status_label(l: Locale, status: &str) -> String {
    let key = format!("tenant-gdap-status-{status}");
    if l.has(&key) { l.t(&key) } else { status.to_owned() }
}

/// `/tenant/gdap/{id}`: one GDAP relationship as the customer's admin decides about it; with
/// `terminate`, the question before ending it.
#[derive(Template, WebTemplate)]
#[template(path = "tenant/gdap.html")]
pub struct TenantGdapPage {
    pub l: Locale,
    pub layout: TenantLayout,
    pub gdap: crate::services::gdap::ForCustomer,
    pub terminate: bool,
}

impl TenantGdapPage {
    pub fn status_label(&self, status: &str) -> String {
        status_label(self.l, status)
    }

    pub fn pending(&self) -> bool {
        self.gdap.rel.status == crate::models::gdap::APPROVAL_PENDING
    }

    pub fn live(&self) -> bool {
        self.gdap.rel.is_live()
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

/// `/tenant/admins`: the customer's administrators, what the acting admin may do to each
/// other one, and the form to add one. After an addition or a password reset, the one-time
/// password, shown this once.
#[derive(Template, WebTemplate)]
#[template(path = "tenant/admins.html")]
pub struct TenantAdminsPage {
    pub l: Locale,
    pub layout: TenantLayout,
    pub admins: Vec<crate::models::customer_admin::CustomerAdmin>,
    /// The acting admin's id: no actions on their own row.
    pub me: String,
    /// The admin just added (`added`) or whose password was just reset, with the password.
    pub issued: Option<crate::services::tenant_admins::Issued>,
    pub added: bool,
    /// A refusal of an action on a row, shown above the list.
    pub error: Option<String>,
    /// The add form as typed, with its error.
    pub form: crate::services::tenant_admins::NewAdmin,
    pub form_error: Option<String>,
}
