//! The API keys page: the signed-in user's keys, the form for a new one, and a new key's secret
//! (shown once).

use askama::Template;
use askama_web::WebTemplate;

use crate::models::api_key::ApiKey;
use crate::views::Layout;

#[derive(Template, WebTemplate)]
#[template(path = "pages/api_keys.html")]
pub struct ApiKeysPage {
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub keys: Vec<ApiKey>,
    pub now: i64,
    /// A key just made: its name and its secret.
    pub new_key: Option<(String, String)>,
    pub error: Option<String>,
    pub name: String,
    pub days: String,
}
