//! The sign-in page and the signed-in user's password page.

use askama::Template;
use askama_web::WebTemplate;

use crate::views::layout::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "pages/signin.html")]
pub struct SignInPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    /// The door's prefix: `""` (partner users) or `/tenant` (customer admins).
    pub base: &'static str,
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

/// Replacing a one-time password, the first step after it.
#[derive(Template, WebTemplate)]
#[template(path = "pages/signin_password.html")]
pub struct FirstPasswordPage {
    pub l: crate::i18n::Locale,
    pub base: &'static str,
    pub email: String,
    pub csrf_token: String,
    pub error: Option<String>,
}

/// Setting up the authenticator app: its key as a QR code, as text and as a link.
#[derive(Template, WebTemplate)]
#[template(path = "pages/signin_enrol.html")]
pub struct EnrolPage {
    pub l: crate::i18n::Locale,
    pub base: &'static str,
    pub account: String,
    /// The key in groups of four, as people type it.
    pub secret_groups: String,
    pub otpauth_url: String,
    /// The QR code of `otpauth_url`, an inline SVG made here.
    pub qr_svg: String,
    pub csrf_token: String,
    pub error: Option<String>,
}

impl EnrolPage {
    pub fn new(
        l: crate::i18n::Locale,
        base: &'static str,
        account: String,
        secret: &str,
        otpauth_url: String,
        csrf_token: String,
        error: Option<String>,
    ) -> Self {
        let secret_groups = secret
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        let qr_svg = qr_svg(&otpauth_url);
        EnrolPage { l, base, account, secret_groups, otpauth_url, qr_svg, csrf_token, error }
    }
}

/// A QR code as an SVG element to put in a page (without the XML prolog).
fn qr_svg(data: &str) -> String {
    use qrcode::render::svg;
    let Ok(code) = qrcode::QrCode::new(data.as_bytes()) else { return String::new() };
    let image = code.render::<svg::Color>().min_dimensions(200, 200).quiet_zone(true).build();
    let start = image.find("<svg").unwrap_or(0);
    image[start..].to_owned()
}

/// The recovery codes, shown once right after enrolment.
#[derive(Template, WebTemplate)]
#[template(path = "pages/signin_recovery_codes.html")]
pub struct RecoveryCodesPage {
    pub l: crate::i18n::Locale,
    pub codes: Vec<String>,
    /// Where "Continue" leads (a local path).
    pub next: String,
}

/// The second step: a code from the app or a recovery code.
#[derive(Template, WebTemplate)]
#[template(path = "pages/signin_code.html")]
pub struct CodePage {
    pub l: crate::i18n::Locale,
    pub base: &'static str,
    pub csrf_token: String,
    pub error: Option<String>,
}
