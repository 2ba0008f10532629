//! The sign-in page and the signed-in user's password page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::layout::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "pages/signin.html")]
pub struct SignInPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub email: String,
    pub next: String,
    pub error: Option<String>,
    pub csrf_token: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/password.html")]
pub struct PasswordPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub error: Option<String>,
}
