//! One error type for every layer. Each kind maps to a status and a sentence a person can act
//! on; `?` on diesel errors yields the right kind. How an error is answered (a page, a toast,
//! a redirect) is `web::errors`.

use crate::i18n::{Locale, Msg};

/// The sentences are `Msg`s, translated where the response is made (`Display` is English, for
/// logs and audit records).
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(Msg),
    #[error("{0}")]
    Forbidden(Msg),
    #[error("{}", Locale::En.t("error-not-found"))]
    NotFound,
    #[error("{0}")]
    Conflict(Msg),
    #[error("{0}")]
    Unprocessable(Msg),
    /// The object changed since the client read it (a stale `If-Match`).
    #[error("{0}")]
    PreconditionFailed(Msg),
    #[error("{}", Locale::En.t("error-sign-in-required"))]
    SignInRequired { next: Option<String> },
    #[error("{}", Locale::En.t("error-unavailable"))]
    Unavailable,
    /// A rate limit refused the request; it may be sent again after this many seconds.
    #[error("too many requests: try again in {retry_after_secs} s")]
    TooManyRequests { retry_after_secs: u64 },
    /// The request's body did not arrive within the deadline.
    #[error("{}", Locale::En.t("error-body-timeout"))]
    BodyTimeout,
    #[error("{}", Locale::En.t("error-internal"))]
    Internal(#[source] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// An unexpected failure (500).
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        AppError::Internal(e.into())
    }

    /// The key of the error page's title.
    pub fn title(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "error-title-bad-request",
            AppError::Forbidden(_) => "error-title-forbidden",
            AppError::NotFound => "error-title-not-found",
            AppError::Conflict(_) => "error-title-conflict",
            AppError::Unprocessable(_) => "error-title-unprocessable",
            AppError::PreconditionFailed(_) => "error-title-precondition",
            AppError::SignInRequired { .. } => "error-title-sign-in",
            AppError::Unavailable => "error-title-unavailable",
            AppError::TooManyRequests { .. } => "error-title-too-many",
            AppError::BodyTimeout => "error-title-body-timeout",
            AppError::Internal(_) => "error-title-internal",
        }
    }

    /// The sentence, still to be translated.
    pub fn message(&self) -> Msg {
        match self {
            AppError::BadRequest(m)
            | AppError::Forbidden(m)
            | AppError::Conflict(m)
            | AppError::Unprocessable(m)
            | AppError::PreconditionFailed(m) => m.clone(),
            AppError::NotFound => Msg::new("error-not-found"),
            AppError::SignInRequired { .. } => Msg::new("error-sign-in-required"),
            AppError::Unavailable => Msg::new("error-unavailable"),
            AppError::TooManyRequests { retry_after_secs } => {
                Msg::new("error-too-many").num("seconds", *retry_after_secs as f64)
            }
            AppError::BodyTimeout => Msg::new("error-body-timeout"),
            AppError::Internal(_) => Msg::new("error-internal"),
        }
    }

    /// Seconds after which the same request may succeed (`Retry-After`), for the kinds that
    /// have one.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            AppError::Unavailable => Some(2),
            AppError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        }
    }

    /// The sentence in a locale.
    pub fn text(&self, l: Locale) -> String {
        l.msg(self.message())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        if crate::db::is_connection_lost(&e) {
            log::warn!("database connection lost: {e}");
            return AppError::Unavailable;
        }
        AppError::Internal(e.into())
    }
}
