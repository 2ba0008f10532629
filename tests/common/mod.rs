//! Test harness: an isolated database per test (a temporary SQLite file, or a fresh PostgreSQL
//! database when `TEST_DATABASE_URL` names one), the whole application in-process, and a
//! browser-like client that keeps its session cookie and CSRF token.
#![allow(dead_code)]

pub mod audits;
pub mod browser;
pub mod plans;
pub mod skip;
pub mod world;

use actix_http::Request;
use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::{test, web};
use diesel::prelude::*;

use partnerdesk::config::Config;
use partnerdesk::db::{self, AnyConnection, DbUrl, Pool};
use partnerdesk::util::tokens::new_id;
use partnerdesk::web::state::AppState;

pub use audits::Audits;

/// Where the test's database lives; dropping it removes the database.
pub enum TestDb {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres { admin_url, name } = self
            && let Ok(mut c) = diesel::pg::PgConnection::establish(admin_url)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut c);
        }
    }
}

/// Which backend this test run uses: PostgreSQL when `TEST_DATABASE_URL` is a postgres URL.
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL").ok().filter(|u| u.starts_with("postgres"))
}

pub fn new_database() -> (DbUrl, TestDb) {
    match postgres_url() {
        Some(admin_url) => new_postgres_database(admin_url),
        None => {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("test.db").to_string_lossy().to_string();
            (DbUrl::Sqlite(path), TestDb::Sqlite(dir))
        }
    }
}

/// A fresh PostgreSQL database on the server `admin_url` points at, dropped with the handle.
pub fn new_postgres_database(admin_url: String) -> (DbUrl, TestDb) {
    let name = format!("pd_test_{}", uuid_hex());
    let mut c = diesel::pg::PgConnection::establish(&admin_url)
        .unwrap_or_else(|e| panic!("connect to {admin_url}: {e}"));
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut c)
        .expect("create test database");
    let (base, _) = admin_url.rsplit_once('/').expect("database URL with a database name");
    (DbUrl::Postgres(format!("{base}/{name}")), TestDb::Postgres { admin_url, name })
}

fn uuid_hex() -> String {
    new_id().replace('-', "")
}

/// A connection from a test's pool that derefs straight to the connection, so that diesel's
/// query methods take `&mut *conn`.
pub struct TestConn(db::PooledConn);

impl std::ops::Deref for TestConn {
    type Target = db::AnyConnection;
    fn deref(&self) -> &db::AnyConnection {
        &self.0
    }
}

impl std::ops::DerefMut for TestConn {
    fn deref_mut(&mut self) -> &mut db::AnyConnection {
        &mut self.0
    }
}

/// A connection from `pool`, for a test's own queries.
pub fn conn(pool: &Pool) -> TestConn {
    TestConn(pool.get().expect("a connection from the test pool"))
}

/// A test's database with the standard world in it.
pub struct Env {
    pub pool: Pool,
    pub world: world::World,
    pub state: web::Data<AppState>,
    _db: TestDb,
}

impl Env {
    pub fn new() -> Env {
        Env::with_config(|_| {})
    }

    /// A test's database and state with the tests' settings after `tweak`.
    pub fn with_config(tweak: impl FnOnce(&mut Config)) -> Env {
        Env::with_state(tweak, |_| {})
    }

    /// A test's database and state without rate limits, for suites that send one request
    /// hundreds of times to test something else.
    pub fn without_rate_limits() -> Env {
        Env::with_state(|_| {}, |s| s.limits = partnerdesk::web::limits::Limits::none())
    }

    /// A test's database on the PostgreSQL server `admin_url` names, whatever
    /// `TEST_DATABASE_URL` says (for what only PostgreSQL has, such as runners at once).
    pub fn postgres(admin_url: String) -> Env {
        Env::on(new_postgres_database(admin_url), |_| {}, |_| {})
    }

    /// A test's SQLite database and state, whatever `TEST_DATABASE_URL` says (for what only
    /// SQLite has, such as `partnerdesk backup`).
    pub fn sqlite() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("test.db").to_string_lossy().to_string();
        Env::on((DbUrl::Sqlite(path), TestDb::Sqlite(dir)), |_| {}, |_| {})
    }

    fn with_state(tweak: impl FnOnce(&mut Config), tweak_state: impl FnOnce(&mut AppState)) -> Env {
        Env::on(new_database(), tweak, tweak_state)
    }

    fn on(
        (url, handle): (DbUrl, TestDb),
        tweak: impl FnOnce(&mut Config),
        tweak_state: impl FnOnce(&mut AppState),
    ) -> Env {
        let mut config = Config::for_tests(url.clone());
        tweak(&mut config);
        let pool = db::connect(&url, &config.pool).expect("open test database");
        let world = world::build(&mut pool.get().unwrap());
        let mut state = AppState::new(pool.clone(), config, actix_web::cookie::Key::generate());
        tweak_state(&mut state);
        Env { pool, world, state: web::Data::new(state), _db: handle }
    }

    pub fn conn(&self) -> TestConn {
        conn(&self.pool)
    }

    /// The id of the user with this email.
    pub fn user_id(&self, email: &str) -> String {
        world::user_id(&mut self.conn(), email)
    }

    /// A subscription's status as stored.
    pub fn subscription_status(&self, id: &str) -> String {
        world::subscription_status(&mut self.conn(), id)
    }

    /// How many audit records match `which`.
    pub fn audit_count(&self, which: Audits) -> i64 {
        which.count(&mut self.conn())
    }

    pub async fn app(
        &self,
    ) -> impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>
    {
        app_of(self.state.clone()).await
    }

    /// The opening of a test: a fresh database with the standard world in it, that world (a
    /// copy, for the test to name its partners, customers and subscriptions), and the
    /// application. The `Env` holds the database: keep it bound (`_env` if unused) for as long
    /// as the test runs, as `_` would drop it at once.
    pub async fn with_app() -> (
        Env,
        world::World,
        impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>,
    ) {
        let env = Env::new();
        let w = env.world.clone();
        let app = app_of(env.state.clone()).await;
        (env, w, app)
    }

    /// The opening of most tests: `with_app()` and a browser signed in as `email`.
    pub async fn signed_in(
        email: &str,
    ) -> (
        Env,
        world::World,
        impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>,
        Browser,
    ) {
        let (env, w, app) = Env::with_app().await;
        let b = sign_in(&app, email).await;
        (env, w, app, b)
    }
}

/// The application over `state` (which borrows nothing from the `Env` it came from).
pub async fn app_of(
    state: web::Data<AppState>,
) -> impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error> {
    test::init_service(partnerdesk::build_app(state)).await
}

/// A response, read whole.
#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn location(&self) -> Option<&str> {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok())
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(self.status.as_u16(), status, "unexpected status; body:\n{}", self.body);
        self
    }
    #[track_caller]
    pub fn assert_contains(&self, text: &str) -> &Self {
        assert!(self.body.contains(text), "expected {text:?} in body:\n{}", self.body);
        self
    }
    #[track_caller]
    pub fn assert_lacks(&self, text: &str) -> &Self {
        assert!(!self.body.contains(text), "did not expect {text:?} in body:\n{}", self.body);
        self
    }
}

/// A browser: its cookies (as one `Cookie` header) and the last page's CSRF token.
#[derive(Clone, Default)]
pub struct Browser {
    pub cookie: Option<String>,
    pub csrf: Option<String>,
}

/// The application under test, as `test::init_service` gives it.
pub trait TestApp<B>:
    Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>
{
}

impl<S, B> TestApp<B> for S where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>
{
}

pub async fn send<S, B>(app: &S, browser: &mut Browser, req: test::TestRequest) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    let req = match &browser.cookie {
        Some(c) => req.insert_header((header::COOKIE, c.clone())),
        None => req,
    };
    let res = test::call_service(app, req.to_request()).await;
    let status = res.status();
    let headers = res.headers().clone();
    let mut jar: Vec<(String, String)> = browser
        .cookie
        .as_deref()
        .unwrap_or_default()
        .split("; ")
        .filter_map(|p| p.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect();
    for v in headers.get_all(header::SET_COOKIE) {
        let v = v.to_str().unwrap();
        let (name, value) = v.split(';').next().unwrap().split_once('=').unwrap();
        jar.retain(|(k, _)| k != name);
        if !(v.contains("Max-Age=0") || value.is_empty()) {
            jar.push((name.to_string(), value.to_string()));
        }
    }
    browser.cookie = (!jar.is_empty())
        .then(|| jar.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; "));
    let body = String::from_utf8_lossy(&test::read_body(res).await).to_string();
    if let Some(t) = csrf_in(&body) {
        browser.csrf = Some(t);
    }
    Resp { status, headers, body }
}

fn csrf_in(body: &str) -> Option<String> {
    let re = regex::Regex::new(r#"name="csrf_token" value="([0-9a-f]+)""#).unwrap();
    re.captures(body).map(|c| c[1].to_string())
}

pub async fn get<S, B>(app: &S, browser: &mut Browser, path: &str) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    send(app, browser, test::TestRequest::get().uri(path)).await
}

/// GET as htmx does for a fragment.
pub async fn hx_get<S, B>(app: &S, browser: &mut Browser, path: &str) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    send(app, browser, test::TestRequest::get().uri(path).insert_header(("HX-Request", "true")))
        .await
}

/// A form POST with the browser's CSRF token, as a plain browser form sends it.
pub async fn post<S, B>(app: &S, browser: &mut Browser, path: &str, fields: &[(&str, &str)]) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    let token = browser.csrf.clone().unwrap_or_default();
    all.push(("csrf_token", &token));
    let req = test::TestRequest::default().method(Method::POST).uri(path).set_form(all);
    send(app, browser, req).await
}

/// A POST as htmx sends it: token in the header, `HX-Request: true`.
pub async fn hx_post<S, B>(
    app: &S,
    browser: &mut Browser,
    path: &str,
    fields: &[(&str, &str)],
) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    post_with(app, browser, path, fields, &[("HX-Request", "true")]).await
}

/// The host the tests' browser addresses.
pub const HOST: &str = "partnerdesk.test";

/// A form POST sent the way a browser sends it from a page: to `HOST`, with extra headers
/// (`Referer`, htmx's), the CSRF token as a field or, for htmx, a header.
pub async fn post_with<S, B>(
    app: &S,
    b: &mut Browser,
    path: &str,
    fields: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    let token = b.csrf.clone().unwrap_or_default();
    let htmx = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("HX-Request"));
    let mut all = fields.to_vec();
    if !htmx {
        all.push(("csrf_token", &token));
    }
    let mut req = test::TestRequest::post().uri(path).insert_header(("Host", HOST)).set_form(all);
    if htmx {
        req = req.insert_header(("X-CSRF-Token", token.clone()));
    }
    for (k, v) in headers {
        req = req.insert_header((*k, *v));
    }
    send(app, b, req).await
}

/// Signs in with both steps (the password, then an authenticator code) and loads the customer
/// list (which gives the browser its CSRF token).
pub async fn sign_in<S, B>(app: &S, email: &str) -> Browser
where
    S: TestApp<B>,
    B: MessageBody,
{
    let mut b = Browser::default();
    get(app, &mut b, "/signin").await;
    let r = post(app, &mut b, "/signin", &[("email", email), ("password", world::PASSWORD)]).await;
    assert_eq!(r.status.as_u16(), 303, "sign-in of {email} failed: {}", r.body);
    assert_eq!(r.location(), Some("/signin/code"), "{email} has steps left before the code");
    enter_code(app, &mut b, world::TOTP_SECRET).await;
    load_token(app, &mut b).await;
    b
}

/// Loads the customer list, or any page for roles without customer access, for the CSRF token.
async fn load_token<S, B>(app: &S, b: &mut Browser)
where
    S: TestApp<B>,
    B: MessageBody,
{
    let page = get(app, b, "/customers").await;
    if page.status.as_u16() == 200 {
        assert!(b.csrf.is_some(), "no CSRF token on the customers page");
    } else {
        b.csrf = csrf_in(&page.body);
    }
}

/// The code an authenticator app with `secret` shows `offset_s` seconds from now.
pub fn totp_code(secret: &str, offset_s: i64) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let at = now.checked_add_signed(offset_s).unwrap();
    partnerdesk::auth::second_step::code_at(secret, at).unwrap()
}

/// The offsets (seconds) of the codes a sign-in tries in turn. The server takes the codes of the
/// previous, current and next 30-second step, each once and in order, so a test can sign the
/// same user in three times in a row.
pub const CODE_OFFSETS: [i64; 3] = [-30, 0, 30];

/// Enters an authenticator code of `secret` at the second step: the first of `CODE_OFFSETS`
/// not used by an earlier sign-in. Asserts that the browser is signed in; returns the redirect.
pub async fn enter_code<S, B>(app: &S, b: &mut Browser, secret: &str) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    get(app, b, "/signin/code").await.assert_status(200);
    let mut last = String::new();
    for offset in CODE_OFFSETS {
        let r = post(app, b, "/signin/code", &[("code", &totp_code(secret, offset))]).await;
        if r.status.as_u16() == 303 {
            return r;
        }
        last = r.body;
    }
    panic!("the second step refused every code:\n{last}");
}

/// A user after their first sign-in: the browser, signed in; the authenticator app's secret;
/// the recovery codes shown once.
pub struct Enrolled {
    pub browser: Browser,
    pub secret: String,
    pub recovery_codes: Vec<String>,
}

/// The first sign-in of a user with a one-time password: replaces it with `new_password` and
/// enrols an authenticator app.
pub async fn first_sign_in<S, B>(
    app: &S,
    email: &str,
    one_time: &str,
    new_password: &str,
) -> Enrolled
where
    S: TestApp<B>,
    B: MessageBody,
{
    let mut b = Browser::default();
    get(app, &mut b, "/signin").await;
    let r = post(app, &mut b, "/signin", &[("email", email), ("password", one_time)]).await;
    assert_eq!(r.location(), Some("/signin/password"), "first sign-in of {email}: {}", r.body);
    get(app, &mut b, "/signin/password").await.assert_status(200);
    let fields = [("new_password", new_password), ("confirm_password", new_password)];
    let r = post(app, &mut b, "/signin/password", &fields).await;
    assert_eq!(r.location(), Some("/signin/enrol"), "new password of {email}: {}", r.body);
    let secret = enrolment_secret(&get(app, &mut b, "/signin/enrol").await);
    let r = post(app, &mut b, "/signin/enrol", &[("code", &totp_code(&secret, 0))]).await;
    r.assert_status(200).assert_contains("id=\"recovery-codes\"");
    let re = regex::Regex::new(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>").unwrap();
    let recovery_codes = re.captures_iter(&r.body).map(|c| c[1].to_string()).collect();
    load_token(app, &mut b).await;
    Enrolled { browser: b, secret, recovery_codes }
}

/// The authenticator key the enrolment page shows (as text, without its spaces).
pub fn enrolment_secret(page: &Resp) -> String {
    let re = regex::Regex::new(r#"id="totp-secret"[^>]*>([A-Z2-7 ]+)</code>"#).unwrap();
    let caps = re.captures(&page.body).unwrap_or_else(|| panic!("no key on:\n{}", page.body));
    caps[1].replace(' ', "")
}

/// Everything a change could touch, to compare before and after a refused request.
pub fn snapshot(c: &mut AnyConnection) -> String {
    use partnerdesk::db::schema::*;
    let rel: Vec<(String, String, bool, Option<i64>)> = relationships::table
        .order(relationships::id)
        .select((
            relationships::id,
            relationships::relationship_to_partner,
            relationships::allow_delegated_access,
            relationships::ended_at,
        ))
        .load(c)
        .unwrap();
    let subs: Vec<(String, String, i64)> = subscriptions::table
        .order(subscriptions::id)
        .select((subscriptions::id, subscriptions::status, subscriptions::updated_at))
        .load(c)
        .unwrap();
    let res: Vec<(String, String)> = reservations::table
        .order(reservations::id)
        .select((reservations::id, reservations::status))
        .load(c)
        .unwrap();
    let plans: Vec<(String, String)> = savings_plans::table
        .order(savings_plans::id)
        .select((savings_plans::id, savings_plans::status))
        .load(c)
        .unwrap();
    let sw: Vec<(String, String)> = software_purchases::table
        .order(software_purchases::id)
        .select((software_purchases::id, software_purchases::status))
        .load(c)
        .unwrap();
    let sc: Vec<String> = support_contacts::table
        .order(support_contacts::id)
        .select(support_contacts::id)
        .load(c)
        .unwrap();
    let succeeded = Audits::all().succeeded().operation_not_like("log%").count(c);
    let users_: Vec<(String, String, String, bool, String)> = users::table
        .order(users::id)
        .select((users::id, users::email, users::display_name, users::active, users::password_hash))
        .load(c)
        .unwrap();
    let roles: Vec<(String, String)> = user_roles::table
        .order((user_roles::user_id, user_roles::role))
        .select((user_roles::user_id, user_roles::role))
        .load(c)
        .unwrap();
    let customers_: Vec<String> =
        customers::table.order(customers::id).select(customers::id).load(c).unwrap();
    let requests: Vec<(String, String, Option<String>)> = relationship_requests::table
        .order(relationship_requests::id)
        .select((
            relationship_requests::id,
            relationship_requests::status,
            relationship_requests::customer_id,
        ))
        .load(c)
        .unwrap();
    let jobs_: Vec<(String, Option<i64>, Option<String>)> = jobs::table
        .order(jobs::id)
        .select((jobs::id, jobs::finished_at, jobs::outcome))
        .load(c)
        .unwrap();
    let auto_renew: Vec<(String, bool)> = subscriptions::table
        .order(subscriptions::id)
        .select((subscriptions::id, subscriptions::auto_renew))
        .load(c)
        .unwrap();
    let gdap: Vec<(String, String, i32, Option<i64>)> = gdap_relationships::table
        .order(gdap_relationships::id)
        .select((
            gdap_relationships::id,
            gdap_relationships::status,
            gdap_relationships::auto_extend_days,
            gdap_relationships::end_at,
        ))
        .load(c)
        .unwrap();
    format!(
        "{gdap:?}\n{rel:?}\n{subs:?}\n{res:?}\n{plans:?}\n{sw:?}\n{sc:?}\nsucceeded audits: {succeeded}\n{users_:?}\n{roles:?}\n{customers_:?}\n{requests:?}\n{jobs_:?}\n{auto_renew:?}"
    )
}

impl Browser {
    /// Whether the browser holds a session cookie.
    pub fn has_session(&self) -> bool {
        self.cookie
            .as_deref()
            .unwrap_or_default()
            .split("; ")
            .any(|c| c.starts_with("partnerdesk="))
    }
}

/// A fresh browser that has loaded the sign-in form (its anti-forgery cookie and token).
pub async fn at_signin<S, B>(app: &S) -> Browser
where
    S: TestApp<B>,
    B: MessageBody,
{
    let mut b = Browser::default();
    get(app, &mut b, "/signin").await.assert_status(200);
    b
}

/// The headers every response must carry (DESIGN.md §3).
#[track_caller]
pub fn assert_security_headers(r: &Resp, what: &str) {
    let csp = r.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{what}: CSP {csp:?}"
    );
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{what}: {csp}");
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{what}");
    assert!(r.header("referrer-policy").is_some(), "{what}: no Referrer-Policy");
    assert!(r.header("vary").unwrap_or_default().contains("HX-Request"), "{what}: no Vary");
    assert!(r.header("x-request-id").is_some(), "{what}: no X-Request-Id");
}

/// Signs a customer admin in at the tenant door with both steps and loads `/tenant` (which
/// gives the browser its CSRF token).
pub async fn tenant_sign_in<S, B>(app: &S, email: &str) -> Browser
where
    S: TestApp<B>,
    B: MessageBody,
{
    let mut b = Browser::default();
    get(app, &mut b, "/tenant/signin").await.assert_status(200);
    let fields = [("email", email), ("password", world::PASSWORD)];
    let r = post(app, &mut b, "/tenant/signin", &fields).await;
    assert_eq!(r.location(), Some("/tenant/signin/code"), "tenant sign-in of {email}: {}", r.body);
    get(app, &mut b, "/tenant/signin/code").await.assert_status(200);
    let mut done = false;
    for offset in CODE_OFFSETS {
        let r = post(
            app,
            &mut b,
            "/tenant/signin/code",
            &[("code", &totp_code(world::TOTP_SECRET, offset))],
        )
        .await;
        if r.status.as_u16() == 303 {
            done = true;
            break;
        }
    }
    assert!(done, "the tenant second step refused every code of {email}");
    get(app, &mut b, "/tenant").await.assert_status(200);
    b
}
