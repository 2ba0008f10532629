//! What every API operation shares: the caller (a bearer key's user), errors as Partner
//! Center's JSON, the `/v1` scope with its routes, and the echoed request headers.

use super::{audit, customers, openapi, subscriptions};
use std::future::Future;
use std::pin::Pin;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{Next, from_fn};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, web};
use serde::Serialize;

use crate::auth::{CurrentUser, SignedIn};
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Msg};
use crate::services::audit::{Actor, Requester, op};
use crate::services::{Ctx, api_keys};
use crate::views::api::{ApiErrorBody, ErrorItem};
use crate::web::middleware::error_pages::record_refused;
use crate::web::request::{locale_of, request_id_of};
use crate::web::state::{AnyConnection, AppState};

/// The largest JSON body any operation takes.
pub const MAX_JSON_BYTES: usize = 16 * 1024;

/// The `/v1` scope: its routes, JSON errors for bad bodies and unknown addresses, and the
/// echoed request headers.
pub fn scope() -> actix_web::Scope<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    web::scope("/v1")
        .wrap(from_fn(echo_headers))
        .app_data(web::JsonConfig::default().limit(MAX_JSON_BYTES).error_handler(|e, req| {
            log::debug!("JSON body rejected: {e}");
            ApiError::new(AppError::BadRequest(body_message()), locale_of(req)).into()
        }))
        .app_data(
            web::QueryConfig::default()
                .error_handler(|_, req| ApiError::new(bad_query(), locale_of(req)).into()),
        )
        .app_data(
            web::PathConfig::default()
                .error_handler(|_, req| ApiError::new(AppError::NotFound, locale_of(req)).into()),
        )
        .configure(routes)
        .default_service(web::to(|req: HttpRequest| async move {
            Err::<HttpResponse, _>(ApiError::new(AppError::NotFound, locale_of(&req)))
        }))
}

fn routes(cfg: &mut web::ServiceConfig) {
    use crate::web::routes::add_under as add;
    const V1: &str = "/v1";
    add(cfg, V1, Method::GET, "/openapi.json", openapi::document);
    add(cfg, V1, Method::GET, "/customers", customers::list);
    add(cfg, V1, Method::GET, "/customers/relationshiprequests", customers::relationship_request);
    add(cfg, V1, Method::GET, "/customers/{id}", customers::get);
    add(cfg, V1, Method::PATCH, "/customers/{id}", customers::patch);
    add(cfg, V1, Method::GET, "/customers/{id}/subscriptions", subscriptions::list);
    add(cfg, V1, Method::GET, "/customers/{id}/subscriptions/{sid}", subscriptions::get);
    add(cfg, V1, Method::PATCH, "/customers/{id}/subscriptions/{sid}", subscriptions::patch);
    add(cfg, V1, Method::GET, "/auditrecords", audit::list);
}

fn body_message() -> Msg {
    Msg::new("api-error-body").num("max", MAX_JSON_BYTES as f64)
}

fn bad_query() -> AppError {
    AppError::BadRequest(Msg::new("error-query-malformed"))
}

/// An error of the API, answered as Partner Center's error JSON in the caller's language,
/// with the items that caused it (a removal's blockers).
#[derive(Debug)]
pub struct ApiError {
    pub error: AppError,
    pub locale: Locale,
    pub data: Vec<ErrorItem>,
}

impl ApiError {
    pub fn new(error: AppError, locale: Locale) -> Self {
        ApiError { error, locale, data: Vec::new() }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self.error {
            AppError::SignInRequired { .. } => StatusCode::UNAUTHORIZED,
            ref e => e.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        if let AppError::Internal(e) = &self.error {
            log::error!("internal error: {e:#}");
        }
        let description = match self.error {
            AppError::SignInRequired { .. } => self.locale.t("api-error-unauthorized"),
            ref e => e.text(self.locale),
        };
        let status = self.status_code();
        let mut res = HttpResponse::build(status);
        if let Some(secs) = self.error.retry_after_secs() {
            res.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if status == StatusCode::UNAUTHORIZED {
            res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        res.insert_header((header::CONTENT_LANGUAGE, self.locale.tag())).json(ApiErrorBody {
            code: status.as_u16(),
            description,
            data: self.data.clone(),
            source: "PartnerDesk".into(),
        })
    }
}

/// The caller of an API operation: the key's user as a service context, and the language of
/// the answer's sentences.
pub struct ApiCtx {
    pub ctx: Ctx,
    pub locale: Locale,
}

impl ApiCtx {
    /// An error of this caller, in their language.
    pub fn err(&self, e: AppError) -> ApiError {
        ApiError::new(e, self.locale)
    }
}

/// `MS-RequestId` or `MS-CorrelationId` as sent, if it is one we can keep: at most 128
/// letters, digits, `-`, `.` and `_` (a GUID, as Partner Center's clients send). Another
/// value is a 400.
fn caller_id(req: &HttpRequest, name: &'static str) -> Result<Option<String>, AppError> {
    let Some(v) = req.headers().get(name) else { return Ok(None) };
    let ok = |s: &str| {
        !s.is_empty()
            && s.len() <= 128
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
    };
    match v.to_str() {
        Ok(s) if ok(s) => Ok(Some(s.to_owned())),
        _ => Err(AppError::BadRequest(Msg::new("api-error-header").text("header", name))),
    }
}

impl FromRequest for ApiCtx {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let asked = locale_of(&req);
            let fail = |e: AppError| ApiError::new(e, asked);
            let request_id = caller_id(&req, "MS-RequestId")
                .map_err(fail)?
                .unwrap_or_else(|| request_id_of(&req));
            let correlation_id = caller_id(&req, "MS-CorrelationId").map_err(fail)?;
            let secret = req
                .headers()
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(|s| s.trim().to_owned());
            let unauthorized = || fail(AppError::SignInRequired { next: None });
            let Some(secret) = secret else { return Err(unauthorized()) };
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| fail(AppError::internal(anyhow::anyhow!("state missing"))))?;
            let found =
                state.db(move |c| api_keys::authenticate(c, &secret)).await.map_err(fail)?;
            let Some((key, SignedIn { user, partner, roles })) = found else {
                return Err(unauthorized());
            };
            if let Err(refusal) = state.limits.check_api_key(&key.id) {
                let retry_after_secs = refusal.retry_after_secs();
                return Err(fail(AppError::TooManyRequests { retry_after_secs }));
            }
            let locale = if req.headers().contains_key(header::ACCEPT_LANGUAGE) {
                asked
            } else {
                user.locale.as_deref().and_then(Locale::parse).unwrap_or_default()
            };
            let user = CurrentUser {
                locale,
                path: "/".into(),
                id: user.id,
                email: user.email,
                display_name: user.display_name,
                partner,
                roles,
                csrf_token: String::new(),
            };
            let now = state.clock.now();
            Ok(ApiCtx { ctx: Ctx { user, request_id, correlation_id, now }, locale })
        })
    }
}

/// Runs a service for an API caller. A refusal for want of a role is audited, as the pages'
/// are.
pub async fn call<T: Send + 'static>(
    req: &HttpRequest,
    state: &AppState,
    api: &ApiCtx,
    f: impl FnOnce(&mut AnyConnection, &Ctx) -> AppResult<T> + Send + 'static,
) -> Result<T, ApiError> {
    let result = state.call(&api.ctx, f).await;
    if let Err(AppError::Forbidden(reason)) = &result {
        let actor = Actor::from(&api.ctx);
        record_refused(req, Requester::User(actor), op::AUTHZ_DENIED, reason.to_string()).await;
    }
    result.map_err(|e| api.err(e))
}

/// A 200 answer with a JSON body.
pub fn ok<T: Serialize>(body: &T) -> HttpResponse {
    HttpResponse::Ok().json(body)
}

/// Sends back the caller's `MS-RequestId` and `MS-CorrelationId` (when well-formed), and keeps
/// answers out of caches.
async fn echo_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let echoed: Vec<(HeaderName, HeaderValue)> = ["MS-RequestId", "MS-CorrelationId"]
        .into_iter()
        .filter_map(|name| {
            let value = caller_id(req.request(), name).ok().flatten()?;
            Some((
                HeaderName::from_bytes(name.as_bytes()).ok()?,
                HeaderValue::from_str(&value).ok()?,
            ))
        })
        .collect();
    let mut res = next.call(req).await?.map_into_boxed_body();
    let h = res.headers_mut();
    for (name, value) in echoed {
        h.insert(name, value);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
