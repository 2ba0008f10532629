//! Signing in, in two steps. First the password: one generic failure message, the same work for
//! unknown and known accounts, and a per-account back-off stored in the database. Then a code
//! from the user's authenticator app, or a recovery code. Between the two, a one-time password
//! is replaced and, the first time, an authenticator app is enrolled. Wrong codes count toward
//! the same back-off as wrong passwords.
//!
//! Every step is parametrised by the door (`Door`): partner users at `/signin`, customer admins
//! at `/tenant/signin`. A door looks accounts up only in its own table, so the other kind's
//! account fails there exactly as an unknown address does.

use serde::{Deserialize, Serialize};

use crate::auth::second_step;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
pub use crate::models::credential::Door;
use crate::models::credential::{self as cred, Credential};
use crate::models::{session, user};
use crate::services::audit::{self, Actor, Event, op};
use crate::services::{Backend, Ctx};
use crate::util::clock::now_ms;
use crate::util::tokens::sha256_hex;

/// The key of the one message for every failed sign-in.
pub const FAILED_MESSAGE: &str = "signin-failed";
/// Failed attempts allowed before the account is locked for a while.
pub const LOCK_AFTER: i32 = 10;
const LOCK_BASE_MS: i64 = 60_000;
const LOCK_MAX_MS: i64 = 60 * 60_000;
/// How long the steps after the password may take before the password is asked for again.
pub const PROOF_VALID_MS: i64 = 10 * 60_000;

/// How long the account is locked after `failures` consecutive failures (doubling, capped).
pub fn lock_duration_ms(failures: i32) -> Option<i64> {
    if failures < LOCK_AFTER {
        return None;
    }
    let doublings = (failures - LOCK_AFTER).min(16) as u32;
    Some((LOCK_BASE_MS << doublings).min(LOCK_MAX_MS))
}

/// What someone who gave the right password still has to do before they are signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Replace a one-time password.
    ChangePassword,
    /// Set up an authenticator app.
    Enrol,
    /// Enter a code from the app, or a recovery code.
    Code,
}

impl Step {
    pub fn of(u: &Credential) -> Step {
        if u.password_must_change {
            Step::ChangePassword
        } else if u.confirmed_totp_secret().is_none() {
            Step::Enrol
        } else {
            Step::Code
        }
    }

    /// The page of this step at `door`.
    pub fn path(self, door: Door) -> &'static str {
        match (door, self) {
            (Door::Partner, Step::ChangePassword) => "/signin/password",
            (Door::Partner, Step::Enrol) => "/signin/enrol",
            (Door::Partner, Step::Code) => "/signin/code",
            (Door::Tenant, Step::ChangePassword) => "/tenant/signin/password",
            (Door::Tenant, Step::Enrol) => "/tenant/signin/enrol",
            (Door::Tenant, Step::Code) => "/tenant/signin/code",
        }
    }
}

/// That someone gave a user's password, kept between the steps. It holds for `PROOF_VALID_MS`,
/// and only while the password is the one they gave: a reset or change in between ends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PasswordProof {
    /// The door the password was given at: the steps after it continue at that door only.
    #[serde(default)]
    pub door: Door,
    pub user_id: String,
    fingerprint: String,
    at: i64,
}

impl PasswordProof {
    fn new(u: &Credential, at: i64) -> Self {
        PasswordProof {
            door: u.door,
            user_id: u.id.clone(),
            fingerprint: fingerprint(&u.password_hash),
            at,
        }
    }
}

fn fingerprint(password_hash: &str) -> String {
    sha256_hex(password_hash)[..32].to_owned()
}

/// The user a proof stands for, if it still holds (else the person signs in again).
fn proven(found: Option<Credential>, proof: &PasswordProof, now: i64) -> AppResult<Credential> {
    let fresh = proof.at <= now && now - proof.at <= PROOF_VALID_MS;
    match found {
        Some(u) if fresh && u.active && fingerprint(&u.password_hash) == proof.fingerprint => Ok(u),
        _ => Err(AppError::SignInRequired { next: None }),
    }
}

fn proven_user(c: &mut AnyConnection, proof: &PasswordProof, now: i64) -> AppResult<Credential> {
    proven(cred::find(c, proof.door, &proof.user_id)?, proof, now)
}

/// As `proven_user`, with the user's row locked for the rest of the transaction: for the steps
/// that use up a code or count a failure.
fn proven_user_locked(
    c: &mut AnyConnection,
    proof: &PasswordProof,
    now: i64,
) -> AppResult<Credential> {
    proven(cred::lock(c, proof.door, &proof.user_id)?, proof, now)
}

/// Who a proof stands for and the step they are at (for the pages of the steps).
pub struct Proven {
    pub door: Door,
    pub user_id: String,
    pub email: String,
    pub step: Step,
}

pub fn step(c: &mut AnyConnection, proof: &PasswordProof) -> AppResult<Proven> {
    let u = proven_user(c, proof, now_ms())?;
    Ok(Proven { door: u.door, step: Step::of(&u), user_id: u.id, email: u.email })
}

/// Who the audit names for an account: a partner user by id and partner; a customer admin by
/// address (the audit's user column is for partner users), the customer being the record's.
fn actor_of(u: &Credential, request_id: &str) -> Actor {
    let partner_user = u.door == Door::Partner;
    Actor {
        partner_id: partner_user.then(|| u.org_id.clone()),
        user_id: partner_user.then(|| u.id.clone()),
        label: u.email.clone(),
        request_id: request_id.to_owned(),
        correlation_id: None,
    }
}

/// The customer a sign-in record concerns: a customer admin's own (their activity page shows it).
fn customer_of(u: &Credential) -> Option<&str> {
    (u.door == Door::Tenant).then_some(u.org_id.as_str())
}

/// What the audit calls an account of the door.
fn account_type(door: Door) -> &'static str {
    match door {
        Door::Partner => "user",
        Door::Tenant => "customer_admin",
    }
}

/// Records a refused sign-in attempt with its reason.
fn record_refused(
    c: &mut AnyConnection,
    actor: &Actor,
    customer_id: Option<&str>,
    reason: String,
) -> AppResult<()> {
    let ev = Event {
        customer_id,
        operation: op::LOGIN_FAILED,
        resource_type: "session",
        new_value: Some(reason),
        failed: true,
        ..Default::default()
    };
    Ok(audit::record(c, actor, ev)?)
}

/// Counts a failed attempt (locking the account after too many), audited with `reason`.
fn record_failure(
    c: &mut AnyConnection,
    u: &Credential,
    reason: &'static str,
    actor: &Actor,
) -> AppResult<()> {
    let failures = cred::increment_failed_logins(c, u)?;
    count_failure(reason);
    if let Some(d) = lock_duration_ms(failures) {
        cred::lock_until(c, u, now_ms() + d)?;
        metrics::counter!("partnerdesk_signin_locks_total").increment(1);
    }
    record_refused(c, actor, customer_of(u), format!("{reason}; failures: {failures}"))
}

/// Counts a failed sign-in step for the metrics; `reason` is one of a few fixed phrases.
fn count_failure(reason: &'static str) {
    metrics::counter!("partnerdesk_signin_failures_total", "reason" => reason).increment(1);
}

/// The person is signed in: failures are forgotten and the sign-in recorded with `how`.
fn record_success(
    c: &mut AnyConnection,
    u: &Credential,
    how: String,
    actor: &Actor,
) -> AppResult<()> {
    cred::clear_failed_logins(c, u)?;
    let ev = Event {
        customer_id: customer_of(u),
        operation: op::LOGIN_SUCCEEDED,
        resource_type: "session",
        new_value: Some(how),
        ..Default::default()
    };
    Ok(audit::record(c, actor, ev)?)
}

fn is_locked(u: &Credential, now: i64) -> bool {
    u.locked_until.is_some_and(|t| t > now)
}

/// Checks the password. On success, the proof to keep and the next step; otherwise the
/// sentence to show. Every failure is audited; success is recorded when the last step is done.
/// Only accounts of `door`'s kind are looked up: any other address fails as an unknown one.
pub async fn sign_in(
    state: &Backend,
    door: Door,
    email: &str,
    password: String,
    request_id: &str,
) -> AppResult<Result<(PasswordProof, Step), Msg>> {
    let email = user::normalize_email(email);
    let lookup = email.clone();
    let found = state.db(move |c| Ok(cred::find_by_email(c, door, &lookup)?)).await?;
    let now = now_ms();
    let locked = found.as_ref().is_some_and(|u| is_locked(u, now));
    let verified = state
        .hasher
        .verify(found.as_ref().map(|u| u.password_hash.clone()), password.clone())
        .await?;
    let ok = verified && !locked && found.as_ref().is_some_and(|u| u.active);
    // A hash made under weaker parameters is replaced now that the password is at hand.
    let rehashed = match &found {
        Some(u) if ok && crate::auth::password::needs_rehash(&u.password_hash) => {
            Some(state.hasher.hash(password).await?)
        }
        _ => None,
    };
    // The address as typed labels the record, whether or not an account has it.
    let actor = match &found {
        Some(u) => Actor { label: email, ..actor_of(u, request_id) },
        None => Actor { label: email, ..Actor::for_user_row(None, request_id.to_owned()) },
    };
    let customer = found.as_ref().and_then(|u| customer_of(u).map(str::to_owned));
    state
        .db_tx(move |c| {
            let refused = |c: &mut AnyConnection, reason: &'static str, detail: Option<String>| {
                count_failure(reason);
                let text = detail.map_or(reason.into(), |d| format!("{reason}; {d}"));
                record_refused(c, &actor, customer.as_deref(), text)
            };
            let generic = Msg::new(FAILED_MESSAGE);
            let Some(mut u) = found else {
                refused(c, "unknown account", None)?;
                return Ok(Err(generic));
            };
            if locked {
                refused(c, "account locked", Some(format!("failures: {}", u.failed_logins)))?;
                return Ok(Err(generic));
            }
            if !u.active {
                refused(c, "account disabled", None)?;
                return Ok(Err(generic));
            }
            if !ok {
                record_failure(c, &u, "wrong password", &actor)?;
                return Ok(Err(generic));
            }
            // The password was right: from here on, saying why is no help to a guesser.
            if let Some(expired) =
                u.password_expires_at.filter(|t| u.password_must_change && *t <= now)
            {
                refused(c, "one-time password expired", None)?;
                return Ok(Err(Msg::new("signin-one-time-expired").date("date", expired)));
            }
            if let Some(hash) = &rehashed {
                cred::set_rehashed(c, &u, hash)?;
                u.password_hash = hash.clone();
            }
            let step = Step::of(&u);
            Ok(Ok((PasswordProof::new(&u, now), step)))
        })
        .await
}

/// Checks a new password the user chose: typed twice alike, meeting the policy, not the user's
/// email address. `known` are the user's email, name and partner's name.
fn check_new_password(new: &str, confirm: &str, known: &[&str]) -> AppResult<()> {
    if new != confirm {
        return Err(AppError::Unprocessable(Msg::new("password-error-mismatch")));
    }
    if known.first().is_some_and(|email| new.trim().eq_ignore_ascii_case(email)) {
        return Err(AppError::Unprocessable(Msg::new("password-error-email")));
    }
    crate::auth::password::check_policy(new, known).map_err(AppError::Unprocessable)
}

/// Replaces a one-time password at sign-in (the one-time password proved who this is). The
/// new password must differ from it. Returns the proof for the new password and the next step.
pub async fn replace_one_time_password(
    state: &Backend,
    proof: &PasswordProof,
    new: String,
    confirm: &str,
    request_id: &str,
) -> AppResult<(PasswordProof, Step)> {
    let p = proof.clone();
    let (u, org_name) = state
        .db(move |c| {
            let u = proven_user(c, &p, now_ms())?;
            let org = cred::org_name(c, &u)?;
            Ok((u, org))
        })
        .await?;
    if !u.password_must_change {
        return Err(AppError::Conflict(Msg::new("signin-password-not-one-time")));
    }
    check_new_password(&new, confirm, &[&u.email, &u.display_name, &org_name])?;
    if state.hasher.verify(Some(u.password_hash.clone()), new.clone()).await? {
        return Err(AppError::Unprocessable(Msg::new("password-error-same")));
    }
    let hash = state.hasher.hash(new).await?;
    let (p, request_id) = (proof.clone(), request_id.to_owned());
    state
        .db_tx(move |c| {
            let u = proven_user_locked(c, &p, now_ms())?;
            cred::set_password_hash(c, &u, &hash)?;
            let ev = Event {
                customer_id: customer_of(&u),
                operation: op::CHANGE_PASSWORD,
                resource_type: account_type(u.door),
                resource_id: Some(&u.id),
                new_value: Some("one-time password replaced at sign-in".into()),
                ..Default::default()
            };
            audit::record(c, &actor_of(&u, &request_id), ev)?;
            let u = cred::find(c, u.door, &u.id)?.ok_or(AppError::SignInRequired { next: None })?;
            Ok((PasswordProof::new(&u, p.at), Step::of(&u)))
        })
        .await
}

/// What the enrolment page shows: the secret as text and as an `otpauth://` link.
pub struct Enrolment {
    pub account: String,
    pub secret: String,
    pub otpauth_url: String,
}

/// The authenticator secret the user is to enrol: the one offered before, if they reload the
/// page, else a new one.
pub fn enrolment(c: &mut AnyConnection, proof: &PasswordProof) -> AppResult<Enrolment> {
    let u = proven_user(c, proof, now_ms())?;
    if Step::of(&u) != Step::Enrol {
        return Err(AppError::Conflict(Msg::new("signin-enrol-not-now")));
    }
    let secret = match &u.totp_secret {
        Some(s) => s.clone(),
        None => {
            let s = second_step::new_secret();
            cred::set_unconfirmed_totp(c, &u, &s)?;
            s
        }
    };
    let otpauth_url = second_step::otpauth_url(&secret, &u.email)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("otpauth link for {}", u.id)))?;
    Ok(Enrolment { account: u.email, secret, otpauth_url })
}

fn unix_seconds(now_ms: i64) -> u64 {
    u64::try_from(now_ms / 1000).unwrap_or(0)
}

/// Confirms the enrolment with a first code. On success the person is signed in and gets their
/// recovery codes (shown once); otherwise the sentence to show.
pub fn confirm_enrolment(
    c: &mut AnyConnection,
    proof: &PasswordProof,
    code: &str,
    request_id: &str,
) -> AppResult<Result<Vec<String>, Msg>> {
    let now = now_ms();
    let u = proven_user_locked(c, proof, now)?;
    let actor = actor_of(&u, request_id);
    if is_locked(&u, now) {
        return Ok(Err(Msg::new("signin-locked")));
    }
    let secret = match (&u.totp_secret, Step::of(&u)) {
        (Some(s), Step::Enrol) => s.clone(),
        _ => return Err(AppError::Conflict(Msg::new("signin-enrol-not-now"))),
    };
    let Some(step) = second_step::check(&secret, code, unix_seconds(now)) else {
        record_failure(c, &u, "wrong code while setting up two-step sign-in", &actor)?;
        return Ok(Err(Msg::new("signin-code-wrong")));
    };
    cred::confirm_totp(c, &u, step, now)?;
    let codes = second_step::new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| second_step::recovery_code_hash(c)).collect();
    cred::replace_recovery_codes(c, &u, &hashes, now)?;
    let ev = Event {
        customer_id: customer_of(&u),
        operation: op::ENROL_SECOND_STEP,
        resource_type: account_type(u.door),
        resource_id: Some(&u.id),
        old_value: Some("two-step sign-in: not set up".into()),
        new_value: Some(format!(
            "two-step sign-in: authenticator app; recovery codes issued: {}",
            codes.len()
        )),
        ..Default::default()
    };
    audit::record(c, &actor, ev)?;
    record_success(c, &u, "password and new authenticator app".into(), &actor)?;
    Ok(Ok(codes))
}

/// The second step: a code from the authenticator app (each good once) or an unused recovery
/// code. On success the person is signed in; otherwise the sentence to show.
pub fn second_step(
    c: &mut AnyConnection,
    proof: &PasswordProof,
    code: &str,
    request_id: &str,
) -> AppResult<Result<(), Msg>> {
    let now = now_ms();
    let u = proven_user_locked(c, proof, now)?;
    let actor = actor_of(&u, request_id);
    if is_locked(&u, now) {
        return Ok(Err(Msg::new("signin-locked")));
    }
    let Some(secret) = u.confirmed_totp_secret().map(str::to_owned) else {
        return Err(AppError::Conflict(Msg::new("signin-code-not-now")));
    };
    if second_step::is_app_code(code) {
        match second_step::check(&secret, code, unix_seconds(now)) {
            Some(step) if cred::use_totp_step(c, &u, step)? == 1 => {
                record_success(c, &u, "password and authenticator code".into(), &actor)?;
                Ok(Ok(()))
            }
            Some(_) => {
                record_failure(c, &u, "authenticator code used before", &actor)?;
                Ok(Err(Msg::new("signin-code-used")))
            }
            None => {
                record_failure(c, &u, "wrong authenticator code", &actor)?;
                Ok(Err(Msg::new("signin-code-wrong")))
            }
        }
    } else {
        let hash = second_step::recovery_code_hash(code);
        if code.trim().is_empty() || cred::use_recovery_code(c, &u, &hash, now)? == 0 {
            record_failure(c, &u, "wrong recovery code", &actor)?;
            return Ok(Err(Msg::new("signin-code-wrong")));
        }
        let left = cred::count_unused_recovery_codes(c, &u)?;
        record_success(c, &u, format!("password and recovery code; codes left: {left}"), &actor)?;
        Ok(Ok(()))
    }
}

/// Records a sign-out (the session itself ends in the web layer).
pub fn record_sign_out(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<()> {
    let ev = Event { operation: op::LOGOUT, resource_type: "session", ..Default::default() };
    Ok(audit::record(c, &ctx.into(), ev)?)
}

/// Changes the signed-in user's own password: the current one must be right, the new one must
/// meet the policy and be typed twice alike. Every session of the user ends, audited, in one
/// transaction.
pub async fn change_password(
    state: &Backend,
    ctx: &Ctx,
    current: String,
    new: String,
    confirm: &str,
) -> AppResult<()> {
    let me = &ctx.user;
    check_new_password(&new, confirm, &[&me.email, &me.display_name, &me.partner.name])?;
    let user_id = ctx.user.id.clone();
    let stored = state.db(move |c| Ok(user::find(c, &user_id)?.map(|u| u.password_hash))).await?;
    let right = state.hasher.verify(stored, current).await?;
    if !right {
        return Err(AppError::Unprocessable(Msg::new("password-error-current")));
    }
    let hash = state.hasher.hash(new).await?;
    let actor: Actor = ctx.into();
    let user_id = ctx.user.id.clone();
    state
        .db_tx(move |c| {
            user::set_password_hash(c, &user_id, &hash)?;
            session::delete_for_user(c, &user_id)?;
            audit::record(
                c,
                &actor,
                Event {
                    operation: op::CHANGE_PASSWORD,
                    resource_type: "user",
                    resource_id: Some(&user_id),
                    new_value: Some("password changed; all sessions ended".into()),
                    ..Default::default()
                },
            )?;
            Ok(())
        })
        .await
}
