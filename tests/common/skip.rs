//! The one way a test stands down for want of something this machine lacks (PostgreSQL for
//! tests/instances.rs, chromedriver and Chromium for the browser tests, axe-core for their
//! accessibility checks), and the one rule for what counts as CI.
//!
//! A skip is never quiet: under CI it fails the test; elsewhere it prints `SKIPPED: <test>:
//! <reason>` to the process's stderr (past the test harness's capture, so a passing run shows
//! it) and adds a line to this run's skip log, which tests/zz_skipped.rs, the last test binary
//! of a `cargo test`, sums up and clears. `.ci/run` fails on any `SKIPPED` line as well.
//!
//! Also compiled on its own by tests/zz_skipped.rs (`#[path]`): it uses only `std`.
#![allow(dead_code)]

use std::fs::OpenOptions;
use std::io::Write;
use std::path::PathBuf;

/// Whether this run is CI: `CI` set to any non-empty value (CI services set `CI=true`, some
/// `CI=1`). Under CI nothing may be skipped.
pub fn ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// This run's skip log: one line per skip, `<binary>\t<test>\t<reason>`. Every test binary of
/// one `cargo test` has that cargo process as its parent, so they all write the same file.
pub fn log_path() -> PathBuf {
    log_dir().join(format!("skipped-{}.log", std::os::unix::process::parent_id()))
}

/// Where the skip logs live: cargo's scratch directory for integration tests.
pub fn log_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Skips `test` because of `reason`, written as what it lacks ("needs PostgreSQL (…)"): under
/// CI this panics; elsewhere it says so on stderr and in the skip log, and the caller returns.
#[track_caller]
pub fn skip(test: &str, reason: &str) {
    record(test, reason);
    if ci() {
        panic!("refusing to skip under CI: {test}: {reason}");
    }
    // Straight to the process's stderr: `eprintln!` would be captured by the test harness and
    // shown only for failing tests. The leading newline keeps the line whole among the
    // harness's own output.
    let _ = std::io::stderr().lock().write_all(format!("\nSKIPPED: {test}: {reason}\n").as_bytes());
}

/// Appends the skip to the log, in one write (the tests of a binary run on parallel threads).
fn record(test: &str, reason: &str) {
    let binary = std::env::args()
        .next()
        .and_then(|p| {
            let name = std::path::Path::new(&p).file_name()?.to_string_lossy().into_owned();
            // `instances-0123456789abcdef` → `instances`
            Some(name.rsplit_once('-').map_or(name.clone(), |(n, _)| n.to_string()))
        })
        .unwrap_or_default();
    let line = format!("{binary}\t{test}\t{}\n", reason.replace(['\t', '\n'], " "));
    let _ = std::fs::create_dir_all(log_dir());
    let written = OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path())
        .and_then(|mut f| f.write_all(line.as_bytes()));
    if let Err(e) = written {
        panic!("cannot record the skip of {test} in {}: {e}", log_path().display());
    }
}

/// One recorded skip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub binary: String,
    pub test: String,
    pub reason: String,
}

/// The skips of a log's text, in the order they were recorded.
pub fn parse(log: &str) -> Vec<Skipped> {
    log.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            let mut next = || parts.next().unwrap_or_default().to_string();
            Skipped { binary: next(), test: next(), reason: next() }
        })
        .collect()
}

/// `SKIPPED SUMMARY: 3 tests skipped: 2 need PostgreSQL (…), 1 needs chromedriver (…)`, the
/// reasons most frequent first, then one line per skipped test; or `SKIPPED SUMMARY: no test
/// skipped`.
pub fn summary(skips: &[Skipped]) -> String {
    if skips.is_empty() {
        return "SKIPPED SUMMARY: no test skipped".to_string();
    }
    let mut reasons: Vec<(&str, usize)> = Vec::new();
    for s in skips {
        match reasons.iter_mut().find(|(r, _)| *r == s.reason) {
            Some((_, n)) => *n += 1,
            None => reasons.push((&s.reason, 1)),
        }
    }
    reasons.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let counted: Vec<String> = reasons
        .iter()
        .map(|(reason, n)| match (n, reason.strip_prefix("needs ")) {
            (2.., Some(rest)) => format!("{n} need {rest}"),
            _ => format!("{n} {reason}"),
        })
        .collect();
    let tests = if skips.len() == 1 { "test" } else { "tests" };
    let mut out =
        format!("SKIPPED SUMMARY: {} {tests} skipped: {}", skips.len(), counted.join(", "));
    for s in skips {
        out.push_str(&format!("\n  {}::{}: {}", s.binary, s.test, s.reason));
    }
    out
}
