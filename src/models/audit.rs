use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::audit_log;

/// One audit record. Append-only: there is no update, and the one delete is the explicit,
/// audited `prune-audit` command's (`delete_before`).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRecord {
    pub id: String,
    pub partner_id: Option<String>,
    pub user_id: Option<String>,
    pub actor: String,
    pub customer_id: Option<String>,
    pub operation: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub status: String,
    pub at: i64,
    pub request_id: String,
    /// The caller's `MS-CorrelationId`, for records written by an API request.
    pub correlation_id: Option<String>,
    /// What the record is about, by its name when it was written (an offer, a user's e-mail).
    pub resource_name: Option<String>,
    /// A refusal's sentence as a `Msg` in JSON, translated when shown; `new_value` holds it in
    /// English.
    pub reason: Option<String>,
}

pub const SUCCEEDED: &str = "succeeded";
pub const FAILED: &str = "failed";

pub fn insert(conn: &mut AnyConnection, r: &AuditRecord) -> QueryResult<()> {
    diesel::insert_into(audit_log::table).values(r).execute(conn).map(|_| ())
}

/// Every record made before `before`, oldest first.
pub fn list_before(conn: &mut AnyConnection, before: i64) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::at.lt(before))
        .order((audit_log::at, audit_log::id))
        .select(AuditRecord::as_select())
        .load(conn)
}

/// Deletes every record made before `before`: only for `prune-audit`, after its export.
pub fn delete_before(conn: &mut AnyConnection, before: i64) -> QueryResult<usize> {
    diesel::delete(audit_log::table.filter(audit_log::at.lt(before))).execute(conn)
}

/// The newest records about one customer of one partner.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    limit: i64,
) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::partner_id.eq(partner_id))
        .filter(audit_log::customer_id.eq(customer_id))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)
}

/// Records of one operation for a partner, newest first (used by tests and the activity views).
pub fn list_by_operation(
    conn: &mut AnyConnection,
    partner_id: &str,
    operation: &str,
) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::partner_id.eq(partner_id))
        .filter(audit_log::operation.eq(operation))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .select(AuditRecord::as_select())
        .load(conn)
}

// The activity log: one partner's records, narrowed by filters, newest first, a keyset page at a
// time. Every query starts from the partner: another partner's records are never read.

/// What the activity log shows: the partner's records, narrowed by each filter that is set.
#[derive(Debug, Clone, Default)]
pub struct ActivityFilter {
    pub partner_id: String,
    /// Records at or after this time (UTC milliseconds).
    pub from_ms: Option<i64>,
    /// Records before this time (UTC milliseconds, exclusive).
    pub until_ms: Option<i64>,
    /// Records about this customer.
    pub customer_id: Option<String>,
    /// Records about customers whose company name starts with this (any case), among the
    /// customers the partner has (or had) a relationship with.
    pub customer_prefix: Option<String>,
    pub operation: Option<String>,
    pub user_id: Option<String>,
}

/// Where a page of the activity log starts: after this record in newest-first order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityCursor {
    pub at: i64,
    pub id: String,
}

/// One record of the activity log, with its customer's company name when the partner has a
/// relationship row (current or ended) with that customer, and only then.
#[derive(Debug, Clone)]
pub struct ActivityRow {
    pub record: AuditRecord,
    pub customer_name: Option<String>,
}

impl ActivityRow {
    /// The cursor of the page that follows this row.
    pub fn cursor(&self) -> ActivityCursor {
        ActivityCursor { at: self.record.at, id: self.record.id.clone() }
    }
}

/// Up to `limit` records of the partner that match `filter`, newest first (`at`, then `id`,
/// descending), after `after`. Keyset paging: ask for one row more than a page to learn whether
/// another page follows; no OFFSET, no COUNT. Indexes: (partner_id, at, id) for the log,
/// (customer_id, at, id), (partner_id, operation, at, id) and (user_id, at, id) for the filters.
pub fn list_activity(
    conn: &mut AnyConnection,
    filter: &ActivityFilter,
    after: Option<&ActivityCursor>,
    limit: i64,
) -> QueryResult<Vec<ActivityRow>> {
    use crate::db::schema::{customers, relationships};
    let mut q = audit_log::table
        .left_join(
            relationships::table.on(relationships::partner_id
                .nullable()
                .eq(audit_log::partner_id)
                .and(relationships::customer_id.nullable().eq(audit_log::customer_id))),
        )
        .left_join(customers::table.on(customers::id.eq(relationships::customer_id)))
        .filter(audit_log::partner_id.eq(filter.partner_id.clone()))
        .select((AuditRecord::as_select(), customers::company_name.nullable()))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(from) = filter.from_ms {
        q = q.filter(audit_log::at.ge(from));
    }
    if let Some(until) = filter.until_ms {
        q = q.filter(audit_log::at.lt(until));
    }
    if let Some(id) = &filter.customer_id {
        q = q.filter(audit_log::customer_id.eq(id.clone()));
    }
    if let Some(prefix) = filter.customer_prefix.as_deref().map(str::trim).filter(|p| !p.is_empty())
    {
        // relationships.sort_name is the lowercased company name.
        let prefix = prefix.to_lowercase();
        let upper = crate::util::text::prefix_range_end(&prefix);
        q = q
            .filter(relationships::sort_name.ge(prefix))
            .filter(relationships::sort_name.lt(upper));
    }
    if let Some(op) = &filter.operation {
        q = q.filter(audit_log::operation.eq(op.clone()));
    }
    if let Some(user) = &filter.user_id {
        q = q.filter(audit_log::user_id.eq(user.clone()));
    }
    if let Some(c) = after {
        // (at, id) < cursor, written so that the time bound is an index range.
        q = q
            .filter(audit_log::at.le(c.at))
            .filter(audit_log::at.lt(c.at).or(audit_log::id.lt(c.id.clone())));
    }
    let rows: Vec<(AuditRecord, Option<String>)> = q.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(record, customer_name)| ActivityRow { record, customer_name })
        .collect())
}

/// The succeeded records about one customer of one partner from `since` on, of the given
/// operations, oldest first, at most `limit`.
pub fn list_for_customer_since(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    since: i64,
    operations: &[&str],
    limit: i64,
) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::partner_id.eq(partner_id))
        .filter(audit_log::customer_id.eq(customer_id))
        .filter(audit_log::at.ge(since))
        .filter(audit_log::status.eq(SUCCEEDED))
        .filter(audit_log::operation.eq_any(operations))
        .order((audit_log::at.asc(), audit_log::id.asc()))
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)
}

/// The partner's records with these ids, oldest first.
pub fn list_by_ids(
    conn: &mut AnyConnection,
    partner_id: &str,
    ids: &[&str],
) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::partner_id.eq(partner_id))
        .filter(audit_log::id.eq_any(ids))
        .order((audit_log::at.asc(), audit_log::id.asc()))
        .select(AuditRecord::as_select())
        .load(conn)
}

/// The names today of the partner's items of one kind (`subscription`, `azure_reservation`,
/// `software_purchase`), by id: what records written before names were kept are about. Read by
/// id alone (the partner is checked on the rows): with a filter on the partner too, SQLite may
/// choose the partner's index and read every one of its items.
pub fn current_names(
    conn: &mut AnyConnection,
    partner_id: &str,
    resource_type: &str,
    ids: &[String],
) -> QueryResult<Vec<(String, String)>> {
    use crate::db::schema::{reservations, software_purchases, subscriptions};
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let rows: Vec<(String, String, String)> = match resource_type {
        "subscription" => subscriptions::table
            .filter(subscriptions::id.eq_any(&ids))
            .select((subscriptions::id, subscriptions::partner_id, subscriptions::offer_name))
            .load(conn)?,
        "azure_reservation" => reservations::table
            .filter(reservations::id.eq_any(&ids))
            .select((reservations::id, reservations::partner_id, reservations::name))
            .load(conn)?,
        "software_purchase" => software_purchases::table
            .filter(software_purchases::id.eq_any(&ids))
            .select((
                software_purchases::id,
                software_purchases::partner_id,
                software_purchases::product,
            ))
            .load(conn)?,
        _ => Vec::new(),
    };
    Ok(rows.into_iter().filter(|(_, p, _)| p == partner_id).map(|(id, _, n)| (id, n)).collect())
}
