//! End-to-end harness for tests/browser.rs: the application served for real over HTTP on a free
//! port, `chromedriver` started per test (killed on drop), headless Chromium sessions driven
//! through WebDriver (fantoccini over plain HTTP, no TLS stack), axe-core accessibility checks and
//! a same-origin check of every resource on each page visited.
//!
//! Without chromedriver (or Chromium) the tests are skipped through `common::skip` (a `SKIPPED: …`
//! line and the run's skip log), except under CI or with `PARTNERDESK_BROWSER_TESTS=required`,
//! where they fail. (Debian: `apt-get install chromium chromium-driver`.) The same holds for
//! axe-core (`$AXE_CORE_PATH` or `target/axe-core/package/axe.min.js`, which `.ci/run` fetches
//! with `npm pack axe-core@4`): missing outside CI, a test's accessibility checks are skipped.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actix_web::dev::ServerHandle;
use actix_web::rt::time::sleep;
use fantoccini::elements::Element;
use fantoccini::wd::{Capabilities, TimeoutConfiguration};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use super::Env;
use super::skip::skip;

use super::world::World;
use partnerdesk::db::Pool;

/// htmx may swap an element between finding it and using it: such an element is found again.
fn is_stale(e: &fantoccini::error::CmdError) -> bool {
    e.to_string().contains("stale element")
}

/// Another element (a toast that stays in view) is over the one clicked.
fn is_covered(e: &fantoccini::error::CmdError) -> bool {
    e.to_string().contains("element click intercepted")
}

/// How long a wait for the page (an element, a text, a URL, a dialog) may take.
pub const WAIT: Duration = Duration::from_secs(15);

/// The window (and so the viewport of headless Chromium, and every screenshot).
pub const WIDTH: u32 = 1280;
pub const HEIGHT: u32 = 900;

/// Whether a missing browser or axe-core must fail the tests even outside CI (under CI every
/// skip fails).
fn required() -> bool {
    std::env::var("PARTNERDESK_BROWSER_TESTS").is_ok_and(|v| v.eq_ignore_ascii_case("required"))
}

fn in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

struct Tools {
    chromedriver: PathBuf,
    chromium: PathBuf,
}

fn tools() -> Result<Tools, String> {
    let chromedriver = std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| in_path("chromedriver"))
        .ok_or("needs chromedriver (none at $CHROMEDRIVER or on PATH)")?;
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|p| p.is_file())
        .or_else(|| in_path("chromium"))
        .ok_or("needs Chromium (none at $CHROMIUM, /usr/bin/chromium or on PATH)")?;
    Ok(Tools { chromedriver, chromium })
}

/// `target/` of this crate (or `$CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// What a test whose accessibility checks cannot run lacks (to fetch it, see the top of this file).
const NO_AXE: &str =
    "needs axe-core for the accessibility checks (AXE_CORE_PATH unset, none in target/axe-core)";

/// axe-core's source, found once per test binary.
fn axe_source() -> Option<&'static str> {
    static AXE: OnceLock<Option<String>> = OnceLock::new();
    let src = AXE.get_or_init(|| {
        let mut candidates = Vec::new();
        if let Some(p) = std::env::var_os("AXE_CORE_PATH").map(PathBuf::from) {
            candidates.extend([p.clone(), p.join("axe.min.js"), p.join("package/axe.min.js")]);
        }
        candidates.push(target_dir().join("axe-core/package/axe.min.js"));
        candidates.iter().filter(|p| p.is_file()).find_map(|p| std::fs::read_to_string(p).ok())
    });
    if src.is_none() && required() {
        panic!(
            "axe-core is missing: set AXE_CORE_PATH or fetch it into target/axe-core \
             (`npm pack axe-core@4` and extract it there, as .ci/run does)"
        );
    }
    src.as_deref()
}

/// A chromedriver process on a free port; killed (with its browsers) when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Starts chromedriver on a free port (another try on another port if it cannot listen).
    async fn start(path: &Path) -> Driver {
        let mut last_error = String::new();
        for _ in 0..3 {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let child = Command::new(path)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("start {}: {e}", path.display()));
            let mut driver = Driver { child, url: format!("http://127.0.0.1:{port}") };
            let deadline = Instant::now() + WAIT;
            loop {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return driver;
                }
                if let Ok(Some(status)) = driver.child.try_wait() {
                    last_error =
                        format!("chromedriver --port={port} exited at start-up ({status})");
                    break;
                }
                assert!(Instant::now() < deadline, "chromedriver did not listen on port {port}");
                sleep(Duration::from_millis(25)).await;
            }
        }
        panic!("{last_error}");
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium session with a fresh profile (removed when dropped).
async fn open_session(
    driver: &Driver,
    chromium: &Path,
    javascript: bool,
) -> (Client, tempfile::TempDir) {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--hide-scrollbars",
    ]
    .map(String::from)
    .to_vec();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    args.push(format!("--window-size={WIDTH},{HEIGHT}"));
    let mut options = json!({ "binary": chromium, "args": args });
    if !javascript {
        options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
    }
    let mut caps = Capabilities::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), options);
    // A confirm() nobody expected stays open (and fails the next command) instead of being
    // answered silently.
    caps.insert("unhandledPromptBehavior".into(), json!("ignore"));
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .unwrap_or_else(|e| panic!("start a Chromium session through chromedriver: {e}"));
    client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(30)),
            Some(Duration::from_secs(30)),
            Some(Duration::ZERO),
        ))
        .await
        .expect("set WebDriver timeouts");
    // Make the viewport (what a screenshot shows) WIDTH × HEIGHT: the window is larger by
    // whatever the browser's frame takes.
    let frame = client
        .execute(
            "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];",
            vec![],
        )
        .await
        .expect("measure the window frame");
    let frame: (u32, u32) = serde_json::from_value(frame).expect("two numbers");
    client.set_window_size(WIDTH + frame.0, HEIGHT + frame.1).await.expect("set the window size");
    (client, profile)
}

/// The application on 127.0.0.1, a free port, one worker: (base URL on `localhost`, handle).
/// The base URL is the server's public URL, which the same-origin check holds forms to.
async fn serve(env: &Env) -> (String, ServerHandle) {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind 127.0.0.1:0");
    let base = format!("http://localhost:{}", listener.local_addr().unwrap().port());
    let mut config = env.state.config.clone();
    config.public_url = partnerdesk::util::urls::PublicUrl::parse(&base).expect("a public URL");
    let mut state = partnerdesk::web::state::AppState::new(
        env.pool.clone(),
        config,
        env.state.session_key.clone(),
    );
    // The test's clock: moving `Tab::clock` moves the server's "now".
    state.clock = env.state.clock.clone();
    let state = actix_web::web::Data::new(state);
    let server = actix_web::HttpServer::new(move || partnerdesk::build_app(state.clone()))
        .workers(1)
        .disable_signals()
        .shutdown_timeout(1)
        .listen(listener)
        .expect("serve on the bound port");
    let server = server.run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (base, handle)
}

/// How a test's browser is set up.
#[derive(Clone, Copy)]
pub struct Options {
    pub javascript: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { javascript: true }
    }
}

#[derive(Default)]
struct Shared {
    /// Serious and critical axe-core violations, one entry per page and rule.
    axe: RefCell<Vec<String>>,
    /// Pages checked (for the summary line).
    pages: RefCell<Vec<String>>,
    /// Whether the test's accessibility checks were skipped (recorded once).
    axe_skipped: Cell<bool>,
}

/// What a test body drives: the browser, the server's address and the test's world.
#[derive(Clone)]
pub struct Tab {
    pub client: Client,
    /// `http://localhost:PORT`, no trailing slash.
    pub base: String,
    pub world: World,
    pub pool: Pool,
    pub javascript: bool,
    pub test: &'static str,
    /// The server's clock, for a test to let time pass (a term's end).
    pub clock: partnerdesk::util::clock::Clock,
    shared: Rc<Shared>,
}

/// Runs one browser test: a fresh world and server, chromedriver and a Chromium session, then
/// `body`. If `body` panics, a screenshot is saved as `target/browser-screenshots/<test>.png`
/// before the panic goes on. Accessibility violations found on the way fail the test at the end
/// (so a test reports its functional failure first, and every violation at once).
pub async fn run<F, Fut>(test: &'static str, options: Options, body: F)
where
    F: FnOnce(Tab) -> Fut,
    Fut: Future<Output = ()> + 'static,
{
    let tools = match tools() {
        Ok(t) => t,
        Err(why) if required() => panic!(
            "browser tests are required here (PARTNERDESK_BROWSER_TESTS=required) but cannot run: {why}"
        ),
        Err(why) => {
            skip(test, &why);
            return;
        }
    };
    let started = Instant::now();
    let env = Env::new();
    let (base, server) = serve(&env).await;
    let driver = Driver::start(&tools.chromedriver).await;
    let (client, profile) = open_session(&driver, &tools.chromium, options.javascript).await;
    let shared = Rc::new(Shared::default());
    let tab = Tab {
        client: client.clone(),
        base,
        world: env.world.clone(),
        pool: env.pool.clone(),
        javascript: options.javascript,
        test,
        clock: env.state.clock.clone(),
        shared: shared.clone(),
    };
    let outcome = actix_web::rt::spawn(body(tab)).await;
    let violations = shared.axe.take();
    let failure: Option<Box<dyn std::any::Any + Send>> = match outcome {
        Ok(()) => None,
        Err(e) if e.is_panic() => Some(e.into_panic()),
        Err(e) => Some(Box::new(format!("the test's task failed: {e}"))),
    };
    if failure.is_some() || !violations.is_empty() {
        save_failure_screenshot(&client, test).await;
    }
    let _ = client.close().await;
    drop(driver);
    drop(profile);
    server.stop(false).await;
    drop(env);
    if let Some(panic) = failure {
        if !violations.is_empty() {
            eprintln!(
                "accessibility violations found before the failure:\n{}",
                violations.join("\n")
            );
        }
        std::panic::resume_unwind(panic);
    }
    assert!(
        violations.is_empty(),
        "axe-core found serious or critical accessibility violations:\n{}",
        violations.join("\n")
    );
    eprintln!(
        "browser test `{test}`: {} page checks in {:.1} s",
        shared.pages.borrow().len(),
        started.elapsed().as_secs_f64()
    );
}

async fn save_failure_screenshot(client: &Client, test: &str) {
    let dir = target_dir().join("browser-screenshots");
    let path = dir.join(format!("{test}.png"));
    match client.screenshot().await {
        Ok(png) => match std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, png)) {
            Ok(()) => eprintln!("screenshot of the failed test: {}", path.display()),
            Err(e) => eprintln!("could not save {}: {e}", path.display()),
        },
        Err(e) => eprintln!("could not take a screenshot of `{test}`: {e}"),
    }
}

/// Width and height of a PNG, from its IHDR chunk.
pub fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24 && png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

/// Runs axe-core once the page has settled: no htmx request, swap or settle under way and no
/// finite CSS transition running (a half-faded element would be measured at its passing colour).
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
const settled = () =>
  !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added') &&
  document.getAnimations().every(
    (a) => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity);
const started = Date.now();
const run = () => window.axe.run(document, {
  resultTypes: ['violations'],
  // WCAG AAA contrast (7:1) as well as the A and AA rules.
  rules: { 'color-contrast-enhanced': { enabled: true } },
}).then(
  (r) => done({
    violations: r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => [].concat(n.target).join(' ')),
    })),
  }),
  (e) => done({ error: String((e && e.stack) || e) }),
);
const wait = () => (settled() || Date.now() - started > 5000 ? run() : setTimeout(wait, 20));
wait();
"#;

/// One rule that axe-core found broken, with the elements that break it.
#[derive(Debug, serde::Deserialize)]
pub struct AxeViolation {
    pub id: String,
    pub impact: Option<String>,
    pub help: String,
    pub targets: Vec<String>,
}

impl AxeViolation {
    /// Impact "serious" or "critical": these fail the tests.
    pub fn is_serious(&self) -> bool {
        matches!(self.impact.as_deref(), Some("serious" | "critical"))
    }
}

impl std::fmt::Display for AxeViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("unknown");
        write!(f, "[{impact}] {}: {}\n      at {}", self.id, self.help, self.targets.join(" | "))
    }
}

const MARKER: i64 = 20_240_601;

impl Tab {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Loads `path` as a new page (typing the URL), then checks it.
    pub async fn goto(&self, path: &str) {
        self.client.goto(&self.url(path)).await.unwrap_or_else(|e| panic!("open {path}: {e}"));
        self.check_page().await;
    }

    /// The current URL's path and query.
    pub async fn path(&self) -> String {
        let u = self.client.current_url().await.expect("current URL");
        match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        }
    }

    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Checks the page now shown: nothing on it came from another origin, and (with JavaScript
    /// and axe-core available) axe-core finds no serious or critical violation.
    pub async fn check_page(&self) {
        let here = self.path().await;
        self.shared.pages.borrow_mut().push(here.clone());
        self.assert_same_origin(&here).await;
        if self.javascript {
            self.axe(&here).await;
        }
    }

    /// Every resource the page loaded, and the page itself, is on the server's origin.
    pub async fn assert_same_origin(&self, page: &str) {
        let v = self
            .execute(
                "return [location.href].concat(\
                 performance.getEntriesByType('resource').map((e) => e.name));",
                vec![],
            )
            .await;
        let urls: Vec<String> = serde_json::from_value(v).expect("a list of URLs");
        let origin = format!("{}/", self.base);
        let foreign: Vec<&String> = urls.iter().filter(|u| !u.starts_with(&origin)).collect();
        assert!(foreign.is_empty(), "{page}: requests outside {origin}: {foreign:#?}");
    }

    /// Runs axe-core on the current document: every violation, or None when axe-core is not
    /// available here (outside CI; the first time, the test's checks are recorded as skipped).
    pub async fn axe_scan(&self) -> Option<Vec<AxeViolation>> {
        let Some(src) = axe_source() else {
            if !self.shared.axe_skipped.replace(true) {
                skip(self.test, NO_AXE);
            }
            return None;
        };
        let page = self.path().await;
        let loaded = self
            .execute("return !!(window.axe && typeof window.axe.run === 'function');", vec![])
            .await;
        if loaded != json!(true) {
            self.client.execute(src, vec![]).await.expect("inject axe-core");
        }
        let result = self
            .client
            .execute_async(AXE_RUN, vec![])
            .await
            .unwrap_or_else(|e| panic!("{page}: axe-core did not run: {e}"));
        if let Some(err) = result.get("error") {
            panic!("{page}: axe-core failed: {err}");
        }
        Some(serde_json::from_value(result["violations"].clone()).expect("axe-core's violations"))
    }

    /// Records axe-core's serious and critical violations on the current page.
    async fn axe(&self, page: &str) {
        for v in self.axe_scan().await.unwrap_or_default() {
            if v.is_serious() {
                self.shared.axe.borrow_mut().push(format!("  {page}: {v}"));
            }
        }
    }

    /// Polls `cond` until it holds, or fails the test after `WAIT` with `what`.
    pub async fn wait_until(&self, what: &str, mut cond: impl AsyncFnMut() -> bool) {
        let deadline = Instant::now() + WAIT;
        loop {
            if cond().await {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out after {WAIT:?} waiting until {what} (at {})", self.path().await);
            }
            sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn try_find(&self, css: &str) -> Option<Element> {
        self.client.find(Locator::Css(css)).await.ok()
    }

    pub async fn find(&self, css: &str) -> Element {
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => panic!("no `{css}` on {}: {e}", self.path().await),
        }
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client.find_all(Locator::Css(css)).await.expect("find elements")
    }

    /// Waits for an element to be there.
    pub async fn wait_for(&self, css: &str) -> Element {
        match self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => panic!("`{css}` did not appear on {}: {e}", self.path().await),
        }
    }

    pub async fn text(&self, css: &str) -> String {
        // htmx may swap the element between finding it and reading it: find it again then.
        for _ in 0..5 {
            match self.find(css).await.text().await {
                Ok(text) => return text,
                Err(e) if is_stale(&e) => continue,
                Err(e) => panic!("text of `{css}`: {e}"),
            }
        }
        self.find(css).await.text().await.expect("element text")
    }

    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css).await.attr(name).await.expect("attribute")
    }

    /// The page's visible text.
    pub async fn page_text(&self) -> String {
        self.find("body").await.text().await.expect("body text")
    }

    /// Waits until `css`'s text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) {
        self.wait_until(&format!("`{css}` shows {needle:?}"), async || {
            match self.try_find(css).await {
                Some(e) => e.text().await.map(|t| t.contains(needle)).unwrap_or(false),
                None => false,
            }
        })
        .await;
    }

    /// Waits until the URL's path (with query) satisfies `pred`.
    pub async fn wait_path(&self, what: &str, pred: impl Fn(&str) -> bool) {
        self.wait_until(&format!("the URL is {what}"), async || pred(&self.path().await)).await;
    }

    pub async fn click(&self, css: &str) {
        for attempt in 1.. {
            let element = self.find(css).await;
            match element.clone().click().await {
                Ok(_) => return,
                Err(e) if is_stale(&e) && attempt < 5 => continue,
                Err(e) if is_covered(&e) && attempt < 5 => self.to_middle(&element).await,
                Err(e) => panic!("click `{css}`: {e}"),
            }
        }
    }

    /// Scrolls `element` to the middle of the window, as a person does with what a toast covers.
    async fn to_middle(&self, element: &Element) {
        let arg = serde_json::to_value(element).expect("an element reference");
        let script = "arguments[0].scrollIntoView({block: 'center'})";
        self.client.execute(script, vec![arg]).await.expect("scroll to the element");
    }

    /// Clicks the link whose text is exactly `text`.
    pub async fn click_link(&self, text: &str) {
        for attempt in 1.. {
            let found = self.client.wait().at_most(WAIT).for_element(Locator::LinkText(text)).await;
            let link = match found {
                Ok(l) => l,
                Err(e) => panic!("no link {text:?} on {}: {e}", self.path().await),
            };
            match link.clone().click().await {
                Ok(_) => return,
                Err(e) if is_stale(&e) && attempt < 5 => continue,
                Err(e) if is_covered(&e) && attempt < 5 => self.to_middle(&link).await,
                Err(e) => panic!("click the link {text:?}: {e}"),
            }
        }
    }

    /// Waits for a JavaScript dialog (confirm), accepts it and returns its text.
    pub async fn accept_dialog(&self) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(text) = self.client.get_alert_text().await {
                self.client.accept_alert().await.expect("accept the dialog");
                return text;
            }
            assert!(Instant::now() < deadline, "no confirmation dialog appeared");
            sleep(Duration::from_millis(50)).await;
        }
    }

    /// Marks the current document: `marker_survived` tells whether no page load happened since.
    pub async fn set_marker(&self) {
        self.execute(&format!("window.__marker = {MARKER};"), vec![]).await;
    }

    pub async fn marker_survived(&self) -> bool {
        self.execute("return window.__marker === undefined ? null : window.__marker;", vec![]).await
            == json!(MARKER)
    }

    /// Signs in with the form as `email` (password `world::PASSWORD`, then a code of
    /// `world::TOTP_SECRET`), checking the pages on the way and the page it leads to.
    pub async fn sign_in(&self, email: &str) {
        self.goto("/signin").await;
        self.find("#email").await.send_keys(email).await.expect("type the email");
        self.find("#password")
            .await
            .send_keys(super::world::PASSWORD)
            .await
            .expect("type the password");
        self.click("form[action='/signin'] button[type=submit]").await;
        self.wait_path("at the second step", |p| p == "/signin/code").await;
        self.check_page().await;
        self.enter_code(super::world::TOTP_SECRET).await;
        self.wait_for("header.topbar").await;
        self.check_page().await;
    }

    /// Types the current authenticator code of `secret` into the second step (the next one if
    /// an earlier sign-in used it: a code is good once) and waits until signed in.
    pub async fn enter_code(&self, secret: &str) {
        for offset in super::CODE_OFFSETS {
            let field = self.find("#code").await;
            field.clear().await.expect("clear the code field");
            field.send_keys(&super::totp_code(secret, offset)).await.expect("type the code");
            self.click("form[action='/signin/code'] button[type=submit]").await;
            self.wait_until("the code is answered", async || {
                !self.path().await.starts_with("/signin")
                    || self.try_find("#code-error").await.is_some()
            })
            .await;
            if !self.path().await.starts_with("/signin") {
                return;
            }
        }
        panic!("the second step refused every code");
    }

    /// Signs a customer admin in at the tenant door (password `world::PASSWORD`, then a code of
    /// `world::TOTP_SECRET`), to come back to `next`.
    pub async fn tenant_sign_in(&self, email: &str, next: &str) {
        self.goto(&format!("/tenant/signin?next={}", partnerdesk::util::urls::urlencode(next)))
            .await;
        self.find("#email").await.send_keys(email).await.expect("type the email");
        self.find("#password")
            .await
            .send_keys(super::world::PASSWORD)
            .await
            .expect("type the password");
        self.click("form[action='/tenant/signin'] button[type=submit]").await;
        self.wait_path("at the tenant second step", |p| p == "/tenant/signin/code").await;
        self.check_page().await;
        for offset in super::CODE_OFFSETS {
            let field = self.find("#code").await;
            field.clear().await.expect("clear the code field");
            let code = super::totp_code(super::world::TOTP_SECRET, offset);
            field.send_keys(&code).await.expect("type the code");
            self.click("form[action='/tenant/signin/code'] button[type=submit]").await;
            self.wait_until("the code is answered", async || {
                !self.path().await.starts_with("/tenant/signin")
                    || self.try_find("#code-error").await.is_some()
            })
            .await;
            if !self.path().await.starts_with("/tenant/signin") {
                return;
            }
        }
        panic!("the tenant second step refused every code");
    }

    /// A screenshot of the viewport as PNG, saved at `path`.
    pub async fn save_screenshot(&self, path: &Path) -> Vec<u8> {
        let png = self.client.screenshot().await.expect("screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot directory");
        }
        std::fs::write(path, &png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        png
    }
}
