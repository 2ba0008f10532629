//! The Activity log: the signed-in user's partner's audit records, filtered, 50 a page (keyset
//! paging), and the same filtered set as a streamed CSV file.

use actix_session::Session;
use actix_web::http::{Method, StatusCode, header};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::services::Ctx;
use crate::services::activity::{self as svc, ActivityCursor, DEFAULT_DAYS};
use crate::services::audit::OPERATIONS;
use crate::util::clock::{DAY_MS, day_start, iso_date, now_ms};
use crate::util::urls::urlencode;
use crate::views::activity::{self as view, ActivityPage, Choice, Entry, FilterForm};
use crate::views::{Layout, Nav};
use crate::web::state::AppState;

pub const PAGE_SIZE: i64 = 50;
/// Rows the CSV export reads per query.
pub const CSV_BATCH: i64 = 500;

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
            None => iso_date(default),
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
    let cursor = svc::parse_cursor(query.before_at.as_deref(), query.before_id.as_deref());
    let filters = form.clone();
    let found =
        state.call(&ctx, move |c, ctx| svc::page(c, ctx, &filters, cursor, PAGE_SIZE)).await?;
    let l = ctx.user.locale;
    let filters = form.query();
    let page = ActivityPage {
        l,
        layout: Layout::new(&ctx.user, Nav::Activity, super::flash::take(&session)),
        operations: OPERATIONS
            .iter()
            .map(|(code, _)| Choice {
                value: code.to_string(),
                label: l.t(&format!("op-{code}")),
                selected: *code == form.operation,
            })
            .collect(),
        users: found
            .users
            .iter()
            .map(|u| Choice {
                value: u.id.clone(),
                label: l.t2("activity-user-choice", "name", &u.display_name, "email", &u.email),
                selected: u.id == form.user,
            })
            .collect(),
        customer_label: found.customer_label,
        next_page: found.rows.last().filter(|_| found.more).map(|last| {
            let next = last.cursor();
            format!("/activity?{filters}&before_at={}&before_id={}", next.at, urlencode(&next.id))
        }),
        first_page: found.paged.then(|| format!("/activity?{filters}")),
        error: found.error.map(|m| l.msg(m)),
        rows: found.rows.into_iter().map(Entry::from).collect(),
        form,
    };
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
    let filter = state.call(&ctx, move |c, ctx| svc::export_filter(c, ctx, &form)).await?;

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
            let batch = state.db(move |c| svc::batch(c, &filter, after.as_ref(), CSV_BATCH)).await;
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
