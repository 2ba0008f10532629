//! The Customers list and the header every customer page shares.

use askama::Template;
use askama_web::WebTemplate;

use crate::models::customer::{Customer, CustomerListRow};
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
