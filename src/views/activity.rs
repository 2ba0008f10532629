//! The Activity log page and its results fragment, a customer's timeline on the Account page,
//! and how an audit record reads: operation labels, times, the CSV export's cells.

use askama::Template;
use askama_web::WebTemplate;

use super::Layout;
use crate::i18n::{Locale, Msg};
use crate::models::audit::{ActivityRow, AuditRecord, FAILED};

/// The label of an operation code; an unknown code reads as words ("some_new_thing" →
/// "Some new thing").
pub fn operation_label(code: &str) -> String {
    if let Some((_, label)) = OPERATIONS.iter().find(|(c, _)| *c == code) {
        return (*label).to_string();
    }
    let words = code.replace('_', " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One audit record as the activity log and the Account page's timeline show it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// `2026-11-24T09:13:00Z`, the `datetime` of its `<time>` element.
    pub at_iso: String,
    /// `Nov 24, 2026, 09:13 UTC` (the page shows `Locale::datetime(at)` until the script rewrites
    /// it to local time).
    pub at_text: String,
    pub customer_id: Option<String>,
    /// Set only when the partner has a relationship row with the customer.
    pub customer_name: Option<String>,
    pub operation_label: String,
    /// The stored operation code and time (UTC ms), for the translated label and time.
    pub operation: String,
    pub at: i64,
    pub actor: String,
    pub failed: bool,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// What the record is about, by its name when it was written (or today, for older records).
    pub resource_name: Option<String>,
    pub resource_type: String,
    /// Records of one request (one offboarding run) are shown together.
    pub request_id: String,
    /// A refusal's sentence, to be shown in the reader's language.
    pub reason: Option<Msg>,
}

impl Entry {
    pub fn new(r: AuditRecord, customer_name: Option<String>) -> Self {
        Entry {
            at_iso: crate::util::clock::iso_datetime(r.at),
            at_text: crate::i18n::Locale::En.datetime(r.at),
            customer_id: r.customer_id,
            customer_name,
            operation_label: operation_label(&r.operation),
            operation: r.operation.clone(),
            at: r.at,
            actor: r.actor,
            failed: r.status == FAILED,
            old_value: r.old_value,
            new_value: r.new_value,
            resource_name: r.resource_name,
            resource_type: r.resource_type,
            request_id: r.request_id,
            reason: r.reason.as_deref().and_then(|json| serde_json::from_str(json).ok()),
        }
    }

    /// The customer's id and name, when the partner may open its Account page.
    pub fn customer(&self) -> Option<(&str, &str)> {
        Some((self.customer_id.as_deref()?, self.customer_name.as_deref()?))
    }

    /// The operation's label in a locale (`op-<code>` in the messages; an unknown code reads
    /// as words, like `operation_label`).
    pub fn operation_in(&self, l: &Locale) -> String {
        let key = format!("op-{}", self.operation);
        if l.has(&key) { l.t(&key) } else { operation_label(&self.operation) }
    }

    /// Old → new value in a locale: each `key: value` part of the stored values with its key
    /// and known values translated ("Status: Active → Suspended"), a refusal's sentence in the
    /// locale; what is not known reads as stored.
    pub fn change_in(&self, l: &Locale) -> String {
        if let Some(reason) = self.reason.as_ref().filter(|m| l.has(&m.key)) {
            return l.msg(reason);
        }
        let ty = self.resource_type.as_str();
        let none = l.t("change-none");
        match (self.old_value.as_deref(), self.new_value.as_deref()) {
            (Some(old), Some(new)) => changed_parts(l, ty, &parts(old), &parts(new))
                .unwrap_or_else(|| format!("{} → {}", show(l, ty, old), show(l, ty, new))),
            (Some(old), None) => format!("{} → {none}", show(l, ty, old)),
            (None, Some(new)) => show(l, ty, new),
            (None, None) => String::new(),
        }
    }
}

/// A stored value's parts: `key: value; key: value`, or bare words (`name: X; active`).
fn parts(stored: &str) -> Vec<(Option<&str>, &str)> {
    stored
        .split("; ")
        .map(|part| match part.split_once(": ") {
            Some((key, value)) => (Some(key), value),
            None => (None, part),
        })
        .collect()
}

/// A stored key or value as part of a message id ("delegated admin" → "delegated-admin"), when
/// it can be one.
fn slug(text: &str) -> Option<String> {
    let ok = !text.is_empty()
        && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_'));
    ok.then(|| text.replace(' ', "-"))
}

/// A value's label (`audit-value-<key>-<value>`, or `audit-value-<word>` for a bare word);
/// the resource type lets a language agree with the item ("Aktywna" subscription, "Aktywny"
/// purchase). An unknown value reads as stored.
fn value_label(l: &Locale, ty: &str, key: Option<&str>, value: &str) -> String {
    use crate::models::role::Role;
    use crate::models::subscription::Term;
    // Stored values that have labels of their own: a list of roles, a term.
    match key {
        Some("roles") => {
            let roles: Option<Vec<Role>> = value.split(", ").map(Role::parse).collect();
            if let Some(roles) = roles {
                return roles.iter().map(|r| l.t(r.key())).collect::<Vec<_>>().join(", ");
            }
        }
        Some("term") => {
            if let Some(term) = Term::parse(value) {
                return l.t(term.key());
            }
        }
        _ => {}
    }
    let id = match key {
        Some(key) => slug(key).zip(slug(value)).map(|(k, v)| format!("audit-value-{k}-{v}")),
        None => slug(value).map(|v| format!("audit-value-{v}")),
    };
    match id.filter(|id| l.has(id)) {
        Some(id) => l.t1(&id, "type", ty),
        None => value.to_string(),
    }
}

/// "Label: text" for a keyed part (`audit-key-<key>`, or the key as stored), the text alone
/// for a bare word.
fn labelled(l: &Locale, key: Option<&str>, text: String) -> String {
    let Some(key) = key else { return text };
    let label = match slug(key).map(|k| format!("audit-key-{k}")).filter(|id| l.has(id)) {
        Some(id) => l.t(&id),
        None => key.to_string(),
    };
    format!("{label}: {text}")
}

/// One stored value, each part labelled.
fn show(l: &Locale, ty: &str, stored: &str) -> String {
    parts(stored)
        .into_iter()
        .map(|(k, v)| labelled(l, k, value_label(l, ty, k, v)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Old and new values part by part ("Relationship: Reseller → None; Delegated admin: On →
/// Off; Support contacts removed: 1"), when they share a key; `None` when they have nothing in
/// common.
fn changed_parts(
    l: &Locale,
    ty: &str,
    old: &[(Option<&str>, &str)],
    new: &[(Option<&str>, &str)],
) -> Option<String> {
    let none = l.t("change-none");
    let mut used = vec![false; old.len()];
    let mut out = Vec::new();
    let mut shared = false;
    for (key, value) in new {
        let to = value_label(l, ty, *key, value);
        let found = (0..old.len()).find(|&i| !used[i] && old[i].0 == *key);
        let text = match found {
            Some(i) => {
                used[i] = true;
                shared |= key.is_some();
                if old[i].1 == *value {
                    to
                } else {
                    format!("{} → {to}", value_label(l, ty, *key, old[i].1))
                }
            }
            // A part only the new value has (a count of what went with the change).
            None => to,
        };
        out.push(labelled(l, *key, text));
    }
    for ((key, value), _) in old.iter().zip(&used).filter(|(_, used)| !**used) {
        out.push(labelled(l, *key, format!("{} → {none}", value_label(l, ty, *key, value))));
    }
    // Two bare values ("pending" → "revoked") share no key but still read as one change.
    let bare = old.len() == 1 && new.len() == 1 && old[0].0.is_none() && new[0].0.is_none();
    (shared || bare).then(|| out.join("; "))
}

/// Consecutive records of one request (an offboarding run, a suspension with its add-ons),
/// shown as one entry. Grouping is within a page: a run that straddles a page boundary shows
/// as one entry on each page.
pub struct Group<'a> {
    pub entries: &'a [Entry],
}

/// The entries of a page, consecutive records of one request together.
pub fn groups(entries: &[Entry]) -> Vec<Group<'_>> {
    entries.chunk_by(|a, b| a.request_id == b.request_id).map(|entries| Group { entries }).collect()
}

/// What a group's summary counts, in this order (`activity-group-other` names its operation).
const GROUP_COUNTS: &[&str] = &[
    "activity-group-suspended",
    "activity-group-reactivated",
    "activity-group-reservations-cancelled",
    "activity-group-savings-plans-cancelled",
    "activity-group-software-cancelled",
    "activity-group-subscriptions-cancelled",
    "activity-group-auto-renew-off",
    "activity-group-other",
];

impl Group<'_> {
    /// The entry a one-record group is, and the one whose time, customer and user a larger
    /// group shows.
    pub fn first(&self) -> &Entry {
        &self.entries[0]
    }

    pub fn is_single(&self) -> bool {
        self.entries.len() == 1
    }

    pub fn failed(&self) -> bool {
        self.entries.iter().any(|e| e.failed)
    }

    /// Whether the records are of more than one operation (each item then says its own).
    pub fn mixed(&self) -> bool {
        self.entries.iter().any(|e| e.operation != self.first().operation)
    }

    /// The operation of all the records, or "Prepare for removal" for several kinds; a
    /// scheduled removal names the records it brought with it (auto-renew turned off, the
    /// removal itself).
    pub fn title_in(&self, l: &Locale) -> String {
        if !self.mixed() {
            return self.first().operation_in(l);
        }
        const LEADS: [&str; 2] = ["schedule_removal", "run_scheduled_removal"];
        match self.entries.iter().find(|e| LEADS.contains(&e.operation.as_str())) {
            Some(lead) => lead.operation_in(l),
            None => l.t("offboarding-title"),
        }
    }

    /// What the records did: "4 subscriptions suspended, 1 reservation cancelled".
    pub fn summary_in(&self, l: &Locale) -> String {
        // Counted by what happened, in the order of `GROUP_COUNTS`, then others as first seen.
        let mut counts: Vec<(String, &'static str, usize)> = Vec::new();
        for e in self.entries {
            let key = match (e.operation.as_str(), e.new_value.as_deref(), e.failed) {
                (_, _, true) => None,
                ("update_subscription", Some("status: suspended"), _) => {
                    Some("activity-group-suspended")
                }
                ("update_subscription", Some("status: active"), _) => {
                    Some("activity-group-reactivated")
                }
                ("update_subscription", Some(v), _) if v.starts_with("status: deleted") => {
                    Some("activity-group-subscriptions-cancelled")
                }
                ("update_subscription", Some("auto-renew: off"), _) => {
                    Some("activity-group-auto-renew-off")
                }
                ("cancel_reservation", _, _) => Some("activity-group-reservations-cancelled"),
                ("cancel_savings_plan", _, _) => Some("activity-group-savings-plans-cancelled"),
                ("cancel_software_purchase", _, _) => Some("activity-group-software-cancelled"),
                _ => None,
            };
            let (what, key) = match key {
                Some(key) => (key.to_string(), key),
                None => (e.operation_in(l), "activity-group-other"),
            };
            match counts.iter_mut().find(|(w, _, _)| *w == what) {
                Some((_, _, n)) => *n += 1,
                None => counts.push((what, key, 1)),
            }
        }
        counts.sort_by_key(|(_, key, _)| GROUP_COUNTS.iter().position(|k| k == key));
        let parts: Vec<String> = counts
            .iter()
            .map(|(what, key, n)| match *key {
                "activity-group-other" => l.t2(key, "operation", what, "count", n),
                _ => l.t1(key, "count", n),
            })
            .collect();
        parts.join(", ")
    }
}

impl From<AuditRecord> for Entry {
    fn from(r: AuditRecord) -> Self {
        Entry::new(r, None)
    }
}

impl From<ActivityRow> for Entry {
    fn from(r: ActivityRow) -> Self {
        Entry::new(r.record, r.customer_name)
    }
}

/// The filters as the form shows them again and the links carry them.
pub use crate::services::activity::Filters as FilterForm;
pub use crate::services::audit::OPERATIONS;

impl FilterForm {
    /// The filters as a query string (both dates always, so a link keeps its range).
    pub fn query(&self) -> String {
        self.query_with(true)
    }

    /// The filters without the one-customer filter.
    pub fn query_without_customer_id(&self) -> String {
        self.query_with(false)
    }

    fn query_with(&self, customer_id: bool) -> String {
        use crate::util::urls::urlencode;
        let mut qs = format!("from={}&to={}", urlencode(&self.from), urlencode(&self.to));
        let optional = [
            ("customer", &self.customer, true),
            ("customer_id", &self.customer_id, customer_id),
            ("operation", &self.operation, true),
            ("user", &self.user, true),
        ];
        for (name, value, include) in optional {
            if include && !value.is_empty() {
                qs.push_str(&format!("&{name}={}", urlencode(value)));
            }
        }
        qs
    }
}

/// One option of a select.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/activity.html", blocks = ["results"])]
pub struct ActivityPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub form: FilterForm,
    /// The company name of the customer the one-customer filter names.
    pub customer_label: Option<String>,
    pub operations: Vec<Choice>,
    pub users: Vec<Choice>,
    pub rows: Vec<Entry>,
    /// Link to the next page (filters and cursor), if there is one.
    pub next_page: Option<String>,
    /// Link to the first page of the same filters, shown on later pages.
    pub first_page: Option<String>,
    /// Why the filters could not be applied (the page answers 400).
    pub error: Option<String>,
}

/// Columns of the CSV export: keys of their headers, translated for the viewer.
pub const CSV_HEADER: &[&str] = &[
    "csv-time",
    "csv-customer",
    "csv-customer-id",
    "csv-operation",
    "csv-operation-code",
    "csv-user",
    "csv-status",
    "csv-old-value",
    "csv-new-value",
    "csv-resource-type",
    "csv-resource-id",
    "csv-resource-name",
    "csv-request-id",
];

/// A cell as a spreadsheet must take it: text a spreadsheet would take for a formula (starting
/// with = + - @, tab or carriage return) gets a leading single quote, so it stays text.
pub fn guard_formula(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// Appends one CSV line (RFC 4180: quoted where needed, quotes doubled, ended by CRLF), each
/// cell guarded against formulas.
pub fn csv_line<'a>(cells: impl IntoIterator<Item = &'a str>, out: &mut String) {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(256)
        .from_writer(Vec::new());
    let written = w
        .write_record(cells.into_iter().map(guard_formula).map(|c| c.into_owned()))
        .and_then(|()| w.flush().map_err(Into::into));
    if let (Ok(()), Ok(bytes)) = (written, w.into_inner()) {
        out.push_str(&String::from_utf8_lossy(&bytes));
    }
}

/// Appends one record as a CSV line, in the order of `CSV_HEADER`.
/// The operation label is in the viewer's language; codes and values stay as stored.
pub fn csv_record(row: &ActivityRow, l: Locale, out: &mut String) {
    let r = &row.record;
    let at = crate::util::clock::iso_datetime(r.at);
    let label = Entry::new(r.clone(), None).operation_in(&l);
    fn opt(v: &Option<String>) -> &str {
        v.as_deref().unwrap_or("")
    }
    csv_line(
        [
            at.as_str(),
            row.customer_name.as_deref().unwrap_or(""),
            opt(&r.customer_id),
            label.as_str(),
            r.operation.as_str(),
            r.actor.as_str(),
            r.status.as_str(),
            opt(&r.old_value),
            opt(&r.new_value),
            r.resource_type.as_str(),
            opt(&r.resource_id),
            opt(&r.resource_name),
            r.request_id.as_str(),
        ],
        out,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_known_and_unknown_codes() {
        assert_eq!(
            operation_label("remove_partner_customer_relationship"),
            "Remove reseller relationship"
        );
        assert_eq!(operation_label("rotate_api_key"), "Rotate api key");
        assert_eq!(operation_label(""), "");
    }

    fn entry(ty: &str, old: Option<&str>, new: Option<&str>) -> Entry {
        Entry::new(
            AuditRecord {
                id: "r".into(),
                partner_id: None,
                user_id: None,
                actor: "a".into(),
                customer_id: None,
                operation: "x".into(),
                resource_type: ty.into(),
                resource_id: None,
                old_value: old.map(Into::into),
                new_value: new.map(Into::into),
                status: crate::models::audit::SUCCEEDED.into(),
                at: 0,
                request_id: "q".into(),
                correlation_id: None,
                resource_name: None,
                reason: None,
            },
            None,
        )
    }

    #[test]
    fn stored_values_read_part_by_part() {
        let (en, pl) = (Locale::En, Locale::Pl);
        let change = |ty, old, new, l: Locale| entry(ty, old, new).change_in(&l);
        let sub = "subscription";
        assert_eq!(
            change(sub, Some("status: active"), Some("status: suspended"), en),
            "Status: Active → Suspended"
        );
        assert_eq!(
            change(sub, Some("status: active"), Some("status: suspended"), pl),
            "Stan: Aktywna → Wstrzymana"
        );
        // The adjective agrees with the item.
        let sw = "software_purchase";
        assert_eq!(
            change(sw, Some("status: active"), Some("status: cancelled"), pl),
            "Stan: Aktywny → Anulowany"
        );
        // Bare words, and values with nothing in common.
        let key = "api_key";
        assert_eq!(
            change(key, Some("name: ci; active"), Some("name: ci; revoked"), en),
            "Name: ci; Active → Revoked"
        );
        assert_eq!(change("x", Some("pending"), Some("revoked"), pl), "Oczekujące → Odwołane");
        assert_eq!(
            change("x", Some("no relationship"), Some("relationship: reseller"), en),
            "No relationship → Relationship: Reseller"
        );
        // A part only one side has, unknown keys and values, one side missing.
        assert_eq!(
            change("x", Some("roles: a"), Some("roles: b; sessions ended: 2"), en),
            "Roles: a → b; Sessions ended: 2"
        );
        assert_eq!(change("x", Some("odd: 1; more"), None, pl), "odd: 1; more → (brak)");
        assert_eq!(change("x", None, Some("offer: E3; quantity: 5"), pl), "Oferta: E3; Liczba: 5");
        assert_eq!(change("x", None, None, en), "");
        // Fixed phrases, roles and terms have labels too.
        assert_eq!(
            change("session", None, Some("password and authenticator code"), pl),
            "Hasło i kod z aplikacji uwierzytelniającej"
        );
        assert_eq!(
            change("user", Some("roles: global_admin"), Some("roles: none"), pl),
            "Role: Administrator globalny → Brak"
        );
        assert_eq!(change("x", None, Some("term: P1Y"), en), "Term: 1 year");
        let invitation = "pending; customer: new; organisation: Nowa Sp. z o.o.; \
                          with delegated admin privileges; sent to: admin@newco.example";
        assert_eq!(
            change("relationship_request", None, Some(invitation), pl),
            "Oczekujące; Klient: Nowy klient; Organizacja: Nowa Sp. z o.o.; \
             Z delegowanymi uprawnieniami administratora; Wysłano do: admin@newco.example"
        );
    }

    #[test]
    fn a_refusal_reads_in_the_locale_and_an_unknown_key_as_stored() {
        let mut e = entry("subscription", None, Some("English text."));
        e.reason = Some(Msg::new("error-purchases-blocked"));
        assert!(e.change_in(&Locale::Pl).starts_with("Zakupy dla tego klienta"));
        e.reason = Some(Msg { key: "retired_key".into(), args: Vec::new() });
        assert_eq!(e.change_in(&Locale::Pl), "English text.");
    }

    #[test]
    fn csv_cells_are_quoted_and_guarded() {
        let cell = |v: &str| {
            let mut s = String::new();
            csv_line([v, "x"], &mut s);
            s.strip_suffix(",x\r\n").map(str::to_owned).unwrap_or(s)
        };
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assert_eq!(crate::util::clock::iso_datetime(0), "1970-01-01T00:00:00Z");
    }
}
