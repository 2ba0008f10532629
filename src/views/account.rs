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
    /// Receipts of earlier removals, newest first: (id, removed at).
    pub receipts: Vec<(String, i64)>,
    /// A pending scheduled removal, or the newest that did not run.
    pub schedule: crate::services::scheduled_removal::Schedule,
    /// May schedule the removal (and cancel a schedule).
    pub can_schedule: bool,
    /// The partner's second-approval setting and the request waiting, if any.
    pub approval: crate::services::removal_approvals::State,
    /// The signed-in user's id (the requester withdraws, others approve or reject).
    pub user_id: String,
    /// The partner's GDAP relationships with the customer that have not ended.
    pub gdap: Vec<crate::models::gdap::GdapRelationship>,
    /// May request GDAP relationships (Manage GDAP).
    pub can_manage_gdap: bool,
}

impl AccountPage {
    /// The date the schedule form offers first: the earliest removal date (`2027-11-23`).
    pub fn schedule_default(&self) -> String {
        crate::util::clock::iso_date(self.eligibility.earliest_removal.unwrap_or(self.now_ms))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/remove_confirm.html")]
pub struct RemoveConfirmPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub eligibility: Eligibility,
    /// The partner's setting is on: the button asks a second Global admin instead.
    pub needs_approval: bool,
    pub support_contact_count: usize,
    /// The customer's active GDAP relationships, which the removal can terminate with it.
    pub live_gdap: Vec<crate::models::gdap::GdapRelationship>,
}

/// The question before an irreversible change: what ends and what that means, with the one
/// button that does it (its form carries the answer) and a way back that changes nothing.
#[derive(Template, WebTemplate)]
#[template(path = "pages/confirm.html")]
pub struct ConfirmPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub title: String,
    /// What happens, one sentence a line.
    pub consequences: Vec<String>,
    /// Where the form posts.
    pub action: String,
    pub button: String,
    /// The page the form returns to (`account`, `subscriptions`), passed on.
    pub back: Option<String>,
    /// Where "Keep it" goes.
    pub back_href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/receipt.html")]
pub struct ReceiptPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub receipt: crate::services::receipts::Receipt,
    pub key_id: String,
    /// The audit records the receipt lists, as the activity log shows them.
    pub changes: Vec<activity::Entry>,
    /// When the first of them was made (the activity log's link starts there), and the removal.
    pub from_date: String,
    pub to_date: String,
    pub removed_at_ms: i64,
    /// Each subscription's billing end, in ms.
    pub billing_ends: Vec<Option<i64>>,
    /// May invite the customer again.
    pub can_request: bool,
}

impl ReceiptPage {
    /// The billing end of the receipt's `i`th subscription, where known.
    pub fn billing_end(&self, i: usize) -> Option<i64> {
        self.billing_ends.get(i).copied().flatten()
    }

    /// The message key of a subscription status as the receipt stores it.
    pub fn subscription_status_key(&self, status: &str) -> &'static str {
        use crate::models::subscription::SubscriptionStatus;
        SubscriptionStatus::parse(status).unwrap_or(SubscriptionStatus::Expired).key()
    }
}

/// What replaces the Account page's "Ask a Global admin to remove" form once it was sent (htmx).
#[derive(Template)]
#[template(path = "partials/removal_requested.html")]
pub struct RemovalRequested {
    /// The page's language.
    pub l: crate::i18n::Locale,
    /// The Global admins who were asked.
    pub names: Vec<String>,
}
