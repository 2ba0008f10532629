//! The partner's security groups (from the Users page: Global admins and User management
//! admins) and a customer's Access tab: GDAP access assignments of those groups, and who in the
//! partner can do what in the customer's tenant.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::Ctx;
use crate::services::access_assignments::{self as access, NewAssignment};
use crate::services::security_groups as svc;
use crate::views::security_groups::{
    AccessPage, AssignmentForm, GroupDeletePage, GroupPage, GroupsPage,
};
use crate::views::{ConfirmPage, CustomerHeader, Layout, Nav, Toast};
use crate::web::confirm::{self, Answer};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/security-groups", list);
    add(cfg, Method::POST, "/security-groups", create);
    add(cfg, Method::GET, "/security-groups/{gid}", show);
    add(cfg, Method::POST, "/security-groups/{gid}/name", rename);
    add(cfg, Method::POST, "/security-groups/{gid}/members", add_member);
    add(cfg, Method::POST, "/security-groups/{gid}/members/{uid}/remove", remove_member);
    add(cfg, Method::GET, "/security-groups/{gid}/delete", delete_question);
    add(cfg, Method::POST, "/security-groups/{gid}/delete", delete);
    add(cfg, Method::GET, "/customers/{id}/access", access_page);
    add(cfg, Method::POST, "/customers/{id}/access", create_assignment);
    add(cfg, Method::POST, "/customers/{id}/access/{aid}/roles", change_roles);
    add(cfg, Method::GET, "/customers/{id}/access/{aid}/delete", delete_assignment_question);
    add(cfg, Method::POST, "/customers/{id}/access/{aid}/delete", delete_assignment);
}

/// A form's fields as sent: role checkboxes repeat one name, which a struct cannot hold.
struct Fields(Vec<(String, String)>);

impl Fields {
    /// A field sent exactly once.
    fn one(&self, name: &str) -> AppResult<&str> {
        let mut values = self.0.iter().filter(|(k, _)| k == name);
        match (values.next(), values.next()) {
            (Some((_, v)), None) => Ok(v),
            _ => Err(AppError::BadRequest(Msg::new("error-form-malformed"))),
        }
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }
}

fn status_of(e: &AppError) -> StatusCode {
    actix_web::ResponseError::status_code(e)
}

// ----- security groups -----

async fn groups_page(
    state: &AppState,
    ctx: &Ctx,
    toasts: Vec<Toast>,
    name: String,
    error: Option<String>,
) -> AppResult<GroupsPage> {
    let groups = state.call(ctx, svc::list).await?;
    Ok(GroupsPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Users, toasts),
        groups,
        name,
        error,
    })
}

async fn list(ctx: Ctx, session: Session, state: web::Data<AppState>) -> AppResult<GroupsPage> {
    ctx.user.require(Permission::ManageUsers)?;
    let toasts = super::flash::take(&session);
    groups_page(&state, &ctx, toasts, String::new(), None).await
}

async fn create(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let name = Fields(form.into_inner()).one("name")?.to_owned();
    let typed = name.clone();
    match state.call(&ctx, move |c, ctx| svc::create(c, ctx, &typed)).await {
        Ok(g) => {
            let msg = Msg::new("toast-group-created").text("name", &g.name);
            super::flash::push(&session, Toast::success(msg));
            Ok(super::see_other(&format!("/security-groups/{}", g.id)))
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            let text = e.text(ctx.user.locale);
            let page = groups_page(&state, &ctx, Vec::new(), name, Some(text)).await?;
            super::render(status_of(&e), page)
        }
        Err(e) => Err(e),
    }
}

/// A group's page, with whatever sentences `fill` sets.
async fn group_page(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    toasts: Vec<Toast>,
    fill: impl FnOnce(&mut GroupPage) + Send + 'static,
) -> AppResult<GroupPage> {
    let detail = state.call(ctx, move |c, ctx| svc::get(c, ctx, &id)).await?;
    let mut page = GroupPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Users, toasts),
        name: detail.group.name.clone(),
        detail,
        name_error: None,
        member_error: None,
        delete_error: None,
    };
    fill(&mut page);
    Ok(page)
}

async fn show(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<GroupPage> {
    ctx.user.require(Permission::ManageUsers)?;
    let toasts = super::flash::take(&session);
    group_page(&state, &ctx, path.into_inner(), toasts, |_| {}).await
}

async fn rename(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let id = path.into_inner();
    let name = Fields(form.into_inner()).one("name")?.to_owned();
    let (id2, typed) = (id.clone(), name.clone());
    match state.call(&ctx, move |c, ctx| svc::rename(c, ctx, &id2, &typed)).await {
        Ok(renamed) => {
            let toast = match renamed {
                Some(g) => Toast::success(Msg::new("toast-group-renamed").text("name", g.name)),
                None => Toast::info(Msg::new("toast-group-unchanged")),
            };
            super::flash::push(&session, toast);
            Ok(super::see_other(&format!("/security-groups/{id}")))
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            let text = e.text(ctx.user.locale);
            let page = group_page(&state, &ctx, id, Vec::new(), move |p| {
                p.name = name;
                p.name_error = Some(text);
            })
            .await?;
            super::render(status_of(&e), page)
        }
        Err(e) => Err(e),
    }
}

async fn add_member(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let id = path.into_inner();
    let user_id = Fields(form.into_inner()).one("user_id")?.to_owned();
    let id2 = id.clone();
    let done = state.call(&ctx, move |c, ctx| svc::add_member(c, ctx, &id2, &user_id)).await?;
    let (user, group) = (&done.user.display_name, &done.group.name);
    let toast = match done.changed {
        true => {
            Toast::success(Msg::new("toast-member-added").text("name", user).text("group", group))
        }
        false => {
            Toast::info(Msg::new("toast-member-already").text("name", user).text("group", group))
        }
    };
    super::flash::push(&session, toast);
    Ok(super::see_other(&format!("/security-groups/{id}")))
}

async fn remove_member(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let (id, user_id) = path.into_inner();
    let id2 = id.clone();
    let done = state.call(&ctx, move |c, ctx| svc::remove_member(c, ctx, &id2, &user_id)).await?;
    let (user, group) = (&done.user.display_name, &done.group.name);
    let toast = match done.changed {
        true => {
            Toast::success(Msg::new("toast-member-removed").text("name", user).text("group", group))
        }
        false => {
            Toast::info(Msg::new("toast-member-not-member").text("name", user).text("group", group))
        }
    };
    super::flash::push(&session, toast);
    Ok(super::see_other(&format!("/security-groups/{id}")))
}

/// The group's page with the sentence of a refused deletion next to its button.
async fn delete_refused(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    e: AppError,
) -> AppResult<HttpResponse> {
    let text = e.text(ctx.user.locale);
    let page = group_page(state, ctx, id, Vec::new(), move |p| p.delete_error = Some(text)).await?;
    super::render(status_of(&e), page)
}

async fn delete_question(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let id = path.into_inner();
    let id2 = id.clone();
    match state.call(&ctx, move |c, ctx| svc::delete_question(c, ctx, &id2)).await {
        Ok(detail) => {
            let page = GroupDeletePage {
                l: ctx.user.locale,
                layout: Layout::new(&ctx.user, Nav::Users, super::flash::take(&session)),
                members: detail.members.len(),
                group: detail.group,
            };
            super::render(StatusCode::OK, page)
        }
        Err(e @ AppError::Conflict(_)) => delete_refused(&state, &ctx, id, e).await,
        Err(e) => Err(e),
    }
}

async fn delete(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let answer = form.map(web::Form::into_inner).unwrap_or_default();
    if !answer.given() {
        return Ok(confirm::ask_first(&req, &answer));
    }
    let id = path.into_inner();
    let id2 = id.clone();
    match state.call(&ctx, move |c, ctx| svc::delete(c, ctx, &id2)).await {
        Ok(g) => {
            let msg = Msg::new("toast-group-deleted").text("name", g.name);
            super::flash::push(&session, Toast::success(msg));
            Ok(super::see_other("/security-groups"))
        }
        Err(e @ AppError::Conflict(_)) => delete_refused(&state, &ctx, id, e).await,
        Err(e) => Err(e),
    }
}

// ----- a customer's Access tab -----

async fn access_view(
    state: &AppState,
    ctx: &Ctx,
    customer_id: String,
    toasts: Vec<Toast>,
    fill: impl FnOnce(&mut AccessPage) + Send + 'static,
) -> AppResult<AccessPage> {
    let o = state.call(ctx, move |c, ctx| access::overview(c, ctx, &customer_id)).await?;
    let mut page = AccessPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        header: CustomerHeader::new(o.customer, o.relationship, "access"),
        assignments: o.assignments,
        offered: o.offered,
        groups: o.groups,
        who: o.who,
        can_manage: ctx.user.can(Permission::ManageGdap),
        form: AssignmentForm::default(),
        roles_error: None,
    };
    fill(&mut page);
    Ok(page)
}

async fn access_page(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<AccessPage> {
    ctx.user.require(Permission::ViewCustomers)?;
    let toasts = super::flash::take(&session);
    access_view(&state, &ctx, path.into_inner(), toasts, |_| {}).await
}

async fn create_assignment(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let customer_id = path.into_inner();
    let fields = Fields(form.into_inner());
    let new = NewAssignment {
        relationship_id: fields.one("relationship_id")?.to_owned(),
        group_id: fields.one("group_id")?.to_owned(),
        roles: fields.all("role"),
    };
    let (cid, sent) = (customer_id.clone(), new.clone());
    match state.call(&ctx, move |c, ctx| access::create(c, ctx, &cid, sent)).await {
        Ok(done) => {
            let msg = Msg::new("toast-assignment-created")
                .text("group", &done.group_name)
                .text("name", &done.relationship.display_name);
            super::flash::push(&session, Toast::success(msg));
            Ok(super::see_other(&format!("/customers/{customer_id}/access")))
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            let text = e.text(ctx.user.locale);
            let page = access_view(&state, &ctx, customer_id, Vec::new(), move |p| {
                p.form = AssignmentForm {
                    relationship_id: new.relationship_id,
                    group_id: new.group_id,
                    roles: new.roles,
                    error: Some(text),
                };
            })
            .await?;
            super::render(status_of(&e), page)
        }
        Err(e) => Err(e),
    }
}

async fn change_roles(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let (customer_id, id) = path.into_inner();
    let roles = Fields(form.into_inner()).all("role");
    let (cid, id2, sent) = (customer_id.clone(), id.clone(), roles.clone());
    match state.call(&ctx, move |c, ctx| access::set_roles(c, ctx, &cid, &id2, sent)).await {
        Ok(changed) => {
            let toast = match changed {
                true => Toast::success(Msg::new("toast-assignment-roles-changed")),
                false => Toast::info(Msg::new("toast-assignment-roles-unchanged")),
            };
            super::flash::push(&session, toast);
            Ok(super::see_other(&format!("/customers/{customer_id}/access")))
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            let text = e.text(ctx.user.locale);
            let page = access_view(&state, &ctx, customer_id, Vec::new(), move |p| {
                p.roles_error = Some((id, roles, text));
            })
            .await?;
            super::render(status_of(&e), page)
        }
        Err(e) => Err(e),
    }
}

async fn delete_assignment_question(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let toasts = super::flash::take(&session);
    let (customer_id, id) = path.into_inner();
    let asked =
        state.call(&ctx, move |c, ctx| access::delete_question(c, ctx, &customer_id, &id)).await?;
    let l = ctx.user.locale;
    let item = &asked.item;
    let roles: Vec<String> = item.roles.iter().map(|r| access::role_name(r)).collect();
    let page = ConfirmPage {
        l,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        back_href: format!("/customers/{}/access", asked.customer.id),
        title: l.t2(
            "access-delete-title",
            "group",
            item.group_name.as_str(),
            "name",
            item.relationship.display_name.as_str(),
        ),
        consequences: vec![
            l.t2(
                "access-delete-loses",
                "group",
                item.group_name.as_str(),
                "roles",
                roles.join(", "),
            ),
            l.t("access-delete-again"),
        ],
        action: req.path().to_owned(),
        button: l.t("access-delete"),
        back: None,
        header: CustomerHeader::new(asked.customer, asked.relationship, "access"),
    };
    super::render(StatusCode::OK, page)
}

async fn delete_assignment(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageGdap)?;
    let answer = form.map(web::Form::into_inner).unwrap_or_default();
    if !answer.given() {
        return Ok(confirm::ask_first(&req, &answer));
    }
    let (customer_id, id) = path.into_inner();
    let cid = customer_id.clone();
    let done = state.call(&ctx, move |c, ctx| access::delete(c, ctx, &cid, &id)).await?;
    let msg = Msg::new("toast-assignment-deleted")
        .text("group", &done.group_name)
        .text("name", &done.relationship.display_name);
    super::flash::push(&session, Toast::success(msg));
    Ok(super::see_other(&format!("/customers/{customer_id}/access")))
}
