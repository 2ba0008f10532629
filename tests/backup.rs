//! `partnerdesk backup`, `restore` and `check`, run as the operator runs them: the binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use common::*;
use partnerdesk::config::Config;
use partnerdesk::db::{self, DbUrl, maintenance};
use partnerdesk::web::state::AppState;

fn partnerdesk(args: &[&str], database_url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run partnerdesk")
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn sqlite_path(env: &Env) -> String {
    match &env.state.config.database {
        DbUrl::Sqlite(p) => p.clone(),
        DbUrl::Postgres(_) => unreachable!("an SQLite test"),
    }
}

fn url_of(env: &Env) -> String {
    match &env.state.config.database {
        DbUrl::Sqlite(p) => format!("sqlite://{p}"),
        DbUrl::Postgres(u) => u.clone(),
    }
}

#[derive(QueryableByName)]
struct N {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(c: &mut SqliteConnection, sql: &str) -> i64 {
    diesel::sql_query(sql).get_result::<N>(c).unwrap_or_else(|e| panic!("{sql}: {e}")).n
}

/// The tables whose rows the writers change: their ids are compared, the others' whole rows.
const WRITTEN: [&str; 4] = ["subscriptions", "relationships", "audit_log", "sessions"];

#[actix_web::test]
async fn a_backup_taken_while_writers_run_restores_a_whole_consistent_world() {
    let env = Env::sqlite();
    let w = env.world.clone();
    let app = env.app().await;
    let mut b = sign_in(&app, "admin@alpha.test").await;
    let live = sqlite_path(&env);
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup.db");
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_nce);

    // The writer flips one subscription's status, each flip one transaction with its record,
    // while the backup runs on another thread.
    let url = url_of(&env);
    let to = backup.to_string_lossy().to_string();
    let backing_up = std::thread::spawn(move || partnerdesk(&["backup", "--to", &to], &url));
    let mut flips = 0;
    while !backing_up.is_finished() || flips < 10 {
        let status = if flips % 2 == 0 { "suspended" } else { "active" };
        post(&app, &mut b, &path, &[("status", status), ("confirmed", "yes")])
            .await
            .assert_status(303);
        flips += 1;
    }
    let out = backing_up.join().unwrap();
    assert!(out.status.success(), "backup failed: {}", text(&out));
    assert!(text(&out).contains("backup written"), "{}", text(&out));
    for _ in 0..4 {
        let status = if flips % 2 == 0 { "suspended" } else { "active" };
        post(&app, &mut b, &path, &[("status", status), ("confirmed", "yes")])
            .await
            .assert_status(303);
        flips += 1;
    }

    // Restored into a new file, as onto a new machine.
    let restored = dir.path().join("restored.db").to_string_lossy().to_string();
    let restored_url = format!("sqlite://{restored}");
    let out = partnerdesk(&["restore", "--from", &backup.to_string_lossy()], &restored_url);
    assert!(out.status.success(), "restore failed: {}", text(&out));
    let out = partnerdesk(&["check"], &restored_url);
    assert!(out.status.success(), "check of the restored file failed: {}", text(&out));

    let mut c = SqliteConnection::establish(&restored).unwrap();
    c.batch_execute(&format!(
        "ATTACH '{}' AS backup; ATTACH '{live}' AS live;",
        backup.to_string_lossy()
    ))
    .unwrap();
    let tables = maintenance::tables(&mut db::AnyConnection::Sqlite(
        SqliteConnection::establish(&restored).unwrap(),
    ))
    .unwrap();
    assert!(tables.len() >= 16, "tables: {tables:?}");
    for t in &tables {
        // The restored file holds exactly the backup's rows.
        for (a, b) in [("main", "backup"), ("backup", "main")] {
            let extra = count(
                &mut c,
                &format!(
                    "SELECT COUNT(*) AS n FROM (SELECT * FROM {a}.{t} EXCEPT SELECT * FROM {b}.{t})"
                ),
            );
            assert_eq!(extra, 0, "{t}: rows in {a} not in {b}");
        }
        // And the live world's, as of the backup: the same rows where nothing was written,
        // the same ids where the writers ran.
        if WRITTEN.contains(&t.as_str()) {
            let missing = count(
                &mut c,
                &format!(
                    "SELECT COUNT(*) AS n FROM main.{t} WHERE id NOT IN (SELECT id FROM live.{t})"
                ),
            );
            assert_eq!(missing, 0, "{t}: restored ids the live database does not have");
            if t != "audit_log" && t != "sessions" {
                let gone = count(
                    &mut c,
                    &format!(
                        "SELECT COUNT(*) AS n FROM live.{t} WHERE id NOT IN (SELECT id FROM main.{t})"
                    ),
                );
                assert_eq!(gone, 0, "{t}: live ids missing from the restored file");
            }
        } else {
            let differ = count(
                &mut c,
                &format!(
                    "SELECT COUNT(*) AS n FROM (SELECT * FROM live.{t} EXCEPT SELECT * FROM main.{t})"
                ),
            );
            assert_eq!(differ, 0, "{t}: live rows the restored file lacks");
        }
    }

    // The restored world is one moment of the live one: as many records of the flips as flips
    // (the status follows their number), some taken before the backup and some after.
    let pool = db::connect(&DbUrl::Sqlite(restored.clone()), &Default::default()).unwrap();
    let mut rc = conn(&pool);
    let recorded =
        Audits::of("update_subscription").succeeded().resource_like(&w.contoso_nce).count(&mut rc);
    assert!(recorded > 0 && recorded < flips, "{recorded} of {flips} flips in the backup");
    let expected = if recorded % 2 == 1 { "suspended" } else { "active" };
    assert_eq!(world::subscription_status(&mut rc, &w.contoso_nce), expected);
    assert_eq!(env.audit_count(Audits::of("update_subscription").succeeded()), flips);
    let kept_vs_real = count(
        &mut c,
        "SELECT COUNT(*) AS n FROM relationships r WHERE r.active_subscriptions <> \
         (SELECT COUNT(*) FROM subscriptions s WHERE s.partner_id = r.partner_id \
            AND s.customer_id = r.customer_id AND s.status = 'active')",
    );
    assert_eq!(kept_vs_real, 0, "kept counts differ from the real counts");
    drop(rc);

    // A session from before the backup still signs in against a server on the restored file.
    let config = Config::for_tests(DbUrl::Sqlite(restored.clone()));
    let state =
        actix_web::web::Data::new(AppState::new(pool, config, env.state.session_key.clone()));
    let restored_app = app_of(state).await;
    let page = get(&restored_app, &mut b, "/customers").await;
    page.assert_status(200).assert_contains(&w.contoso.company_name);
}

#[actix_web::test]
async fn restore_is_refused_while_a_server_holds_the_database_and_replaces_nothing() {
    let env = Env::sqlite();
    let live = sqlite_path(&env);
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("b.db").to_string_lossy().to_string();
    let out = partnerdesk(&["backup", "--to", &backup], &url_of(&env));
    assert!(out.status.success(), "{}", text(&out));
    let customers_before =
        |c: &mut SqliteConnection| count(c, "SELECT COUNT(*) AS n FROM customers");
    let mut c = SqliteConnection::establish(&live).unwrap();
    c.batch_execute("DELETE FROM partner_domains").unwrap();
    let before = customers_before(&mut c);

    let held = maintenance::hold_for_server(&env.state.config.database).unwrap();
    assert!(held.is_some());
    let out = partnerdesk(&["restore", "--from", &backup], &url_of(&env));
    assert!(!out.status.success());
    assert!(text(&out).contains("a running server holds"), "{}", text(&out));
    assert_eq!(count(&mut c, "SELECT COUNT(*) AS n FROM partner_domains"), 0);
    assert_eq!(customers_before(&mut c), before);
    assert!(!Path::new(&format!("{live}.before-restore")).exists());

    // A backup that is not a database is refused before anything is looked at.
    drop(held);
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just text that is long enough").unwrap();
    let out = partnerdesk(&["restore", "--from", &junk.to_string_lossy()], &url_of(&env));
    assert!(!out.status.success(), "{}", text(&out));
    assert_eq!(count(&mut c, "SELECT COUNT(*) AS n FROM partner_domains"), 0);

    // With the server gone, the restore goes through and keeps the replaced file.
    drop(c);
    let out = partnerdesk(&["restore", "--from", &backup], &url_of(&env));
    assert!(out.status.success(), "{}", text(&out));
    let mut c = SqliteConnection::establish(&live).unwrap();
    assert!(count(&mut c, "SELECT COUNT(*) AS n FROM partner_domains") > 0);
    assert!(Path::new(&format!("{live}.before-restore")).exists());
}

#[test]
fn backup_and_restore_on_postgres_point_to_pg_dump() {
    let url = "postgres://root@127.0.0.1:1/none";
    for args in [["backup", "--to", "x.dump"], ["restore", "--from", "x.dump"]] {
        let out = partnerdesk(&args, url);
        assert!(!out.status.success());
        assert!(text(&out).contains("pg_dump"), "{}", text(&out));
    }
}

#[test]
fn check_passes_a_clean_world() {
    let env = Env::new();
    let out = partnerdesk(&["check"], &url_of(&env));
    assert!(out.status.success(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: "), "{}", text(&out));
}

#[test]
fn check_names_a_drifted_kept_count_and_an_orphan_row_and_changes_nothing() {
    let env = Env::new();
    let rel: String = {
        use partnerdesk::db::schema::relationships::dsl::*;
        relationships
            .filter(partner_id.eq(&env.world.alpha.id))
            .filter(customer_id.eq(&env.world.contoso.id))
            .select(id)
            .first(&mut *env.conn())
            .unwrap()
    };
    diesel::sql_query(format!(
        "UPDATE relationships SET active_subscriptions = active_subscriptions + 5 WHERE id = '{rel}'"
    ))
    .execute(&mut *env.conn())
    .unwrap();
    // A row whose user does not exist, written as a connection without its constraints would.
    let mut raw = maintenance::open_as_is(&env.state.config.database).unwrap();
    let orphan = "INSERT INTO sessions (id, user_id, state, created_at, expires_at) \
                  VALUES ('orphan-session', 'ghost-user', '{}', 0, 0)";
    match &mut raw {
        db::AnyConnection::Sqlite(c) => {
            c.batch_execute(&format!("PRAGMA foreign_keys = OFF; {orphan};")).unwrap()
        }
        db::AnyConnection::Postgresql(c) => {
            c.batch_execute(&format!("SET session_replication_role = replica; {orphan};")).unwrap()
        }
    }
    drop(raw);

    let out = partnerdesk(&["check"], &url_of(&env));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 2, "one sentence per problem: {said}");
    assert!(said.contains(&format!("Relationship {rel} keeps")), "{said}");
    assert!(said.contains("but has"), "{said}");
    assert!(
        said.contains(
            "1 row of sessions names a user_id that users does not have (such as ghost-user)"
        ),
        "{said}"
    );
    // Checked twice, the same answer: it changed nothing.
    let again = partnerdesk(&["check"], &url_of(&env));
    assert_eq!(String::from_utf8_lossy(&again.stderr), said);
}

/// A real `partnerdesk serve` on the file, started as an operator starts it; killed on drop.
struct Server(std::process::Child);

impl Server {
    fn start(database_url: &str) -> Server {
        use std::io::BufRead;
        let child = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND", "127.0.0.1:0")
            .env("WORKERS", "1")
            .env("SESSION_KEY", "k".repeat(64))
            .env("PUBLIC_URL", "http://127.0.0.1")
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start partnerdesk serve");
        let mut server = Server(child);
        let out = std::io::BufReader::new(server.0.stdout.take().unwrap());
        for line in out.lines() {
            if line.expect("the server's output").contains("PartnerDesk is running") {
                return server;
            }
        }
        panic!("partnerdesk serve ended before serving");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn restore_waits_for_real_servers_to_end_however_they_end() {
    let env = Env::sqlite();
    let url = url_of(&env);
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("b.db").to_string_lossy().to_string();
    assert!(partnerdesk(&["backup", "--to", &backup], &url).status.success());

    // Two servers may share the file; while either runs, the restore is refused.
    let first = Server::start(&url);
    let second = Server::start(&url);
    let out = partnerdesk(&["restore", "--from", &backup], &url);
    assert!(text(&out).contains("a running server holds"), "{}", text(&out));
    drop(first);
    let out = partnerdesk(&["restore", "--from", &backup], &url);
    assert!(text(&out).contains("a running server holds"), "{}", text(&out));
    // Killed (SIGKILL): the kernel releases its lock, so no stale lock blocks the restore.
    drop(second);
    let out = partnerdesk(&["restore", "--from", &backup], &url);
    assert!(out.status.success(), "{}", text(&out));
}
