//! The activity log: the partner's audit records, filtered, read in keyset pages.

use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::audit::{self, ActivityRow, AuditRecord};
use crate::models::customer;
use crate::models::user::{self, User};
use crate::services::Ctx;
use crate::services::audit::OPERATIONS;
use crate::util::clock::{DAY_MS, parse_iso_date};

pub use crate::models::audit::{ActivityCursor, ActivityFilter};

/// The default range: the last this many days (and today), in UTC.
pub const DEFAULT_DAYS: i64 = 30;
pub const MAX_CUSTOMER_CHARS: usize = 200;
const MAX_ID_CHARS: usize = 64;

/// The filters as sent (or their defaults), shown again in the form and carried by the links.
/// An empty date means no bound.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub from: String,
    pub to: String,
    /// Company-name prefix.
    pub customer: String,
    /// One customer, by id (the Account page's "All activity for this customer").
    pub customer_id: String,
    pub operation: String,
    pub user: String,
}

/// Where a page starts: both parts of the cursor, or neither.
pub fn parse_cursor(
    before_at: Option<&str>,
    before_id: Option<&str>,
) -> Result<Option<ActivityCursor>, Msg> {
    let bad = || Msg::new("activity-error-cursor");
    fn part(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    match (part(before_at), part(before_id)) {
        (None, None) => Ok(None),
        (Some(at), Some(id)) if id.chars().count() <= MAX_ID_CHARS => {
            Ok(Some(ActivityCursor { at: at.parse().map_err(|_| bad())?, id: id.to_string() }))
        }
        _ => Err(bad()),
    }
}

/// The filters' checks that need no database: dates, lengths, the operation type.
pub fn parse_filter(form: &Filters, partner_id: &str) -> Result<ActivityFilter, Msg> {
    let date = |value: &str, which: &'static str| -> Result<Option<i64>, Msg> {
        if value.is_empty() {
            return Ok(None);
        }
        parse_iso_date(value).map(Some).ok_or_else(|| Msg::new(which))
    };
    let from_ms = date(&form.from, "activity-error-start-date")?;
    let to_ms = date(&form.to, "activity-error-end-date")?;
    if let (Some(from), Some(to)) = (from_ms, to_ms)
        && from > to
    {
        return Err(Msg::new("activity-error-date-order"));
    }
    if form.customer.chars().count() > MAX_CUSTOMER_CHARS {
        return Err(
            Msg::new("activity-error-customer-length").num("max", MAX_CUSTOMER_CHARS as f64)
        );
    }
    if form.customer_id.chars().count() > MAX_ID_CHARS {
        return Err(Msg::new("activity-error-customer"));
    }
    if !form.operation.is_empty() && !OPERATIONS.iter().any(|(c, _)| *c == form.operation) {
        return Err(Msg::new("activity-error-operation"));
    }
    if form.user.chars().count() > MAX_ID_CHARS {
        return Err(Msg::new("activity-error-user"));
    }
    let some = |v: &str| (!v.is_empty()).then(|| v.to_string());
    Ok(ActivityFilter {
        partner_id: partner_id.to_string(),
        from_ms,
        // The end date is included: records before the next day's midnight.
        until_ms: to_ms.map(|t| t + DAY_MS),
        customer_id: some(&form.customer_id),
        customer_prefix: some(&form.customer),
        operation: some(&form.operation),
        user_id: some(&form.user),
    })
}

/// What the filters name must be the partner's own: the user, and the one customer (whose
/// company name is returned for the page). Anything else is the same sentence whether it
/// exists elsewhere or not.
fn check_owned(
    c: &mut AnyConnection,
    filter: &ActivityFilter,
    users: &[User],
) -> AppResult<Result<Option<String>, Msg>> {
    if let Some(id) = &filter.user_id
        && !users.iter().any(|u| &u.id == id)
    {
        return Ok(Err(Msg::new("activity-error-user")));
    }
    let Some(id) = &filter.customer_id else { return Ok(Ok(None)) };
    Ok(match customer::find_for_partner(c, &filter.partner_id, id)? {
        Some((customer, _)) => Ok(Some(customer.company_name)),
        None => Err(Msg::new("activity-error-customer")),
    })
}

/// A page of the log, with what its form offers; `error` says why no rows were read.
pub struct Page {
    pub users: Vec<User>,
    pub customer_label: Option<String>,
    pub rows: Vec<ActivityRow>,
    /// Whether more records follow the page.
    pub more: bool,
    /// Whether the page started at a cursor (not at the newest record).
    pub paged: bool,
    pub error: Option<Msg>,
}

pub fn page(
    c: &mut AnyConnection,
    ctx: &Ctx,
    filters: &Filters,
    cursor: Result<Option<ActivityCursor>, Msg>,
    size: i64,
) -> AppResult<Page> {
    let users = user::list_for_partner(c, ctx.partner_id())?;
    let mut page = Page {
        users,
        customer_label: None,
        rows: Vec::new(),
        more: false,
        paged: false,
        error: None,
    };
    let parsed = cursor.and_then(|cursor| Ok((parse_filter(filters, ctx.partner_id())?, cursor)));
    let (filter, cursor) = match parsed {
        Ok(p) => p,
        Err(message) => {
            page.error = Some(message);
            return Ok(page);
        }
    };
    match check_owned(c, &filter, &page.users)? {
        Ok(label) => page.customer_label = label,
        Err(message) => {
            page.error = Some(message);
            return Ok(page);
        }
    }
    page.paged = cursor.is_some();
    page.rows = audit::list_activity(c, &filter, cursor.as_ref(), size + 1)?;
    page.more = page.rows.len() as i64 > size;
    page.rows.truncate(size as usize);
    name_older_records(c, &filter.partner_id, &mut page.rows, record_of)?;
    Ok(page)
}

/// Records written before names were kept name their subscription, reservation or software
/// purchase by its name today, where it still exists. `record` reaches a row's audit record.
pub fn name_older_records<T>(
    c: &mut AnyConnection,
    partner_id: &str,
    rows: &mut [T],
    record: fn(&mut T) -> &mut AuditRecord,
) -> AppResult<()> {
    for kind in ["subscription", "azure_reservation", "software_purchase"] {
        let unnamed = |r: &AuditRecord| r.resource_name.is_none() && r.resource_type == kind;
        let ids: Vec<String> = rows
            .iter_mut()
            .map(record)
            .filter(|r| unnamed(r))
            .filter_map(|r| r.resource_id.clone())
            .collect();
        if ids.is_empty() {
            continue;
        }
        let names: std::collections::HashMap<String, String> =
            audit::current_names(c, partner_id, kind, &ids)?.into_iter().collect();
        for r in rows.iter_mut().map(record).filter(|r| unnamed(r)) {
            r.resource_name = r.resource_id.as_ref().and_then(|id| names.get(id)).cloned();
        }
    }
    Ok(())
}

/// How `name_older_records` reaches the record of a row of the log.
fn record_of(row: &mut ActivityRow) -> &mut AuditRecord {
    &mut row.record
}

/// The checked filter of an export (400 with the sentence when it is not right).
pub fn export_filter(
    c: &mut AnyConnection,
    ctx: &Ctx,
    filters: &Filters,
) -> AppResult<ActivityFilter> {
    let filter = parse_filter(filters, ctx.partner_id()).map_err(AppError::BadRequest)?;
    let users = user::list_for_partner(c, ctx.partner_id())?;
    check_owned(c, &filter, &users)?.map_err(AppError::BadRequest)?;
    Ok(filter)
}

/// Up to `n` records of a filter built by the caller (the API's), after `after`: what it
/// names must be the partner's own (400 otherwise).
pub fn records(
    c: &mut AnyConnection,
    ctx: &Ctx,
    filter: &ActivityFilter,
    after: Option<&ActivityCursor>,
    n: i64,
) -> AppResult<Vec<ActivityRow>> {
    ctx.user.require(crate::auth::permissions::Permission::ViewActivity)?;
    let users = user::list_for_partner(c, ctx.partner_id())?;
    check_owned(c, filter, &users)?.map_err(AppError::BadRequest)?;
    Ok(audit::list_activity(c, filter, after, n)?)
}

/// Up to `n` records of a checked filter after `after`.
pub fn batch(
    c: &mut AnyConnection,
    filter: &ActivityFilter,
    after: Option<&ActivityCursor>,
    n: i64,
) -> AppResult<Vec<ActivityRow>> {
    let mut rows = audit::list_activity(c, filter, after, n)?;
    name_older_records(c, &filter.partner_id, &mut rows, record_of)?;
    Ok(rows)
}
