//! The skipped tests of this `cargo test` run, summed up at its end.
//!
//! Why `zz`: cargo runs the integration-test binaries one after another in alphabetical order of
//! their names, so a binary named `zz_…` runs after every other one of the run, when the skip
//! log (tests/common/skip.rs) holds every skip of the run. (Doc tests run later still; they
//! never skip.) A test added later in a binary sorting after `zz_skipped` would be missed here,
//! but not by `.ci/run`, which fails on any `SKIPPED` line of the output.
//!
//! Outside CI the summary is printed and the test passes; under CI a skip has already failed its
//! own test, and this one fails too if the log holds any line.

#[path = "common/skip.rs"]
mod skip;

use std::io::Write;

#[test]
fn skipped_tests_are_summed_up_and_none_under_ci() {
    let path = skip::log_path();
    let log = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => panic!("cannot read the skip log {}: {e}", path.display()),
    };
    // Read once: a later run (another cargo process) starts with a log of its own.
    if path.exists() {
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("remove {}: {e}", path.display()));
    }
    remove_logs_of_finished_runs();
    let skipped = skip::parse(&log);
    let summary = skip::summary(&skipped);
    // Past the harness's capture, as the skips themselves.
    let _ = std::io::stderr().lock().write_all(format!("\n{summary}\n").as_bytes());
    if skip::ci() {
        assert!(skipped.is_empty(), "tests were skipped under CI:\n{summary}");
    }
}

/// Logs left by runs that never reached this binary (`cargo test --test instances`, a run that
/// stopped early): removed once their cargo process is gone.
fn remove_logs_of_finished_runs() {
    let Ok(entries) = std::fs::read_dir(skip::log_dir()) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid = name.strip_prefix("skipped-").and_then(|n| n.strip_suffix(".log"));
        if pid.is_some_and(|pid| !std::path::Path::new(&format!("/proc/{pid}")).exists()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The summary's wording, from a log as the skips write it.
#[test]
fn the_summary_counts_the_skips_by_reason() {
    let log = "instances\ttwo_instances\tneeds PostgreSQL (TEST_POSTGRES_URL unset)\n\
               browser\tsign_in_with_the_form\tneeds chromedriver (none on PATH)\n\
               instances\treadyz\tneeds PostgreSQL (TEST_POSTGRES_URL unset)\n";
    let skipped = skip::parse(log);
    assert_eq!(skipped.len(), 3);
    assert_eq!(skipped[1].binary, "browser");
    assert_eq!(skipped[1].test, "sign_in_with_the_form");
    assert_eq!(
        skip::summary(&skipped),
        "SKIPPED SUMMARY: 3 tests skipped: 2 need PostgreSQL (TEST_POSTGRES_URL unset), \
         1 needs chromedriver (none on PATH)\n  \
         instances::two_instances: needs PostgreSQL (TEST_POSTGRES_URL unset)\n  \
         browser::sign_in_with_the_form: needs chromedriver (none on PATH)\n  \
         instances::readyz: needs PostgreSQL (TEST_POSTGRES_URL unset)"
    );
    assert_eq!(skip::summary(&[]), "SKIPPED SUMMARY: no test skipped");
    assert!(skip::parse("\n").is_empty());
}
