//! PartnerDesk: a partner dashboard for cloud resellers. `build_app` is the one place the
//! application is put together; `main` and the tests both use it.

pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod i18n;
pub mod models;
pub mod seed;
pub mod services;
pub mod util;
pub mod views;
pub mod web;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, TtlExtensionPolicy};
use actix_web::body::MessageBody;
use actix_web::cookie::SameSite;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::{App, web as aweb};

use web::middleware::{
    csrf, error_pages, input_guard, keep_address, observe, rate_limit, request_id, security_headers,
};
use web::session_store::DbSessionStore;
use web::state::AppState;

/// The whole application: state, middleware and routes.
pub fn build_app(
    state: aweb::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let config = &state.config;
    let idle =
        actix_web::cookie::time::Duration::seconds(config.session_idle_timeout.as_secs() as i64);
    let sessions = SessionMiddleware::builder(
        DbSessionStore::new(state.pool.clone()),
        state.session_key.clone(),
    )
    .cookie_name(config.cookie_name().to_string())
    .cookie_secure(config.cookie_secure)
    .cookie_http_only(true)
    .cookie_same_site(SameSite::Lax)
    .cookie_path("/".to_string())
    .session_lifecycle(
        BrowserSession::default()
            .state_ttl(idle)
            .state_ttl_extension_policy(TtlExtensionPolicy::OnEveryRequest),
    )
    .build();
    App::new()
        .app_data(state.clone())
        .app_data(web::form_config())
        .app_data(web::query_config())
        .app_data(web::path_config())
        .wrap(from_fn(error_pages::error_pages))
        .wrap(from_fn(keep_address::keep_address_on_form_answers))
        .wrap(from_fn(input_guard::input_guard))
        .wrap(from_fn(security_headers::security_headers))
        .wrap(from_fn(observe::observe))
        .wrap(from_fn(request_id::request_id))
        .configure(web::public_routes)
        .service(web::api::scope())
        .service(
            aweb::scope("")
                .wrap(from_fn(rate_limit::rate_limit))
                .wrap(from_fn(csrf::guard))
                .wrap(sessions)
                .configure(web::routes),
        )
}
