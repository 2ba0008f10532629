//! Serves the static files (`views::assets`).

use actix_web::{HttpResponse, web};

use crate::error::AppError;
use crate::views::assets::FILES;

pub async fn serve(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (_, content_type, bytes) =
        FILES.iter().find(|(name, _, _)| *name == path.as_str()).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .body(*bytes))
}
