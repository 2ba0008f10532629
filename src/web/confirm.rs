//! Irreversible changes ask first. Their POST changes something only when its form carries the
//! answer (`confirmed=yes`): a plain form gets it from the question's page (a GET of the same
//! address), an htmx form from its dialog (`hx-confirm` with `hx-vals`). A POST without it is
//! sent to the question, so the dialog is never the only guard.

use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::services::Ctx;
use crate::services::customers::Confirmable;
use crate::views::{ConfirmPage, CustomerHeader, Layout, Nav, Toast};

/// The fields an irreversible change's form may carry.
#[derive(Deserialize, Default)]
pub struct Answer {
    /// `yes` once the person has answered the question.
    pub confirmed: Option<String>,
    /// `account` or `subscriptions` to return there afterwards.
    pub back: Option<String>,
}

impl Answer {
    pub fn given(&self) -> bool {
        self.confirmed.as_deref() == Some("yes")
    }
}

/// `?back=` of a question's page.
#[derive(Deserialize)]
pub struct Back {
    pub back: Option<String>,
}

/// Where a form returns after success: the Account page or the Subscriptions tab when it came
/// from there, else `default`.
pub fn back_to(back: Option<&str>, customer_id: &str, default: String) -> String {
    match back {
        Some("account") => format!("/customers/{customer_id}/account"),
        Some("subscriptions") => format!("/customers/{customer_id}/subscriptions"),
        _ => default,
    }
}

/// Sends a change that lacks its answer to its question: a redirect for a plain (or boosted)
/// form, a full navigation for an htmx fragment request.
pub fn ask_first(req: &HttpRequest, answer: &Answer) -> HttpResponse {
    let mut question = req.path().to_owned();
    if let Some(back @ ("account" | "subscriptions")) = answer.back.as_deref() {
        question = format!("{question}?back={back}");
    }
    if super::is_htmx_fragment_request(req) {
        HttpResponse::Ok().insert_header(("HX-Redirect", question)).finish()
    } else {
        super::see_other(&question)
    }
}

/// What a question's page says besides its customer.
pub struct Question {
    pub title: String,
    pub consequences: Vec<String>,
    pub button: String,
    /// Where "Keep it" goes unless `back` says otherwise.
    pub default_back: String,
}

/// The question's page, posting to the address it was read from.
pub fn page<T>(
    req: &HttpRequest,
    ctx: &Ctx,
    toasts: Vec<Toast>,
    asked: Confirmable<T>,
    q: Question,
    back: Option<String>,
) -> ConfirmPage {
    let back = back.filter(|b| matches!(b.as_str(), "account" | "subscriptions"));
    ConfirmPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        back_href: back_to(back.as_deref(), &asked.customer.id, q.default_back),
        header: CustomerHeader::new(asked.customer, asked.relationship, "account"),
        title: q.title,
        consequences: q.consequences,
        action: req.path().to_owned(),
        button: q.button,
        back,
    }
}
