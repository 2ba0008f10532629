//! What handlers and middleware read off a request: its id, htmx's headers, the language, the
//! address to come back to.

use actix_web::http::{Method, header};
use actix_web::web::Data;
use actix_web::{HttpMessage, HttpRequest};

use crate::i18n::Locale;
use crate::util::urls::local_path;
use crate::web::state::AppState;

/// The request's id (set by `middleware::request_id`), for logs and audit records.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub fn request_id_of(req: &HttpRequest) -> String {
    req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default()
}

/// An htmx request that wants a fragment (not a boosted page load, which wants the whole page).
pub fn is_htmx_fragment_request(req: &HttpRequest) -> bool {
    let has = |name: &str| req.headers().get(name).is_some_and(|v| v.as_bytes() == b"true");
    has("HX-Request") && !has("HX-Boosted")
}

/// The language the browser asks for (`Accept-Language`), else English.
pub fn locale_of(req: &HttpRequest) -> Locale {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate)
        .unwrap_or_default()
}

/// Where the page answering this request can be looked at again with a GET: a GET's own path
/// and query; for another method (a page rendered in answer to a POST, whose address the
/// browser cannot simply load) the page it was sent from, if that is this site (the public
/// URL's scheme, host and port): htmx's
/// `HX-Current-URL`, else the `Referer`; else the start page.
pub fn reloadable_path(req: &HttpRequest) -> String {
    if req.method() == Method::GET {
        return req
            .uri()
            .path_and_query()
            .and_then(|p| local_path(p.as_str()))
            .unwrap_or("/")
            .to_string();
    }
    let Some(state) = req.app_data::<Data<AppState>>() else { return "/".into() };
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    let htmx = header("HX-Request") == Some("true");
    htmx.then(|| header("HX-Current-URL"))
        .flatten()
        .into_iter()
        .chain(header(header::REFERER.as_str()))
        .find_map(|url| state.config.public_url.local_path_of(url))
        .unwrap_or_else(|| "/".into())
}
