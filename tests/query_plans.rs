//! The queries behind the busy pages are served by indexes: their plans (SQLite's `EXPLAIN QUERY
//! PLAN`, PostgreSQL's `EXPLAIN` with sequential scans discouraged) never scan the customers or
//! subscriptions tables whole. The SQL checked is the SQL the code really sends, captured with
//! diesel's instrumentation.

mod common;

use common::plans::{captured, full_scan, on_sqlite, plan, sorts};
use common::world::*;
use common::*;
use partnerdesk::db::AnyConnection;
use partnerdesk::models::customer::{self, Cursor};
use partnerdesk::models::{audit, reservation, savings_plan, software, subscription};

#[actix_web::test]
async fn busy_queries_use_indexes() {
    let env = Env::new();
    let w = env.world.clone();
    let mut c = env.conn();
    for i in 0..300 {
        let cust = add_customer(&mut c, &w.alpha, &format!("Customer {i:04}"), i % 2 == 0);
        add_subscription(
            &mut c,
            &w.alpha,
            &cust,
            E3,
            if i % 3 == 0 { "suspended" } else { "active" },
            None,
        );
    }
    for (name, stmt) in [
        (
            "customers, first page",
            Box::new(|c: &mut AnyConnection| {
                customer::list_for_partner(
                    c,
                    &w.alpha.id,
                    None,
                    customer::SearchIn::NameOrDomain,
                    customer::Readiness::All,
                    None,
                    50,
                )
                .unwrap();
            }) as Box<dyn Fn(&mut AnyConnection)>,
        ),
        (
            "customers, deep page",
            Box::new(|c: &mut AnyConnection| {
                let after = Cursor { sort_name: "customer 0250".into(), id: "z".into() };
                customer::list_for_partner(
                    c,
                    &w.alpha.id,
                    None,
                    customer::SearchIn::NameOrDomain,
                    customer::Readiness::All,
                    Some(&after),
                    50,
                )
                .unwrap();
            }),
        ),
        (
            "customers, prefix search",
            Box::new(|c: &mut AnyConnection| {
                customer::list_for_partner(
                    c,
                    &w.alpha.id,
                    Some("Customer 02"),
                    customer::SearchIn::NameOrDomain,
                    customer::Readiness::All,
                    None,
                    50,
                )
                .unwrap();
            }),
        ),
        (
            "customers, prefix search",
            Box::new(|c: &mut AnyConnection| {
                let after = Cursor { sort_name: "customer 0250".into(), id: "z".into() };
                customer::list_for_partner(
                    c,
                    &w.alpha.id,
                    Some("Customer 02"),
                    customer::SearchIn::NameOrDomain,
                    customer::Readiness::All,
                    Some(&after),
                    50,
                )
                .unwrap();
            }),
        ),
        (
            "customers, only the blocked, deep page",
            Box::new(|c: &mut AnyConnection| {
                let after = Cursor { sort_name: "customer 0250".into(), id: "z".into() };
                customer::list_for_partner(
                    c,
                    &w.alpha.id,
                    None,
                    customer::SearchIn::NameOrDomain,
                    customer::Readiness::Blocked,
                    Some(&after),
                    50,
                )
                .unwrap();
            }),
        ),
        (
            "a customer's subscriptions",
            Box::new(|c: &mut AnyConnection| {
                subscription::list_for_customer(c, &w.alpha.id, &w.contoso.id).unwrap();
                subscription::addons_of(c, &w.contoso_base).unwrap();
                subscription::find(c, &w.alpha.id, &w.contoso.id, &w.contoso_base).unwrap();
            }),
        ),
        (
            "the removal rule",
            Box::new(|c: &mut AnyConnection| {
                subscription::list_active(c, &w.alpha.id, &w.contoso.id).unwrap();
                reservation::list_for_customer(c, &w.alpha.id, &w.contoso.id).unwrap();
                savings_plan::list_for_customer(c, &w.alpha.id, &w.contoso.id).unwrap();
                software::list_for_customer(c, &w.alpha.id, &w.contoso.id).unwrap();
                customer::find_for_partner(c, &w.alpha.id, &w.contoso.id).unwrap();
            }),
        ),
        (
            "a customer's activity",
            Box::new(|c: &mut AnyConnection| {
                audit::list_for_customer(c, &w.alpha.id, &w.contoso.id, 20).unwrap();
            }),
        ),
        (
            "a tenant's GDAP relationships, across partners",
            Box::new(|c: &mut AnyConnection| {
                partnerdesk::models::gdap::list_across_partners(c, &w.contoso.id).unwrap();
            }),
        ),
        // An Account page whose newest records are 20 about one subscription.
        (
            "the items older records name",
            Box::new(|c: &mut AnyConnection| {
                for kind in ["subscription", "azure_reservation", "software_purchase"] {
                    let ids = vec![w.contoso_base.clone(); 20];
                    audit::current_names(c, &w.alpha.id, kind, &ids).unwrap();
                }
            }),
        ),
    ] {
        let statements = captured(&mut c, |c| stmt(c));
        assert!(!statements.is_empty(), "{name}: nothing captured");
        for s in statements {
            let p = plan(&mut c, &s);
            let sql = &s;
            if let Some(scan) = full_scan(&p, &["customers", "subscriptions"]) {
                panic!("{name}: a full scan ({scan})\nSQL: {sql}\nplan:\n{}", p.join("\n"));
            }
            if name == "customers, prefix search" && on_sqlite(&c) {
                // Each half of a search reads an index range of its key, not the partner's whole
                // list. SQLite plans without statistics, as it does in most deployments; on a
                // table this small PostgreSQL's estimates (one row) make any index look as good.
                let bounded = |l: &str| {
                    ["sort_name", "search_domain"]
                        .iter()
                        .any(|k| l.contains(&format!("{k}>?")) && l.contains(&format!("{k}<?")))
                };
                let reads = p.iter().filter(|l| l.contains("SEARCH relationships"));
                assert!(
                    reads.clone().count() > 0
                        && reads.clone().all(|l| bounded(l))
                        && !p.iter().any(|l| l.contains("MULTI-INDEX OR")),
                    "{name}: reads more than a range of its key\n{sql}\n{}",
                    p.join("\n")
                );
            }
            if name == "the items older records name" {
                // By their ids, never through the partner's index (all its subscriptions).
                let by_id = |l: &String| l.contains("(id=?)") || l.contains("pkey");
                assert!(
                    p.iter().any(by_id) && !p.iter().any(|l| l.contains("(partner_id=?)")),
                    "{name}: not read by id\n{sql}\n{}",
                    p.join("\n")
                );
            }
            if let Some(scan) = full_scan(&p, &["gdap_relationships"]) {
                panic!("{name}: a full scan ({scan})\nSQL: {sql}\nplan:\n{}", p.join("\n"));
            }
            if name == "a customer's activity" {
                assert!(
                    !sorts(&p),
                    "{name}: sorts the customer's whole history\n{sql}\n{}",
                    p.join("\n")
                );
            }
            if name == "customers, first page" || name == "customers, deep page" {
                assert!(
                    !sorts(&p),
                    "{name}: sorts instead of reading the index in order\n{sql}\n{}",
                    p.join("\n")
                );
                // A page of the list is a range of the name index and nothing else: no
                // relationship row, no customer, no count of subscriptions.
                if on_sqlite(&c) {
                    assert!(
                        p.iter().any(|l| l.contains("COVERING INDEX relationships_by_name"))
                            && !p
                                .iter()
                                .any(|l| l.contains("subscriptions")
                                    || l.contains("SEARCH customers")),
                        "{name}: reads relationship rows, customers or subscriptions\n{sql}\n{}",
                        p.join("\n")
                    );
                }
            }
        }
    }
}

/// A statement diesel keeps compiled stays compiled on SQLite: binding a new `LIMIT` (every page
/// of a list, every `first()`) does not make SQLite parse and plan it again. Checked on a raw
/// connection, opened after the pool opened its first one, as every later connection is.
#[test]
fn sqlite_runs_a_kept_statement_without_compiling_it_again() {
    use libsqlite3_sys as ffi;
    use std::ptr::null_mut;

    let dir = tempfile::tempdir().unwrap();
    let url = partnerdesk::db::DbUrl::Sqlite(dir.path().join("t.db").display().to_string());
    let pool = partnerdesk::db::connect(&url, &Default::default()).unwrap();
    drop(pool);
    // SAFETY: a connection and a statement used only here, each finalized/closed once.
    let (rows, recompiled) = unsafe {
        let mut db = null_mut();
        assert_eq!(ffi::sqlite3_open(c":memory:".as_ptr(), &mut db), ffi::SQLITE_OK);
        let sql = c"SELECT n FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) LIMIT ?";
        let mut stmt = null_mut();
        let flags = ffi::SQLITE_PREPARE_PERSISTENT;
        assert_eq!(
            ffi::sqlite3_prepare_v3(db, sql.as_ptr(), -1, flags, &mut stmt, null_mut()),
            ffi::SQLITE_OK
        );
        let mut rows = Vec::new();
        for limit in 1..=3 {
            ffi::sqlite3_bind_int(stmt, 1, limit);
            let mut n = 0;
            while ffi::sqlite3_step(stmt) == ffi::SQLITE_ROW {
                n += 1;
            }
            rows.push(n);
            ffi::sqlite3_reset(stmt);
        }
        let recompiled = ffi::sqlite3_stmt_status(stmt, ffi::SQLITE_STMTSTATUS_REPREPARE, 0);
        ffi::sqlite3_finalize(stmt);
        ffi::sqlite3_close(db);
        (rows, recompiled)
    };
    assert_eq!(rows, [1, 2, 3], "each execution honours the LIMIT bound to it");
    assert_eq!(recompiled, 0, "SQLite recompiled the statement on each new LIMIT");
}
