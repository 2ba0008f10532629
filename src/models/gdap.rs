//! GDAP admin relationships (Graph's `delegatedAdminRelationship`) and their Entra roles: rows
//! and queries, every one scoped by partner except the customer's own view across partners.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{customers, gdap_relationship_roles, gdap_relationships, partners};

/// Graph's statuses, as stored.
pub const CREATED: &str = "created";
pub const APPROVAL_PENDING: &str = "approvalPending";
pub const APPROVED: &str = "approved";
pub const ACTIVATING: &str = "activating";
pub const ACTIVE: &str = "active";
pub const EXPIRING: &str = "expiring";
pub const EXPIRED: &str = "expired";
pub const TERMINATION_REQUESTED: &str = "terminationRequested";
pub const TERMINATING: &str = "terminating";
pub const TERMINATED: &str = "terminated";

/// Every status, in the order of a relationship's life (the GDAP page's filter).
pub const STATUSES: [&str; 10] = [
    CREATED,
    APPROVAL_PENDING,
    APPROVED,
    ACTIVATING,
    ACTIVE,
    EXPIRING,
    EXPIRED,
    TERMINATION_REQUESTED,
    TERMINATING,
    TERMINATED,
];

/// The statuses that give the partner access (the kept count `relationships.active_gdap`).
pub const LIVE: [&str; 2] = [ACTIVE, EXPIRING];

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = gdap_relationships)]
pub struct GdapRelationship {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub display_name: String,
    pub duration_days: i32,
    /// 0 (Graph's `PT0S`) or 180 (`P180D`).
    pub auto_extend_days: i32,
    pub status: String,
    pub created_by: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub activated_at: Option<i64>,
    pub end_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub ended_by: Option<String>,
}

impl GdapRelationship {
    /// Active or expiring: the partner has access now.
    pub fn is_live(&self) -> bool {
        LIVE.contains(&self.status.as_str())
    }

    /// Graph's `duration`, `P730D`.
    pub fn duration_iso(&self) -> String {
        format!("P{}D", self.duration_days)
    }

    /// Graph's `autoExtendDuration`, `P180D` or `PT0S`.
    pub fn auto_extend_iso(&self) -> &'static str {
        if self.auto_extend_days > 0 { "P180D" } else { "PT0S" }
    }
}

/// A row of the GDAP page: the relationship, its customer's name and how many roles it has.
#[derive(Debug, Clone)]
pub struct ListRow {
    pub rel: GdapRelationship,
    pub customer_name: String,
    pub roles: i64,
}

/// Where a page of the GDAP list starts: after this (end, name); relationships without an end
/// come after all that have one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub end_at: Option<i64>,
    pub display_name: String,
}

/// What the GDAP page narrows its list to.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// One stored status.
    pub status: Option<String>,
    /// Active or expiring ones whose end is at most this (UTC ms).
    pub ends_by: Option<i64>,
}

pub fn insert(conn: &mut AnyConnection, row: &GdapRelationship) -> QueryResult<()> {
    diesel::insert_into(gdap_relationships::table).values(row).execute(conn).map(|_| ())
}

pub fn insert_roles(
    conn: &mut AnyConnection,
    relationship_id: &str,
    role_ids: &[&str],
) -> QueryResult<()> {
    for id in role_ids {
        diesel::insert_into(gdap_relationship_roles::table)
            .values((
                gdap_relationship_roles::relationship_id.eq(relationship_id),
                gdap_relationship_roles::role_definition_id.eq(*id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The relationship's roles (`roleDefinitionId`s).
pub fn roles(conn: &mut AnyConnection, relationship_id: &str) -> QueryResult<Vec<String>> {
    gdap_relationship_roles::table
        .filter(gdap_relationship_roles::relationship_id.eq(relationship_id))
        .select(gdap_relationship_roles::role_definition_id)
        .order(gdap_relationship_roles::role_definition_id.asc())
        .load(conn)
}

/// The partner's relationship with this id.
pub fn find(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Option<GdapRelationship>> {
    gdap_relationships::table
        .filter(gdap_relationships::id.eq(id))
        .filter(gdap_relationships::partner_id.eq(partner_id))
        .select(GdapRelationship::as_select())
        .first(conn)
        .optional()
}

/// The relationship with this id whatever its partner (the customer's side and the job runner,
/// which check whose it is themselves), locked for a change: `FOR UPDATE` on PostgreSQL; on
/// SQLite the writing transaction holds the database's one write lock.
pub fn lock_any(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<GdapRelationship>> {
    let row = gdap_relationships::table.filter(gdap_relationships::id.eq(id));
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(GdapRelationship::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => row.select(GdapRelationship::as_select()).first(sq).optional(),
    }
}

/// `lock_any`, for the partner's own relationship only.
pub fn lock(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Option<GdapRelationship>> {
    Ok(lock_any(conn, id)?.filter(|r| r.partner_id == partner_id))
}

/// Whether the partner already has a relationship of this name.
pub fn name_taken(conn: &mut AnyConnection, partner_id: &str, name: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        gdap_relationships::table
            .filter(gdap_relationships::partner_id.eq(partner_id))
            .filter(gdap_relationships::display_name.eq(name)),
    ))
    .get_result(conn)
}

/// One page of the partner's relationships for the GDAP page, ordered by end (those without one
/// last), then name: `limit + 1` rows after `after` (the extra row tells whether a next page
/// exists), each with its customer's name and number of roles.
pub fn list_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    filter: &Filter,
    after: Option<&Cursor>,
    limit: i64,
) -> QueryResult<Vec<ListRow>> {
    use gdap_relationships as g;
    let mut q = g::table
        .inner_join(customers::table)
        .filter(g::partner_id.eq(partner_id))
        .select((GdapRelationship::as_select(), customers::company_name))
        .into_boxed();
    if let Some(status) = &filter.status {
        q = q.filter(g::status.eq(status.clone()));
    }
    if let Some(by) = filter.ends_by {
        q = q.filter(g::status.eq_any(LIVE)).filter(g::end_at.le(by));
    }
    match after {
        Some(Cursor { end_at: Some(end), display_name }) => {
            q = q.filter(
                g::end_at
                    .gt(*end)
                    .or(g::end_at.eq(*end).and(g::display_name.gt(display_name.clone())))
                    .or(g::end_at.is_null()),
            );
        }
        Some(Cursor { end_at: None, display_name }) => {
            q = q.filter(g::end_at.is_null()).filter(g::display_name.gt(display_name.clone()));
        }
        None => {}
    }
    let rows: Vec<(GdapRelationship, String)> = q
        .order((g::end_at.is_null().asc(), g::end_at.asc(), g::display_name.asc()))
        .limit(limit)
        .load(conn)?;
    with_role_counts(conn, rows)
}

fn with_role_counts(
    conn: &mut AnyConnection,
    rows: Vec<(GdapRelationship, String)>,
) -> QueryResult<Vec<ListRow>> {
    let ids: Vec<&str> = rows.iter().map(|(r, _)| r.id.as_str()).collect();
    // One query for the page's counts, not one per row.
    let counts: Vec<(String, i64)> = gdap_relationship_roles::table
        .filter(gdap_relationship_roles::relationship_id.eq_any(&ids))
        .group_by(gdap_relationship_roles::relationship_id)
        .select((gdap_relationship_roles::relationship_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(rel, customer_name)| {
            let roles = counts.iter().find(|(id, _)| *id == rel.id).map_or(0, |(_, n)| *n);
            ListRow { rel, customer_name, roles }
        })
        .collect())
}

/// The partner's relationships with one customer, newest first (Account page, removal).
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<GdapRelationship>> {
    gdap_relationships::table
        .filter(gdap_relationships::partner_id.eq(partner_id))
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .order((gdap_relationships::created_at.desc(), gdap_relationships::id.asc()))
        .select(GdapRelationship::as_select())
        .load(conn)
}

/// The partner's active or expiring relationships with one customer, locked, by name.
pub fn live_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<GdapRelationship>> {
    let rows = || {
        gdap_relationships::table
            .filter(gdap_relationships::partner_id.eq(partner_id))
            .filter(gdap_relationships::customer_id.eq(customer_id))
            .filter(gdap_relationships::status.eq_any(LIVE))
            .order(gdap_relationships::display_name.asc())
    };
    match conn {
        AnyConnection::Postgresql(pg) => {
            rows().select(GdapRelationship::as_select()).for_update().load(pg)
        }
        AnyConnection::Sqlite(sq) => rows().select(GdapRelationship::as_select()).load(sq),
    }
}

/// A customer's relationships with every partner, with the partner's name, by partner then end.
pub fn list_across_partners(
    conn: &mut AnyConnection,
    customer_id: &str,
) -> QueryResult<Vec<(GdapRelationship, String)>> {
    gdap_relationships::table
        .inner_join(partners::table)
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .order((partners::name.asc(), gdap_relationships::display_name.asc()))
        .select((GdapRelationship::as_select(), partners::name))
        .load(conn)
}

/// What a status change writes besides the status.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub activated_at: Option<i64>,
    pub end_at: Option<i64>,
    /// Set with `ended_by` when the relationship ends.
    pub ended_at: Option<i64>,
    pub ended_by: Option<String>,
}

/// Moves the relationship from `from` to `to`; false when it was no longer in `from`.
pub fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    from: &str,
    to: &str,
    now: i64,
    change: &Change,
) -> QueryResult<bool> {
    use gdap_relationships as g;
    let row = g::table.filter(g::id.eq(id)).filter(g::status.eq(from));
    let n = diesel::update(row).set((g::status.eq(to), g::updated_at.eq(now))).execute(conn)?;
    if n == 0 {
        return Ok(false);
    }
    let one = g::table.filter(g::id.eq(id));
    if let Some(at) = change.activated_at {
        diesel::update(one).set(g::activated_at.eq(at)).execute(conn)?;
    }
    if let Some(end) = change.end_at {
        diesel::update(one).set(g::end_at.eq(end)).execute(conn)?;
    }
    if let Some(at) = change.ended_at {
        diesel::update(one)
            .set((g::ended_at.eq(at), g::ended_by.eq(change.ended_by.clone())))
            .execute(conn)?;
    }
    Ok(true)
}

pub fn set_auto_extend(
    conn: &mut AnyConnection,
    id: &str,
    days: i32,
    now: i64,
) -> QueryResult<usize> {
    use gdap_relationships as g;
    diesel::update(g::table.filter(g::id.eq(id)))
        .set((g::auto_extend_days.eq(days), g::updated_at.eq(now)))
        .execute(conn)
}

pub fn set_end(conn: &mut AnyConnection, id: &str, end_at: i64, now: i64) -> QueryResult<usize> {
    use gdap_relationships as g;
    diesel::update(g::table.filter(g::id.eq(id)))
        .set((g::end_at.eq(end_at), g::updated_at.eq(now)))
        .execute(conn)
}

/// The audit records about one of the partner's relationships, oldest first (its history).
pub fn history(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Vec<crate::models::audit::AuditRecord>> {
    use crate::db::schema::audit_log;
    audit_log::table
        .filter(audit_log::partner_id.eq(partner_id))
        .filter(audit_log::resource_type.eq(RESOURCE_TYPE))
        .filter(audit_log::resource_id.eq(id))
        .filter(audit_log::status.eq(crate::models::audit::SUCCEEDED))
        .order((audit_log::at.asc(), audit_log::id.asc()))
        .select(crate::models::audit::AuditRecord::as_select())
        .load(conn)
}

/// Partner Center's audit resource type of a GDAP relationship.
pub const RESOURCE_TYPE: &str = "granular_admin_relationship";

/// The partner's customers with a reseller relationship (id, name), by name: the new
/// relationship form's choice. At most `limit`.
pub fn reseller_customers(
    conn: &mut AnyConnection,
    partner_id: &str,
    limit: i64,
) -> QueryResult<Vec<(String, String)>> {
    use crate::db::schema::relationships as r;
    r::table
        .filter(r::partner_id.eq(partner_id))
        .filter(r::relationship_to_partner.eq(crate::models::relationship::RESELLER))
        .order((r::sort_name.asc(), r::customer_id.asc()))
        .select((r::customer_id, r::company_name))
        .limit(limit)
        .load(conn)
}
