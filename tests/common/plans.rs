//! Query plans of the SQL the code really sends: statements captured with diesel's
//! instrumentation, explained by the backend they ran on (SQLite's `EXPLAIN QUERY PLAN`,
//! PostgreSQL's `EXPLAIN` with sequential scans discouraged). Used by tests/query_plans.rs and
//! tests/activity.rs.

use std::sync::{Arc, Mutex};

use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::prelude::*;
use partnerdesk::db::AnyConnection;

/// Runs `f` and returns every statement it sent, as "SQL -- binds: [...]".
pub fn captured(conn: &mut AnyConnection, f: impl FnOnce(&mut AnyConnection)) -> Vec<String> {
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = log.clone();
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            sink.lock().unwrap().push(query.to_string());
        }
    });
    f(conn);
    conn.set_instrumentation(None::<Box<dyn Instrumentation>>);
    log.lock().unwrap().clone()
}

/// Parses the bind list diesel prints (`["a", 51, true, ["x", "y"]]`) into SQL literals
/// (a nested list, a PostgreSQL array bind, becomes `ARRAY[...]`).
pub fn literals(binds: &str) -> Vec<String> {
    fn list(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(c) = chars.next() {
            match c {
                ']' => break,
                '[' => out.push(format!("ARRAY[{}]", list(chars).join(", "))),
                '"' => {
                    let mut s = String::new();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => s.push(chars.next().unwrap()),
                            '"' => break,
                            c => s.push(c),
                        }
                    }
                    out.push(format!("'{}'", s.replace('\'', "''")));
                }
                ',' | ' ' => {}
                c => {
                    let mut s = c.to_string();
                    while let Some(&n) = chars.peek() {
                        if n == ',' || n == ']' {
                            break;
                        }
                        s.push(n);
                        chars.next();
                    }
                    out.push(s.trim().to_string());
                }
            }
        }
        out
    }
    let mut chars = binds.trim().chars().peekable();
    assert_eq!(chars.next(), Some('['), "a bind list: {binds}");
    list(&mut chars)
}

#[derive(QueryableByName)]
struct SqlitePlanRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    detail: String,
}

#[derive(QueryableByName)]
struct PgPlanRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    #[diesel(column_name = "QUERY PLAN")]
    line: String,
}

/// The plan a captured statement runs with. SQLite plans a statement once, without looking at
/// the values bound to it (`db::sqlite_on_open`): the statement as sent, placeholders and
/// all, has that plan. PostgreSQL connections use generic plans (`plan_cache_mode`), planned
/// once per prepared statement for any values: the statement is prepared and its execution with
/// the captured values explained, which shows that generic plan.
pub fn plan(conn: &mut AnyConnection, statement: &str) -> Vec<String> {
    let (sql, binds) = statement.split_once(" -- binds: ").expect("diesel's debug format");
    match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
            .load::<SqlitePlanRow>(c)
            .unwrap()
            .into_iter()
            .map(|r| r.detail)
            .collect(),
        AnyConnection::Postgresql(c) => {
            diesel::sql_query("SET enable_seqscan = off").execute(c).unwrap();
            diesel::sql_query(format!("PREPARE plan_check AS {sql}")).execute(c).unwrap();
            let args = literals(binds).join(", ");
            let rows = diesel::sql_query(format!("EXPLAIN EXECUTE plan_check({args})"))
                .load::<PgPlanRow>(c)
                .unwrap();
            diesel::sql_query("DEALLOCATE plan_check").execute(c).unwrap();
            rows.into_iter().map(|r| r.line).collect()
        }
    }
}

/// A whole-table scan in the plan: of one of `tables`, or of any table when `tables` is empty.
pub fn full_scan<'p>(plan: &'p [String], tables: &[&str]) -> Option<&'p String> {
    plan.iter().find(|line| {
        let l = line.trim();
        let scans = |sqlite: &str, postgres: &str| {
            (l.starts_with(sqlite) && !l.contains("USING")) || l.contains(postgres)
        };
        match tables {
            [] => scans("SCAN ", "Seq Scan"),
            _ => tables.iter().any(|t| scans(&format!("SCAN {t}"), &format!("Seq Scan on {t}"))),
        }
    })
}

/// Whether the plan sorts rows (SQLite's temporary B-tree, PostgreSQL's Sort) rather than
/// reading an index in order.
pub fn sorts(plan: &[String]) -> bool {
    plan.iter().any(|l| l.contains("TEMP B-TREE") || l.trim_start().starts_with("Sort"))
}

/// Whether the plan runs on SQLite (whose index choice the tests can pin down).
pub fn on_sqlite(conn: &AnyConnection) -> bool {
    matches!(conn, AnyConnection::Sqlite(_))
}
