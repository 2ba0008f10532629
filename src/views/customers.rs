//! The Customers list and the header every customer page shares.

use std::rc::Rc;

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

/// What every row of a Customers page writes alike (the column labels its phone layout shows
/// beside each cell, the badges), escaped once a page rather than once a row.
pub struct RowTexts {
    pub name: String,
    pub domain: String,
    pub relationship: String,
    pub count: String,
    pub readiness: String,
    pub reseller: String,
    pub dap: String,
}

/// A row, its readiness text and its GDAP badge, escaped.
pub type RowWithTexts<'a> = (&'a CustomerListRow, Rc<str>, Option<Rc<str>>);

/// What blocks a removal, by count: subscriptions, reservations, savings plans, software.
type Blockers = (i64, i64, i64, i64);

impl CustomersPage {
    pub fn row_texts(&self) -> RowTexts {
        let t = |key| crate::views::html_escaped(&self.l.t(key));
        RowTexts {
            name: t("col-company-name"),
            domain: t("col-primary-domain"),
            relationship: t("col-relationship"),
            count: t("col-active-subscriptions"),
            readiness: t("col-readiness"),
            reseller: t("badge-reseller"),
            dap: t("badge-dap"),
        }
    }

    /// Each row with its readiness, "Ready to remove" or what blocks the removal ("Blocked: 2
    /// subscriptions, 1 reservation"), and its GDAP badge ("GDAP (2)") when it has active GDAP
    /// relationships, both escaped (write them with `|safe`). A page's rows share few such
    /// texts: each is formatted once a page (formatting one is most of a row's cost), and a
    /// short list finds it faster than a hash map would.
    pub fn rows_with_texts(&self) -> Vec<RowWithTexts<'_>> {
        let mut texts: Vec<(Blockers, Rc<str>)> = Vec::new();
        let mut badges: Vec<(i64, Rc<str>)> = Vec::new();
        let rows = self.rows.iter().map(|row| {
            let key = (
                row.blocking_subscriptions,
                row.active_reservations,
                row.active_savings_plans,
                row.active_software,
            );
            let readiness = cached(&mut texts, key, || readiness_text(self.l, row));
            let badge = (row.active_gdap > 0).then(|| {
                cached(&mut badges, row.active_gdap, || {
                    self.l.t1("badge-gdap", "count", row.active_gdap)
                })
            });
            (row, readiness, badge)
        });
        rows.collect()
    }
}

/// The text kept under `key`, made and escaped the first time it is asked for.
fn cached<K: PartialEq>(
    cache: &mut Vec<(K, Rc<str>)>,
    key: K,
    make: impl FnOnce() -> String,
) -> Rc<str> {
    if let Some((_, text)) = cache.iter().find(|(k, _)| *k == key) {
        return text.clone();
    }
    let text = Rc::<str>::from(crate::views::html_escaped(&make()));
    cache.push((key, text.clone()));
    text
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
