//! `/v1/customers`: the list (Partner Center's filter and continuation), one customer, the
//! removal of the reseller relationship or of delegated admin privileges, and invitation links.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::paging::{Filter, continuation, parse_size, parse_token, token};
use super::{ApiCtx, ApiError, call, ok};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::services::customers::{self as svc, SearchIn};
use crate::services::removal;
use crate::services::removal_approvals::{self, Outcome};
use crate::services::requests::{self, Invitee};
use crate::views::api::{
    ApiErrorBody, Customer, CustomerCollection, CustomerPatch, CustomerRelationshipRequest,
    ErrorItem, Links,
};
use crate::web::state::AppState;

pub const DEFAULT_SIZE: i64 = 100;
pub const MAX_SIZE: i64 = 500;
const FILTER_FIELDS: &str = "CompanyName, Domain";

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Customers a page, 1 to 500 (default 100).
    size: Option<String>,
    /// URL-encoded JSON: `{"Field":"CompanyName"|"Domain","Value":"…","Operator":"starts_with"}`.
    filter: Option<String>,
}

fn bad_filter() -> AppError {
    AppError::BadRequest(
        Msg::new("api-error-filter").text("fields", FILTER_FIELDS).text("operators", "starts_with"),
    )
}

/// The customers with a reseller relationship, by name; the optional filter narrows them to a
/// company-name or domain prefix. A page has `size` customers; `links.next` gives the next.
#[utoipa::path(get, path = "/v1/customers", tag = "customers",
    params(ListQuery, ("MS-ContinuationToken" = Option<String>, Header, description = "From the previous page's links.next")),
    responses((status = 200, body = CustomerCollection), (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 429, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let size = parse_size(q.size.as_deref(), DEFAULT_SIZE, MAX_SIZE).map_err(|e| api.err(e))?;
    let (text, within) = match q.filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        None => (String::new(), SearchIn::NameOrDomain),
        Some(f) => {
            let f: Filter = serde_json::from_str(f).map_err(|_| api.err(bad_filter()))?;
            let within = match f.field.as_str() {
                "CompanyName" => SearchIn::Name,
                "Domain" => SearchIn::Domain,
                _ => return Err(api.err(bad_filter())),
            };
            if f.operator != "starts_with" || f.value.chars().count() > 200 {
                return Err(api.err(bad_filter()));
            }
            (f.value, within)
        }
    };
    // The list a token belongs to: the partner and the filter.
    let list_id =
        format!("customers|{}|{}", api.ctx.partner_id(), q.filter.as_deref().unwrap_or(""));
    let after = match continuation(&req) {
        None => None,
        Some(t) => {
            let mut p = parse_token(&list_id, &t, 2).map_err(|e| api.err(e))?;
            let id = p.pop().unwrap_or_default();
            Some((p.pop().unwrap_or_default(), id))
        }
    };
    let rows = call(&req, &state, &api, move |c, ctx| {
        svc::search(c, ctx, &text, within, svc::Readiness::All, after, size)
    })
    .await?;
    let more = rows.len() as i64 > size;
    let page = &rows[..rows.len().min(size as usize)];
    let links = more.then(|| {
        let last = &page[page.len() - 1];
        Links::next(
            req.uri().path_and_query().map(|p| p.to_string()).unwrap_or_default(),
            token(&list_id, &[&last.sort_name, &last.id]),
        )
    });
    let items = page.iter().map(Customer::from_row).collect();
    Ok(ok(&CustomerCollection::new(items, links)))
}

/// One customer, with its relationship to the partner (`none` once removed).
#[utoipa::path(get, path = "/v1/customers/{id}", tag = "customers",
    params(("id" = String, Path, description = "The customer's id")),
    responses((status = 200, body = Customer), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn get(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let (customer, rel) = call(&req, &state, &api, move |c, ctx| svc::view(c, ctx, &id)).await?;
    Ok(ok(&Customer::from_parts(&customer, &rel)))
}

/// `{"relationshipToPartner":"none"}` removes the reseller relationship (Global admin; the same
/// rule, lock and audit record as the Account page): refused with 409 and each blocker in
/// `data` while anything is active. `{"allowDelegatedAccess":false}` removes delegated admin
/// privileges. When the partner's removals need a second Global admin's approval, the removal
/// is a request instead: 202 with the customer as it stands, still a reseller customer.
#[utoipa::path(patch, path = "/v1/customers/{id}", tag = "customers",
    params(("id" = String, Path, description = "The customer's id")),
    request_body = CustomerPatch,
    responses((status = 200, body = Customer),
        (status = 202, body = Customer,
            description = "Removal requested: another Global admin approves it within 72 hours"),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody), (status = 429, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn patch(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<CustomerPatch>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let body = body.into_inner();
    let wrong = || api.err(AppError::Unprocessable(Msg::new("api-error-customer-patch")));
    let removal = match (body.relationship_to_partner.as_deref(), body.allow_delegated_access) {
        (Some("none"), _) => true,
        (None, Some(false)) => false,
        _ => return Err(wrong()),
    };
    let id2 = id.clone();
    let links = state.config.public_url.clone();
    let done = call(&req, &state, &api, move |c, ctx| match removal {
        true => removal_approvals::remove_or_request(c, ctx, &links, &id2, false)
            .map(|o| matches!(o, Outcome::Requested(_))),
        false => requests::remove_dap(c, ctx, &id2).map(|_| false),
    })
    .await;
    if let Err(mut e) = done {
        if removal && matches!(e.error, AppError::Conflict(_)) {
            // Each blocker, as it stands now, so that a script can act on it.
            let id2 = id.clone();
            let blockers = state
                .call(&api.ctx, move |c, ctx| {
                    let (_, rel) = svc::view(c, ctx, &id2)?;
                    Ok(removal::check(c, &ctx.user, &rel, ctx.now)?.blockers)
                })
                .await
                .unwrap_or_default();
            e.data = blockers.iter().map(|b| ErrorItem::from_blocker(b, api.locale)).collect();
        }
        return Err(e);
    }
    let requested = done.unwrap_or_default();
    let (customer, rel) = call(&req, &state, &api, move |c, ctx| svc::view(c, ctx, &id)).await?;
    if requested {
        return Ok(HttpResponse::Accepted().json(Customer::from_parts(&customer, &rel)));
    }
    Ok(ok(&Customer::from_parts(&customer, &rel)))
}

/// A new invitation link for a new customer (without delegated admin privileges): each call
/// makes one, single-use, valid 30 days, audited.
#[utoipa::path(get, path = "/v1/customers/relationshiprequests", tag = "customers",
    responses((status = 200, body = CustomerRelationshipRequest), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn relationship_request(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    let created = call(&req, &state, &api, |c, ctx| {
        requests::create(c, ctx, false, &Invitee::NewCustomer, None)
    })
    .await?;
    let url = state.config.public_url.link(&format!("/invitations/{}", created.token));
    Ok(ok(&CustomerRelationshipRequest::new(url)))
}
