//! HTTP handlers, grouped by page, and the helpers they share.

pub mod account;
pub mod activity;
pub mod assets;
pub mod customers;
pub mod health;
pub mod middleware;
pub mod profile;
pub mod requests;
pub mod signin;
pub mod subscriptions;
pub mod users;

use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

use actix_session::Session;
use actix_web::http::{Method, header};
use actix_web::{FromRequest, Handler, HttpRequest, HttpResponse, Responder, dev::Payload, web};

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::services::Ctx;
use crate::views::Toast;

/// Routes that need no session: health, static files.
pub fn public_routes(cfg: &mut web::ServiceConfig) {
    add(cfg, Method::GET, "/healthz", health::healthz);
    add(cfg, Method::GET, "/readyz", health::readyz);
    add(cfg, Method::GET, "/static/{path:.*}", assets::serve);
}

/// Routes behind the session and CSRF middleware.
pub fn routes(cfg: &mut web::ServiceConfig) {
    add(cfg, Method::GET, "/", customers::home);
    signin::routes(cfg);
    customers::routes(cfg);
    subscriptions::routes(cfg);
    account::routes(cfg);
    profile::routes(cfg);
    requests::routes(cfg);
    users::routes(cfg);
    activity::routes(cfg);
    cfg.default_service(web::to(not_found));
}

/// Every route the application serves, as (method, path pattern): each is registered through
/// `add`, so this list cannot miss one (the access-matrix test walks it).
static REGISTRY: Mutex<Vec<(&'static str, &'static str)>> = Mutex::new(Vec::new());

/// Registers a route and records it in the registry.
pub fn add<F, Args>(cfg: &mut web::ServiceConfig, method: Method, path: &'static str, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    let name: &'static str = match method {
        Method::GET => "GET",
        Method::POST => "POST",
        _ => "OTHER",
    };
    if let Ok(mut all) = REGISTRY.lock()
        && !all.contains(&(name, path))
    {
        all.push((name, path));
    }
    cfg.route(path, web::method(method).to(handler));
}

/// The registered routes (after an app was built).
pub fn registered_routes() -> Vec<(&'static str, &'static str)> {
    REGISTRY.lock().map(|r| r.clone()).unwrap_or_default()
}

async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

pub fn form_config() -> web::FormConfig {
    web::FormConfig::default().limit(middleware::MAX_FORM_BYTES).error_handler(|e, _| {
        log::debug!("form rejected: {e}");
        AppError::BadRequest(Msg::new("error-form-malformed")).into()
    })
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default()
        .error_handler(|_, _| AppError::BadRequest(Msg::new("error-query-malformed")).into())
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into())
}

/// An htmx request that wants a fragment (not a boosted page load, which wants the whole page).
pub fn is_htmx_fragment_request(req: &HttpRequest) -> bool {
    let has = |name: &str| req.headers().get(name).is_some_and(|v| v.as_bytes() == b"true");
    has("HX-Request") && !has("HX-Boosted")
}

/// A path of this site to send a browser back to, as given: it starts with one `/` (so it has
/// no scheme and no host, and `//host` or `/\host` cannot name another site) and holds only
/// visible ASCII without backslashes (no header injection, nothing a browser would rewrite).
pub fn local_path(path: &str) -> Option<&str> {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    ok.then_some(path)
}

/// The path and query of an absolute `http(s)` URL of this site (`host` as the request named
/// it), e.g. a `Referer`; None for another site or anything else.
pub fn same_site_path(url: &str, host: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.is_empty() || !authority.eq_ignore_ascii_case(host) {
        return None;
    }
    let tail = tail.split('#').next().unwrap_or_default();
    let path = if tail.starts_with('/') { tail.to_string() } else { format!("/{tail}") };
    local_path(&path).map(str::to_owned)
}

/// Where the page answering this request can be looked at again with a GET: a GET's own path
/// and query; for another method (a page rendered in answer to a POST, whose address the
/// browser cannot simply load) the page it was sent from, if that is this site: htmx's
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
    let host = req.connection_info().host().to_string();
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok());
    let htmx = header("HX-Request") == Some("true");
    htmx.then(|| header("HX-Current-URL"))
        .flatten()
        .into_iter()
        .chain(header(header::REFERER.as_str()))
        .find_map(|url| same_site_path(url, &host))
        .unwrap_or_else(|| "/".into())
}

/// Percent-encodes a query-string value.
pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|q| q[1..].to_string()).unwrap_or_default()
}

/// 303 to `location` (after a POST: the browser loads the result with GET).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}

/// An HTML response with the given status.
pub fn html(status: actix_web::http::StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

/// A fragment followed by toasts swapped out of band into the page's message area.
pub fn fragment_with_toasts(
    status: actix_web::http::StatusCode,
    fragment: String,
    toasts: Vec<Toast>,
    l: crate::i18n::Locale,
) -> Result<HttpResponse, AppError> {
    use askama::Template;
    let oob = crate::views::ToastFragment { l, toasts }.render().map_err(AppError::internal)?;
    Ok(html(status, fragment + &oob))
}

/// Messages shown once, on the next page (after a redirect).
pub mod flash {
    use super::*;
    const KEY: &str = "flash";

    pub fn push(session: &Session, toast: Toast) {
        let mut all: Vec<Toast> = session.get(KEY).ok().flatten().unwrap_or_default();
        all.push(toast);
        let _ = session.insert(KEY, all);
    }

    pub fn take(session: &Session) -> Vec<Toast> {
        // Removing marks the session changed (a database write): only when there is something.
        if !session.contains_key(KEY) {
            return Vec::new();
        }
        session.remove_as::<Vec<Toast>>(KEY).and_then(Result::ok).unwrap_or_default()
    }
}

/// The request's id (set by `middleware::request_id`), for logs and audit records.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub fn request_id_of(req: &HttpRequest) -> String {
    req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default()
}

use actix_web::HttpMessage;

impl FromRequest for Ctx {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        let request_id = request_id_of(req);
        Box::pin(async move { Ok(Ctx { user: user.await?, request_id }) })
    }
}
