//! Users and roles: the partner's users, adding a user, a user's page (roles, disable / enable,
//! password and two-step sign-in resets). Global admins and User management admins only.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, web};

use crate::auth::Role;
use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::Ctx;
use crate::services::users::{self as svc, Field, Issued, Member};
use crate::util::clock::now_ms;
use crate::views::users::{NewUserForm, NewUserPage, OneTimePasswordPage, UserPage, UsersPage};
use crate::views::{Layout, Nav, Toast};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/users", list);
    add(cfg, Method::GET, "/users/new", new_form);
    add(cfg, Method::POST, "/users", create);
    add(cfg, Method::GET, "/users/{uid}", show);
    add(cfg, Method::POST, "/users/{uid}/roles", change_roles);
    add(cfg, Method::POST, "/users/{uid}/disable", disable);
    add(cfg, Method::POST, "/users/{uid}/enable", enable);
    add(cfg, Method::POST, "/users/{uid}/reset-password", reset_password);
    add(cfg, Method::POST, "/users/{uid}/reset-second-step", reset_second_step);
}

/// A form's fields as sent: the role checkboxes repeat one name, which a struct cannot hold.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn malformed() -> AppError {
        AppError::BadRequest(crate::i18n::Msg::new("error-form-malformed"))
    }

    /// A field sent exactly once.
    fn one(&self, name: &str) -> AppResult<&str> {
        let mut values = self.0.iter().filter(|(k, _)| k == name);
        match (values.next(), values.next()) {
            (Some((_, v)), None) => Ok(v),
            _ => Err(Self::malformed()),
        }
    }

    /// The ticked roles; an unknown one is a malformed form.
    fn roles(&self) -> AppResult<Vec<Role>> {
        self.0
            .iter()
            .filter(|(k, _)| k == "role")
            .map(|(_, v)| {
                Role::parse(v)
                    .ok_or_else(|| AppError::BadRequest(Msg::new("users-error-choose-roles")))
            })
            .collect()
    }
}

/// The one-time password just given to a new user (`created`) or by a reset: shown once.
fn one_time_password_page(ctx: &Ctx, issued: Issued, created: bool) -> AppResult<HttpResponse> {
    let page = OneTimePasswordPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Users, Vec::new()),
        member: issued.member,
        password: issued.password,
        created,
    };
    super::render(StatusCode::OK, page)
}

fn is_global_admin(ctx: &Ctx) -> bool {
    ctx.user.roles.contains(&Role::GlobalAdmin)
}

fn user_page(ctx: &Ctx, member: Member, toasts: Vec<Toast>) -> UserPage {
    let is_self = member.user.id == ctx.user.id;
    UserPage::new(Layout::new(&ctx.user, Nav::Users, toasts), member, is_self, is_global_admin(ctx))
}

/// The user's page again, with a message next to the form it is about.
async fn refused_page(
    state: &AppState,
    ctx: &Ctx,
    id: String,
    status: StatusCode,
    fill: impl FnOnce(&mut UserPage) + Send + 'static,
) -> AppResult<HttpResponse> {
    let page = state
        .call(ctx, move |c, ctx| {
            let mut page = user_page(ctx, svc::get(c, ctx, &id)?, Vec::new());
            fill(&mut page);
            Ok(page)
        })
        .await?;
    super::render(status, page)
}

async fn list(ctx: Ctx, session: Session, state: web::Data<AppState>) -> AppResult<UsersPage> {
    ctx.user.require(Permission::ManageUsers)?;
    let toasts = super::flash::take(&session);
    state
        .db(move |c| {
            Ok(UsersPage {
                l: ctx.user.locale,
                members: svc::list(c, &ctx)?,
                domains: svc::domains(c, &ctx)?,
                me: ctx.user.id.clone(),
                second_approval: match ctx.user.can(Permission::RemoveRelationship) {
                    true => Some(crate::services::removal_approvals::required(c, &ctx)?),
                    false => None,
                },
                now_ms: now_ms(),
                layout: Layout::new(&ctx.user, Nav::Users, toasts),
            })
        })
        .await
}

/// The new-user form, with the partner's verified domains for the address.
async fn new_user_page(state: &AppState, ctx: &Ctx, form: NewUserForm) -> AppResult<NewUserPage> {
    let domains = state.call(ctx, svc::domains).await?;
    Ok(NewUserPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Users, Vec::new()),
        form,
        domains,
        all_roles: Role::ALL,
        actor_is_global_admin: is_global_admin(ctx),
    })
}

async fn new_form(ctx: Ctx, state: web::Data<AppState>) -> AppResult<NewUserPage> {
    ctx.user.require(Permission::ManageUsers)?;
    new_user_page(&state, &ctx, NewUserForm::default()).await
}

/// Adds a user and shows their one-time password once, in this response (never in the session,
/// which is stored in the database).
async fn create(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let fields = Fields(form.into_inner());
    let mut typed = NewUserForm {
        email: fields.one("email")?.to_owned(),
        display_name: fields.one("display_name")?.to_owned(),
        roles: fields.roles()?,
        error: None,
    };
    let new = match svc::check_new(&typed.email, &typed.display_name, typed.roles.clone()) {
        Ok(new) => new,
        Err(invalid) => {
            typed.error = Some((invalid.field, ctx.user.locale.msg(invalid.message)));
            let page = new_user_page(&state, &ctx, typed).await?;
            return super::render(StatusCode::UNPROCESSABLE_ENTITY, page);
        }
    };
    match svc::create(&state, &ctx, new).await {
        Ok(issued) => one_time_password_page(&ctx, issued, true),
        // The 422s of a checked form are about the address: outside the partner's domains, or
        // taken.
        Err(AppError::Unprocessable(msg)) => {
            typed.error = Some((Field::Email, ctx.user.locale.msg(&msg)));
            let page = new_user_page(&state, &ctx, typed).await?;
            super::render(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(e) => Err(e),
    }
}

async fn show(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<UserPage> {
    ctx.user.require(Permission::ManageUsers)?;
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    state.db(move |c| Ok(user_page(&ctx, svc::get(c, &ctx, &id)?, toasts))).await
}

async fn change_roles(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let id = path.into_inner();
    let roles = Fields(form.into_inner()).roles()?;
    let (id2, roles2) = (id.clone(), roles.clone());
    match state.call(&ctx, move |c, ctx| svc::set_roles(c, ctx, &id2, roles2)).await {
        Ok(done) => {
            let m = &done.member;
            if !done.changed {
                super::flash::push(
                    &session,
                    Toast::info(
                        Msg::new("toast-roles-unchanged").text("name", &m.user.display_name),
                    ),
                );
                return Ok(super::see_other(&format!("/users/{id}")));
            }
            super::flash::push(
                &session,
                Toast::success(
                    Msg::new("toast-roles-changed")
                        .text("name", &m.user.display_name)
                        .keys("roles", m.roles.iter().map(|r| r.key())),
                ),
            );
            Ok(super::see_other(&format!("/users/{id}")))
        }
        Err(e @ (AppError::Unprocessable(_) | AppError::Conflict(_))) => {
            let status = actix_web::ResponseError::status_code(&e);
            let msg = e.text(ctx.user.locale);
            refused_page(&state, &ctx, id, status, move |page| {
                page.chosen = roles;
                page.roles_error = Some(msg);
            })
            .await
        }
        Err(e) => Err(e),
    }
}

async fn set_status(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    id: String,
    active: bool,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let id2 = id.clone();
    match state.call(&ctx, move |c, ctx| svc::set_active(c, ctx, &id2, active)).await {
        Ok(done) => {
            let name = &done.member.user.display_name;
            let toast = match (done.changed, active) {
                (false, true) => {
                    Toast::info(Msg::new("toast-user-already-active").text("name", name))
                }
                (false, false) => {
                    Toast::info(Msg::new("toast-user-already-disabled").text("name", name))
                }
                (true, true) => Toast::success(Msg::new("toast-user-enabled").text("name", name)),
                (true, false) => Toast::success(Msg::new("toast-user-disabled").text("name", name)),
            };
            super::flash::push(&session, toast);
            Ok(super::see_other(&format!("/users/{id}")))
        }
        Err(AppError::Conflict(msg)) => {
            refused_page(&state, &ctx, id, StatusCode::CONFLICT, move |page| {
                page.status_error = Some(ctx.user.locale.msg(&msg));
            })
            .await
        }
        Err(e) => Err(e),
    }
}

async fn disable(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    set_status(ctx, session, state, path.into_inner(), false).await
}

async fn enable(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    set_status(ctx, session, state, path.into_inner(), true).await
}

/// Gives the user a new one-time password, shown once in this response.
async fn reset_password(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    ctx.user.require(Permission::ManageUsers)?;
    let id = path.into_inner();
    match svc::reset_password(&state, &ctx, &id).await {
        Ok(issued) => one_time_password_page(&ctx, issued, false),
        Err(AppError::Conflict(msg)) => {
            refused_page(&state, &ctx, id, StatusCode::CONFLICT, move |page| {
                page.password_error = Some(ctx.user.locale.msg(&msg));
            })
            .await
        }
        Err(e) => Err(e),
    }
}

async fn reset_second_step(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let id2 = id.clone();
    match state.call(&ctx, move |c, ctx| svc::reset_second_step(c, ctx, &id2)).await {
        Ok(done) => {
            let name = &done.member.user.display_name;
            let toast = Toast::success(Msg::new("toast-second-step-reset").text("name", name));
            super::flash::push(&session, toast);
            Ok(super::see_other(&format!("/users/{id}")))
        }
        Err(AppError::Conflict(msg)) => {
            refused_page(&state, &ctx, id, StatusCode::CONFLICT, move |page| {
                page.second_step_error = Some(ctx.user.locale.msg(&msg));
            })
            .await
        }
        Err(e) => Err(e),
    }
}
