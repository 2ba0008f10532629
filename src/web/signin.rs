//! Sign in (the password, then the steps after it) and sign out, at two doors: partner users at
//! `/signin`, customer admins at `/tenant/signin`. Every handler is one generic function over
//! the door (`Entry`); the door picks the table accounts are looked up in, the pages' paths and
//! the session key of the signed-in principal.

use actix_session::Session;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use crate::auth::{self, CurrentUser};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::Ctx;
use crate::services::signin::{self, Door, FAILED_MESSAGE, PasswordProof, Proven, Step, sign_in};
use crate::util::urls::local_path;
use crate::views::{CodePage, EnrolPage, FirstPasswordPage, RecoveryCodesPage, SignInPage};
use crate::web::request::locale_of;
use crate::web::session::{self as sessions, pending};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    door_routes::<PartnerEntry>(cfg);
    door_routes::<TenantEntry>(cfg);
    super::add(cfg, Method::POST, "/signout", sign_out);
}

/// A door, as a type, so that each handler is one generic function registered per door.
pub trait Entry: 'static {
    const DOOR: Door;
}

/// The partner users' door, `/signin`.
pub struct PartnerEntry;
impl Entry for PartnerEntry {
    const DOOR: Door = Door::Partner;
}

/// The customer admins' door, `/tenant/signin`.
pub struct TenantEntry;
impl Entry for TenantEntry {
    const DOOR: Door = Door::Tenant;
}

fn door_routes<E: Entry>(cfg: &mut web::ServiceConfig) {
    use super::add;
    let d = E::DOOR;
    add(cfg, Method::GET, d.signin_path(), form::<E>);
    add(cfg, Method::POST, d.signin_path(), submit::<E>);
    add(cfg, Method::GET, Step::ChangePassword.path(d), first_password_form::<E>);
    add(cfg, Method::POST, Step::ChangePassword.path(d), first_password_submit::<E>);
    add(cfg, Method::GET, Step::Enrol.path(d), enrol_form::<E>);
    add(cfg, Method::POST, Step::Enrol.path(d), enrol_submit::<E>);
    add(cfg, Method::GET, Step::Code.path(d), code_form::<E>);
    add(cfg, Method::POST, Step::Code.path(d), code_submit::<E>);
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only a local path may be returned to after sign-in; by default the door's home.
fn safe_next(door: Door, next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or(door.home()).to_string()
}

/// The sign-in form with a fresh anti-forgery token: the same random value in a hidden field
/// and in a short-lived, HttpOnly, SameSite=Strict cookie (no server-side session is created for
/// anonymous visitors). The POST must bring both, equal.
fn form_response(
    door: Door,
    state: &AppState,
    req: &HttpRequest,
    status: StatusCode,
    email: String,
    next: String,
    error: Option<Msg>,
) -> AppResult<HttpResponse> {
    let token = crate::util::tokens::random_token();
    let l = locale_of(req);
    let error = error.map(|m| l.msg(&m));
    let base = door.base();
    let body = SignInPage { l, base, email, next, error, csrf_token: token.clone() }
        .render()
        .map_err(AppError::internal)?;
    let cookie = Cookie::build(state.config.signin_cookie_name(), token)
        .path("/")
        .http_only(true)
        .secure(state.config.cookie_secure)
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::hours(1))
        .finish();
    Ok(HttpResponse::build(status)
        .cookie(cookie)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

async fn form<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<NextQuery>,
    session: Session,
) -> AppResult<HttpResponse> {
    let next = safe_next(E::DOOR, query.next.as_deref());
    if session.contains_key(sessions::principal_key(E::DOOR)) {
        return Ok(super::see_other(&next));
    }
    form_response(E::DOOR, &state, &req, StatusCode::OK, String::new(), next, None)
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
    csrf_token: Option<String>,
}

async fn submit<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<SignInForm>,
) -> AppResult<HttpResponse> {
    let SignInForm { email, password, next, csrf_token } = form.into_inner();
    let next = safe_next(E::DOOR, next.as_deref());
    let cookie = req.cookie(state.config.signin_cookie_name());
    let token_ok = match (cookie, csrf_token) {
        (Some(c), Some(t)) if !t.is_empty() => c.value().as_bytes().ct_eq(t.as_bytes()).into(),
        _ => false,
    };
    let answer =
        |status, email, msg| form_response(E::DOOR, &state, &req, status, email, next.clone(), msg);
    if !token_ok {
        return answer(StatusCode::FORBIDDEN, email, Some(Msg::new("signin-expired")));
    }
    let too_long = email.len() > 254 || password.chars().count() > auth::password::MAX_LENGTH;
    if email.trim().is_empty() || password.is_empty() || too_long {
        let msg = Msg::new(if too_long { FAILED_MESSAGE } else { "signin-missing" });
        return answer(StatusCode::UNPROCESSABLE_ENTITY, email, Some(msg));
    }
    let request_id = super::request_id_of(&req);
    match sign_in(&state, E::DOOR, &email, password, &request_id).await? {
        Ok((proof, step)) => {
            sessions::start_pending(&session, &proof, &next)?;
            let gone = Cookie::build(state.config.signin_cookie_name(), "")
                .path("/")
                .secure(state.config.cookie_secure)
                .finish();
            let mut res = super::see_other(step.path(E::DOOR));
            res.add_removal_cookie(&gone).map_err(AppError::internal)?;
            Ok(res)
        }
        Err(msg) => answer(StatusCode::UNAUTHORIZED, email, Some(msg)),
    }
}

/// Where a session between the steps of signing in stands: its proof, where to go when done,
/// the user and their step. Without a proof, or with one that no longer holds (too old, the
/// password changed, the user disabled), the person starts again at the sign-in page.
/// A proof given at the other door does not count here.
async fn pending_step(
    door: Door,
    state: &AppState,
    session: &Session,
) -> Result<(PasswordProof, String, Proven), HttpResponse> {
    let Some((proof, next)) = pending(session).filter(|(p, _)| p.door == door) else {
        return Err(super::see_other(door.signin_path()));
    };
    let p = proof.clone();
    match state.db(move |c| signin::step(c, &p)).await {
        Ok(proven) => Ok((proof, next, proven)),
        Err(_) => {
            session.purge();
            Err(super::see_other(door.signin_path()))
        }
    }
}

/// The session's anti-forgery token (set when the password was accepted).
fn token(session: &Session) -> String {
    sessions::csrf_token(session)
}

/// The pending session of someone at `step`, or the answer that sends them where they are.
macro_rules! at_step {
    ($door:expr, $state:expr, $session:expr, $step:expr) => {
        match pending_step($door, &$state, &$session).await {
            Ok((proof, next, user)) if user.step == $step => (proof, next, user),
            Ok((.., user)) => return Ok(super::see_other(user.step.path($door))),
            Err(answer) => return Ok(answer),
        }
    };
}

async fn first_password_form<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (_, _, user) = at_step!(E::DOOR, state, session, Step::ChangePassword);
    let page = FirstPasswordPage {
        l: locale_of(&req),
        base: E::DOOR.base(),
        email: user.email,
        csrf_token: token(&session),
        error: None,
    };
    super::render(StatusCode::OK, page)
}

#[derive(Deserialize)]
pub struct FirstPasswordForm {
    new_password: String,
    confirm_password: String,
}

async fn first_password_submit<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<FirstPasswordForm>,
) -> AppResult<HttpResponse> {
    let (proof, _, user) = at_step!(E::DOOR, state, session, Step::ChangePassword);
    let f = form.into_inner();
    let request_id = super::request_id_of(&req);
    let changed = signin::replace_one_time_password(
        &state,
        &proof,
        f.new_password,
        &f.confirm_password,
        &request_id,
    )
    .await;
    match changed {
        Ok((proof, step)) => {
            sessions::renew_pending(&session, &proof)?;
            Ok(super::see_other(step.path(E::DOOR)))
        }
        Err(AppError::Unprocessable(msg)) => {
            let l = locale_of(&req);
            let error = Some(l.msg(&msg));
            let (base, csrf_token) = (E::DOOR.base(), token(&session));
            let page = FirstPasswordPage { l, base, email: user.email, csrf_token, error };
            super::render(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(e) => Err(e),
    }
}

/// The enrolment page, with `error` after a wrong code.
async fn enrol_page(
    door: Door,
    req: &HttpRequest,
    state: &AppState,
    session: &Session,
    proof: PasswordProof,
    status: StatusCode,
    error: Option<Msg>,
) -> AppResult<HttpResponse> {
    let e = state.db(move |c| signin::enrolment(c, &proof)).await?;
    let l = locale_of(req);
    let error = error.map(|m| l.msg(&m));
    let base = door.base();
    let page = EnrolPage::new(l, base, e.account, &e.secret, e.otpauth_url, token(session), error);
    super::render(status, page)
}

async fn enrol_form<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (proof, ..) = at_step!(E::DOOR, state, session, Step::Enrol);
    enrol_page(E::DOOR, &req, &state, &session, proof, StatusCode::OK, None).await
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

/// A code longer than any code or recovery code is refused before any work.
const MAX_CODE_LENGTH: usize = 64;

/// The answer when the steps cannot go on (the account got locked): back to the sign-in page,
/// with the reason, and the half-done session gone.
fn stopped(
    door: Door,
    state: &AppState,
    req: &HttpRequest,
    session: &Session,
    msg: Msg,
) -> AppResult<HttpResponse> {
    session.purge();
    let next = door.home().into();
    form_response(door, state, req, StatusCode::UNAUTHORIZED, String::new(), next, Some(msg))
}

async fn enrol_submit<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    let (proof, next, user) = at_step!(E::DOOR, state, session, Step::Enrol);
    if form.code.len() > MAX_CODE_LENGTH {
        let msg = Msg::new("signin-code-wrong");
        return enrol_page(
            E::DOOR,
            &req,
            &state,
            &session,
            proof,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(msg),
        )
        .await;
    }
    let (p, code, request_id) = (proof.clone(), form.into_inner().code, super::request_id_of(&req));
    match state.db_tx(move |c| signin::confirm_enrolment(c, &p, &code, &request_id)).await? {
        Ok(codes) => {
            sessions::start_session_at(&session, E::DOOR, &user.user_id)?;
            let page = RecoveryCodesPage { l: locale_of(&req), codes, next };
            super::render(StatusCode::OK, page)
        }
        Err(msg) if msg.key == "signin-locked" => stopped(E::DOOR, &state, &req, &session, msg),
        Err(msg) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            enrol_page(E::DOOR, &req, &state, &session, proof, status, Some(msg)).await
        }
    }
}

async fn code_form<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    at_step!(E::DOOR, state, session, Step::Code);
    let (l, base) = (locale_of(&req), E::DOOR.base());
    let page = CodePage { l, base, csrf_token: token(&session), error: None };
    super::render(StatusCode::OK, page)
}

async fn code_submit<E: Entry>(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<CodeForm>,
) -> AppResult<HttpResponse> {
    let (proof, next, user) = at_step!(E::DOOR, state, session, Step::Code);
    let code = form.into_inner().code;
    let outcome = if code.len() > MAX_CODE_LENGTH {
        Err(Msg::new("signin-code-wrong"))
    } else {
        let request_id = super::request_id_of(&req);
        state.db_tx(move |c| signin::second_step(c, &proof, &code, &request_id)).await?
    };
    match outcome {
        Ok(()) => {
            sessions::start_session_at(&session, E::DOOR, &user.user_id)?;
            Ok(super::see_other(&next))
        }
        Err(msg) if msg.key == "signin-locked" => stopped(E::DOOR, &state, &req, &session, msg),
        Err(msg) => {
            let (l, base) = (locale_of(&req), E::DOOR.base());
            let error = Some(l.msg(&msg));
            let page = CodePage { l, base, csrf_token: token(&session), error };
            super::render(StatusCode::UNAUTHORIZED, page)
        }
    }
}

async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    user: Option<CurrentUser>,
) -> AppResult<HttpResponse> {
    if let Some(user) = user {
        let request_id = super::request_id_of(&req);
        let ctx = Ctx { user, request_id, correlation_id: None, now: state.clock.now() };
        state.call(&ctx, signin::record_sign_out).await?;
    }
    session.purge();
    Ok(super::see_other("/signin"))
}
