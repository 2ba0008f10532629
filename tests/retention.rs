//! Retention: expired sessions and invitations that expired unaccepted are removed once they are
//! older than their retention, with one audit record; a second run (another instance) removes
//! and records nothing; live rows and the record of accepted or revoked invitations stay. The
//! audit log is pruned only explicitly, after its export.

mod common;

use std::time::Duration;

use common::*;
use diesel::prelude::*;
use partnerdesk::config::Retention;
use partnerdesk::db::schema::{audit_log, relationship_requests as rr, sessions};
use partnerdesk::services::retention::{self, Cleaned};
use partnerdesk::util::clock::now_ms;

const DAY_MS: i64 = 24 * 3600 * 1000;

fn add_session(env: &Env, id: &str, expires_at: i64) {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(id),
            sessions::user_id.eq(None::<String>),
            sessions::state.eq("{}"),
            sessions::created_at.eq(expires_at - DAY_MS),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(&mut *env.conn())
        .unwrap();
}

fn add_invitation(env: &Env, id: &str, status: &str, expires_at: i64) {
    let creator = env.user_id(common::world::GLOBAL_ADMIN);
    diesel::insert_into(rr::table)
        .values((
            rr::id.eq(id),
            rr::partner_id.eq(&env.world.alpha.id),
            rr::token_hash.eq(format!("hash-of-{id}")),
            rr::with_dap.eq(false),
            rr::status.eq(status),
            rr::created_by.eq(creator),
            rr::created_at.eq(expires_at - 30 * DAY_MS),
            rr::expires_at.eq(expires_at),
        ))
        .execute(&mut *env.conn())
        .unwrap();
}

fn session_ids(env: &Env) -> Vec<String> {
    let mut v: Vec<String> = sessions::table.select(sessions::id).load(&mut *env.conn()).unwrap();
    v.sort();
    v
}

#[test]
fn expired_sessions_and_invitations_go_after_their_retention_once() {
    let env = Env::new();
    let now = now_ms();
    let retention = Retention {
        sessions: Duration::from_secs(7 * 24 * 3600),
        invitations: Duration::from_secs(90 * 24 * 3600),
        interval: Duration::from_secs(3600),
    };
    add_session(&env, "old-expired", now - 8 * DAY_MS);
    add_session(&env, "recently-expired", now - DAY_MS);
    add_session(&env, "live", now + DAY_MS);
    add_invitation(&env, "old-pending", "pending", now - 91 * DAY_MS);
    add_invitation(&env, "recent-pending", "pending", now - 10 * DAY_MS);
    add_invitation(&env, "open-pending", "pending", now + 10 * DAY_MS);
    add_invitation(&env, "old-accepted", "accepted", now - 200 * DAY_MS);
    add_invitation(&env, "old-revoked", "revoked", now - 200 * DAY_MS);
    let sessions_before = session_ids(&env);
    let audits_before = env.audit_count(Audits::all());

    let cleaned = retention::clean(&mut env.conn(), &retention, now).unwrap();
    assert_eq!(cleaned, Cleaned { sessions: 1, invitations: 1 });
    let sessions_after = session_ids(&env);
    let expected: Vec<String> =
        sessions_before.into_iter().filter(|id| id != "old-expired").collect();
    assert_eq!(sessions_after, expected);
    let invitations: Vec<String> = rr::table.select(rr::id).load(&mut *env.conn()).unwrap();
    for kept in ["recent-pending", "open-pending", "old-accepted", "old-revoked"] {
        assert!(invitations.contains(&kept.to_string()), "{kept} was removed");
    }
    assert!(!invitations.contains(&"old-pending".to_string()));
    assert_eq!(env.audit_count(Audits::all()), audits_before + 1);
    assert_eq!(env.audit_count(Audits::of("retention_cleanup").succeeded()), 1);

    // Another instance's run a moment later finds nothing and records nothing.
    let again = retention::clean(&mut env.conn(), &retention, now).unwrap();
    assert_eq!(again, Cleaned::default());
    assert_eq!(env.audit_count(Audits::all()), audits_before + 1);
}

#[test]
fn the_audit_log_is_pruned_only_after_its_export_and_the_prune_is_on_record() {
    let env = Env::new();
    let now = now_ms();
    // Records of the world as built, made "now"; and two old ones.
    let old = |id: &str, at: i64, actor: &str| {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::id.eq(id),
                audit_log::actor.eq(actor),
                audit_log::operation.eq("update_subscription"),
                audit_log::resource_type.eq("subscription"),
                audit_log::new_value.eq(Some("suspended, \"quoted\"\nsecond line")),
                audit_log::status.eq("succeeded"),
                audit_log::at.eq(at),
                audit_log::request_id.eq("r-1"),
            ))
            .execute(&mut *env.conn())
            .unwrap();
    };
    old("a-old-1", now - 400 * DAY_MS, "someone@alpha.test");
    old("a-old-2", now - 380 * DAY_MS, "other@alpha.test");
    let total = env.audit_count(Audits::all());
    let before = now - 365 * DAY_MS;

    // An export that cannot be written removes nothing.
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::other("disk full"))
        }
    }
    assert!(retention::prune_audit(&mut env.conn(), before, &mut Broken, "test").is_err());
    assert_eq!(env.audit_count(Audits::all()), total);

    let mut export = Vec::new();
    let n =
        retention::prune_audit(&mut env.conn(), before, &mut export, "before a year ago").unwrap();
    assert_eq!(n, 2);
    let mut csv = csv::Reader::from_reader(export.as_slice());
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "a-old-1");
    assert_eq!(&rows[0][4], "someone@alpha.test");
    assert_eq!(&rows[0][10], "suspended, \"quoted\"\nsecond line");
    assert_eq!(&rows[1][0], "a-old-2");
    // The two are gone, the prune itself is on record, the rest stays.
    assert_eq!(env.audit_count(Audits::all()), total - 2 + 1);
    assert_eq!(env.audit_count(Audits::of("prune_audit").succeeded()), 1);
    let left: i64 = audit_log::table
        .filter(audit_log::at.lt(before))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(left, 0);
}
