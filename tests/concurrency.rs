//! Concurrency: the removal of a reseller relationship racing requests that make something
//! active again, and what a request gets when every database connection is taken.

mod common;

use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::http::header;
use actix_web::{test, web};
use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::config::Config;
use partnerdesk::db::AnyConnection;
use partnerdesk::db::schema::{relationships, subscriptions};
use partnerdesk::error::AppError;
use partnerdesk::web::state::AppState;

const ROUNDS: usize = 100;
/// Removal POSTs per round; as many requests again try to make something active.
const REMOVALS_PER_ROUND: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Removal,
    Reactivation,
    Purchase,
}

impl Kind {
    /// The audit record's operation for this kind of request.
    fn operation(self) -> &'static str {
        match self {
            Kind::Removal => "remove_partner_customer_relationship",
            Kind::Reactivation => "update_subscription",
            Kind::Purchase => "create_subscription",
        }
    }
}

/// What the database says about one customer after a round.
#[derive(Debug)]
struct Outcome {
    relationship: String,
    active_subscriptions: i64,
    subscriptions: i64,
}

fn outcome(c: &mut AnyConnection, partner_id: &str, customer_id: &str) -> Outcome {
    let (relationship, kept): (String, i64) = relationships::table
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::customer_id.eq(customer_id))
        .select((relationships::relationship_to_partner, relationships::active_subscriptions))
        .first(c)
        .unwrap();
    let subs = || {
        subscriptions::table
            .filter(subscriptions::partner_id.eq(partner_id))
            .filter(subscriptions::customer_id.eq(customer_id))
    };
    let active_subscriptions: i64 =
        subs().filter(subscriptions::status.eq("active")).count().get_result(c).unwrap();
    assert_eq!(kept, active_subscriptions, "the relationship's count of active subscriptions");
    let subscriptions: i64 = subs().count().get_result(c).unwrap();
    Outcome { relationship, active_subscriptions, subscriptions }
}

#[actix_web::test]
async fn removal_races_reactivation_and_purchase() {
    let started = Instant::now();
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let (mut removal_won, mut activation_won) = (0usize, 0usize);
    let mut racing = Duration::ZERO;

    for round in 0..ROUNDS {
        let (customer, sub) = {
            let mut c = env.conn();
            let customer = add_customer(&mut c, &w.alpha, &format!("Race Round {round}"), true);
            let sub = add_subscription(&mut c, &w.alpha, &customer, E1, "suspended", None);
            (customer, sub)
        };
        let remove_path = format!("/customers/{}/remove-relationship", customer.id);
        let status_path = format!("/customers/{}/subscriptions/{sub}/status", customer.id);
        let buy_path = format!("/customers/{}/subscriptions", customer.id);

        // Interleaved: removal, reactivation, removal, purchase, removal, reactivation, …
        let kinds: Vec<Kind> = (0..2 * REMOVALS_PER_ROUND)
            .map(|i| match (i % 2, (i / 2) % 2) {
                (0, _) => Kind::Removal,
                (_, 0) => Kind::Reactivation,
                _ => Kind::Purchase,
            })
            .collect();
        let requests = kinds.iter().map(|kind| {
            let mut b = admin.clone();
            let (app, kind) = (&app, *kind);
            let (remove_path, status_path, buy_path) = (&remove_path, &status_path, &buy_path);
            async move {
                let r = match kind {
                    Kind::Removal => post(app, &mut b, remove_path, &[]).await,
                    Kind::Reactivation => {
                        post(app, &mut b, status_path, &[("status", "active")]).await
                    }
                    Kind::Purchase => {
                        let form = [("offer_id", "m365-bp"), ("quantity", "1"), ("term", "P1M")];
                        post(app, &mut b, buy_path, &form).await
                    }
                };
                (kind, r)
            }
        });
        let race_started = Instant::now();
        let answers = futures_util::future::join_all(requests).await;
        racing += race_started.elapsed();

        let count = |k: Kind, status: u16| {
            answers.iter().filter(|(kind, r)| *kind == k && r.status.as_u16() == status).count()
        };
        let (removals_ok, reactivations_ok, purchases_ok) =
            (count(Kind::Removal, 303), count(Kind::Reactivation, 303), count(Kind::Purchase, 303));
        for (kind, r) in &answers {
            let what = format!("round {round}: {kind:?} answered {}", r.status);
            assert!(r.status.as_u16() < 500, "{what}; body:\n{}", r.body);
            assert!(!r.body.contains("database is locked"), "{what}; body:\n{}", r.body);
            assert!(
                matches!(r.status.as_u16(), 303 | 409),
                "{what} (expected 303 or 409); body:\n{}",
                r.body
            );
            if r.status.as_u16() == 409 {
                // Refused with a sentence a person can act on.
                let said = [
                    "no reseller relationship",
                    "still active",
                    "already active",
                    "Purchases for this customer are blocked",
                ];
                assert!(
                    said.iter().any(|s| r.body.contains(s)),
                    "{what} without a reason; body:\n{}",
                    r.body
                );
            }
        }

        let activations_ok = reactivations_ok + purchases_ok;
        assert!(removals_ok <= 1, "round {round}: {removals_ok} removals succeeded");
        assert!(reactivations_ok <= 1, "round {round}: {reactivations_ok} reactivations succeeded");
        assert!(
            (removals_ok == 1 && activations_ok == 0) || (removals_ok == 0 && activations_ok >= 1),
            "round {round}: not exactly one winner: {removals_ok} removals, \
             {reactivations_ok} reactivations, {purchases_ok} purchases succeeded"
        );

        let db = outcome(&mut env.conn(), &w.alpha.id, &customer.id);
        assert!(
            !(db.relationship == "none" && db.active_subscriptions > 0),
            "round {round}: relationship none with {} active subscriptions",
            db.active_subscriptions
        );
        let expected_relationship = if removals_ok == 1 { "none" } else { "reseller" };
        assert_eq!(db.relationship, expected_relationship, "round {round}");
        assert_eq!(
            db.active_subscriptions as usize,
            reactivations_ok + purchases_ok,
            "round {round}: active subscriptions vs successful requests"
        );
        assert_eq!(db.subscriptions as usize, 1 + purchases_ok, "round {round}: purchases");
        // Every success and every refusal is in the audit log, none twice, none lost.
        let mut c = env.conn();
        for kind in [Kind::Removal, Kind::Reactivation, Kind::Purchase] {
            let audits = Audits::of(kind.operation()).customer(&customer.id);
            assert_eq!(
                audits.clone().succeeded().count(&mut c) as usize,
                count(kind, 303),
                "round {round}: succeeded {} audit records vs {kind:?} requests answered 303",
                kind.operation()
            );
            assert_eq!(
                audits.failed().count(&mut c) as usize,
                count(kind, 409),
                "round {round}: failed {} audit records vs {kind:?} requests answered 409",
                kind.operation()
            );
        }
        drop(c);

        if removals_ok == 1 {
            removal_won += 1;
        } else {
            activation_won += 1;
        }
        // Take the round's messages out of the session, so it does not grow round after round.
        get(&app, &mut admin, "/customers").await.assert_status(200);
    }

    // The counts each relationship keeps (the Customers list's readiness) agree with a recount.
    let report = partnerdesk::db::maintenance::check(&mut env.conn()).unwrap();
    assert!(report.problems.is_empty(), "after the races: {:?}", report.problems);

    eprintln!(
        "removal_races_reactivation_and_purchase ({}): {ROUNDS} rounds of {} requests: \
         removal won {removal_won}, reactivation/purchase won {activation_won}; \
         {:.1} s in all, {:.1} s of it racing",
        env.state.config.database.backend_name(),
        2 * REMOVALS_PER_ROUND,
        started.elapsed().as_secs_f64(),
        racing.as_secs_f64()
    );
}

#[actix_web::test]
async fn pool_exhaustion_answers_503_with_retry_after() {
    let env = Env::new();
    let mut config = Config::for_tests(env.state.config.database.clone());
    config.pool.max_size = 1;
    config.pool.connection_timeout = Duration::from_millis(500);
    let pool = partnerdesk::db::connect(&config.database, &config.pool).expect("open pool");
    let state =
        web::Data::new(AppState::new(pool.clone(), config, actix_web::cookie::Key::generate()));
    let app = test::init_service(partnerdesk::build_app(state)).await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;

    let held = pool.get().expect("the pool's only connection");
    let started = Instant::now();
    let busy = get_as_served(&app, &b, "/customers", false).await;
    let waited = started.elapsed();
    busy.assert_status(503).assert_contains("The service is busy. Please try again in a moment.");
    let retry_after = busy.header(header::RETRY_AFTER.as_str()).expect("a Retry-After header");
    assert!(
        retry_after.parse::<u32>().is_ok_and(|s| s > 0),
        "Retry-After should be a number of seconds: {retry_after:?}"
    );
    assert!(waited < Duration::from_secs(5), "the 503 took {waited:?}");
    assert_security_headers(&busy, "503 while the pool is exhausted");
    // An htmx request gets the sentence as a toast and leaves the page as it is.
    let busy = get_as_served(&app, &b, "/customers?q=Con", true).await;
    busy.assert_status(503).assert_contains("The service is busy. Please try again in a moment.");
    assert_eq!(busy.header("HX-Reswap"), Some("none"), "{:?}", busy.headers);
    assert!(busy.header(header::RETRY_AFTER.as_str()).is_some(), "{:?}", busy.headers);
    assert_security_headers(&busy, "htmx 503 while the pool is exhausted");

    drop(held);
    get(&app, &mut b, "/customers")
        .await
        .assert_status(200)
        .assert_contains("Contoso Ltd")
        .assert_lacks("The service is busy");
}

/// A request that waits for a database connection and is dropped meanwhile (its client went
/// away) never runs its queries: under overload, the connections go to requests someone still
/// waits for.
#[actix_web::test]
async fn work_abandoned_while_waiting_for_a_connection_never_runs() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, mpsc};

    let env = Env::new();
    let mut config = Config::for_tests(env.state.config.database.clone());
    config.pool.max_size = 1;
    let pool = partnerdesk::db::connect(&config.database, &config.pool).expect("open pool");
    let state = web::Data::new(AppState::new(pool, config, actix_web::cookie::Key::generate()));

    // The only connection is busy until released.
    let (started_tx, started_rx) = mpsc::channel::<()>();
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let s = state.clone();
    let holder = actix_web::rt::spawn(async move {
        s.db(move |_| {
            started_tx.send(()).unwrap();
            release_rx.recv().unwrap();
            Ok(())
        })
        .await
    });
    while started_rx.try_recv().is_err() {
        actix_web::rt::time::sleep(Duration::from_millis(5)).await;
    }

    let ran = Arc::new(AtomicBool::new(false));
    let flag = ran.clone();
    let s = state.clone();
    let abandoned = actix_web::rt::spawn(async move {
        s.db(move |_| {
            flag.store(true, Ordering::SeqCst);
            Ok(())
        })
        .await
    });
    actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    abandoned.abort();
    assert!(abandoned.await.is_err_and(|e| e.is_cancelled()), "the request was still waiting");

    release_tx.send(()).unwrap();
    holder.await.unwrap().expect("the first request's work");
    state.db(|_| Ok(())).await.expect("the next request gets the connection");
    actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    assert!(!ran.load(Ordering::SeqCst), "the abandoned request's queries ran");
}

/// Work that waited for a blocking thread (the server gives each worker only its share of
/// connections' worth of threads) longer than the pool's timeout answers "busy", as if it had
/// waited that long for a connection, rather than running long after its client gave up. (A runtime of its own: one blocking thread.)
#[::core::prelude::v1::test]
fn work_queued_past_the_timeout_answers_busy() {
    let runtime = actix_web::rt::Runtime::from(
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .max_blocking_threads(1)
            .build()
            .expect("a runtime with one blocking thread"),
    );
    runtime.block_on(async {
        let env = Env::new();
        let mut config = Config::for_tests(env.state.config.database.clone());
        config.pool.max_size = 2;
        config.pool.connection_timeout = Duration::from_millis(300);
        let pool = partnerdesk::db::connect(&config.database, &config.pool).expect("open pool");
        let state = web::Data::new(AppState::new(pool, config, actix_web::cookie::Key::generate()));

        // The only blocking thread is busy for longer than the timeout; a connection is free.
        let s = state.clone();
        let slow = actix_web::rt::spawn(async move {
            s.db(|_| {
                std::thread::sleep(Duration::from_millis(600));
                Ok(())
            })
            .await
        });
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        let queued = state.db(|_| Ok("ran")).await;
        assert!(
            matches!(queued, Err(AppError::Unavailable)),
            "work queued for 550 ms with a 300 ms timeout: {:?}",
            queued.map_err(|e| e.to_string())
        );
        slow.await.unwrap().expect("the slow work itself finishes");
        assert_eq!(state.db(|_| Ok("ran")).await.ok(), Some("ran"), "then work runs again");
    });
}

/// A SQLite writer that finds another connection's write lock taken waits for it and then
/// writes, rather than failing with "database is locked" (every pool connection waits up to
/// `db::SQLITE_LOCK_WAIT`, trying again every fraction of a millisecond). SQLite whatever the
/// pass's backend: the wait is SQLite's.
#[::core::prelude::v1::test]
fn a_sqlite_writer_waits_for_the_lock_then_writes() {
    use diesel::connection::SimpleConnection;

    let dir = tempfile::tempdir().unwrap();
    let url = partnerdesk::db::DbUrl::Sqlite(dir.path().join("t.db").display().to_string());
    let pool = partnerdesk::db::connect(&url, &Default::default()).expect("open pool");
    let mut holder = pool.get().unwrap();
    holder
        .batch_execute("CREATE TABLE t (n INTEGER); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);")
        .unwrap();
    let held = Duration::from_millis(300);
    let writer = {
        let pool = pool.clone();
        std::thread::spawn(move || {
            let mut c = pool.get().unwrap();
            let started = Instant::now();
            let wrote = c.batch_execute("INSERT INTO t VALUES (2)");
            (wrote.map_err(|e| e.to_string()), started.elapsed())
        })
    };
    std::thread::sleep(held);
    holder.batch_execute("COMMIT").unwrap();
    let (wrote, waited) = writer.join().unwrap();
    assert_eq!(wrote, Ok(()), "the second writer failed instead of waiting for the lock");
    assert!(
        waited >= held - Duration::from_millis(50),
        "it wrote while the lock was held ({waited:?})"
    );
    let n: i64 =
        diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>("(SELECT COUNT(*) FROM t)"))
            .get_result::<i64>(&mut **holder)
            .unwrap();
    assert_eq!(n, 2, "both rows are there");
}

/// A GET whose answer is what a real server would send: `send` panics when the service returns
/// an error instead of a response, whereas the HTTP server turns that error into its response.
async fn get_as_served<S, B>(app: &S, browser: &Browser, path: &str, htmx: bool) -> Resp
where
    S: common::TestApp<B>,
    B: MessageBody,
{
    let mut req = test::TestRequest::get().uri(path);
    if let Some(c) = &browser.cookie {
        req = req.insert_header((header::COOKIE, c.clone()));
    }
    if htmx {
        req = req.insert_header(("HX-Request", "true"));
    }
    match test::try_call_service(app, req.to_request()).await {
        Ok(res) => {
            let (status, headers) = (res.status(), res.headers().clone());
            let body = String::from_utf8_lossy(&test::read_body(res).await).to_string();
            Resp { status, headers, body }
        }
        Err(e) => {
            eprintln!("the service answered {path} with an error, not a response: {e:?}");
            let res = e.error_response();
            let (status, headers) = (res.status(), res.headers().clone());
            let body = actix_web::body::to_bytes(res.into_body()).await.unwrap_or_default();
            Resp { status, headers, body: String::from_utf8_lossy(&body).to_string() }
        }
    }
}

/// Requests in flight while an administrator ends a user's sessions (a password reset) never
/// bring a session back: after the reset, the user's old cookie signs nobody in. Each in-flight
/// request changes the session (a flash message), so the store has something to write.
#[actix_web::test]
async fn sessions_ended_while_requests_are_in_flight_stay_ended() {
    use partnerdesk::db::schema::sessions;
    let (env, w, app) = Env::with_app().await;
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    // Each user signs in three times: the codes of three 30-second steps.
    for (round, target) in [ADMIN_AGENT, SALES_AGENT].into_iter().cycle().take(6).enumerate() {
        let target_id = env.user_id(target);
        let user = sign_in(&app, target).await;
        let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base);
        // Started one after another across the reset's time (it hashes a password first), so
        // that some load the session before the sessions end and save it after.
        let in_flight = (0..40u64).map(|i| {
            let mut b = user.clone();
            let status = if i % 2 == 0 { "suspended" } else { "active" };
            let path = path.clone();
            let app = &app;
            async move {
                tokio::time::sleep(Duration::from_millis(i * 3)).await;
                post(app, &mut b, &path, &[("status", status)]).await.status.as_u16()
            }
        });
        let reset_path = format!("/users/{target_id}/reset-password");
        let reset = post(&app, &mut admin, &reset_path, &[]);
        let (answers, reset) = tokio::join!(futures_util::future::join_all(in_flight), reset);
        reset.assert_status(200);
        assert!(answers.iter().all(|s| *s < 500), "round {round}: {answers:?}");
        let live: i64 = sessions::table
            .filter(sessions::user_id.eq(&target_id))
            .count()
            .get_result(&mut *env.conn())
            .unwrap();
        assert_eq!(live, 0, "round {round}: an ended session of {target} came back");
        let mut old = user.clone();
        let r = get(&app, &mut old, "/password").await;
        assert!(
            r.location().is_some_and(|l| l.starts_with("/signin")),
            "round {round}: the old cookie still works ({})",
            r.status
        );
        // Back to the world's password for the next round.
        let hash = partnerdesk::auth::password::hash_now(PASSWORD).unwrap();
        partnerdesk::models::user::set_password_hash(&mut env.conn(), &target_id, &hash).unwrap();
    }
}

/// A transaction that reads before it writes, while another connection holds SQLite's write
/// lock and then commits a change: it waits for the lock and goes through, rather than failing
/// with "database is locked" because what it read is no longer the latest (an invitation for a
/// former customer reads the relationship first). SQLite whatever the pass's backend.
#[actix_web::test]
async fn a_write_that_reads_first_waits_for_sqlites_lock_and_goes_through() {
    use diesel::connection::SimpleConnection;

    let env = Env::sqlite();
    let w = env.world.clone();
    let app = env.app().await;
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    let removal = format!("/customers/{}/remove-relationship", w.ready.id);
    post(&app, &mut admin, &removal, &[]).await.assert_status(303);
    get(&app, &mut admin, "/relationship-requests").await.assert_status(200);

    let mut holder = env.conn();
    holder.batch_execute("BEGIN IMMEDIATE; UPDATE partners SET name = name;").unwrap();
    let form = [
        ("customer", w.ready.id.as_str()),
        ("delegated_admin", "on"),
        ("recipient_email", "admin@newco.example"),
    ];
    let invite = post(&app, &mut admin, "/relationship-requests", &form);
    let commit = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        holder.batch_execute("COMMIT").unwrap();
    };
    let (answer, ()) = tokio::join!(invite, commit);
    answer.assert_status(200).assert_contains("/invitations/");
}
