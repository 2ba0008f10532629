//! The route registry: every route is registered through `add`, so the list the access-matrix
//! test walks cannot miss one.

use std::sync::Mutex;

use actix_web::http::Method;
use actix_web::{FromRequest, Handler, HttpResponse, Responder, web};

use crate::error::AppError;
use crate::i18n::Msg;
use crate::web::middleware::input_guard::MAX_FORM_BYTES;
use crate::web::{
    account, activity, assets, customers, gdap, health, profile, requests, security_groups, signin,
    subscriptions, tenant, tenant_admins, users,
};

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
    security_groups::routes(cfg);
    activity::routes(cfg);
    gdap::routes(cfg);
    tenant::routes(cfg);
    tenant_admins::routes(cfg);
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
    record(&method, "", path);
    cfg.route(path, web::method(method).to(handler));
}

/// `add`, for a route of a scope mounted at `prefix` (`path` is the part after it).
pub fn add_under<F, Args>(
    cfg: &mut web::ServiceConfig,
    prefix: &'static str,
    method: Method,
    path: &'static str,
    handler: F,
) where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    record(&method, prefix, path);
    cfg.route(path, web::method(method).to(handler));
}

fn record(method: &Method, prefix: &str, path: &'static str) {
    let name: &'static str = match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PATCH => "PATCH",
        _ => "OTHER",
    };
    if let Ok(mut all) = REGISTRY.lock()
        && !all.iter().any(|(m, p)| *m == name && p.strip_prefix(prefix) == Some(path))
    {
        // Each route once per process, however many apps are built.
        let full: &'static str =
            if prefix.is_empty() { path } else { Box::leak(format!("{prefix}{path}").into()) };
        all.push((name, full));
    }
}

/// The registered routes (after an app was built).
pub fn registered_routes() -> Vec<(&'static str, &'static str)> {
    REGISTRY.lock().map(|r| r.clone()).unwrap_or_default()
}

async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

pub fn form_config() -> web::FormConfig {
    web::FormConfig::default().limit(MAX_FORM_BYTES).error_handler(|e, _| {
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
