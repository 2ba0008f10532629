//! The Activity log: only the own partner's records, filters, the default range, keyset paging,
//! bad filter values, the streamed CSV export, roles, and a customer's timeline on its Account page.

mod common;

use actix_web::body::{BodySize, MessageBody};
use actix_web::test::{self, TestRequest};
use common::plans;
use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::AnyConnection;
use partnerdesk::models::audit::{self, AuditRecord};
use partnerdesk::models::customer::Customer;
use partnerdesk::models::partner::Partner;
use partnerdesk::util::{
    clock::{DAY_MS, now_ms},
    tokens::new_id,
};

/// An audit record as a service would write it; `new_value` doubles as a marker to look for.
struct Rec<'a> {
    partner: &'a Partner,
    actor: &'a str,
    customer: Option<&'a Customer>,
    operation: &'a str,
    at: i64,
    failed: bool,
    old_value: Option<&'a str>,
    new_value: &'a str,
    /// The item (type and id) the record is about, and its request.
    resource: Option<(&'a str, &'a str)>,
    request_id: Option<&'a str>,
}

impl<'a> Rec<'a> {
    fn new(partner: &'a Partner, actor: &'a str, new_value: &'a str) -> Self {
        Rec {
            partner,
            actor,
            customer: None,
            operation: "update_subscription",
            at: now_ms() - 60_000,
            failed: false,
            old_value: None,
            new_value,
            resource: None,
            request_id: None,
        }
    }
    fn about(mut self, resource_type: &'a str, id: &'a str) -> Self {
        self.resource = Some((resource_type, id));
        self
    }
    fn request(mut self, id: &'a str) -> Self {
        self.request_id = Some(id);
        self
    }
    fn customer(mut self, c: &'a Customer) -> Self {
        self.customer = Some(c);
        self
    }
    fn op(mut self, operation: &'a str) -> Self {
        self.operation = operation;
        self
    }
    fn at(mut self, at: i64) -> Self {
        self.at = at;
        self
    }
    fn old(mut self, old: &'a str) -> Self {
        self.old_value = Some(old);
        self
    }
    fn failed(mut self) -> Self {
        self.failed = true;
        self
    }
    fn insert(self, c: &mut AnyConnection) {
        let user = user_id(c, self.actor);
        audit::insert(
            c,
            &AuditRecord {
                id: new_id(),
                partner_id: Some(self.partner.id.clone()),
                user_id: Some(user),
                actor: self.actor.to_string(),
                customer_id: self.customer.map(|c| c.id.clone()),
                operation: self.operation.to_string(),
                resource_type: self.resource.map_or("subscription", |r| r.0).into(),
                resource_id: Some(self.resource.map_or_else(new_id, |r| r.1.to_string())),
                old_value: self.old_value.map(str::to_string),
                new_value: Some(self.new_value.to_string()),
                status: if self.failed { audit::FAILED } else { audit::SUCCEEDED }.into(),
                at: self.at,
                request_id: self.request_id.map_or_else(new_id, str::to_string),
                correlation_id: None,
                resource_name: None,
                reason: None,
            },
        )
        .unwrap();
    }
}

/// Midnight UTC today.
fn today() -> i64 {
    let now = now_ms();
    now - now.rem_euclid(DAY_MS)
}

fn date(ms: i64) -> String {
    partnerdesk::util::clock::iso_date(ms)
}

/// The href of a link with this text (entities decoded).
fn link(r: &Resp, text: &str) -> Option<String> {
    let re =
        regex::Regex::new(&format!(r#"href="([^"]+)"[^>]*>{}<"#, regex::escape(text))).unwrap();
    re.captures(&r.body).map(|c| c[1].replace("&#38;", "&").replace("&amp;", "&"))
}

#[actix_web::test]
async fn shows_the_own_partners_records_and_never_another_partners() {
    let (env, w, app, mut alpha) = Env::signed_in(GLOBAL_ADMIN).await;

    // Real actions on both sides: Alpha suspends Contoso's base, Beta suspends its customer's.
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base);
    post(&app, &mut alpha, &path, &[("status", "suspended")]).await.assert_status(303);
    let mut beta = sign_in(&app, OTHER_ADMIN).await;
    let path = format!("/customers/{}/subscriptions/{}/status", w.beta_customer.id, w.beta_sub);
    post(&app, &mut beta, &path, &[("status", "suspended")]).await.assert_status(303);
    // A record of Beta about Alpha's customer is Beta's, not Alpha's.
    Rec::new(&w.beta, OTHER_ADMIN, "beta-about-contoso")
        .customer(&w.contoso)
        .insert(&mut env.conn());

    let page = get(&app, &mut alpha, "/activity").await;
    page.assert_status(200)
        .assert_contains("<h1 class=\"page-title\">Activity log</h1>")
        .assert_contains(r#"<a href="/activity" aria-current="page">Activity log</a>"#)
        .assert_contains(&format!(
            r#"<a href="/customers/{}/account">Contoso Ltd</a>"#,
            w.contoso.id
        ))
        .assert_contains("Change subscription status")
        .assert_contains("Status: Active → Suspended")
        .assert_contains(GLOBAL_ADMIN)
        .assert_contains(">Sign-in</td>")
        .assert_contains(r#"<span class="badge badge-active">Succeeded</span>"#)
        .assert_lacks("Beta Customer")
        .assert_lacks(OTHER_ADMIN)
        .assert_lacks("beta-about-contoso");
    // Times: machine-readable UTC, readable UTC text, marked for the local-time script.
    let re = regex::Regex::new(
        r#"<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" data-local>[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d UTC</time>"#,
    )
    .unwrap();
    assert!(re.is_match(&page.body), "no <time> element in:\n{}", page.body);
    assert!(page.body.contains(&format!(
        r#"<script src="/static/js/local-time.js?v={}" defer></script>"#,
        partnerdesk::views::assets::version()
    )));

    let other = get(&app, &mut beta, "/activity").await;
    other
        .assert_status(200)
        .assert_contains("Beta Customer GmbH")
        .assert_contains("beta-about-contoso")
        .assert_contains(OTHER_ADMIN)
        .assert_lacks(GLOBAL_ADMIN)
        .assert_lacks(">Contoso Ltd<");
    // The CSV export is scoped the same way.
    let csv = get(&app, &mut alpha, "/activity.csv").await;
    csv.assert_status(200).assert_contains("Contoso Ltd").assert_lacks(OTHER_ADMIN);
}

#[actix_web::test]
async fn each_filter_narrows_the_list() {
    let (env, w, app, mut b) = Env::signed_in(HELPDESK_AGENT).await;
    {
        let mut c = env.conn();
        let c = &mut *c;
        let t = today();
        Rec::new(&w.alpha, SALES_AGENT, "m-contoso-sales").customer(&w.contoso).insert(c);
        Rec::new(&w.alpha, ADMIN_AGENT, "m-ready-agent").customer(&w.ready).insert(c);
        Rec::new(&w.alpha, ADMIN_AGENT, "m-reservation")
            .customer(&w.reservation_only)
            .op("cancel_reservation")
            .insert(c);
        Rec::new(&w.alpha, GLOBAL_ADMIN, "m-failed-removal")
            .customer(&w.contoso)
            .op("remove_partner_customer_relationship")
            .failed()
            .insert(c);
        Rec::new(&w.alpha, GLOBAL_ADMIN, "m-unknown-op").op("rotate_api_key").insert(c);
        // Day boundaries: the first and last millisecond of the range's days count.
        Rec::new(&w.alpha, SALES_AGENT, "m-day-10-start").at(t - 10 * DAY_MS).insert(c);
        Rec::new(&w.alpha, SALES_AGENT, "m-day-5-end").at(t - 4 * DAY_MS - 1).insert(c);
        Rec::new(&w.alpha, SALES_AGENT, "m-day-11-end").at(t - 10 * DAY_MS - 1).insert(c);
        Rec::new(&w.alpha, SALES_AGENT, "m-day-4-start").at(t - 4 * DAY_MS).insert(c);
        // A record about another partner's customer: no name, no link.
        Rec::new(&w.alpha, GLOBAL_ADMIN, "m-foreign").customer(&w.beta_customer).insert(c);
    }
    let sales = user_id(&mut env.conn(), SALES_AGENT);
    let all = [
        "m-contoso-sales",
        "m-ready-agent",
        "m-reservation",
        "m-failed-removal",
        "m-unknown-op",
        "m-day-10-start",
        "m-day-5-end",
        "m-day-11-end",
        "m-day-4-start",
        "m-foreign",
    ];
    let check = |r: &Resp, expected: &[&str]| {
        r.assert_status(200);
        for m in all {
            assert_eq!(
                r.body.contains(&format!(">{m}<")),
                expected.contains(&m),
                "{m} (expected only {expected:?}) in:\n{}",
                r.body
            );
        }
    };

    let page = get(&app, &mut b, "/activity").await;
    check(&page, &all);
    page.assert_contains("Rotate api key")
        .assert_contains("Remove reseller relationship")
        .assert_contains(r#"<span class="badge badge-deleted">Failed</span>"#)
        .assert_contains("Not one of your customers")
        .assert_lacks("Beta Customer GmbH");
    // The form offers the operations and the partner's users, and no one else's.
    page.assert_contains(r#"<option value="cancel_reservation">Cancel Azure reservation</option>"#)
        .assert_contains(&format!(
            r#"<option value="{sales}">User {SALES_AGENT} ({SALES_AGENT})</option>"#
        ))
        .assert_lacks(&format!("({OTHER_ADMIN})"));

    // Customer: a company-name prefix, any case.
    check(
        &get(&app, &mut b, "/activity?customer=CONTOSO").await,
        &["m-contoso-sales", "m-failed-removal"],
    );
    check(&get(&app, &mut b, "/activity?customer=fab").await, &["m-ready-agent"]);
    check(&get(&app, &mut b, "/activity?customer=ltd").await, &[]);
    // One customer, by id (the Account page's link), named above the results.
    let one = get(&app, &mut b, &format!("/activity?customer_id={}", w.ready.id)).await;
    check(&one, &["m-ready-agent"]);
    one.assert_contains("Only activity for <strong>Fabrikam Ready</strong>")
        .assert_contains(&format!(r#"name="customer_id" value="{}""#, w.ready.id));
    // Operation type, with the choice kept in the form.
    let op = get(&app, &mut b, "/activity?operation=cancel_reservation").await;
    check(&op, &["m-reservation"]);
    op.assert_contains(r#"<option value="cancel_reservation" selected>"#);
    // User.
    check(
        &get(&app, &mut b, &format!("/activity?user={sales}")).await,
        &["m-contoso-sales", "m-day-10-start", "m-day-5-end", "m-day-11-end", "m-day-4-start"],
    );
    // Date range: whole UTC days, both ends included.
    let t = today();
    let range = format!("/activity?from={}&to={}", date(t - 10 * DAY_MS), date(t - 5 * DAY_MS));
    check(&get(&app, &mut b, &range).await, &["m-day-10-start", "m-day-5-end"]);
    // Filters combine.
    let both = format!("/activity?customer=cont&user={sales}&operation=update_subscription");
    check(&get(&app, &mut b, &both).await, &["m-contoso-sales"]);
    // Empty values mean "no filter" (an empty start date: all history).
    check(&get(&app, &mut b, "/activity?from=&to=&customer=&operation=&user=").await, &all);

    // htmx asks for the results only.
    let frag = hx_get(&app, &mut b, "/activity?operation=cancel_reservation").await;
    check(&frag, &["m-reservation"]);
    frag.assert_contains(r#"<div id="activity-results">"#)
        .assert_lacks("<html")
        .assert_lacks("<form");
}

#[actix_web::test]
async fn the_default_range_is_the_last_thirty_days() {
    let (env, w, app, mut b) = Env::signed_in(BILLING_ADMIN).await;
    {
        let mut c = env.conn();
        let now = now_ms();
        Rec::new(&w.alpha, GLOBAL_ADMIN, "m-29-days").at(now - 29 * DAY_MS).insert(&mut c);
        Rec::new(&w.alpha, GLOBAL_ADMIN, "m-31-days").at(now - 31 * DAY_MS).insert(&mut c);
        Rec::new(&w.alpha, GLOBAL_ADMIN, "m-90-days").at(now - 90 * DAY_MS).insert(&mut c);
    }
    let t = today();
    get(&app, &mut b, "/activity")
        .await
        .assert_status(200)
        .assert_contains(">m-29-days<")
        .assert_lacks(">m-31-days<")
        .assert_lacks(">m-90-days<")
        .assert_contains(&format!(r#"name="from" value="{}""#, date(t - 30 * DAY_MS)))
        .assert_contains(&format!(r#"name="to" value="{}""#, date(t)));
    // An empty start date reaches back to the beginning.
    get(&app, &mut b, "/activity?from=")
        .await
        .assert_contains(">m-31-days<")
        .assert_contains(">m-90-days<");
    // The CSV export has the same default.
    get(&app, &mut b, "/activity.csv").await.assert_contains("m-29-days").assert_lacks("m-31-days");
}

#[actix_web::test]
async fn keyset_pages_of_fifty_without_duplicates_or_gaps() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let now = now_ms();
    {
        let mut c = env.conn();
        // Three records share each time, so the id decides between them.
        for i in 0..120 {
            let marker = format!("page-rec-{i:03}");
            Rec::new(&w.alpha, SALES_AGENT, &marker)
                .customer(&w.contoso)
                .op("cancel_software_purchase")
                .at(now - 1000 - (i / 3) * 1000)
                .insert(&mut c);
        }
    }
    let re = regex::Regex::new(r">page-rec-(\d{3})<").unwrap();
    let mut seen: Vec<u32> = Vec::new();
    let mut sizes = Vec::new();
    let first_page = format!(
        "/activity?from={}&to={}&operation=cancel_software_purchase",
        date(today() - 30 * DAY_MS),
        date(today())
    );
    let mut next = Some("/activity?operation=cancel_software_purchase".to_string());
    while let Some(path) = next {
        let page = get(&app, &mut b, &path).await;
        page.assert_status(200);
        let found: Vec<u32> = re.captures_iter(&page.body).map(|c| c[1].parse().unwrap()).collect();
        sizes.push(found.len());
        seen.extend(found);
        if sizes.len() > 1 {
            assert_eq!(link(&page, "First page").as_deref(), Some(first_page.as_str()));
        } else {
            assert!(link(&page, "First page").is_none());
        }
        next = link(&page, "Next page");
        if let Some(n) = &next {
            assert!(
                n.contains("operation=cancel_software_purchase") && n.contains("before_at="),
                "{n}"
            );
        }
        assert!(sizes.len() <= 3, "too many pages");
    }
    assert_eq!(sizes, vec![50, 50, 20]);
    // Newest first: three records share each time, in id order among themselves.
    assert!(seen.windows(2).all(|p| p[0] / 3 <= p[1] / 3), "not newest first: {seen:?}");
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(sorted, (0..120).collect::<Vec<u32>>(), "a duplicate or a gap");
}

#[actix_web::test]
async fn bad_filter_values_answer_400_with_a_sentence() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let beta_user = user_id(&mut env.conn(), OTHER_ADMIN);
    let long = "x".repeat(201);
    let cases: Vec<(String, &str)> = vec![
        ("from=2026-13-01".into(), "The start date must be a date like 2026-11-24."),
        ("from=yesterday".into(), "The start date must be a date like 2026-11-24."),
        ("from=2026-02-30".into(), "The start date must be a date like 2026-11-24."),
        ("to=24.11.2026".into(), "The end date must be a date like 2026-11-24."),
        ("from=2026-11-25&to=2026-11-24".into(), "The start date is after the end date."),
        ("operation=drop_table".into(), "Choose an operation type from the list."),
        (format!("user={beta_user}"), "Choose a user from the list."),
        ("user=nobody".into(), "Choose a user from the list."),
        (
            format!("customer_id={}", w.beta_customer.id),
            "The customer filter does not name one of your customers.",
        ),
        ("customer_id=nope".into(), "The customer filter does not name one of your customers."),
        (format!("customer={long}"), "The customer name can have at most 200 characters."),
        ("before_at=abc&before_id=x".into(), "This page link is damaged."),
        ("before_at=1".into(), "This page link is damaged."),
        (format!("before_at=1&before_id={long}"), "This page link is damaged."),
        ("from=a&from=b".into(), "parameters this page does not understand"),
        ("from=%FF%FE".into(), "The start date must be a date like 2026-11-24."),
    ];
    for (qs, sentence) in &cases {
        let page = get(&app, &mut b, &format!("/activity?{qs}")).await;
        assert_eq!(page.status.as_u16(), 400, "/activity?{qs}: {}", page.body);
        page.assert_contains(sentence);
        let frag = hx_get(&app, &mut b, &format!("/activity?{qs}")).await;
        assert_eq!(frag.status.as_u16(), 400, "htmx /activity?{qs}");
        frag.assert_contains(sentence).assert_lacks("<html");
        let csv = get(&app, &mut b, &format!("/activity.csv?{qs}")).await;
        if !qs.starts_with("before_") {
            assert_eq!(csv.status.as_u16(), 400, "/activity.csv?{qs}: {}", csv.body);
            csv.assert_contains(sentence);
        } else {
            // The export has no pages: a cursor is ignored.
            assert_eq!(csv.status.as_u16(), 200, "/activity.csv?{qs}");
        }
    }
    // The page with a bad value keeps the form, so the value can be fixed.
    get(&app, &mut b, "/activity?from=2026-13-01&operation=logout")
        .await
        .assert_status(400)
        .assert_contains(r#"name="from" value="2026-13-01""#)
        .assert_contains(r#"<option value="logout" selected>"#);
}

/// Splits RFC 4180 text into records (panics on a bare LF or an unterminated quote).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        if quoted {
            match ch {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                ch => cell.push(ch),
            }
            continue;
        }
        match ch {
            '"' => {
                assert!(cell.is_empty(), "a quote inside an unquoted cell: {cell}");
                quoted = true;
            }
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("a bare LF outside quotes"),
            ch => cell.push(ch),
        }
    }
    assert!(!quoted && cell.is_empty() && row.is_empty(), "unterminated last record");
    rows
}

#[actix_web::test]
async fn csv_export_streams_every_filtered_row_quoted_and_guarded() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let now = now_ms();
    let tricky: &[(&str, &str)] = &[
        ("comma, inside", "comma, inside"),
        ("say \"hi\"", "say \"hi\""),
        ("two\nlines", "two\nlines"),
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
    ];
    {
        let mut c = env.conn();
        c.transaction::<_, diesel::result::Error, _>(|c| {
            for i in 0..1200 {
                let marker = format!("bulk-{i:04}");
                Rec::new(&w.alpha, ADMIN_AGENT, &marker)
                    .customer(&w.reservation_only)
                    .op("cancel_reservation")
                    .old("status: active")
                    .at(now - 5000 - i * 10)
                    .insert(c);
            }
            for (i, (value, _)) in tricky.iter().enumerate() {
                Rec::new(&w.alpha, ADMIN_AGENT, value)
                    .customer(&w.reservation_only)
                    .op("cancel_reservation")
                    .at(now - 1000 - i as i64)
                    .insert(c);
            }
            // Outside the filter: another operation, and another partner.
            Rec::new(&w.alpha, ADMIN_AGENT, "other-op").op("logout").insert(c);
            Rec::new(&w.beta, OTHER_ADMIN, "beta-row").op("cancel_reservation").insert(c);
            Ok(())
        })
        .unwrap();
    }

    // The body is a stream (no length known up front), not one buffer.
    let req = TestRequest::get()
        .uri("/activity.csv?operation=cancel_reservation")
        .insert_header((actix_web::http::header::COOKIE, b.cookie.clone().unwrap()))
        .to_request();
    let res = test::call_service(&app, req).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(matches!(res.response().body().size(), BodySize::Stream), "the CSV is not streamed");

    let r = get(&app, &mut b, "/activity.csv?operation=cancel_reservation").await;
    r.assert_status(200);
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        r.header("content-disposition").map(str::to_string),
        Some(format!(r#"attachment; filename="activity-{}.csv""#, date(now)))
    );
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let rows = parse_csv(&r.body);
    assert_eq!(
        rows[0],
        [
            "Time (UTC)",
            "Customer",
            "Customer ID",
            "Operation",
            "Operation code",
            "User",
            "Status",
            "Old value",
            "New value",
            "Resource type",
            "Resource ID",
            "Item",
            "Request ID"
        ]
    );
    assert_eq!(rows.len(), 1 + tricky.len() + 1200, "header + every filtered row");
    assert!(rows.iter().all(|r| r.len() == 13), "a row with the wrong number of cells");
    // Newest first: the tricky values, then bulk-0000 … bulk-1199, each once.
    for (row, (_, expected)) in rows[1..].iter().zip(tricky) {
        assert_eq!(row[8], *expected);
    }
    let iso = regex::Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$").unwrap();
    for (i, row) in rows[1 + tricky.len()..].iter().enumerate() {
        assert_eq!(row[8], format!("bulk-{i:04}"));
        assert_eq!(row[1], "Reservation Only Inc");
        assert_eq!(row[2], w.reservation_only.id);
        assert_eq!(
            (row[3].as_str(), row[4].as_str()),
            ("Cancel Azure reservation", "cancel_reservation")
        );
        assert_eq!((row[5].as_str(), row[6].as_str()), (ADMIN_AGENT, "succeeded"));
        assert_eq!(row[7], "status: active");
        assert!(iso.is_match(&row[0]), "{}", row[0]);
    }
    r.assert_lacks("other-op").assert_lacks("beta-row");

    // The page offers the export of exactly what it shows.
    let page = get(&app, &mut b, "/activity?operation=cancel_reservation").await;
    let href = link(&page, "Download as CSV").expect("a CSV link");
    assert!(
        href.starts_with("/activity.csv?from=") && href.contains("operation=cancel_reservation")
    );
}

#[actix_web::test]
async fn every_role_may_see_the_log_and_anonymous_must_sign_in() {
    let (_env, _, app) = Env::with_app().await;
    for (role, email) in ALPHA_USERS {
        let mut b = sign_in(&app, email).await;
        let page = get(&app, &mut b, "/activity").await;
        assert_eq!(page.status.as_u16(), 200, "{role:?}: {}", page.body);
        page.assert_contains(r#"href="/activity""#).assert_contains(&format!(">{email}<"));
        let csv = get(&app, &mut b, "/activity.csv").await;
        assert_eq!(csv.status.as_u16(), 200, "{role:?} CSV");
    }
    for path in ["/activity", "/activity.csv", "/activity?from=2026-01-01"] {
        let r = get(&app, &mut Browser::default(), path).await;
        assert_eq!(r.status.as_u16(), 303, "{path}");
        assert!(r.location().unwrap().starts_with("/signin"), "{path}: {:?}", r.location());
    }
    let js = get(
        &app,
        &mut Browser::default(),
        &format!("/static/js/local-time.js?v={}", partnerdesk::views::assets::version()),
    )
    .await;
    js.assert_status(200)
        .assert_contains("htmx:afterSettle")
        .assert_contains("Intl.DateTimeFormat");
    assert_eq!(js.header("content-type"), Some("text/javascript; charset=utf-8"));
}

#[actix_web::test]
async fn the_account_page_shows_the_customers_newest_activity() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    {
        // Older records beyond the 20 shown, and one of another partner about the same customer.
        let mut c = env.conn();
        let now = now_ms();
        for i in 0..25 {
            let marker = format!("old-{i:02}");
            Rec::new(&w.alpha, SALES_AGENT, &marker)
                .customer(&w.contoso)
                .at(now - 3_600_000 - i * 1000)
                .insert(&mut c);
        }
        Rec::new(&w.beta, OTHER_ADMIN, "beta-note").customer(&w.contoso).insert(&mut c);
    }
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_nce);
    let form = [("status", "suspended"), ("confirmed", "yes")];
    post(&app, &mut b, &path, &form).await.assert_status(303);

    let acc = get(&app, &mut b, &format!("/customers/{}/account", w.contoso.id)).await;
    acc.assert_status(200)
        .assert_contains(r#"<section class="card" id="activity">"#)
        .assert_contains("Change subscription status")
        .assert_contains("Status: Active → Suspended")
        .assert_contains(&format!(">{ADMIN_AGENT}<"))
        .assert_contains(">old-00<")
        .assert_contains(">old-18<")
        .assert_lacks(">old-19<")
        .assert_lacks("beta-note");
    let section = acc.body.split(r#"id="activity""#).nth(1).unwrap();
    assert_eq!(section.matches("<time datetime=").count(), 20);
    // The newest first: the change just made leads.
    assert!(
        section.find("Status: Active → Suspended").unwrap() < section.find(">old-00<").unwrap()
    );

    let all = link(&acc, "All activity for this customer").expect("a link to the activity log");
    assert_eq!(all, format!("/activity?customer_id={}&from=", w.contoso.id));
    let log = get(&app, &mut b, &all).await;
    log.assert_status(200)
        .assert_contains("Status: Active → Suspended")
        .assert_contains(">old-24<")
        .assert_contains("Only activity for <strong>Contoso Ltd</strong>")
        .assert_lacks("beta-note")
        .assert_lacks(">Sign-in</td>");
}

/// The activity log's queries read indexes in order: no scan of the log, no sort. The SQL checked
/// is the SQL the code sends (tests/common/plans.rs).
#[actix_web::test]
async fn activity_queries_read_indexes_in_order() {
    use partnerdesk::models::audit::{ActivityCursor, ActivityFilter, list_activity};
    let env = Env::new();
    let w = env.world.clone();
    let mut c = env.conn();
    for i in 0..50 {
        let cust = add_customer(&mut c, &w.alpha, &format!("Customer {i:04}"), false);
        Rec::new(&w.alpha, SALES_AGENT, "x").customer(&cust).insert(&mut c);
    }
    let sales = user_id(&mut c, SALES_AGENT);
    let t = today();
    let range = ActivityFilter {
        partner_id: w.alpha.id.clone(),
        from_ms: Some(t - 30 * DAY_MS),
        until_ms: Some(t + DAY_MS),
        ..Default::default()
    };
    let deep = Some(ActivityCursor { at: t - DAY_MS, id: "m".into() });
    let cases = [
        ("first page", range.clone(), None, "audit_log_partner_at"),
        ("deep page", range.clone(), deep.clone(), "audit_log_partner_at"),
        (
            "all history",
            ActivityFilter { from_ms: None, until_ms: None, ..range.clone() },
            None,
            "audit_log_partner_at",
        ),
        (
            "one customer",
            ActivityFilter { customer_id: Some(w.contoso.id.clone()), ..range.clone() },
            deep.clone(),
            "audit_log_customer_at",
        ),
        (
            "customer prefix",
            ActivityFilter { customer_prefix: Some("Customer 00".into()), ..range.clone() },
            None,
            "audit_log_partner_at",
        ),
        (
            "user",
            ActivityFilter { user_id: Some(sales), ..range.clone() },
            deep.clone(),
            "audit_log_user_at",
        ),
        (
            "operation",
            ActivityFilter { operation: Some("logout".into()), from_ms: None, ..range.clone() },
            None,
            "audit_log_partner_operation_at",
        ),
    ];
    for (name, filter, after, index) in cases {
        let statements = plans::captured(&mut c, |c| {
            list_activity(c, &filter, after.as_ref(), 51).unwrap();
        });
        assert_eq!(statements.len(), 1, "{name}: one statement");
        let sql = &statements[0];
        let p = plans::plan(&mut c, sql);
        let text = p.join("\n");
        assert!(!plans::sorts(&p), "{name}: sorts\n{sql}\n{text}");
        assert!(plans::full_scan(&p, &[]).is_none(), "{name}: a full scan\n{sql}\n{text}");
        // The backends choose the index their estimates favour; SQLite's must be the one named.
        if plans::on_sqlite(&c) {
            assert!(text.contains(index), "{name}: not {index}\n{sql}\n{text}");
        }
    }
}

/// All `<time data-local>` of the page: (rewritten by the script, text, title).
async fn times(t: &common::browser::Tab) -> Vec<(bool, String, String)> {
    let v = t
        .execute(
            "return Array.from(document.querySelectorAll('time[data-local]'))\
             .map((e) => [e.hasAttribute('data-localized'), e.textContent, e.title]);",
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("a list of times")
}

/// The browser tests' records: an Azure reservation cancelled by the Admin agent (marked
/// `m-reservation`) and a subscription change of Contoso by the Sales agent (`m-subscription`).
fn two_marked_records(t: &common::browser::Tab) {
    let w = &t.world;
    let mut c = common::conn(&t.pool);
    Rec::new(&w.alpha, ADMIN_AGENT, "m-reservation")
        .customer(&w.reservation_only)
        .op("cancel_reservation")
        .insert(&mut c);
    Rec::new(&w.alpha, SALES_AGENT, "m-subscription").customer(&w.contoso).insert(&mut c);
}

/// In Chromium: the nav entry, times shown in local time with UTC kept in the title (after a full
/// load, a boosted navigation and an htmx swap), a filter that updates the results in place, the
/// Account page's timeline and its link. axe-core checks each page.
#[actix_web::test]
async fn in_the_browser_times_are_local_and_filters_update_in_place() {
    use common::browser::{self, Options};
    browser::run("activity_in_the_browser", Options::default(), |t| async move {
        let w = t.world.clone();
        two_marked_records(&t);
        let utc = regex::Regex::new(r"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d UTC$").unwrap();
        // The local time in the server's form for the language, with the viewer's zone.
        let local = regex::Regex::new(r"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d \S+$").unwrap();
        let all_local = |list: &[(bool, String, String)]| {
            !list.is_empty()
                && list
                    .iter()
                    .all(|(done, text, title)| *done && local.is_match(text) && utc.is_match(title))
        };
        t.sign_in(GLOBAL_ADMIN).await;

        // A boosted navigation (htmx swaps the body).
        t.click("nav.sidenav a[href='/activity']").await;
        t.wait_for("#activity-results table").await;
        t.wait_until("the times are local", async || all_local(&times(&t).await)).await;
        t.check_page().await;
        // A full page load.
        t.goto("/activity").await;
        t.wait_until("the times are local", async || all_local(&times(&t).await)).await;

        // Choosing an operation updates the results in place and the address.
        t.set_marker().await;
        t.find("#f-operation").await.select_by_label("Cancel Azure reservation").await.unwrap();
        t.wait_until("only the reservation is listed", async || {
            let text = t.text("#activity-results").await;
            text.contains("m-reservation") && !text.contains("m-subscription")
        })
        .await;
        assert!(t.marker_survived().await, "the filter reloaded the page");
        t.wait_path("?operation=cancel_reservation", |p| {
            p.contains("operation=cancel_reservation")
        })
        .await;
        t.wait_until("the new times are local", async || all_local(&times(&t).await)).await;
        t.check_page().await;

        // Typing a customer name prefix narrows further, live.
        t.find("#f-customer").await.send_keys("Contoso").await.unwrap();
        t.wait_text("#activity-results", "No activity matches these filters.").await;
        assert!(t.marker_survived().await, "typing reloaded the page");

        // The Account page's timeline, and its link to the whole log of the customer.
        t.goto(&format!("/customers/{}/account", w.contoso.id)).await;
        t.wait_text("#activity", "m-subscription").await;
        t.wait_until("the timeline's times are local", async || all_local(&times(&t).await)).await;
        t.click_link("All activity for this customer").await;
        t.wait_text("#main", "Only activity for Contoso Ltd").await;
        t.check_page().await;
        let text = t.text("#activity-results").await;
        assert!(text.contains("m-subscription") && !text.contains("m-reservation"), "{text}");
    })
    .await;
}

/// Without JavaScript: UTC times as the server wrote them, and the filters as a plain GET form.
#[actix_web::test]
async fn in_the_browser_without_javascript_the_form_filters() {
    use common::browser::{self, Options};
    browser::run("activity_without_javascript", Options { javascript: false }, |t| async move {
        two_marked_records(&t);
        t.sign_in(SALES_AGENT).await;
        t.goto("/activity").await;
        let list = times(&t).await;
        let utc = regex::Regex::new(r"^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d UTC$").unwrap();
        assert!(!list.is_empty() && list.iter().all(|(done, text, _)| !done && utc.is_match(text)));
        t.find("#f-operation").await.select_by_label("Cancel Azure reservation").await.unwrap();
        t.click("#activity-filters button[type=submit]").await;
        t.wait_path("?operation=cancel_reservation", |p| {
            p.contains("operation=cancel_reservation")
        })
        .await;
        t.check_page().await;
        let text = t.text("#activity-results").await;
        assert!(text.contains("m-reservation") && !text.contains("m-subscription"), "{text}");
    })
    .await;
}

/// The text of the activity log's results, tags stripped (entities as they are).
fn cells(r: &Resp) -> String {
    let tags = regex::Regex::new(r"<[^>]*>").unwrap();
    tags.replace_all(&r.body, " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[actix_web::test]
async fn each_record_names_its_item_as_it_was_then() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_nce);
    post(&app, &mut b, &path, &[("status", "suspended"), ("confirmed", "yes")])
        .await
        .assert_status(303);
    let path = format!(
        "/customers/{}/reservations/{}/cancel",
        w.reservation_only.id, w.reservation_only_id
    );
    post(&app, &mut b, &path, &[("confirmed", "yes")]).await.assert_status(303);
    {
        // Renamed afterwards: the log keeps the name of the time.
        use partnerdesk::db::schema::{reservations, subscriptions};
        let mut c = env.conn();
        diesel::update(subscriptions::table.filter(subscriptions::id.eq(&w.contoso_nce)))
            .set(subscriptions::offer_name.eq("Renamed Plan"))
            .execute(&mut *c)
            .unwrap();
        diesel::update(reservations::table.filter(reservations::id.eq(&w.reservation_only_id)))
            .set(reservations::name.eq("Renamed Cluster"))
            .execute(&mut *c)
            .unwrap();
        // A record from before names were kept reads the item's name today.
        Rec::new(&w.alpha, SALES_AGENT, "older-record")
            .customer(&w.contoso)
            .about("subscription", &w.contoso_base)
            .insert(&mut c);
    }
    let page = get(&app, &mut b, "/activity").await;
    page.assert_status(200)
        .assert_contains(
            r#"Change subscription status <span class="activity-item">Microsoft 365 Business Premium</span></td>"#,
        )
        .assert_contains(r#"Cancel Azure reservation <span class="activity-item">Batch cluster</span></td>"#)
        .assert_contains(r#"<span class="activity-item">Microsoft 365 E3</span></td>"#)
        .assert_lacks("Renamed Plan")
        .assert_lacks("Renamed Cluster");
    // The time stays on one line.
    page.assert_contains(r#"<td class="nowrap" data-label="Date and time"><time"#);
    // The customer's timeline names them the same way.
    let account = get(&app, &mut b, &format!("/customers/{}/account", w.contoso.id)).await;
    // (The blockers above it name the subscription as it is now.)
    let timeline = account.body.split(r#"id="activity""#).nth(1).unwrap();
    assert!(
        timeline.contains(r#"<span class="activity-item">Microsoft 365 Business Premium</span>"#)
    );
    assert!(timeline.contains(r#"<span class="activity-item">Microsoft 365 E3</span>"#));
    assert!(!timeline.contains("Renamed Plan"), "{timeline}");

    let csv = get(&app, &mut b, "/activity.csv").await;
    let rows = parse_csv(&csv.body);
    assert_eq!(rows[0][11], "Item");
    let suspended = rows.iter().find(|r| r[4] == "update_subscription").expect("the suspension");
    assert_eq!(suspended[11], "Microsoft 365 Business Premium");
    let cancelled = rows.iter().find(|r| r[4] == "cancel_reservation").expect("the cancellation");
    assert_eq!(cancelled[11], "Batch cluster");
}

#[actix_web::test]
async fn stored_values_read_as_labels_in_the_readers_language() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_nce);
    post(&app, &mut b, &path, &[("status", "suspended"), ("confirmed", "yes")])
        .await
        .assert_status(303);
    Rec::new(
        &w.alpha,
        GLOBAL_ADMIN,
        "relationship: none; delegated admin: off; support contacts removed: 2",
    )
    .old("relationship: reseller; delegated admin: on")
    .customer(&w.contoso)
    .op("remove_partner_customer_relationship")
    .insert(&mut env.conn());
    Rec::new(&w.alpha, GLOBAL_ADMIN, "some new key: odd value")
        .old("some new key: older")
        .insert(&mut env.conn());
    let invitation = [
        ("delegated_admin", "on"),
        ("recipient_name", "Nowa Sp. z o.o."),
        ("recipient_email", "admin@newco.example"),
    ];
    post(&app, &mut b, "/relationship-requests", &invitation).await.assert_status(200);

    let page = get(&app, &mut b, "/activity").await;
    let text = cells(&page);
    for expected in [
        "Status: Active → Suspended",
        "Relationship: Reseller → None; Delegated admin privileges: On → Off; Support contacts removed: 2",
        // Unknown keys and values read as stored.
        "some new key: older → odd value",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    assert!(!text.contains("status: active"), "{text}");

    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/activity")]).await;
    let page = get(&app, &mut b, "/activity").await;
    let text = cells(&page);
    for expected in [
        "Zmiana stanu subskrypcji Microsoft 365 Business Premium",
        "Stan: Aktywna → Wstrzymana",
        "Relacja: Odsprzedawca → Brak; Delegowane uprawnienia administratora: Włączone → Wyłączone; Usunięte kontakty pomocy technicznej: 2",
        "Zmiana języka",
        "Język: Nie wybrano → Polski",
        "Utworzenie żądania relacji odsprzedawcy admin@newco.example",
        "Oczekujące; Klient: Nowy klient; Organizacja: Nowa Sp. z o.o.; \
         Z delegowanymi uprawnieniami administratora; Wysłano do: admin@newco.example",
        "some new key: older → odd value",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    for raw in ["status: active", "Status:", "relationship: reseller", "locale: none", "pl-PL →"]
    {
        assert!(!text.contains(raw), "{raw:?} in:\n{text}");
    }
}

#[actix_web::test]
async fn a_refused_purchase_reads_in_the_readers_language() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let ready = w.ready.id.clone();
    post(&app, &mut b, &format!("/customers/{ready}/remove-relationship"), &[])
        .await
        .assert_status(303);
    let buy = [("offer_id", "m365-e3"), ("quantity", "5"), ("term", "P1M")];
    post(&app, &mut b, &format!("/customers/{ready}/subscriptions"), &buy).await.assert_status(409);
    // A refusal recorded before sentences were kept as keys keeps its text.
    Rec::new(&w.alpha, GLOBAL_ADMIN, "An older English reason.")
        .op("create_subscription")
        .failed()
        .insert(&mut env.conn());

    let english = "Purchases for this customer are blocked";
    let polish = "Zakupy dla tego klienta są zablokowane";
    let page = get(&app, &mut b, "/activity?operation=create_subscription").await;
    page.assert_status(200).assert_contains(english).assert_lacks(polish);

    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/activity")]).await;
    let page = get(&app, &mut b, "/activity?operation=create_subscription").await;
    page.assert_status(200)
        .assert_contains(polish)
        .assert_lacks(english)
        .assert_contains("An older English reason.")
        .assert_contains(r#"<span class="badge badge-deleted">Niepowodzenie</span>"#);
    // The export keeps the stored English text, the same in every language.
    let csv = get(&app, &mut b, "/activity.csv?operation=create_subscription").await;
    csv.assert_contains(english).assert_lacks(polish);
}

#[actix_web::test]
async fn an_offboarding_run_is_one_entry_listing_its_records() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let preview_path = format!("/customers/{}/offboarding", w.contoso.id);
    let preview = get(&app, &mut b, &preview_path).await;
    let re = regex::Regex::new(r#"name="previewed" value="([^"]*)""#).unwrap();
    let fingerprint = re.captures(&preview.body).unwrap()[1].to_string();
    post(&app, &mut b, &preview_path, &[("previewed", &fingerprint)]).await.assert_status(303);
    // Two records of one request with another's between them: three entries.
    let t = now_ms() - 3_600_000;
    for (i, (marker, request)) in
        [("apart-1", "req-a"), ("between", "req-b"), ("apart-2", "req-a")].into_iter().enumerate()
    {
        Rec::new(&w.alpha, SALES_AGENT, marker)
            .request(request)
            .at(t - i as i64 * 1000)
            .insert(&mut env.conn());
    }

    let page = get(&app, &mut b, &format!("/activity?customer_id={}", w.contoso.id)).await;
    page.assert_status(200);
    assert_eq!(page.body.matches("<details").count(), 1, "{}", page.body);
    // One row: the operation, then the change that opens to list each record.
    let row = page.body.split(r#"<tr class="activity-group-row">"#).nth(1).unwrap();
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(r#"<td data-label="Operation">Prepare for removal</td>"#), "{row}");
    let entry = page.body.split(r#"<details class="activity-group">"#).nth(1).unwrap();
    let entry = &entry[..entry.find("</details>").unwrap()];
    assert!(
        entry.contains(
            "<summary>2 subscriptions suspended, 1 reservation cancelled, \
             1 software purchase cancelled, auto-renew turned off on 1 subscription</summary>"
        ),
        "{entry}"
    );
    for item in [
        "Change subscription status: <strong>Microsoft 365 E3</strong>: Status: Active → Suspended",
        "<strong>Microsoft 365 E5 Security</strong>",
        "<strong>Microsoft 365 Business Premium</strong>",
        "Cancel Azure reservation: <strong>Contoso production VMs</strong>: Status: Active → Cancelled",
        "Cancel software purchase: <strong>SQL Server 2022 Standard</strong>: Status: Active → Cancelled",
    ] {
        assert!(entry.contains(item), "no {item:?} in {entry}");
    }
    assert_eq!(entry.matches("<li>").count(), 5);

    let all = get(&app, &mut b, "/activity").await;
    all.assert_contains(">apart-1<").assert_contains(">between<").assert_contains(">apart-2<");
    assert_eq!(all.body.matches("<details").count(), 1);

    // In Polish, the same entry.
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/activity")]).await;
    let page = get(&app, &mut b, &format!("/activity?customer_id={}", w.contoso.id)).await;
    page.assert_contains(r#"<td data-label="Operacja">Przygotowanie do usunięcia</td>"#)
        .assert_contains(
            "<summary>2 wstrzymane subskrypcje, 1 anulowana rezerwacja platformy Azure, \
             1 anulowany zakup oprogramowania, automatyczne odnawianie wyłączone dla 1 \
             subskrypcji</summary>",
        );

    // The export keeps one line per record.
    let csv = get(&app, &mut b, &format!("/activity.csv?customer_id={}", w.contoso.id)).await;
    let rows = parse_csv(&csv.body);
    let run = &rows[1..];
    assert_eq!(run.len(), 5, "{rows:?}");
    assert!(run.iter().all(|r| r[12] == run[0][12]), "one request");
}

#[actix_web::test]
async fn the_csv_link_follows_the_filters_with_few_rows_or_none() {
    let (_env, _w, app, mut b) = Env::signed_in(HELPDESK_AGENT).await;
    let from = date(today() - 7 * DAY_MS);
    let to = date(today());
    // Above the results, a button; in the fragment htmx swaps in as the filters change.
    let bar = regex::Regex::new(
        r#"<div class="results-bar">\s*<a class="btn btn-secondary btn-small" href="/activity.csv\?"#,
    )
    .unwrap();
    // One sign-in, and nothing at all.
    for (operation, rows) in [("login_succeeded", 1), ("revoke_api_key", 0)] {
        let query = format!("from={from}&to={to}&operation={operation}");
        let expected = format!("/activity.csv?{query}");
        let page = get(&app, &mut b, &format!("/activity?{query}")).await;
        page.assert_status(200);
        assert_eq!(page.body.matches("<time datetime=").count(), rows);
        assert_eq!(link(&page, "Download as CSV").as_deref(), Some(expected.as_str()));
        assert!(bar.is_match(&page.body), "{}", page.body);
        let fragment = hx_get(&app, &mut b, &format!("/activity?{query}")).await;
        assert_eq!(link(&fragment, "Download as CSV").as_deref(), Some(expected.as_str()));
        let results = fragment.body.find("Download as CSV").unwrap();
        let table = fragment.body.find("<table").or_else(|| fragment.body.find("empty-state"));
        assert!(results < table.unwrap(), "the link comes first");
    }
}

/// In Chromium, on a wide screen and on a phone: each time stays on one line, a run of one
/// request is one entry that opens natively to list its records, nothing scrolls sideways, and
/// the CSV link is a button above the results. axe-core checks each page.
#[actix_web::test]
async fn in_the_browser_a_run_is_one_entry_and_times_stay_on_one_line() {
    use common::browser::{self, Options};
    use serde_json::json;
    browser::run("activity_entries_in_the_browser", Options::default(), |t| async move {
        let w = t.world.clone();
        {
            let mut c = common::conn(&t.pool);
            let at = now_ms() - 60_000;
            for (i, id) in
                [&w.contoso_base, &w.contoso_addon, &w.contoso_nce].into_iter().enumerate()
            {
                Rec::new(&w.alpha, GLOBAL_ADMIN, "status: suspended")
                    .old("status: active")
                    .customer(&w.contoso)
                    .about("subscription", id)
                    .request("run-1")
                    .at(at - i as i64)
                    .insert(&mut c);
            }
            Rec::new(&w.alpha, GLOBAL_ADMIN, "status: cancelled")
                .old("status: active")
                .customer(&w.contoso)
                .op("cancel_reservation")
                .about("azure_reservation", &w.contoso_reservation)
                .request("run-1")
                .at(at - 3)
                .insert(&mut c);
        }
        t.sign_in(GLOBAL_ADMIN).await;
        for (width, height) in [(1280, 900), (390, 844)] {
            t.client.set_window_size(width, height).await.unwrap();
            t.goto("/activity").await;
            t.check_page().await;
            let lines = t
                .execute(
                    "return [...document.querySelectorAll('#activity-results time')]\
                     .map((e) => e.getClientRects().length);",
                    vec![],
                )
                .await;
            let lines: Vec<usize> = serde_json::from_value(lines).unwrap();
            assert!(!lines.is_empty() && lines.iter().all(|n| *n == 1), "{width} px: {lines:?}");
            let scroll = t
                .execute(
                    "return document.documentElement.scrollWidth \
                     <= document.documentElement.clientWidth;",
                    vec![],
                )
                .await;
            assert_eq!(scroll, json!(true), "{width} px scrolls sideways");
            // The CSV button comes before the table.
            let above = t
                .execute(
                    "const a = document.querySelector('#activity-results .results-bar a.btn');\
                     const table = document.querySelector('#activity-results table');\
                     return a.getBoundingClientRect().bottom <= table.getBoundingClientRect().top;",
                    vec![],
                )
                .await;
            assert_eq!(above, json!(true), "{width} px: the CSV link is not above the results");

            let entries = t.find_all("details.activity-group").await;
            assert_eq!(entries.len(), 1);
            let summary = t.text("details.activity-group summary").await;
            assert_eq!(summary, "3 subscriptions suspended, 1 reservation cancelled");
            let shown = "return [...document.querySelectorAll('details.activity-group li')]\
                         .filter((e) => e.checkVisibility()).length;";
            assert_eq!(t.execute(shown, vec![]).await, json!(0), "closed at first");
            t.click("details.activity-group summary").await;
            assert_eq!(t.execute(shown, vec![]).await, json!(4), "open: each record");
            let text = t.text("details.activity-group").await;
            assert!(text.contains("Microsoft 365 E3: Status: Active → Suspended"), "{text}");
            assert!(text.contains("Contoso production VMs: Status: Active → Cancelled"), "{text}");
        }
    })
    .await;
}
