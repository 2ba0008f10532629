//! The Customers page: the partner's customers with a reseller relationship.

use actix_session::Session;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::{Ctx, customers};
use crate::views::{CustomersPage, Layout, Nav};
use crate::web::state::AppState;

pub const PAGE_SIZE: i64 = 50;
pub const MAX_QUERY_CHARS: usize = 200;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/customers", list);
    add(cfg, Method::GET, "/customers/{id}", customer_home);
}

/// The start page: Customers, or Users for someone who may manage users but not see customers.
pub async fn home(user: Option<crate::auth::CurrentUser>) -> HttpResponse {
    let only_users =
        user.is_some_and(|u| !u.can(Permission::ViewCustomers) && u.can(Permission::ManageUsers));
    super::see_other(if only_users { "/users" } else { "/customers" })
}

async fn customer_home(path: web::Path<String>) -> HttpResponse {
    super::see_other(&format!("/customers/{}/subscriptions", crate::util::urls::urlencode(&path)))
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    q: Option<String>,
    /// "ready" or "blocked" (by what blocks removal); empty or absent: every customer.
    readiness: Option<String>,
    after_name: Option<String>,
    after_id: Option<String>,
}

async fn list(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ViewCustomers)?;
    let ListQuery { q, readiness, after_name, after_id } = query.into_inner();
    let q = q.unwrap_or_default().trim().to_string();
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::BadRequest(
            Msg::new("error-search-too-long").num("max", MAX_QUERY_CHARS as f64),
        ));
    }
    let readiness = crate::views::parse_readiness(readiness.as_deref().unwrap_or_default())
        .ok_or_else(|| AppError::BadRequest(Msg::new("error-customers-readiness")))?;
    let after = after_name.zip(after_id);
    let is_first_page = after.is_none();
    let search = q.clone();
    let mut rows = state
        .call(&ctx, move |c, ctx| customers::list(c, ctx, &search, readiness, after, PAGE_SIZE))
        .await?;
    // The search and the filter, as the start of every page link's query.
    let mut filters = Vec::new();
    if !q.is_empty() {
        filters.push(format!("q={}", crate::util::urls::urlencode(&q)));
    }
    let readiness_value = crate::views::readiness_value(readiness);
    if !readiness_value.is_empty() {
        filters.push(format!("readiness={readiness_value}"));
    }
    let next_page = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|last| {
            let mut qs = filters.clone();
            qs.push(format!(
                "after_name={}&after_id={}",
                crate::util::urls::urlencode(&last.sort_name),
                crate::util::urls::urlencode(&last.id)
            ));
            format!("/customers?{}", qs.join("&"))
        })
    } else {
        None
    };
    let first_page = (!is_first_page).then(|| match filters.is_empty() {
        true => "/customers".to_string(),
        false => format!("/customers?{}", filters.join("&")),
    });
    let page = CustomersPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, super::flash::take(&session)),
        rows,
        query: q,
        next_page,
        first_page,
        can_request: ctx.user.can(Permission::RequestRelationship),
        readiness: readiness_value,
    };
    let body = if super::is_htmx_fragment_request(&req) {
        page.as_results().render()
    } else {
        page.render()
    }
    .map_err(AppError::internal)?;
    Ok(super::html(actix_web::http::StatusCode::OK, body))
}
