//! The OpenAPI 3.1 document of `/v1`, generated from the handlers and the JSON shapes.

use actix_web::HttpResponse;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{audit, customers, subscriptions};

#[derive(OpenApi)]
#[openapi(
    info(title = "PartnerDesk API", version = "1",
        description = "Partner Center's customer, subscription and audit-record resources, with an API key as the bearer credential."),
    paths(customers::list, customers::get, customers::patch, customers::relationship_request,
        subscriptions::list, subscriptions::get, subscriptions::patch, audit::list),
    modifiers(&Bearer),
    tags((name = "customers"), (name = "subscriptions"), (name = "audit"))
)]
pub struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                Http::builder()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API key made on the profile page"))
                    .build(),
            ),
        );
    }
}

/// The document as JSON.
pub fn json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

pub async fn document() -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(json())
}
