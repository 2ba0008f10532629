//! The Customers list and the header every customer page shares.

use askama::Template;
use askama_web::WebTemplate;

use crate::i18n::Locale;
use crate::models::customer::{Customer, CustomerListRow, Readiness};
use crate::models::relationship::Relationship;
use crate::views::layout::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "pages/customers.html", blocks = ["results"])]
pub struct CustomersPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub rows: Vec<CustomerListRow>,
    pub query: String,
    /// Query string of the next page, if there is one.
    /// The next page's address, when one follows.
    pub next_page: Option<String>,
    /// Link back to the first page of the same search, shown on later pages.
    pub first_page: Option<String>,
    pub can_request: bool,
    /// The readiness filter, as its query value ("", "ready" or "blocked").
    pub readiness: &'static str,
}

impl CustomersPage {
    /// Each row with its readiness, "Ready to remove" or what blocks the removal ("Blocked: 2
    /// subscriptions, 1 reservation"), and its GDAP badge ("GDAP (2)") when it has active GDAP
    /// relationships. A page's rows share few such texts: each is formatted once a page
    /// (formatting one is most of a row's cost).
    pub fn rows_with_texts(&self) -> Vec<(&CustomerListRow, String, Option<String>)> {
        let mut texts = std::collections::HashMap::new();
        let mut gdap = std::collections::HashMap::new();
        let rows = self.rows.iter().map(|row| {
            let key = (
                row.blocking_subscriptions,
                row.active_reservations,
                row.active_savings_plans,
                row.active_software,
            );
            let readiness = texts.entry(key).or_insert_with(|| readiness_text(self.l, row)).clone();
            let badge = (row.active_gdap > 0).then(|| {
                gdap.entry(row.active_gdap)
                    .or_insert_with(|| self.l.t1("badge-gdap", "count", row.active_gdap))
                    .clone()
            });
            (row, readiness, badge)
        });
        rows.collect()
    }
}

/// The query value of a readiness filter, and back ("" is every customer).
pub fn readiness_value(r: Readiness) -> &'static str {
    match r {
        Readiness::All => "",
        Readiness::Ready => "ready",
        Readiness::Blocked => "blocked",
    }
}

pub fn parse_readiness(value: &str) -> Option<Readiness> {
    [Readiness::All, Readiness::Ready, Readiness::Blocked]
        .into_iter()
        .find(|r| readiness_value(*r) == value)
}

fn readiness_text(l: Locale, row: &CustomerListRow) -> String {
    if row.is_ready() {
        return l.t("readiness-ready");
    }
    let what: Vec<String> = [
        ("count-subscriptions", row.blocking_subscriptions),
        ("count-reservations", row.active_reservations),
        ("count-savings-plans", row.active_savings_plans),
        ("count-software-purchases", row.active_software),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(key, n)| l.t1(key, "count", n))
    .collect();
    l.t1("readiness-blocked", "what", what.join(", "))
}

/// The header every customer page shares: breadcrumbs, name, tabs.
#[derive(Debug, Clone)]
pub struct CustomerHeader {
    pub customer: Customer,
    pub relationship: Relationship,
    pub tab: &'static str,
}

impl CustomerHeader {
    pub fn new(customer: Customer, relationship: Relationship, tab: &'static str) -> Self {
        CustomerHeader { customer, relationship, tab }
    }
}
