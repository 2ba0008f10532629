//! `/v1/auditrecords`: the partner's audit records with Partner Center's fields, newest first,
//! over any range (no 90-day limit).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::paging::{Filter, continuation, parse_size, parse_token, token};
use super::{ApiCtx, ApiError, call, ok};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::services::activity::{self as svc, ActivityCursor, ActivityFilter};
use crate::util::clock::{DAY_MS, parse_iso_date};
use crate::views::api::{ApiErrorBody, AuditRecord, AuditRecordCollection, Links};
use crate::web::state::AppState;

pub const DEFAULT_SIZE: i64 = 500;
pub const MAX_SIZE: i64 = 500;
const FILTER_FIELDS: &str =
    "CustomerId (equals), CustomerName (starts_with), OperationType (equals)";

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    /// From this day (`2026-12-01`, UTC) or moment (`2026-12-01T10:00:00Z`); no bound if absent.
    start_date: Option<String>,
    /// To this day (included) or moment (excluded); no bound if absent.
    end_date: Option<String>,
    /// URL-encoded JSON: `{"Field":"CustomerId"|"CustomerName"|"OperationType","Value":"…","Operator":"equals"|"starts_with"}`.
    filter: Option<String>,
    /// Records a page, 1 to 500 (default 500).
    size: Option<String>,
}

fn bad_filter() -> AppError {
    AppError::BadRequest(
        Msg::new("api-error-filter")
            .text("fields", FILTER_FIELDS)
            .text("operators", "equals, starts_with"),
    )
}

/// A bound in UTC ms, and whether it was a whole day: a day (`2026-12-01`, its start) or an
/// RFC 3339 moment.
fn bound(v: Option<&str>) -> Result<Option<(i64, bool)>, AppError> {
    let bad = || AppError::BadRequest(Msg::new("api-error-date"));
    let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) else { return Ok(None) };
    if let Some(day) = parse_iso_date(v) {
        return Ok(Some((day, true)));
    }
    let t = time::OffsetDateTime::parse(v, &time::format_description::well_known::Rfc3339)
        .map_err(|_| bad())?;
    Ok(Some(((t.unix_timestamp_nanos() / 1_000_000) as i64, false)))
}

fn filter_of(q: &AuditQuery, partner_id: &str) -> Result<ActivityFilter, AppError> {
    let (start, end) = (bound(q.start_date.as_deref())?, bound(q.end_date.as_deref())?);
    if let (Some((s, _)), Some((e, _))) = (start, end)
        && s > e
    {
        return Err(AppError::BadRequest(Msg::new("api-error-date")));
    }
    let from_ms = start.map(|(s, _)| s);
    // An end day is included: records before the next day's midnight.
    let until_ms = end.map(|(e, day)| if day { e + DAY_MS } else { e });
    let mut filter = ActivityFilter {
        partner_id: partner_id.to_owned(),
        from_ms,
        until_ms,
        customer_id: None,
        customer_prefix: None,
        operation: None,
        user_id: None,
    };
    if let Some(f) = q.filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        let f: Filter = serde_json::from_str(f).map_err(|_| bad_filter())?;
        if f.value.is_empty() || f.value.chars().count() > 200 {
            return Err(bad_filter());
        }
        match (f.field.as_str(), f.operator.as_str()) {
            ("CustomerId", "equals") => filter.customer_id = Some(f.value),
            ("CustomerName", "starts_with") => filter.customer_prefix = Some(f.value),
            ("OperationType", "equals") => filter.operation = Some(f.value),
            _ => return Err(bad_filter()),
        }
    }
    Ok(filter)
}

/// The partner's audit records, newest first; `links.next` gives the next page.
#[utoipa::path(get, path = "/v1/auditrecords", tag = "audit",
    params(AuditQuery, ("MS-ContinuationToken" = Option<String>, Header, description = "From the previous page's links.next")),
    responses((status = 200, body = AuditRecordCollection), (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody), (status = 429, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
    q: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let size = parse_size(q.size.as_deref(), DEFAULT_SIZE, MAX_SIZE).map_err(|e| api.err(e))?;
    let filter = filter_of(&q, api.ctx.partner_id()).map_err(|e| api.err(e))?;
    let list_id = format!(
        "audit|{}|{:?}|{:?}|{}",
        api.ctx.partner_id(),
        q.start_date,
        q.end_date,
        q.filter.as_deref().unwrap_or("")
    );
    let after = match continuation(&req) {
        None => None,
        Some(t) => {
            let p = parse_token(&list_id, &t, 2).map_err(|e| api.err(e))?;
            let at = p[0]
                .parse()
                .map_err(|_| api.err(AppError::BadRequest(Msg::new("api-error-token"))))?;
            Some(ActivityCursor { at, id: p[1].clone() })
        }
    };
    let mut rows = call(&req, &state, &api, move |c, ctx| {
        svc::records(c, ctx, &filter, after.as_ref(), size + 1)
    })
    .await?;
    let more = rows.len() as i64 > size;
    rows.truncate(size as usize);
    let links = more.then(|| {
        let last = rows[rows.len() - 1].cursor();
        Links::next(
            req.uri().path_and_query().map(|p| p.to_string()).unwrap_or_default(),
            token(&list_id, &[&last.at.to_string(), &last.id]),
        )
    });
    let items = rows.into_iter().map(AuditRecord::from).collect();
    Ok(ok(&AuditRecordCollection::new(items, links)))
}
