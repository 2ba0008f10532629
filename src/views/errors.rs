//! Error pages, for nobody signed in and inside the layout.

use askama::Template;

use crate::views::layout::Layout;

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
