//! Retention: rows that no longer do anything (expired sessions, invitations that expired
//! unaccepted) are removed after a while, by the server on a schedule; the audit log only by an
//! explicit, audited `prune-audit`, which exports what it removes first.

use crate::config::Retention;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::models::{audit as audit_rows, relationship_request, session};
use crate::services::audit::{self, Actor, Event, op};
use crate::util::tokens::new_id;

/// What one clean-up removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub sessions: usize,
    pub invitations: usize,
}

/// The actor of work the server does on its own.
fn system(label: &str) -> Actor {
    Actor {
        partner_id: None,
        user_id: None,
        label: label.into(),
        request_id: new_id(),
        correlation_id: None,
    }
}

fn ms(d: std::time::Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Removes the sessions and pending invitations that expired longer ago than `retention`
/// allows, with one audit record when anything went. Safe to run from several instances at
/// once: a row is removed once, and a run that finds nothing records nothing.
pub fn clean(c: &mut AnyConnection, retention: &Retention, now: i64) -> AppResult<Cleaned> {
    crate::db::write::<_, AppError>(c, |c| {
        let cleaned = Cleaned {
            sessions: session::delete_expired(c, now.saturating_sub(ms(retention.sessions)))?,
            invitations: relationship_request::delete_expired_pending(
                c,
                now.saturating_sub(ms(retention.invitations)),
            )?,
        };
        if cleaned != Cleaned::default() {
            let ev = Event {
                operation: op::RETENTION_CLEANUP,
                resource_type: "retention",
                new_value: Some(format!(
                    "expired sessions removed: {}; expired invitations removed: {}",
                    cleaned.sessions, cleaned.invitations
                )),
                ..Default::default()
            };
            audit::record(c, &system("retention"), ev)?;
        }
        Ok(cleaned)
    })
}

/// Writes every audit record made before `before` (ms) to `export` as CSV, then deletes them and
/// records the prune, in one transaction: a failed export deletes nothing. Returns how many
/// records went. `what` describes the prune in its own record (the date and the file).
pub fn prune_audit(
    c: &mut AnyConnection,
    before: i64,
    export: &mut dyn std::io::Write,
    what: &str,
) -> AppResult<usize> {
    crate::db::write::<_, AppError>(c, |c| {
        let records = audit_rows::list_before(c, before)?;
        let mut csv = csv::Writer::from_writer(&mut *export);
        csv.write_record([
            "id",
            "at",
            "partner_id",
            "user_id",
            "actor",
            "customer_id",
            "operation",
            "resource_type",
            "resource_id",
            "old_value",
            "new_value",
            "status",
            "request_id",
            "resource_name",
        ])
        .map_err(AppError::internal)?;
        for r in &records {
            let at = r.at.to_string();
            let opt = |v: &Option<String>| v.clone().unwrap_or_default();
            csv.write_record([
                r.id.clone(),
                at,
                opt(&r.partner_id),
                opt(&r.user_id),
                r.actor.clone(),
                opt(&r.customer_id),
                r.operation.clone(),
                r.resource_type.clone(),
                opt(&r.resource_id),
                opt(&r.old_value),
                opt(&r.new_value),
                r.status.clone(),
                r.request_id.clone(),
                opt(&r.resource_name),
            ])
            .map_err(AppError::internal)?;
        }
        csv.flush().map_err(AppError::internal)?;
        drop(csv);
        export.flush().map_err(AppError::internal)?;
        let deleted = audit_rows::delete_before(c, before)?;
        if deleted != records.len() {
            // A record came in between: the export would not hold everything deleted.
            return Err(AppError::internal(anyhow::anyhow!(
                "{deleted} audit records matched the prune but {} were exported; nothing removed",
                records.len()
            )));
        }
        let ev = Event {
            operation: op::PRUNE_AUDIT,
            resource_type: "audit_log",
            new_value: Some(format!("{deleted} records removed: {what}")),
            ..Default::default()
        };
        audit::record(c, &system("partnerdesk prune-audit"), ev)?;
        Ok(deleted)
    })
}
