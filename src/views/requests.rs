//! Relationship requests: the partner's list and the public invitation page.

use askama::Template;
use askama_web::WebTemplate;
use serde::{Deserialize, Serialize};

use crate::views::layout::Layout;

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
