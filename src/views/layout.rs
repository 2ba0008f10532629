//! What every page shares: the layout around a signed-in page, toasts, the navigation.

use askama::Template;
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::auth::permissions::Permission;

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
    ApiKeys,
    Users,
    /// A page of no section (an error page): no navigation item is current.
    Nowhere,
    Activity,
    Gdap,
}

/// What every signed-in page shows around its content.
#[derive(Debug, Clone)]
pub struct Layout {
    pub user_name: String,
    pub user_roles: Vec<crate::models::role::Role>,
    pub partner_name: String,
    pub csrf_token: String,
    pub nav: Nav,
    pub toasts: Vec<Toast>,
    /// Whether the navigation shows Users.
    pub can_manage_users: bool,
    /// Whether the navigation shows GDAP relationships.
    pub can_view_customers: bool,
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
            can_manage_users: user.can(Permission::ManageUsers),
            can_view_customers: user.can(Permission::ViewCustomers),
            path: user.path.clone(),
        }
    }
}

/// Toasts swapped out of band into `#flash` (added to fragment responses).
#[derive(Template)]
#[template(path = "partials/toasts.html")]
pub struct ToastFragment {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub toasts: Vec<Toast>,
}

/// Whether the user may manage subscriptions (buttons shown as actions, not just text).
pub fn can_manage(user: &CurrentUser) -> bool {
    user.can(Permission::ManageSubscriptions)
}

/// A domain name as HTML that may wrap after each dot (`<wbr>`), never inside a label, so a
/// narrow screen breaks `contoso.onmicrosoft.com` as `contoso.` / `onmicrosoft.com`. Escapes
/// the text itself; use it with `|safe`. Written straight into the page, without a copy.
pub fn domain_html(domain: &str) -> DomainHtml<'_> {
    DomainHtml(domain)
}

pub struct DomainHtml<'a>(&'a str);

impl std::fmt::Display for DomainHtml<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_escaped(f, self.0, true)
    }
}

/// Text escaped for HTML once, for a page that writes the same text on every row (a column's
/// label, a badge): write it with `|safe`.
pub fn html_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let _ = write_escaped(&mut out, text, false);
    out
}

/// Writes `text` with `& < > " '` escaped, and with `<wbr>` after each dot when `wrap_dots`.
/// Scans bytes: every character it looks for is ASCII, so a match is never inside a UTF-8
/// sequence, and the text between matches is written in one piece.
fn write_escaped(out: &mut impl std::fmt::Write, text: &str, wrap_dots: bool) -> std::fmt::Result {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            b'.' if wrap_dots => ".<wbr>",
            _ => continue,
        };
        out.write_str(&text[start..i])?;
        out.write_str(with)?;
        start = i + 1;
    }
    out.write_str(&text[start..])
}

#[cfg(test)]
mod tests {
    #[test]
    fn domains_wrap_after_dots_and_stay_escaped() {
        assert_eq!(super::domain_html("a.b.com").to_string(), "a.<wbr>b.<wbr>com");
        assert_eq!(super::domain_html("<x>&\"'").to_string(), "&lt;x&gt;&amp;&quot;&#39;");
        assert_eq!(super::domain_html("żółć.pl").to_string(), "żółć.<wbr>pl");
        assert_eq!(super::html_escaped("a.b <“x”> & 'y'"), "a.b &lt;“x”&gt; &amp; &#39;y&#39;");
    }
}
