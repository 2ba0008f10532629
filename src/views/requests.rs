//! Relationship requests: the partner's list and the public invitation page.

use askama::Template;
use askama_web::WebTemplate;

use crate::services::requests::{Acceptance, Accepted, CustomerName, Invitation, Listed};
use crate::views::layout::Layout;

/// An invitation just created: its link and draft message, shown once.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub link: String,
    pub message: String,
    pub with_dap: bool,
    /// The address to send it to, when the partner gave one.
    pub recipient_email: Option<String>,
    /// A new link for an existing request (the earlier link no longer works).
    pub resent: bool,
}

/// The new request's form as typed, and what is wrong with it (shown again after a refusal).
#[derive(Debug, Clone, Default)]
pub struct RequestForm {
    pub recipient_name: String,
    pub recipient_email: String,
    pub with_dap: bool,
    /// The sentence, and whether it is about the name (else the address).
    pub error: Option<(String, bool)>,
}

impl RequestForm {
    pub fn name_invalid(&self) -> bool {
        matches!(self.error, Some((_, true)))
    }

    pub fn email_invalid(&self) -> bool {
        matches!(self.error, Some((_, false)))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/relationship_requests.html")]
pub struct RequestsPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub requests: Vec<Listed>,
    /// Former customers the form offers to invite again.
    pub former: Vec<CustomerName>,
    /// The former customer the form shows chosen (from its Account page's link).
    pub chosen: Option<String>,
    pub new_invitation: Option<NewInvitation>,
    pub form: RequestForm,
    pub now_ms: i64,
    pub validity_days: i64,
}

impl RequestsPage {
    pub fn is_chosen(&self, id: &str) -> bool {
        self.chosen.as_deref() == Some(id)
    }
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
    /// The customer an invitation names (company name, domain); `None`: a new customer's
    /// admin fills in the form.
    pub customer: Option<(String, String)>,
    pub form: Acceptance,
    pub error: Option<String>,
    /// Set when the link cannot be used: the reason.
    pub closed: Option<String>,
    /// Set after acceptance.
    pub accepted: Option<(String, bool, bool)>,
    /// For an invitation naming its customer: who may accept it.
    pub gate: AcceptGate,
    /// For an invitation for a new customer: its first admin's name and address as typed (never
    /// the password).
    pub first_admin: (String, String),
}

/// Whether the person on an invitation's page may accept it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AcceptGate {
    /// A new customer's invitation (its first admin fills in the form), or an admin of the
    /// named customer is signed in.
    Open,
    /// Nobody is signed in at the tenant door: the page links to it (`next=` back here).
    SignIn(String),
    /// An admin of another customer is signed in.
    OtherCustomer,
}

impl InvitationPage {
    pub fn open(
        l: crate::i18n::Locale,
        token: String,
        inv: Invitation,
        form: Acceptance,
        error: Option<String>,
    ) -> Self {
        InvitationPage {
            l,
            token,
            partner_name: inv.partner.name,
            with_dap: inv.request.with_dap,
            expires_at: inv.request.expires_at,
            customer: inv.customer.map(|c| (c.company_name, c.primary_domain)),
            form,
            error,
            closed: None,
            accepted: None,
            gate: AcceptGate::Open,
            first_admin: (String::new(), String::new()),
        }
    }

    /// The same page, for whoever is on it, with the first admin's details as typed.
    pub fn gated(self, gate: AcceptGate, first_admin: (String, String)) -> Self {
        InvitationPage { gate, first_admin, ..self }
    }

    fn empty(l: crate::i18n::Locale, partner_name: String, with_dap: bool) -> Self {
        InvitationPage {
            l,
            token: String::new(),
            partner_name,
            with_dap,
            expires_at: 0,
            customer: None,
            form: Acceptance::default(),
            error: None,
            closed: None,
            accepted: None,
            gate: AcceptGate::Open,
            first_admin: (String::new(), String::new()),
        }
    }

    pub fn closed(l: crate::i18n::Locale, reason: String) -> Self {
        InvitationPage { closed: Some(reason), ..Self::empty(l, String::new(), false) }
    }

    /// Whether the form shows `code` chosen (what was posted, in any case).
    pub fn is_country(&self, code: &str) -> bool {
        self.form.country.trim().eq_ignore_ascii_case(code)
    }

    pub fn accepted(l: crate::i18n::Locale, done: Accepted) -> Self {
        let accepted = Some((done.customer.company_name, done.new_customer, done.with_dap));
        InvitationPage { accepted, ..Self::empty(l, done.partner_name, done.with_dap) }
    }
}
