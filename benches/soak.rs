//! The load driver of `benches/soak.sh`: mixed traffic from many connections against a running
//! server, every request timed by kind and by when it ran, so that the figures before and after
//! a database restart (and the errors inside its window) are counted exactly.
//!
//! `cargo bench --bench soak -- WORK BASE_URL SECONDS CONNS` with, in `WORK`, the files soak.sh
//! writes: `browse.txt` (customer, subscription, status per line), `churn.txt` (customers that
//! may be removed), `users-browse.txt`, `users-churn.txt`, `users-signin.txt` (emails), and
//! `password`, `totp-secret`. With `RESTART_CMD` set, that command runs at half time (the
//! database restart) and the window lasts from its start until `RESTART_GRACE` seconds
//! (default 10) after it returned.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use http::{Method, Request, header};
use http_body_util::BodyExt;
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;

/// What a request does; the figures are kept per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Search,
    Account,
    Subscriptions,
    Status,
    Removal,
    Invite,
    InvitationPage,
    Reactivation,
    SignInPage,
    SignInPassword,
    SignInCode,
}

const KINDS: [Kind; 12] = [
    Kind::List,
    Kind::Search,
    Kind::Account,
    Kind::Subscriptions,
    Kind::Status,
    Kind::Removal,
    Kind::Invite,
    Kind::InvitationPage,
    Kind::Reactivation,
    Kind::SignInPage,
    Kind::SignInPassword,
    Kind::SignInCode,
];

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::List => "customer list",
            Kind::Search => "search",
            Kind::Account => "account page",
            Kind::Subscriptions => "subscriptions tab",
            Kind::Status => "status change (suspend/reactivate)",
            Kind::Removal => "removal",
            Kind::Invite => "invitation created (partner)",
            Kind::InvitationPage => "invitation page (public)",
            Kind::Reactivation => "reactivation (invitation accepted)",
            Kind::SignInPage => "sign-in page",
            Kind::SignInPassword => "sign-in, password step",
            Kind::SignInCode => "sign-in, code step",
        }
    }
}

/// One request: what, its answer (0: no answer at all), when it started and how long it took.
#[derive(Clone, Copy)]
struct Record {
    kind: Kind,
    status: u16,
    start_us: u64,
    micros: u32,
}

type HttpClient = Client<HttpConnector, String>;

struct Answer {
    status: u16,
    body: String,
}

/// A browser: its own connection, its cookies and the address a proxy in front would report.
struct Browser {
    client: HttpClient,
    base: String,
    cookies: HashMap<String, String>,
    address: String,
    t0: Instant,
    records: Vec<Record>,
}

impl Browser {
    fn new(base: &str, address: String, t0: Instant) -> Self {
        let client =
            Client::builder(TokioExecutor::new()).pool_max_idle_per_host(2).build_http::<String>();
        Browser {
            client,
            base: base.to_owned(),
            cookies: HashMap::new(),
            address,
            t0,
            records: Vec::new(),
        }
    }

    /// Sends a request with this browser's cookies and records it under `kind`.
    async fn send(
        &mut self,
        kind: Option<Kind>,
        method: Method,
        path: &str,
        form: Option<String>,
        csrf: Option<&str>,
    ) -> Answer {
        let mut req = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header("x-forwarded-for", &self.address);
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            req = req.header(header::COOKIE, jar.join("; "));
        }
        if let Some(token) = csrf {
            req = req.header("x-csrf-token", token).header("hx-request", "true");
        }
        if form.is_some() {
            req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        }
        let req = req.body(form.unwrap_or_default()).expect("a valid request");
        let started = Instant::now();
        let answer = match self.client.request(req).await {
            Ok(res) => {
                for c in res.headers().get_all(header::SET_COOKIE) {
                    let pair = c.to_str().unwrap_or("").split(';').next().unwrap_or("");
                    if let Some((name, value)) = pair.split_once('=') {
                        if value.is_empty() {
                            self.cookies.remove(name);
                        } else {
                            self.cookies.insert(name.to_owned(), value.to_owned());
                        }
                    }
                }
                let status = res.status().as_u16();
                match res.into_body().collect().await {
                    Ok(b) => Answer { status, body: String::from_utf8_lossy(&b.to_bytes()).into() },
                    Err(e) => {
                        eprintln!("soak: {path}: the answer's body broke off: {e}");
                        Answer { status: 0, body: String::new() }
                    }
                }
            }
            Err(e) => {
                eprintln!("soak: {path}: no answer: {e:?}");
                Answer { status: 0, body: String::new() }
            }
        };
        if let Some(kind) = kind {
            self.records.push(Record {
                kind,
                status: answer.status,
                start_us: (started - self.t0).as_micros() as u64,
                micros: started.elapsed().as_micros().min(u32::MAX as u128) as u32,
            });
        }
        answer
    }
}

/// The value of the first `name="csrf_token" value="…"` in a page.
fn csrf_of(page: &str) -> Option<String> {
    const FIELD: &str = "name=\"csrf_token\" value=\"";
    let at = page.find(FIELD)? + FIELD.len();
    Some(page[at..].split('"').next()?.to_owned())
}

/// The token of the first invitation link in a page.
fn invitation_token(page: &str) -> Option<String> {
    let at = page.find("/invitations/")? + 13;
    let token: String = page[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!token.is_empty()).then_some(token)
}

fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970").as_secs()
}

/// Shared by the sign-in clients: the authenticator step each account last used, since a code
/// is accepted once.
struct Accounts {
    password: String,
    secret: String,
    used_steps: Mutex<HashMap<String, u64>>,
}

impl Accounts {
    /// Claims the current step's code for `email`, if no one used it yet.
    fn claim_code(&self, email: &str) -> Option<String> {
        let now = unix_now();
        let step = now / 30;
        let mut used = self.used_steps.lock().expect("not poisoned");
        if used.get(email) == Some(&step) {
            return None;
        }
        used.insert(email.to_owned(), step);
        partnerdesk::auth::second_step::code_at(&self.secret, now)
    }
}

/// Signs `b` in as `email` through both steps; the session's CSRF token when it worked, else
/// where it stopped.
async fn sign_in(
    b: &mut Browser,
    accounts: &Accounts,
    email: &str,
    record: bool,
) -> Result<String, String> {
    let k = |kind| record.then_some(kind);
    let page = b.send(k(Kind::SignInPage), Method::GET, "/signin", None, None).await;
    let token = csrf_of(&page.body).ok_or(format!("sign-in page: {}", page.status))?;
    let form = serde_urlencoded::to_string([
        ("email", email),
        ("password", &accounts.password),
        ("csrf_token", &token),
    ])
    .map_err(|e| e.to_string())?;
    let step = b.send(k(Kind::SignInPassword), Method::POST, "/signin", Some(form), None).await;
    if step.status != 303 {
        return Err(format!("password step: {}", step.status));
    }
    let code = loop {
        match accounts.claim_code(email) {
            Some(code) => break code,
            // Only at start-up: each user signs in once, and no one else uses its codes.
            None if !record => tokio::time::sleep(Duration::from_secs(1)).await,
            None => return Err("this step's code is used".into()),
        }
    };
    let page = b.send(None, Method::GET, "/signin/code", None, None).await;
    let token = csrf_of(&page.body).ok_or(format!("code page: {}", page.status))?;
    let form = serde_urlencoded::to_string([("code", code.as_str()), ("csrf_token", &token)])
        .map_err(|e| e.to_string())?;
    let done = b.send(k(Kind::SignInCode), Method::POST, "/signin/code", Some(form), None).await;
    if done.status != 303 {
        return Err(format!("code step: {} {}", done.status, done.body));
    }
    let page = b.send(None, Method::GET, "/customers", None, None).await;
    csrf_of(&page.body).ok_or(format!("customers page: {}", page.status))
}

/// xorshift64*: enough to pick pages.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

const PREFIXES: &[&str] =
    &["summit", "alpine", "cedar", "harbor", "nordic", "pine", "royal", "zen"];

/// A signed-in user reading pages and flipping the status of its own subscriptions (each
/// subscription belongs to one browser, so no change asks for the status already set).
async fn browse(
    mut b: Browser,
    csrf: String,
    subs: Vec<(String, String, bool)>,
    end: Instant,
) -> Vec<Record> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ b.address.len() as u64 ^ subs.len() as u64);
    let mut subs = subs;
    let mut i = 0;
    while Instant::now() < end {
        let n = rng.below(subs.len());
        let cust = subs[n].0.clone();
        match rng.below(100) {
            0..30 => b.send(Some(Kind::List), Method::GET, "/customers", None, None).await,
            30..45 => {
                let q = PREFIXES[rng.below(PREFIXES.len())];
                b.send(Some(Kind::Search), Method::GET, &format!("/customers?q={q}"), None, None)
                    .await
            }
            45..65 => {
                let path = format!("/customers/{cust}/account");
                b.send(Some(Kind::Account), Method::GET, &path, None, None).await
            }
            65..85 => {
                let path = format!("/customers/{cust}/subscriptions");
                b.send(Some(Kind::Subscriptions), Method::GET, &path, None, None).await
            }
            _ => {
                i = (i + 1) % subs.len();
                let (cust, sub, active) = &mut subs[i];
                let to = if *active { "suspended" } else { "active" };
                let path = format!("/customers/{cust}/subscriptions/{sub}/status");
                let form = Some(format!("status={to}"));
                let a = b.send(Some(Kind::Status), Method::POST, &path, form, Some(&csrf)).await;
                if a.status == 200 {
                    *active = !*active;
                }
                a
            }
        };
    }
    b.records
}

/// A partner user removing its customers one after another and bringing each back: an
/// invitation for that former customer, opened and accepted by the customer's admin (another
/// browser, from its own address, without a session).
async fn churn(
    mut b: Browser,
    csrf: String,
    customers: Vec<String>,
    end: Instant,
    base: String,
) -> Vec<Record> {
    let mut removed = vec![false; customers.len()];
    let mut accepted = 0u32;
    let mut admin_records = Vec::new();
    let mut i = 0;
    while Instant::now() < end && !customers.is_empty() {
        let cust = &customers[i];
        if !removed[i] {
            let path = format!("/customers/{cust}/remove-relationship");
            let a = b.send(Some(Kind::Removal), Method::POST, &path, None, Some(&csrf)).await;
            removed[i] = a.status == 303;
            if !removed[i] {
                i = (i + 1) % customers.len();
                continue;
            }
        }
        let form = Some(format!("customer={cust}&recipient_email=admin%40former.example"));
        let a = b
            .send(Some(Kind::Invite), Method::POST, "/relationship-requests", form, Some(&csrf))
            .await;
        if let Some(token) = invitation_token(&a.body).filter(|_| a.status == 200) {
            accepted += 1;
            let (hi, lo) = (b.address.split('.').nth(3).unwrap_or("0"), accepted % 65536);
            let address = format!(
                "10.{}.{}.{}",
                100 + hi.parse::<u32>().unwrap_or(0) % 100,
                lo >> 8,
                lo % 256
            );
            let mut admin = Browser::new(&base, address, b.t0);
            let path = format!("/invitations/{token}");
            admin.send(Some(Kind::InvitationPage), Method::GET, &path, None, None).await;
            let a = admin
                .send(Some(Kind::Reactivation), Method::POST, &path, Some(String::new()), None)
                .await;
            removed[i] = a.status != 200;
            admin_records.extend(admin.records);
        }
        i = (i + 1) % customers.len();
    }
    b.records.extend(admin_records);
    b.records
}

/// Someone signing in, again and again, each time from a new address (as people on their own
/// machines do), so that what limits them is their account's allowance.
async fn sign_ins(
    base: String,
    t0: Instant,
    n: usize,
    accounts: Arc<Accounts>,
    emails: Vec<String>,
    end: Instant,
) -> Vec<Record> {
    let mut records = Vec::new();
    let mut k = n;
    while Instant::now() < end && !emails.is_empty() {
        k += 1;
        let address = format!("10.{}.{}.{}", 200 + n % 50, (k >> 8) % 256, k % 256);
        let mut b = Browser::new(&base, address, t0);
        let _ = sign_in(&mut b, &accounts, &emails[k % emails.len()], true).await;
        records.extend(b.records);
    }
    records
}

fn read_lines(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// The p-th percentile of `micros` (sorted in place), in milliseconds.
fn percentile(micros: &mut [u32], p: f64) -> f64 {
    if micros.is_empty() {
        return f64::NAN;
    }
    micros.sort_unstable();
    let at = ((micros.len() as f64 * p).ceil() as usize).clamp(1, micros.len()) - 1;
    micros[at] as f64 / 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let [work, base, seconds, conns] = &args[..] else {
        eprintln!("usage: soak WORK BASE_URL SECONDS CONNS (see benches/soak.sh)");
        std::process::exit(2);
    };
    let work = std::path::Path::new(work);
    let seconds: u64 = seconds.parse().expect("SECONDS");
    let conns: usize = conns.parse().expect("CONNS");
    let restart_cmd = std::env::var("RESTART_CMD").ok().filter(|c| !c.is_empty());
    let grace: u64 = std::env::var("RESTART_GRACE").ok().and_then(|g| g.parse().ok()).unwrap_or(10);
    let accounts = Arc::new(Accounts {
        password: read_lines(&work.join("password")).remove(0),
        secret: read_lines(&work.join("totp-secret")).remove(0),
        used_steps: Mutex::default(),
    });
    let subs: Vec<(String, String, bool)> = read_lines(&work.join("browse.txt"))
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split('|').collect();
            (f[0].to_owned(), f[1].to_owned(), f[2] == "active")
        })
        .collect();
    let churn_customers = read_lines(&work.join("churn.txt"));
    let browse_users = read_lines(&work.join("users-browse.txt"));
    let churn_users = read_lines(&work.join("users-churn.txt"));
    let signin_users = read_lines(&work.join("users-signin.txt"));
    let n_signin = (conns / 16).max(1);
    let n_churn = (conns / 8).max(1).min(churn_users.len());
    let n_browse = conns - n_signin - n_churn;
    assert!(browse_users.len() >= n_browse, "one browsing user per connection");

    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    rt.block_on(async move {
        let t0 = Instant::now();
        // Everyone signs in first, one at a time (not measured).
        let mut browsers = Vec::new();
        for (n, email) in browse_users.iter().take(n_browse).chain(churn_users.iter().take(n_churn)).enumerate() {
            let mut b = Browser::new(base, format!("10.1.{}.{}", n / 250, n % 250 + 1), t0);
            let csrf = sign_in(&mut b, &accounts, email, false).await
                .unwrap_or_else(|e| panic!("{email} could not sign in: {e}"));
            browsers.push((b, csrf));
        }
        let start = Instant::now();
        let start_us = (start - t0).as_micros() as u64;
        let end = start + Duration::from_secs(seconds);
        eprintln!("soak: {n_browse} browsing, {n_churn} removing and bringing back, {n_signin} signing in, for {seconds} s");

        let restart = Arc::new(Mutex::new(None::<(u64, u64, bool)>));
        if let Some(cmd) = restart_cmd.clone() {
            let restart = restart.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(seconds / 2));
                let from = (Instant::now() - t0).as_micros() as u64;
                eprintln!("soak: restarting the database: {cmd}");
                let ok = std::process::Command::new("sh").arg("-c").arg(&cmd).status().is_ok_and(|s| s.success());
                let to = (Instant::now() - t0).as_micros() as u64;
                eprintln!("soak: restart returned after {:.1} s (success: {ok})", (to - from) as f64 / 1e6);
                *restart.lock().expect("not poisoned") = Some((from, to, ok));
            });
        }

        let mut tasks = Vec::new();
        let per_browser = subs.len() / n_browse.max(1);
        for (n, (b, csrf)) in browsers.into_iter().enumerate() {
            if n < n_browse {
                let mine = subs[n * per_browser..(n + 1) * per_browser].to_vec();
                tasks.push(tokio::spawn(browse(b, csrf, mine, end)));
            } else {
                let c = n - n_browse;
                let mine: Vec<String> = churn_customers.iter().skip(c).step_by(n_churn).cloned().collect();
                tasks.push(tokio::spawn(churn(b, csrf, mine, end, base.clone())));
            }
        }
        for n in 0..n_signin {
            let emails: Vec<String> = signin_users.iter().skip(n).step_by(n_signin).cloned().collect();
            tasks.push(tokio::spawn(sign_ins(base.clone(), t0, n, accounts.clone(), emails, end)));
        }
        let mut records = Vec::new();
        for t in tasks {
            records.extend(t.await.expect("a load task"));
        }
        let restart = *restart.lock().expect("not poisoned");
        report(&records, start_us, seconds, restart, grace);
    });
}

/// Prints the figure table: per kind, what was served, the answers by class, and the p99
/// before and after the restart (or, without one, in the first and second half).
fn report(
    records: &[Record],
    start_us: u64,
    seconds: u64,
    restart: Option<(u64, u64, bool)>,
    grace: u64,
) {
    let mid = start_us + seconds * 500_000;
    // Without a restart, the window is empty and "before/after" are the two halves.
    let (w_from, w_to) = match restart {
        Some((from, to, _)) => (from, to + grace * 1_000_000),
        None => (mid, mid),
    };
    let end_us = |r: &Record| r.start_us + r.micros as u64;
    let in_window = |r: &Record| end_us(r) >= w_from && r.start_us < w_to;
    let before = |r: &Record| end_us(r) < w_from;
    let after = |r: &Record| r.start_us >= w_to;
    let (b_label, a_label) =
        if restart.is_some() { ("before", "after") } else { ("1st half", "2nd half") };
    println!(
        "\n{:<36} {:>8} {:>8} {:>6} {:>6} {:>6} {:>6} {:>8} {:>9} {:>9}",
        "kind",
        "served",
        "2xx/3xx",
        "429",
        "4xx",
        "5xx",
        "no ans",
        "p50 ms",
        format!("p99 {b_label}"),
        format!("p99 {a_label}")
    );
    let mut all_before = Vec::new();
    let mut all_after = Vec::new();
    let line = |label: &str, rs: &[&Record], pb: &mut Vec<u32>, pa: &mut Vec<u32>| {
        let count = |f: &dyn Fn(u16) -> bool| rs.iter().filter(|r| f(r.status)).count();
        let mut all: Vec<u32> = rs.iter().map(|r| r.micros).collect();
        let mut b: Vec<u32> = rs.iter().filter(|r| before(r)).map(|r| r.micros).collect();
        let mut a: Vec<u32> = rs.iter().filter(|r| after(r)).map(|r| r.micros).collect();
        pb.extend(&b);
        pa.extend(&a);
        println!(
            "{:<36} {:>8} {:>8} {:>6} {:>6} {:>6} {:>6} {:>8.1} {:>9.1} {:>9.1}",
            label,
            rs.len(),
            count(&|s| (200..400).contains(&s)),
            count(&|s| s == 429),
            count(&|s| (400..500).contains(&s) && s != 429),
            count(&|s| s >= 500),
            count(&|s| s == 0),
            percentile(&mut all, 0.5),
            percentile(&mut b, 0.99),
            percentile(&mut a, 0.99),
        );
    };
    for kind in KINDS {
        let rs: Vec<&Record> = records.iter().filter(|r| r.kind == kind).collect();
        line(kind.label(), &rs, &mut all_before, &mut all_after);
    }
    let rs: Vec<&Record> = records.iter().collect();
    let (mut tb, mut ta) = (Vec::new(), Vec::new());
    line("all", &rs, &mut tb, &mut ta);

    let bad = |r: &&Record| r.status >= 500 || r.status == 0;
    let outside = records.iter().filter(|r| !in_window(r)).filter(bad).count();
    let inside: Vec<&Record> = records.iter().filter(|r| in_window(r)).collect();
    println!("\nrequests per second: {:.0}", records.len() as f64 / seconds as f64);
    println!("5xx or no answer outside the restart window: {outside}");
    if let Some((from, to, ok)) = restart {
        let secs = |us: u64| (us as f64 - start_us as f64) / 1e6;
        println!(
            "restart window: {:.1} s to {:.1} s (restart command {:.1} s, {}, then {grace} s): {} requests, {} 5xx, {} without answer",
            secs(from),
            secs(w_to),
            (to - from) as f64 / 1e6,
            if ok { "succeeded" } else { "FAILED" },
            inside.len(),
            inside.iter().filter(|r| r.status >= 500).count(),
            inside.iter().filter(|r| r.status == 0).count(),
        );
        let last = inside.iter().filter(|r| bad(r)).map(|r| end_us(r)).max();
        if let Some(last) = last {
            println!(
                "last failed answer {:.1} s after the restart began",
                (last as f64 - from as f64) / 1e6
            );
        }
        // Each second around the restart: answers, failures.
        println!("around the restart, per second (t: answered, 5xx, no answer):");
        let first = (from.saturating_sub(3_000_000)).max(start_us);
        let mut t = first;
        let mut row = Vec::new();
        while t < w_to + 3_000_000 {
            let rs: Vec<&Record> =
                records.iter().filter(|r| end_us(r) >= t && end_us(r) < t + 1_000_000).collect();
            row.push(format!(
                "{:.0}s: {} {} {}",
                secs(t),
                rs.len(),
                rs.iter().filter(|r| r.status >= 500).count(),
                rs.iter().filter(|r| r.status == 0).count()
            ));
            t += 1_000_000;
        }
        for chunk in row.chunks(6) {
            println!("  {}", chunk.join(" | "));
        }
    }
    println!(
        "p99 of all requests: {:.1} ms {b_label}, {:.1} ms {a_label}",
        percentile(&mut all_before, 0.99),
        percentile(&mut all_after, 0.99)
    );
}
