//! The operator's commands on a database: `backup`, `restore` and `check` (docs/operations.md),
//! and the lock by which a server says it holds a SQLite file.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable, Text};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::MigrationHarness;

use super::connection::{AnyConnection, DbUrl};
use super::migrations::{POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};

/// What `backup` and `restore` answer on PostgreSQL, whose own tools do both.
pub const POSTGRES_BACKUP: &str = "on PostgreSQL, back up and restore with pg_dump and \
    pg_restore: docs/operations.md gives the commands";

/// The file whose lock says a server holds the database `db`: `<db>.lock`, next to it.
pub fn lock_path(db: &str) -> PathBuf {
    PathBuf::from(format!("{db}.lock"))
}

/// A held `flock` on `<db>.lock`, released when dropped (or when the process ends, however it
/// ends: the kernel drops it, so a killed server leaves no stale lock behind).
pub struct DbLock(#[allow(dead_code)] File);

fn flock(db: &str, exclusive: bool) -> std::io::Result<Option<DbLock>> {
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(lock_path(db))?;
    let op = if exclusive { libc::LOCK_EX } else { libc::LOCK_SH } | libc::LOCK_NB;
    // SAFETY: `file` is open for the call; flock only reads the descriptor.
    let rc = unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&file), op) };
    if rc == 0 {
        return Ok(Some(DbLock(file)));
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) { Ok(None) } else { Err(e) }
}

/// Taken by a server for its whole life: a shared lock, so that several servers may serve one
/// file, while `restore` (which wants it exclusive) is refused. `None` for PostgreSQL.
pub fn hold_for_server(url: &DbUrl) -> anyhow::Result<Option<DbLock>> {
    let DbUrl::Sqlite(path) = url else { return Ok(None) };
    match flock(path, false)? {
        Some(lock) => Ok(Some(lock)),
        None => anyhow::bail!(
            "{path} is being restored (its lock file {} is held): start the server when the \
             restore has ended",
            lock_path(path).display()
        ),
    }
}

fn sqlite_path(url: &DbUrl) -> anyhow::Result<&str> {
    match url {
        DbUrl::Sqlite(path) => Ok(path),
        DbUrl::Postgres(_) => anyhow::bail!("{POSTGRES_BACKUP}"),
    }
}

/// Opens an existing SQLite file without creating it, migrating it or changing its mode.
fn open_sqlite(path: &str) -> anyhow::Result<SqliteConnection> {
    if !Path::new(path).is_file() {
        anyhow::bail!("{path} does not exist or is not a file");
    }
    let mut c = SqliteConnection::establish(path)?;
    c.batch_execute("PRAGMA busy_timeout = 10000;")?;
    Ok(c)
}

/// Writes a consistent copy of the live SQLite database to `to` with `VACUUM INTO`: one read
/// transaction, so a server may go on writing (WAL lets readers and a writer run together).
/// The copy is then checked. Refuses to write over an existing file.
pub fn backup(url: &DbUrl, to: &Path) -> anyhow::Result<Report> {
    let path = sqlite_path(url)?;
    if to.exists() {
        anyhow::bail!("{} exists already: name a new file for the backup", to.display());
    }
    let mut c = open_sqlite(path)?;
    let target = to.to_string_lossy().replace('\'', "''");
    c.batch_execute(&format!("VACUUM INTO '{target}'"))?;
    drop(c);
    let report = check(&mut AnyConnection::Sqlite(open_sqlite(&to.to_string_lossy())?))?;
    if !report.problems.is_empty() {
        anyhow::bail!("the backup {} fails its check: {}", to.display(), report.problems.join(" "));
    }
    Ok(report)
}

/// Replaces the SQLite database with the backup `from`, after checking the backup (on a copy
/// next to the database, so nothing is replaced if it fails), and only while no server holds
/// the database. The replaced file is kept as `<db>.before-restore`.
pub fn restore(url: &DbUrl, from: &Path) -> anyhow::Result<Report> {
    let path = sqlite_path(url)?;
    let staged = PathBuf::from(format!("{path}.restoring"));
    let _ = std::fs::remove_file(&staged);
    let report = (|| {
        open_sqlite(&from.to_string_lossy())?; // a missing backup is said before anything else
        std::fs::copy(from, &staged)?;
        let staged_name = staged.to_string_lossy();
        let mut conn = AnyConnection::Sqlite(open_sqlite(&staged_name)?);
        // A backup made by an older version is brought up to date on the copy, then checked.
        if tables(&mut conn)?.iter().any(|t| t == "__diesel_schema_migrations") {
            super::migrations::run_migrations(&mut conn)?;
        }
        let report = check(&mut conn)?;
        if !report.problems.is_empty() {
            anyhow::bail!(
                "{} is not a sound backup, nothing was replaced: {}",
                from.display(),
                report.problems.join(" ")
            );
        }
        Ok(report)
    })();
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            return Err(e);
        }
    };
    let Some(_lock) = flock(path, true)? else {
        let _ = std::fs::remove_file(&staged);
        anyhow::bail!(
            "a running server holds {path} (it holds {}): stop it before restoring",
            lock_path(path).display()
        );
    };
    if Path::new(path).exists() {
        std::fs::rename(path, format!("{path}.before-restore"))?;
    }
    // A write-ahead log left by the replaced file would be read as if it were the backup's.
    for leftover in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{leftover}"));
    }
    std::fs::rename(&staged, path)?;
    Ok(report)
}

/// What `check` found: one sentence per problem, and what it looked at.
pub struct Report {
    pub problems: Vec<String>,
    pub tables: usize,
    pub rows: i64,
    pub relationships: i64,
}

impl Report {
    pub fn summary(&self) -> String {
        format!(
            "ok: {} tables, {} rows, the kept counts of {} relationships and every reference checked",
            self.tables, self.rows, self.relationships
        )
    }
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Drift {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = BigInt)]
    kept: i64,
    #[diesel(sql_type = BigInt)]
    counted: i64,
}

#[derive(QueryableByName)]
struct ForeignKey {
    #[diesel(sql_type = Text)]
    child: String,
    #[diesel(sql_type = Text)]
    col: String,
    #[diesel(sql_type = Text)]
    parent: String,
    #[diesel(sql_type = Text)]
    parent_col: String,
}

#[derive(QueryableByName)]
struct Orphans {
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Nullable<Text>)]
    example: Option<String>,
}

/// The counts each relationship keeps (column, counted table, which rows, what it counts), each
/// checked against a recount.
const KEPT_COUNTS: [(&str, &str, &str, &str); 6] = [
    ("active_subscriptions", "subscriptions", "s.status = 'active'", "active subscriptions"),
    (
        "blocking_subscriptions",
        "subscriptions",
        "(s.status = 'active' OR (s.status = 'suspended' AND s.commerce_type = 'new_commerce'))",
        "subscriptions that block removal",
    ),
    ("active_reservations", "reservations", "s.status = 'active'", "active reservations"),
    ("active_software", "software_purchases", "s.status = 'active'", "active software purchases"),
    ("active_savings_plans", "savings_plans", "s.status = 'active'", "active savings plans"),
    (
        "active_gdap",
        "gdap_relationships",
        "s.status IN ('active', 'expiring')",
        "active GDAP relationships",
    ),
];

fn kept_count_drift(column: &str, table: &str, rows: &str) -> String {
    format!(
        "SELECT id, kept, counted FROM (
    SELECT r.id AS id, r.{column} AS kept,
           (SELECT COUNT(*) FROM {table} s
             WHERE s.partner_id = r.partner_id AND s.customer_id = r.customer_id
               AND {rows}) AS counted
      FROM relationships r) drift
 WHERE kept <> counted ORDER BY id"
    )
}

/// Every single-column foreign key, from the database's own catalogue.
const SQLITE_FOREIGN_KEYS: &str =
    "SELECT m.name AS child, f.\"from\" AS col, f.\"table\" AS parent,
       COALESCE(f.\"to\", 'id') AS parent_col
  FROM sqlite_master m, pragma_foreign_key_list(m.name) f
 WHERE m.type = 'table' ORDER BY 1, 2";
const POSTGRES_FOREIGN_KEYS: &str =
    "SELECT tc.table_name::text AS child, kcu.column_name::text AS col,
       ccu.table_name::text AS parent, ccu.column_name::text AS parent_col
  FROM information_schema.table_constraints tc
  JOIN information_schema.key_column_usage kcu
    ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
  JOIN information_schema.constraint_column_usage ccu
    ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
 WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
 ORDER BY 1, 2";

/// Verifies a database without changing it: SQLite's own integrity check, that its migrations
/// are all applied, that each relationship's kept count of active subscriptions equals the
/// real count, and that no row names a row that does not exist (on SQLite, where a connection
/// with `PRAGMA foreign_keys = OFF` could write one; on PostgreSQL, rows loaded with the
/// constraints' triggers off).
pub fn check(conn: &mut AnyConnection) -> anyhow::Result<Report> {
    let mut problems = Vec::new();
    if let AnyConnection::Sqlite(c) = conn {
        let lines: Vec<Line> =
            diesel::sql_query("SELECT integrity_check AS line FROM pragma_integrity_check")
                .load(c)?;
        for l in lines.into_iter().filter(|l| l.line != "ok") {
            problems.push(format!("SQLite's integrity check says: {}.", l.line));
        }
        if !problems.is_empty() {
            // The rest reads the damaged pages and proves nothing more.
            return Ok(Report { problems, tables: 0, rows: 0, relationships: 0 });
        }
    }
    if !tables(conn)?.iter().any(|t| t == "__diesel_schema_migrations") {
        problems.push("This is not a PartnerDesk database: it has no migration record.".into());
        return Ok(Report { problems, tables: 0, rows: 0, relationships: 0 });
    }
    let pending: Vec<String> = match conn {
        AnyConnection::Sqlite(c) => c
            .pending_migrations(SQLITE_MIGRATIONS)
            .map(|ms| ms.iter().map(|m| m.name().to_string()).collect()),
        AnyConnection::Postgresql(c) => c
            .pending_migrations(POSTGRES_MIGRATIONS)
            .map(|ms| ms.iter().map(|m| m.name().to_string()).collect()),
    }
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    if !pending.is_empty() {
        problems.push(format!(
            "{} migrations are not applied ({}): run `partnerdesk migrate`.",
            pending.len(),
            pending.join(", ")
        ));
        return Ok(Report { problems, tables: 0, rows: 0, relationships: 0 });
    }

    for (column, table, rows, what) in KEPT_COUNTS {
        let sql = kept_count_drift(column, table, rows);
        let drift: Vec<Drift> =
            crate::on_backend!(conn, |c| diesel::sql_query(sql.as_str()).load(c))?;
        for d in &drift {
            problems.push(format!(
                "Relationship {} keeps {} {what} but has {}.",
                d.id, d.kept, d.counted
            ));
        }
    }
    let foreign_keys: Vec<ForeignKey> = match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(SQLITE_FOREIGN_KEYS).load(c)?,
        AnyConnection::Postgresql(c) => diesel::sql_query(POSTGRES_FOREIGN_KEYS).load(c)?,
    };
    for fk in &foreign_keys {
        let (child, col, parent, pcol) = (&fk.child, &fk.col, &fk.parent, &fk.parent_col);
        let sql = format!(
            "SELECT COUNT(*) AS n, MIN(c.{col}) AS example FROM {child} c
              WHERE c.{col} IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{pcol} = c.{col})"
        );
        let found: Orphans =
            crate::on_backend!(conn, |c| diesel::sql_query(sql.as_str()).get_result(c))?;
        if found.n > 0 {
            problems.push(format!(
                "{} row{} of {child} name{} a {col} that {parent} does not have (such as {}).",
                found.n,
                if found.n == 1 { "" } else { "s" },
                if found.n == 1 { "s" } else { "" },
                found.example.unwrap_or_default()
            ));
        }
    }
    let tables = tables(conn)?;
    let mut rows = 0;
    for t in &tables {
        let sql = format!("SELECT COUNT(*) AS n FROM {t}");
        let c: Count = crate::on_backend!(conn, |c| diesel::sql_query(sql.as_str()).get_result(c))?;
        rows += c.n;
    }
    let relationships: Count =
        crate::on_backend!(conn, |c| diesel::sql_query("SELECT COUNT(*) AS n FROM relationships")
            .get_result(c))?;
    Ok(Report { problems, tables: tables.len(), rows, relationships: relationships.n })
}

/// The application's tables (the migration bookkeeping included), by name.
pub fn tables(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    let lines: Vec<Line> = match conn {
        AnyConnection::Sqlite(c) => diesel::sql_query(
            "SELECT name AS line FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .load(c)?,
        AnyConnection::Postgresql(c) => diesel::sql_query(
            "SELECT table_name::text AS line FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
        )
        .load(c)?,
    };
    Ok(lines.into_iter().map(|l| l.line).collect())
}

/// Opens the database a `DATABASE_URL` names as it is: never created, migrated or switched to
/// WAL (what `check` needs, to change nothing).
pub fn open_as_is(url: &DbUrl) -> anyhow::Result<AnyConnection> {
    Ok(match url {
        DbUrl::Sqlite(path) => AnyConnection::Sqlite(open_sqlite(path)?),
        DbUrl::Postgres(u) => AnyConnection::Postgresql(PgConnection::establish(u)?),
    })
}
