//! The Activity log: the signed-in user's partner's audit records, filtered, 50 a page (keyset
//! paging), and the same filtered set as a streamed CSV file.

use actix_session::Session;
use actix_web::http::{Method, StatusCode, header};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::audit::{self, ActivityCursor, ActivityFilter};
use crate::models::{customer, user};
use crate::services::Ctx;
use crate::util::clock::{DAY_MS, now_ms};
use crate::views::activity::{self as view, ActivityPage, Choice, Entry, FilterForm};
use crate::views::{Layout, Nav};
use crate::web::state::AppState;

pub const PAGE_SIZE: i64 = 50;
/// Rows the CSV export reads per query.
pub const CSV_BATCH: i64 = 500;
/// The default range: the last this many days (and today), in UTC.
pub const DEFAULT_DAYS: i64 = 30;
pub const MAX_CUSTOMER_CHARS: usize = 200;
const MAX_ID_CHARS: usize = 64;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/activity", page);
    add(cfg, Method::GET, "/activity.csv", export);
}

/// The address's parameters. Every one is text here: the sentences for bad values are ours.
#[derive(Deserialize, Default)]
pub struct ActivityQuery {
    from: Option<String>,
    to: Option<String>,
    customer: Option<String>,
    customer_id: Option<String>,
    operation: Option<String>,
    user: Option<String>,
    before_at: Option<String>,
    before_id: Option<String>,
}

impl ActivityQuery {
    /// The filters as the form shows them: a date missing from the address takes its default
    /// (the last 30 days); a date sent empty means no bound.
    fn form(&self, today_ms: i64) -> FilterForm {
        let text = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_string();
        let date_or = |v: &Option<String>, default: i64| match v {
            Some(v) => v.trim().to_string(),
            None => crate::util::clock::iso_date(default),
        };
        FilterForm {
            from: date_or(&self.from, today_ms - DEFAULT_DAYS * DAY_MS),
            to: date_or(&self.to, today_ms),
            customer: text(&self.customer),
            customer_id: text(&self.customer_id),
            operation: text(&self.operation),
            user: text(&self.user),
        }
    }

    /// Where the page starts (both parts, or neither).
    fn cursor(&self) -> Result<Option<ActivityCursor>, Msg> {
        let bad = || Msg::new("activity-error-cursor");
        fn part(v: &Option<String>) -> Option<&str> {
            v.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        match (part(&self.before_at), part(&self.before_id)) {
            (None, None) => Ok(None),
            (Some(at), Some(id)) if id.chars().count() <= MAX_ID_CHARS => {
                Ok(Some(ActivityCursor { at: at.parse().map_err(|_| bad())?, id: id.to_string() }))
            }
            _ => Err(bad()),
        }
    }
}

/// Midnight (UTC) of the day `ms` falls on.
fn day_start(ms: i64) -> i64 {
    ms - ms.rem_euclid(DAY_MS)
}

/// `2026-11-24` → midnight UTC of that day, in milliseconds. Only that exact shape.
fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u16> {
        let part = s.get(from..to)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let month = time::Month::try_from(u8::try_from(number(5, 7)?).ok()?).ok()?;
    let date = time::Date::from_calendar_date(
        i32::from(number(0, 4)?),
        month,
        u8::try_from(number(8, 10)?).ok()?,
    )
    .ok()?;
    Some(date.midnight().assume_utc().unix_timestamp() * 1000)
}

/// The filters' checks that need no database: dates, lengths, the operation type.
fn parse_filter(form: &FilterForm, partner_id: &str) -> Result<ActivityFilter, Msg> {
    let date = |value: &str, which: &'static str| -> Result<Option<i64>, Msg> {
        if value.is_empty() {
            return Ok(None);
        }
        parse_date(value).map(Some).ok_or_else(|| Msg::new(which))
    };
    let from_ms = date(&form.from, "activity-error-start-date")?;
    let to_ms = date(&form.to, "activity-error-end-date")?;
    if let (Some(from), Some(to)) = (from_ms, to_ms)
        && from > to
    {
        return Err(Msg::new("activity-error-date-order"));
    }
    if form.customer.chars().count() > MAX_CUSTOMER_CHARS {
        return Err(
            Msg::new("activity-error-customer-length").num("max", MAX_CUSTOMER_CHARS as f64)
        );
    }
    if form.customer_id.chars().count() > MAX_ID_CHARS {
        return Err(Msg::new("activity-error-customer"));
    }
    if !form.operation.is_empty() && !view::OPERATIONS.iter().any(|(c, _)| *c == form.operation) {
        return Err(Msg::new("activity-error-operation"));
    }
    if form.user.chars().count() > MAX_ID_CHARS {
        return Err(Msg::new("activity-error-user"));
    }
    let some = |v: &str| (!v.is_empty()).then(|| v.to_string());
    Ok(ActivityFilter {
        partner_id: partner_id.to_string(),
        from_ms,
        // The end date is included: records before the next day's midnight.
        until_ms: to_ms.map(|t| t + DAY_MS),
        customer_id: some(&form.customer_id),
        customer_prefix: some(&form.customer),
        operation: some(&form.operation),
        user_id: some(&form.user),
    })
}

/// What the filters name must be the partner's own: the user, and the one customer (whose
/// company name is returned for the page). Anything else is the same sentence whether it
/// exists elsewhere or not.
fn check_owned(
    c: &mut AnyConnection,
    filter: &ActivityFilter,
    users: &[user::User],
) -> AppResult<Result<Option<String>, Msg>> {
    if let Some(id) = &filter.user_id
        && !users.iter().any(|u| &u.id == id)
    {
        return Ok(Err(Msg::new("activity-error-user")));
    }
    let Some(id) = &filter.customer_id else { return Ok(Ok(None)) };
    Ok(match customer::find_for_partner(c, &filter.partner_id, id)? {
        Some((customer, _)) => Ok(Some(customer.company_name)),
        None => Err(Msg::new("activity-error-customer")),
    })
}

async fn page(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<ActivityQuery>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ViewActivity)?;
    let query = query.into_inner();
    let form = query.form(day_start(now_ms()));
    let parsed =
        query.cursor().and_then(|cursor| Ok((parse_filter(&form, ctx.partner_id())?, cursor)));
    let layout = Layout::new(&ctx.user, Nav::Activity, super::flash::take(&session));
    let partner_id = ctx.partner_id().to_owned();
    let page = state
        .db(move |c| {
            let users = user::list_for_partner(c, &partner_id)?;
            let mut page = ActivityPage {
                l: ctx.user.locale,
                layout,
                operations: view::OPERATIONS
                    .iter()
                    .map(|(code, _)| Choice {
                        value: code.to_string(),
                        label: ctx.user.locale.t(&format!("op-{code}")),
                        selected: *code == form.operation,
                    })
                    .collect(),
                users: users
                    .iter()
                    .map(|u| Choice {
                        value: u.id.clone(),
                        label: ctx.user.locale.t2(
                            "activity-user-choice",
                            "name",
                            &u.display_name,
                            "email",
                            &u.email,
                        ),
                        selected: u.id == form.user,
                    })
                    .collect(),
                form,
                customer_label: None,
                rows: Vec::new(),
                next_page: None,
                first_page: None,
                error: None,
            };
            let (filter, cursor) = match parsed {
                Ok(p) => p,
                Err(message) => {
                    page.error = Some(page.l.msg(message));
                    return Ok(page);
                }
            };
            match check_owned(c, &filter, &users)? {
                Ok(label) => page.customer_label = label,
                Err(message) => {
                    page.error = Some(page.l.msg(message));
                    return Ok(page);
                }
            }
            let mut rows = audit::list_activity(c, &filter, cursor.as_ref(), PAGE_SIZE + 1)?;
            let filters = page.form.query();
            if rows.len() as i64 > PAGE_SIZE {
                rows.truncate(PAGE_SIZE as usize);
                page.next_page = rows.last().map(|last| {
                    let next = last.cursor();
                    format!(
                        "/activity?{filters}&before_at={}&before_id={}",
                        next.at,
                        crate::util::urls::urlencode(&next.id)
                    )
                });
            }
            if cursor.is_some() {
                page.first_page = Some(format!("/activity?{filters}"));
            }
            page.rows = rows.into_iter().map(Entry::from).collect();
            Ok(page)
        })
        .await?;
    let status = if page.error.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let body = if super::is_htmx_fragment_request(&req) {
        page.as_results().render()
    } else {
        page.render()
    }
    .map_err(AppError::internal)?;
    Ok(super::html(status, body))
}

/// The filtered records as CSV, all pages: read in keyset batches while the response streams,
/// each batch on the blocking pool with a pooled connection, so memory stays one batch deep
/// however long the log is.
async fn export(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<ActivityQuery>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ViewActivity)?;
    let now = now_ms();
    let form = query.form(day_start(now));
    let filter = parse_filter(&form, ctx.partner_id()).map_err(AppError::BadRequest)?;
    let checked = filter.clone();
    state
        .db(move |c| {
            let users = user::list_for_partner(c, &checked.partner_id)?;
            check_owned(c, &checked, &users)?.map_err(AppError::BadRequest)
        })
        .await?;

    enum Next {
        Header,
        After(Option<ActivityCursor>),
        Done,
    }
    let l = ctx.user.locale;
    let stream = futures_util::stream::unfold(Next::Header, move |next| {
        let (state, filter) = (state.clone(), filter.clone());
        async move {
            let (mut out, after) = match next {
                Next::Done => return None,
                Next::Header => {
                    let mut out = String::new();
                    let header: Vec<String> = view::CSV_HEADER.iter().map(|k| l.t(k)).collect();
                    view::csv_line(header.iter().map(String::as_str), &mut out);
                    (out, None)
                }
                Next::After(after) => (String::new(), after),
            };
            let batch = state
                .db(move |c| Ok(audit::list_activity(c, &filter, after.as_ref(), CSV_BATCH)?))
                .await;
            let rows = match batch {
                Ok(rows) => rows,
                Err(e) => {
                    log::error!("activity export stopped: {e}");
                    return Some((Err(e), Next::Done));
                }
            };
            for row in &rows {
                view::csv_record(row, l, &mut out);
            }
            let next = match rows.last() {
                Some(last) if rows.len() as i64 == CSV_BATCH => Next::After(Some(last.cursor())),
                _ => Next::Done,
            };
            Some((Ok::<_, AppError>(Bytes::from(out)), next))
        }
    });
    let filename = format!("activity-{}.csv", crate::util::clock::iso_date(now));
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .streaming(stream))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_one_shape_only() {
        assert_eq!(parse_date("1970-01-02"), Some(DAY_MS));
        assert_eq!(parse_date("2026-11-24"), Some(1_795_478_400_000));
        for bad in [
            "",
            "2026-11-31",
            "2026-13-01",
            "2026-1-01",
            "26-11-24",
            "2026/11/24",
            "２０２６-11-24",
            "+026-11-24",
            "2026-11-24T00:00",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
