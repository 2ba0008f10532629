//! Static files, compiled into the binary: the server needs no files beside it, and each URL
//! carries a content hash so browsers may cache it for good.

use std::sync::OnceLock;

use actix_web::{HttpResponse, web};
use sha2::{Digest, Sha256};

use crate::error::AppError;

const FILES: &[(&str, &str, &[u8])] = &[
    ("css/app.css", "text/css; charset=utf-8", include_bytes!("../../static/css/app.css")),
    (
        "js/htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/js/htmx.min.js"),
    ),
    (
        "js/local-time.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/js/local-time.js"),
    ),
    ("img/favicon.svg", "image/svg+xml", include_bytes!("../../static/img/favicon.svg")),
];

/// A short hash of all static files, used as `?v=` in their URLs.
pub fn version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| {
        let mut h = Sha256::new();
        for (_, _, bytes) in FILES {
            h.update(bytes);
        }
        hex::encode(&h.finalize()[..6])
    })
}

pub async fn serve(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (_, content_type, bytes) =
        FILES.iter().find(|(name, _, _)| *name == path.as_str()).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(*bytes))
}
