//! A customer's Subscriptions tab, its rows, and a subscription's page.

use askama::Template;
use askama_web::WebTemplate;

use crate::models::offer::Offer;
use crate::models::reservation::Reservation;
use crate::models::savings_plan::SavingsPlan;
use crate::models::software::SoftwarePurchase;
use crate::models::subscription::{Subscription, SubscriptionStatus, Term};
use crate::views::customers::CustomerHeader;
use crate::views::layout::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "pages/customer_subscriptions.html")]
pub struct CustomerSubscriptionsPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub subscriptions: Vec<Subscription>,
    pub reservations: Vec<Reservation>,
    pub savings_plans: Vec<SavingsPlan>,
    pub software: Vec<SoftwarePurchase>,
    pub now_ms: i64,
    pub can_manage: bool,
    pub offers: Vec<Offer>,
    pub terms: &'static [Term],
    pub form: AddSubscriptionForm,
}

/// The "Add subscription" form's values and its message.
#[derive(Debug, Clone, Default)]
pub struct AddSubscriptionForm {
    pub offer_id: String,
    pub quantity: String,
    pub term: String,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "partials/reservation_row.html")]
pub struct ReservationRow {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub customer_id: String,
    pub r: Reservation,
    pub can_manage: bool,
    pub csrf_token: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "partials/savings_plan_row.html")]
pub struct SavingsPlanRow {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub customer_id: String,
    pub p: SavingsPlan,
    pub can_manage: bool,
    pub csrf_token: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "partials/software_row.html")]
pub struct SoftwareRow {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub customer_id: String,
    pub p: SoftwarePurchase,
    pub can_manage: bool,
    pub now_ms: i64,
    pub csrf_token: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/subscription.html", blocks = ["status_panel"])]
pub struct SubscriptionPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub sub: Subscription,
    pub parent: Option<Subscription>,
    pub addons: Vec<Subscription>,
    pub can_manage: bool,
    pub statuses: &'static [SubscriptionStatus],
    pub form_error: Option<String>,
    /// A suspension's warning awaiting confirmation, and where the confirmation returns.
    pub suspend_warning: Option<String>,
    pub back: Option<String>,
    pub now_ms: i64,
    /// Add-ons that can be bought for this subscription (a base), and the form's message.
    pub addon_offers: Vec<Offer>,
    pub addon_error: Option<String>,
    /// The designated support contact's partner id and name, the choices, and who may change it.
    pub support_contact: Option<(String, String)>,
    pub support_choices: Vec<crate::models::partner::Partner>,
    pub can_manage_contacts: bool,
}
