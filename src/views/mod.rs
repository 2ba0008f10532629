//! Template structs: one per page and per fragment. Pages extend `base.html`; a fragment is
//! either a block of its page (`blocks = [...]`, rendered with `as_<block>()`) or a partial of
//! its own under `templates/partials/`.

use askama::Template;
use askama_web::WebTemplate;
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::auth::roles::Permission;
use crate::models::customer::{Customer, CustomerListRow};
use crate::models::offer::Offer;
use crate::models::relationship::Relationship;
use crate::models::reservation::Reservation;
use crate::models::software::SoftwarePurchase;
use crate::models::subscription::{Subscription, SubscriptionStatus, Term};
use crate::services::removal::Eligibility;

pub mod activity;
pub mod users;

/// What templates hand to `Locale::date` / `Locale::datetime` (src/i18n.rs), which format
/// dates and times for the page's language.
pub mod filters {
    /// A time in UTC milliseconds, however many references deep the template holds it.
    pub trait Millis {
        fn millis(&self) -> i64;
    }
    impl Millis for i64 {
        fn millis(&self) -> i64 {
            *self
        }
    }
    impl<T: Millis + ?Sized> Millis for &T {
        fn millis(&self) -> i64 {
            (**self).millis()
        }
    }
}

fn to_datetime(ms: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

pub fn format_date(ms: i64) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    to_datetime(ms).format(f).unwrap_or_default()
}

pub fn format_datetime(ms: i64) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    to_datetime(ms).format(f).unwrap_or_default()
}

/// A message banner.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Toast {
    pub kind: String,
    pub message: crate::i18n::Msg,
}

impl Toast {
    pub fn success(message: impl Into<crate::i18n::Msg>) -> Self {
        Toast { kind: "success".into(), message: message.into() }
    }
    pub fn error(message: impl Into<crate::i18n::Msg>) -> Self {
        Toast { kind: "error".into(), message: message.into() }
    }
    pub fn info(message: impl Into<crate::i18n::Msg>) -> Self {
        Toast { kind: "info".into(), message: message.into() }
    }
}

/// The left navigation's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Customers,
    Password,
    Users,
    Activity,
}

/// What every signed-in page shows around its content.
#[derive(Debug, Clone)]
pub struct Layout {
    pub user_name: String,
    pub user_roles: Vec<crate::auth::roles::Role>,
    pub partner_name: String,
    pub csrf_token: String,
    pub nav: Nav,
    pub toasts: Vec<Toast>,
    pub asset_version: &'static str,
    /// Whether the navigation shows Users.
    pub can_manage_users: bool,
    /// The user's language (the page's `l`).
    pub locale: crate::i18n::Locale,
    /// This page's path and query, where the language switcher returns to.
    pub path: String,
}

impl Layout {
    pub fn new(user: &CurrentUser, nav: Nav, toasts: Vec<Toast>) -> Self {
        Layout {
            locale: user.locale,
            user_name: user.display_name.clone(),
            user_roles: user.roles.clone(),
            partner_name: user.partner.name.clone(),
            csrf_token: user.csrf_token.clone(),
            nav,
            toasts,
            asset_version: crate::web::assets::version(),
            can_manage_users: user.can(Permission::ManageUsers),
            path: user.path.clone(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/signin.html")]
pub struct SignInPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
    pub csrf_token: String,
    pub asset_version: &'static str,
}

#[derive(Template)]
#[template(path = "pages/error.html")]
pub struct ErrorPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub code: u16,
    pub title: &'static str,
    pub message: String,
}

/// An error page for a signed-in user: the message inside the usual navigation.
#[derive(Template)]
#[template(path = "pages/error_in_layout.html")]
pub struct ErrorInLayoutPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub code: u16,
    pub title: &'static str,
    pub message: String,
}

/// Toasts swapped out of band into `#flash` (added to fragment responses).
#[derive(Template)]
#[template(path = "partials/toasts.html")]
pub struct ToastFragment {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub toasts: Vec<Toast>,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/customers.html", blocks = ["results"])]
pub struct CustomersPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub rows: Vec<CustomerListRow>,
    pub query: String,
    /// Query string of the next page, if there is one.
    pub next_page: Option<String>,
    /// Link back to the first page of the same search, shown on later pages.
    pub first_page: Option<String>,
    pub can_request: bool,
}

/// The header every customer page shares: breadcrumbs, name, tabs.
#[derive(Debug, Clone)]
pub struct CustomerHeader {
    pub customer: Customer,
    pub relationship: Relationship,
    pub tab: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/customer_subscriptions.html")]
pub struct CustomerSubscriptionsPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub subscriptions: Vec<Subscription>,
    pub reservations: Vec<Reservation>,
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
    pub now_ms: i64,
    /// Add-ons that can be bought for this subscription (a base), and the form's message.
    pub addon_offers: Vec<Offer>,
    pub addon_error: Option<String>,
    /// The designated support contact's partner id and name, the choices, and who may change it.
    pub support_contact: Option<(String, String)>,
    pub support_choices: Vec<crate::models::partner::Partner>,
    pub can_manage_contacts: bool,
}

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
    pub header: CustomerHeader,
    pub eligibility: Eligibility,
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

/// An invitation just created: its link and draft message, shown once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewInvitation {
    pub link: String,
    pub message: String,
    pub with_dap: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/relationship_requests.html")]
pub struct RequestsPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub requests: Vec<crate::models::relationship_request::RelationshipRequest>,
    pub new_invitation: Option<NewInvitation>,
    pub now_ms: i64,
    pub validity_days: i64,
}

/// The public invitation page, in one of its three states.
#[derive(Template)]
#[template(path = "pages/invitation.html")]
pub struct InvitationPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub token: String,
    pub partner_name: String,
    pub with_dap: bool,
    pub expires_at: i64,
    pub form: crate::services::requests::Acceptance,
    pub error: Option<String>,
    /// Set when the link cannot be used: the reason.
    pub closed: Option<String>,
    /// Set after acceptance.
    pub accepted: Option<(String, bool, bool)>,
    pub asset_version: &'static str,
}

impl InvitationPage {
    pub fn open(
        l: crate::i18n::Locale,
        token: String,
        partner_name: String,
        with_dap: bool,
        expires_at: i64,
        form: crate::services::requests::Acceptance,
        error: Option<String>,
    ) -> Self {
        InvitationPage {
            l,
            token,
            partner_name,
            with_dap,
            expires_at,
            form,
            error,
            closed: None,
            accepted: None,
            asset_version: crate::web::assets::version(),
        }
    }

    pub fn closed(l: crate::i18n::Locale, reason: String) -> Self {
        let mut p = Self::open(l, String::new(), String::new(), false, 0, Default::default(), None);
        p.closed = Some(reason);
        p
    }

    pub fn accepted(l: crate::i18n::Locale, done: crate::services::requests::Accepted) -> Self {
        let mut p = Self::open(
            l,
            String::new(),
            done.partner_name,
            done.with_dap,
            0,
            Default::default(),
            None,
        );
        p.accepted = Some((done.customer.company_name, done.new_customer, done.with_dap));
        p
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/password.html")]
pub struct PasswordPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub error: Option<String>,
}

/// Whether the user may manage subscriptions (buttons shown as actions, not just text).
pub fn can_manage(user: &CurrentUser) -> bool {
    user.can(Permission::ManageSubscriptions)
}
