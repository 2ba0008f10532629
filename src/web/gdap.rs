//! The GDAP pages: the list across customers with its bulk actions, the new relationship form,
//! a relationship's page with its actions, and the questions before terminating.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::Ctx;
use crate::services::gdap::STATUSES;
use crate::services::gdap::{self as svc, Bulk, Cursor, Filter, NewRelationship};
use crate::util::clock::DAY_MS;
use crate::util::urls::urlencode;
use crate::views::gdap::{
    GdapConfirmPage, GdapDetailPage, GdapForm, GdapListPage, GdapNewPage, WITHIN_DAYS,
};
use crate::views::{Layout, Nav, Toast};
use crate::web::state::AppState;

/// Relationships on one page of the list.
pub const PAGE_SIZE: i64 = 50;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    // The fixed paths before `/gdap/{id}`, which would match them too.
    add(cfg, Method::GET, "/gdap", list);
    add(cfg, Method::POST, "/gdap", create);
    add(cfg, Method::GET, "/gdap/new", new_form);
    add(cfg, Method::POST, "/gdap/bulk/auto-extend", bulk_auto_extend);
    add(cfg, Method::GET, "/gdap/bulk/terminate", bulk_terminate_question);
    add(cfg, Method::POST, "/gdap/bulk/terminate", bulk_terminate);
    add(cfg, Method::GET, "/gdap/{gdap}", show);
    add(cfg, Method::POST, "/gdap/{gdap}/send", send);
    add(cfg, Method::POST, "/gdap/{gdap}/auto-extend", auto_extend);
    add(cfg, Method::GET, "/gdap/{gdap}/terminate", terminate_question);
    add(cfg, Method::POST, "/gdap/{gdap}/terminate", terminate);
}

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
    within: Option<String>,
    after_end: Option<String>,
    after_name: Option<String>,
}

async fn list(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> AppResult<GdapListPage> {
    ctx.user.require(Permission::ViewCustomers)?;
    let q = query.into_inner();
    let bad = || AppError::BadRequest(Msg::new("error-query-malformed"));
    let status = q.status.unwrap_or_default();
    if !status.is_empty() && !STATUSES.contains(&status.as_str()) {
        return Err(bad());
    }
    let within = match q.within.as_deref().unwrap_or_default() {
        "" => None,
        text => Some(text.parse::<i64>().ok().filter(|d| WITHIN_DAYS.contains(d)).ok_or_else(bad)?),
    };
    let after = match (q.after_end, q.after_name) {
        (Some(end), Some(name)) => Some(Cursor {
            end_at: match end.as_str() {
                "none" => None,
                ms => Some(ms.parse().map_err(|_| bad())?),
            },
            display_name: name,
        }),
        (None, None) => None,
        _ => return Err(bad()),
    };
    let filter = Filter {
        status: (!status.is_empty()).then(|| status.clone()),
        ends_by: within.map(|d| ctx.now + d * DAY_MS),
    };
    let is_first = after.is_none();
    let mut rows = state
        .call(&ctx, move |c, ctx| svc::list(c, ctx, &filter, after.as_ref(), PAGE_SIZE + 1))
        .await?;
    let mut filters = Vec::new();
    if !status.is_empty() {
        filters.push(format!("status={}", urlencode(&status)));
    }
    if let Some(d) = within {
        filters.push(format!("within={d}"));
    }
    let next_page = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|last| {
            let mut qs = filters.clone();
            let end = last.rel.end_at.map_or_else(|| "none".to_string(), |e| e.to_string());
            qs.push(format!("after_end={end}&after_name={}", urlencode(&last.rel.display_name)));
            format!("/gdap?{}", qs.join("&"))
        })
    } else {
        None
    };
    let first_page = (!is_first).then(|| match filters.is_empty() {
        true => "/gdap".to_string(),
        false => format!("/gdap?{}", filters.join("&")),
    });
    Ok(GdapListPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Gdap, super::flash::take(&session)),
        rows,
        status,
        within,
        next_page,
        first_page,
        can_manage: ctx.user.can(Permission::ManageGdap),
    })
}

#[derive(Deserialize)]
struct NewQuery {
    customer: Option<String>,
}

async fn new_page(
    state: &AppState,
    ctx: &Ctx,
    form: GdapForm,
    error: Option<String>,
) -> AppResult<GdapNewPage> {
    let customers = state.call(ctx, svc::customers_for_form).await?;
    Ok(GdapNewPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Gdap, Vec::new()),
        customers,
        form,
        error,
    })
}

async fn new_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> AppResult<GdapNewPage> {
    ctx.user.require(Permission::ManageGdap)?;
    let form = GdapForm {
        customer_id: query.into_inner().customer.unwrap_or_default(),
        duration_days: "730".into(),
        ..GdapForm::default()
    };
    new_page(&state, &ctx, form, None).await
}

/// A form's fields as sent: the role checkboxes and the bulk selection repeat one name.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn one(&self, name: &str) -> String {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
    fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }
    fn confirmed(&self) -> bool {
        self.one("confirmed") == "yes"
    }
}

async fn create(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let f = Fields(form.into_inner());
    let typed = GdapForm {
        customer_id: f.one("customer"),
        display_name: f.one("display_name"),
        duration_days: f.one("duration_days"),
        auto_extend: f.one("auto_extend") == "on",
        role_ids: f.all("role"),
    };
    // The form asks for days; the service takes Graph's ISO 8601 durations.
    let days = typed.duration_days.trim();
    let new = NewRelationship {
        customer_id: typed.customer_id.clone(),
        display_name: typed.display_name.clone(),
        duration: if days.is_empty() { String::new() } else { format!("P{days}D") },
        auto_extend: if typed.auto_extend { "P180D" } else { "PT0S" }.into(),
        role_ids: typed.role_ids.clone(),
    };
    match state.call(&ctx, move |c, ctx| svc::create(c, ctx, &new)).await {
        Ok(rel) => {
            let toast =
                Toast::success(Msg::new("toast-gdap-created").text("name", &rel.display_name));
            super::flash::push(&session, toast);
            Ok(super::see_other(&svc::page_path(&rel.id)))
        }
        Err(e @ (AppError::Unprocessable(_) | AppError::Conflict(_))) => {
            let status = actix_web::ResponseError::status_code(&e);
            let msg = e.text(ctx.user.locale);
            let page = new_page(&state, &ctx, typed, Some(msg)).await?;
            super::render(status, page)
        }
        Err(e) => Err(e),
    }
}

async fn detail_page(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    toasts: Vec<Toast>,
    error: Option<String>,
) -> AppResult<GdapDetailPage> {
    let links = state.config.public_url.clone();
    let d = state.call(ctx, move |c, ctx| svc::detail(c, ctx, &links, &id)).await?;
    let history =
        d.history.iter().cloned().map(|r| crate::views::activity::Entry::new(r, None)).collect();
    Ok(GdapDetailPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Gdap, toasts),
        d,
        history,
        can_manage: ctx.user.can(Permission::ManageGdap),
        error,
    })
}

async fn show(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<GdapDetailPage> {
    let toasts = super::flash::take(&session);
    detail_page(&state, &ctx, path.into_inner(), toasts, None).await
}

/// The relationship's page again with a 409/422 sentence by its actions, or the error itself.
async fn refused(state: &AppState, ctx: &Ctx, id: String, e: AppError) -> AppResult<HttpResponse> {
    match e {
        AppError::Conflict(_) | AppError::Unprocessable(_) => {
            let status = actix_web::ResponseError::status_code(&e);
            let page =
                detail_page(state, ctx, id, Vec::new(), Some(e.text(ctx.user.locale))).await?;
            super::render(status, page)
        }
        e => Err(e),
    }
}

async fn send(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let id = path.into_inner();
    let (id2, links) = (id.clone(), state.config.public_url.clone());
    match state.call(&ctx, move |c, ctx| svc::send_for_approval(c, ctx, &links, &id2)).await {
        Ok((rel, _)) => {
            let toast = Toast::success(Msg::new("toast-gdap-sent").text("name", &rel.display_name));
            super::flash::push(&session, toast);
            Ok(super::see_other(&svc::page_path(&id)))
        }
        Err(e) => refused(&state, &ctx, id, e).await,
    }
}

async fn auto_extend(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let id = path.into_inner();
    let on = match Fields(form.into_inner()).one("auto_extend").as_str() {
        "on" => true,
        "off" => false,
        _ => return Err(AppError::BadRequest(Msg::new("error-form-malformed"))),
    };
    let id2 = id.clone();
    match state.call(&ctx, move |c, ctx| svc::set_auto_extend(c, ctx, &id2, on)).await {
        Ok(rel) => {
            let key = if on { "toast-gdap-auto-extend-on" } else { "toast-gdap-auto-extend-off" };
            super::flash::push(
                &session,
                Toast::success(Msg::new(key).text("name", &rel.display_name)),
            );
            Ok(super::see_other(&svc::page_path(&id)))
        }
        Err(e) => refused(&state, &ctx, id, e).await,
    }
}

async fn terminate_question(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<GdapConfirmPage> {
    let id = path.into_inner();
    let id2 = id.clone();
    let (rel, customer) = state.call(&ctx, move |c, ctx| svc::for_question(c, ctx, &id2)).await?;
    let l = ctx.user.locale;
    let request = matches!(rel.status.as_str(), svc::CREATED | svc::APPROVAL_PENDING);
    let mut consequences = vec![if request {
        l.t("gdap-terminate-request")
    } else {
        l.t1("gdap-terminate-access", "partner", &ctx.user.partner.name)
    }];
    consequences.push(l.t("gdap-terminate-final"));
    Ok(GdapConfirmPage {
        l,
        layout: Layout::new(&ctx.user, Nav::Gdap, Vec::new()),
        title: l.t2("gdap-terminate-question", "name", &rel.display_name, "customer", &customer),
        consequences,
        action: format!("/gdap/{id}/terminate"),
        ids: Vec::new(),
        button: l.t(if request { "gdap-withdraw" } else { "gdap-terminate" }),
        back_href: svc::page_path(&id),
    })
}

async fn terminate(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Vec<(String, String)>>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let fields = Fields(form.map(web::Form::into_inner).unwrap_or_default());
    if !fields.confirmed() {
        return Ok(super::confirm::ask_first(&req, &Default::default()));
    }
    let id = path.into_inner();
    let (id2, links) = (id.clone(), state.config.public_url.clone());
    match state.call(&ctx, move |c, ctx| svc::terminate(c, ctx, &links, &id2)).await {
        Ok(rel) => {
            let toast =
                Toast::success(Msg::new("toast-gdap-terminated").text("name", &rel.display_name));
            super::flash::push(&session, toast);
            Ok(super::see_other(&svc::page_path(&id)))
        }
        Err(e) => refused(&state, &ctx, id, e).await,
    }
}

/// The bulk result as toasts: what changed, and what was left with why.
fn bulk_toasts(session: &Session, done: &Bulk, changed: &'static str, left: &'static str) {
    if !done.changed.is_empty() {
        let msg = Msg::new(changed).text("names", done.changed.join(", "));
        super::flash::push(session, Toast::success(msg));
    }
    if !done.ineligible.is_empty() {
        let msg = Msg::new(left).text("names", done.ineligible.join(", "));
        super::flash::push(session, Toast::info(msg));
    }
}

async fn bulk_auto_extend(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let ids = Fields(form.into_inner()).all("id");
    match state.call(&ctx, move |c, ctx| svc::bulk_auto_extend(c, ctx, &ids)).await {
        Ok(done) => {
            bulk_toasts(
                &session,
                &done,
                "toast-gdap-bulk-extended",
                "toast-gdap-bulk-not-extended",
            );
            Ok(super::see_other("/gdap"))
        }
        Err(AppError::Unprocessable(msg)) => {
            let page = list_with_error(&state, &ctx, msg).await?;
            super::render(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(e) => Err(e),
    }
}

/// The first page of the list with a refusal in a toast (a bulk action's 422).
async fn list_with_error(state: &AppState, ctx: &Ctx, message: Msg) -> AppResult<GdapListPage> {
    let filter = Filter::default();
    let mut rows =
        state.call(ctx, move |c, ctx| svc::list(c, ctx, &filter, None, PAGE_SIZE + 1)).await?;
    let next_page = (rows.len() as i64 > PAGE_SIZE).then(|| {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|last| {
            let end = last.rel.end_at.map_or_else(|| "none".to_string(), |e| e.to_string());
            format!("/gdap?after_end={end}&after_name={}", urlencode(&last.rel.display_name))
        })
    });
    Ok(GdapListPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Gdap, vec![Toast::error(message)]),
        rows,
        status: String::new(),
        within: None,
        next_page: next_page.flatten(),
        first_page: None,
        can_manage: ctx.user.can(Permission::ManageGdap),
    })
}

/// `?id=…&id=…` of the bulk question.
fn ids_query(ids: &[String]) -> String {
    ids.iter().map(|id| format!("id={}", urlencode(id))).collect::<Vec<_>>().join("&")
}

async fn bulk_terminate_question(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let ids = Fields(query.into_inner()).all("id");
    let ids2 = ids.clone();
    let names = match state.call(&ctx, move |c, ctx| svc::names_for_bulk(c, ctx, &ids2)).await {
        Ok(names) => names,
        Err(AppError::Unprocessable(msg)) => {
            let page = list_with_error(&state, &ctx, msg).await?;
            return super::render(StatusCode::UNPROCESSABLE_ENTITY, page);
        }
        Err(e) => return Err(e),
    };
    let l = ctx.user.locale;
    let page = GdapConfirmPage {
        l,
        layout: Layout::new(&ctx.user, Nav::Gdap, Vec::new()),
        title: l.t("gdap-bulk-terminate-question"),
        consequences: vec![
            l.t1("gdap-bulk-terminate-list", "names", names.join(", ")),
            l.t1("gdap-terminate-access", "partner", &ctx.user.partner.name),
            l.t("gdap-terminate-final"),
        ],
        action: "/gdap/bulk/terminate".into(),
        ids,
        button: l.t("gdap-bulk-terminate"),
        back_href: "/gdap".into(),
    };
    super::render(StatusCode::OK, page)
}

async fn bulk_terminate(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let fields = Fields(form.into_inner());
    let ids = fields.all("id");
    if !fields.confirmed() {
        let question = format!("/gdap/bulk/terminate?{}", ids_query(&ids));
        return Ok(if super::is_htmx_fragment_request(&req) {
            HttpResponse::Ok().insert_header(("HX-Redirect", question)).finish()
        } else {
            super::see_other(&question)
        });
    }
    let links = state.config.public_url.clone();
    match state.call(&ctx, move |c, ctx| svc::bulk_terminate(c, ctx, &links, &ids)).await {
        Ok(done) => {
            bulk_toasts(
                &session,
                &done,
                "toast-gdap-bulk-terminated",
                "toast-gdap-bulk-not-terminated",
            );
            Ok(super::see_other("/gdap"))
        }
        Err(AppError::Unprocessable(msg)) => {
            let page = list_with_error(&state, &ctx, msg).await?;
            super::render(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(e) => Err(e),
    }
}
