//! The `/v1` API: keys made on the profile page, Partner Center's shapes, the removal and
//! subscription changes through the same rules as the pages, the access matrix over every API
//! route, bad input, and a removal racing page reactivations. Every answer the suite gets is
//! validated against the OpenAPI document the server serves (`Api::send`).

mod common;

use actix_web::http::{Method, header};
use actix_web::test::TestRequest;
use common::world::*;
use common::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

/// The OpenAPI document, with every object schema closed (`additionalProperties: false`), so
/// that a field the document does not describe fails validation too.
fn contract() -> &'static Value {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc: Value =
            serde_json::from_str(&partnerdesk::web::api::openapi::json()).expect("JSON");
        fn close(v: &mut Value) {
            match v {
                Value::Object(m) => {
                    if m.get("type") == Some(&json!("object")) && m.contains_key("properties") {
                        m.insert("additionalProperties".into(), json!(false));
                    }
                    m.values_mut().for_each(close);
                }
                Value::Array(a) => a.iter_mut().for_each(close),
                _ => {}
            }
        }
        close(&mut doc["components"]);
        doc
    })
}

/// The documented path pattern an address falls under.
fn pattern_of(path: &str) -> Option<String> {
    let path = path.split('?').next().unwrap();
    let doc = contract();
    let mut best: Option<(usize, String)> = None;
    for pattern in doc["paths"].as_object().unwrap().keys() {
        let (p, a): (Vec<&str>, Vec<&str>) =
            (pattern.split('/').collect(), path.split('/').collect());
        if p.len() != a.len() {
            continue;
        }
        let literal = p.iter().zip(&a).filter(|(p, _)| !p.starts_with('{')).count();
        let fits = p.iter().zip(&a).all(|(p, a)| p.starts_with('{') || p == a);
        if fits && best.as_ref().is_none_or(|(n, _)| literal > *n) {
            best = Some((literal, pattern.clone()));
        }
    }
    best.map(|(_, p)| p)
}

/// Fails unless the answer is one the document describes for this operation and status.
#[track_caller]
fn assert_documented(method: &Method, path: &str, status: u16, body: &Value) {
    let Some(pattern) = pattern_of(path) else {
        // Unknown addresses still answer the error shape.
        assert_eq!(status, 404, "{method} {path}: undocumented address answered {status}");
        return assert_error_shape(body);
    };
    let doc = contract();
    let op = &doc["paths"][&pattern][method.as_str().to_lowercase()];
    if op.is_null() {
        assert_eq!(status, 404, "{method} {pattern}: undocumented method answered {status}");
        return assert_error_shape(body);
    }
    let schema = &op["responses"][status.to_string()]["content"]["application/json"]["schema"];
    assert!(!schema.is_null(), "{method} {pattern}: status {status} is not documented: {body}");
    let root = json!({ "$ref": schema["$ref"], "components": doc["components"] });
    let validator = jsonschema::validator_for(&root).expect("the document's schema compiles");
    let errors: Vec<String> = validator.iter_errors(body).map(|e| e.to_string()).collect();
    assert!(
        errors.is_empty(),
        "{method} {path} ({status}) breaks the contract: {errors:?}\n{body:#}"
    );
}

#[track_caller]
fn assert_error_shape(body: &Value) {
    assert!(body["description"].as_str().is_some_and(|d| d.len() > 10), "no sentence: {body}");
    assert_eq!(body["source"], "PartnerDesk", "{body}");
    assert!(body["data"].is_array() && body["code"].is_u64(), "{body}");
}

/// An API answer, read whole and checked against the contract.
struct Answer {
    status: u16,
    headers: header::HeaderMap,
    json: Value,
}

impl Answer {
    #[track_caller]
    fn expect(&self, status: u16) -> &Value {
        assert_eq!(self.status, status, "unexpected status: {:#}", self.json);
        &self.json
    }
}

/// Sends an API request with `key` (and any extra headers), checks the answer against the
/// document, and returns it.
async fn call<S, B>(
    app: &S,
    method: Method,
    path: &str,
    key: Option<&str>,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> Answer
where
    S: TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let mut req = TestRequest::default().method(method.clone()).uri(path);
    if let Some(k) = key {
        req = req.insert_header((header::AUTHORIZATION, format!("Bearer {k}")));
    }
    for (k, v) in headers {
        req = req.insert_header((*k, *v));
    }
    if let Some(b) = body {
        req = req.set_json(b);
    }
    let res = actix_web::test::call_service(app, req.to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = actix_web::test::read_body(res).await;
    let json: Value = serde_json::from_slice(&bytes).unwrap_or_else(|_| {
        panic!("{method} {path} ({status}) is not JSON: {}", String::from_utf8_lossy(&bytes))
    });
    assert!(status < 500, "{method} {path} answered {status}: {json}");
    if status >= 400 {
        assert_error_shape(&json);
    }
    assert_documented(&method, path, status, &json);
    Answer { status, headers, json }
}

async fn get<S: TestApp<B>, B: actix_web::body::MessageBody>(
    app: &S,
    path: &str,
    key: &str,
) -> Answer {
    call(app, Method::GET, path, Some(key), None, &[]).await
}

async fn patch<S: TestApp<B>, B: actix_web::body::MessageBody>(
    app: &S,
    path: &str,
    key: &str,
    body: Value,
) -> Answer {
    call(app, Method::PATCH, path, Some(key), Some(body), &[]).await
}

/// Makes a key on the API keys page as `email` and returns its secret.
async fn key_for<S: TestApp<B>, B: actix_web::body::MessageBody>(app: &S, email: &str) -> String {
    let mut b = sign_in(app, email).await;
    common::get(app, &mut b, "/api-keys").await.assert_status(200);
    let page = common::post(app, &mut b, "/api-keys", &[("name", "Script"), ("days", "30")]).await;
    page.assert_status(200);
    secret_in(&page.body)
}

fn secret_in(body: &str) -> String {
    let re = regex::Regex::new(r"pdk_[0-9a-f]{64}").unwrap();
    re.find(body).expect("a new key on the page").as_str().to_owned()
}

#[actix_web::test]
async fn a_key_made_on_the_profile_page_is_shown_once_and_acts_as_its_user() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let made =
        common::post(&app, &mut b, "/api-keys", &[("name", "Offboarding script"), ("days", "30")])
            .await;
    made.assert_status(200)
        .assert_contains("Offboarding script")
        .assert_contains(r#"data-copy="api-key-secret""#);
    let secret = secret_in(&made.body);
    // Shown once: the list no longer has it, and only its hash is stored.
    let again = common::get(&app, &mut b, "/api-keys").await;
    again.assert_status(200).assert_lacks(&secret).assert_contains("Never");
    {
        use diesel::prelude::*;
        use partnerdesk::db::schema::api_keys;
        let stored: Vec<String> =
            api_keys::table.select(api_keys::secret_hash).load(&mut *env.conn()).unwrap();
        assert_eq!(stored, vec![partnerdesk::util::tokens::sha256_hex(&secret)], "only the hash");
    }

    let list = get(&app, "/v1/customers", &secret).await;
    let names: Vec<&str> = list.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["companyProfile"]["companyName"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Contoso Ltd") && !names.contains(&"Beta Customer GmbH"), "{names:?}");
    let listed = list.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == w.contoso.id.as_str())
        .unwrap();
    assert_eq!(listed["companyProfile"]["tenantId"], w.contoso.tenant_id.as_str());
    assert_eq!(list.json["totalCount"], names.len());
    let one = get(&app, &format!("/v1/customers/{}", w.contoso.id), &secret).await;
    assert_eq!(one.expect(200)["companyProfile"]["tenantId"], w.contoso.tenant_id.as_str());
    assert_eq!(one.json["relationshipToPartner"], "reseller");
    common::get(&app, &mut b, "/api-keys").await.assert_lacks("Never");

    // Bad names and lifetimes are refused on the page, with the form kept.
    let bad =
        common::post(&app, &mut b, "/api-keys", &[("name", "Forever"), ("days", "366")]).await;
    bad.assert_status(422).assert_contains("1 to 365 days").assert_contains("Forever");
}

#[actix_web::test]
async fn a_cookie_alone_never_authorises_an_api_call() {
    let (_env, _w, app, b) = Env::signed_in(GLOBAL_ADMIN).await;
    let cookie = b.cookie.clone().unwrap();
    let r = call(&app, Method::GET, "/v1/customers", None, None, &[("Cookie", &cookie)]).await;
    r.expect(401);
    assert_eq!(r.headers.get(header::WWW_AUTHENTICATE).unwrap(), "Bearer");
    assert!(r.json["description"].as_str().unwrap().contains("Authorization: Bearer"));
}

#[actix_web::test]
async fn revoked_expired_malformed_and_disabled_users_keys_are_refused() {
    let (env, _w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let sales = key_for(&app, SALES_AGENT).await;
    get(&app, "/v1/customers", &sales).await.expect(200);

    for bad in ["", "pdk_", "pdk_zz", "Basic abc", &sales[..sales.len() - 1], &format!("{sales}0")]
    {
        get(&app, "/v1/customers", bad).await.expect(401);
    }

    // Expired: a key whose time is up.
    let own = key_for(&app, GLOBAL_ADMIN).await;
    {
        use diesel::prelude::*;
        use partnerdesk::db::schema::api_keys;
        let hash = partnerdesk::util::tokens::sha256_hex(&own);
        diesel::update(api_keys::table.filter(api_keys::secret_hash.eq(hash)))
            .set(api_keys::expires_at.eq(partnerdesk::util::clock::now_ms() - 1))
            .execute(&mut *env.conn())
            .unwrap();
    }
    get(&app, "/v1/customers", &own).await.expect(401);

    // Revoked on its own: on the owner's page.
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    let second = {
        let page =
            common::post(&app, &mut b, "/api-keys", &[("name", "Second"), ("days", "5")]).await;
        secret_in(&page.body)
    };
    get(&app, "/v1/customers", &second).await.expect(200);
    let page = common::get(&app, &mut b, "/api-keys").await;
    let id = regex::Regex::new(r#"/api-keys/([0-9a-f-]+)/revoke"#)
        .unwrap()
        .captures(&page.body)
        .unwrap()[1]
        .to_string();
    common::post(&app, &mut b, &format!("/api-keys/{id}/revoke"), &[]).await.assert_status(303);
    get(&app, "/v1/customers", &second).await.expect(401);
    common::post(&app, &mut b, &format!("/api-keys/{id}/revoke"), &[]).await.assert_status(409);
    assert_eq!(env.audit_count(Audits::of("revoke_api_key")), 1);

    // Revoked with the user: disabling the Sales agent ends their keys.
    let uid = env.user_id(SALES_AGENT);
    common::get(&app, &mut admin, &format!("/users/{uid}")).await.assert_status(200);
    common::post(&app, &mut admin, &format!("/users/{uid}/disable"), &[]).await.assert_status(303);
    get(&app, "/v1/customers", &sales).await.expect(401);
    common::post(&app, &mut admin, &format!("/users/{uid}/enable"), &[]).await.assert_status(303);
    get(&app, "/v1/customers", &sales).await.expect(401);
}

#[actix_web::test]
async fn the_customer_list_pages_with_continuation_tokens_and_filters() {
    let (env, w, app) = Env::with_app().await;
    for i in 0..7 {
        add_customer(&mut env.conn(), &w.alpha, &format!("Paged {i} Corp"), false);
    }
    let key = key_for(&app, SALES_AGENT).await;
    let filter = |field: &str, value: &str| {
        let f = json!({"Field": field, "Value": value, "Operator": "starts_with"}).to_string();
        partnerdesk::util::urls::urlencode(&f).to_string()
    };
    let path = format!("/v1/customers?size=3&filter={}", filter("CompanyName", "paged"));
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    for _ in 0..5 {
        let h: Vec<(&str, &str)> =
            token.iter().map(|t| ("MS-ContinuationToken", t.as_str())).collect();
        let page = call(&app, Method::GET, &path, Some(&key), None, &h).await;
        let body = page.expect(200);
        let items = body["items"].as_array().unwrap();
        assert_eq!(body["totalCount"], items.len(), "totalCount is the page's count");
        seen.extend(
            items.iter().map(|c| c["companyProfile"]["companyName"].as_str().unwrap().to_owned()),
        );
        match body["links"]["next"].as_object() {
            Some(next) => {
                assert_eq!(next["uri"], path.as_str());
                assert_eq!(next["headers"][0]["key"], "MS-ContinuationToken");
                token = Some(next["headers"][0]["value"].as_str().unwrap().to_owned());
            }
            None => break,
        }
    }
    let want: Vec<String> = (0..7).map(|i| format!("Paged {i} Corp")).collect();
    assert_eq!(seen, want, "every customer once, in name order, over three pages");

    // A domain filter looks at domains only.
    let by_domain = get(
        &app,
        &format!("/v1/customers?filter={}", filter("Domain", &w.contoso.primary_domain[..6])),
        &key,
    )
    .await;
    let domains: Vec<&str> = by_domain.expect(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["companyProfile"]["domain"].as_str().unwrap())
        .collect();
    assert!(domains.contains(&w.contoso.primary_domain.as_str()), "{domains:?}");
    let by_name_of_domain = get(
        &app,
        &format!("/v1/customers?filter={}", filter("CompanyName", &w.contoso.primary_domain[..6])),
        &key,
    )
    .await;
    assert!(by_name_of_domain.expect(200)["items"].as_array().unwrap().iter().all(|c| {
        c["companyProfile"]["companyName"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .starts_with(&w.contoso.primary_domain[..6])
    }));

    // A token belongs to its list; bad sizes and filters are 400s with a sentence.
    let other = call(
        &app,
        Method::GET,
        "/v1/customers?size=3",
        Some(&key),
        None,
        &[("MS-ContinuationToken", token.as_deref().unwrap_or("00"))],
    )
    .await;
    other.expect(400);
    for bad in [
        "size=0",
        "size=501",
        "size=ten",
        "filter=%7B",
        "filter=%7B%22Field%22%3A%22Tenant%22%2C%22Value%22%3A%22a%22%2C%22Operator%22%3A%22starts_with%22%7D",
    ] {
        get(&app, &format!("/v1/customers?{bad}"), &key).await.expect(400);
    }
}

#[actix_web::test]
async fn a_removal_by_patch_lists_each_blocker_then_goes_through_with_its_audit_record() {
    let (env, w, app) = Env::with_app().await;
    let admin = key_for(&app, GLOBAL_ADMIN).await;
    let sales = key_for(&app, SALES_AGENT).await;
    let remove = json!({"relationshipToPartner": "none", "attributes": {"objectType": "Customer"}});
    let plan = add_savings_plan(&mut env.conn(), &w.alpha, &w.contoso, "Contoso compute");
    let before = snapshot(&mut env.conn());

    let blocked =
        patch(&app, &format!("/v1/customers/{}", w.contoso.id), &admin, remove.clone()).await;
    let body = blocked.expect(409);
    let ids: Vec<&str> =
        body["data"].as_array().unwrap().iter().filter_map(|d| d["id"].as_str()).collect();
    for id in [
        &w.contoso_base,
        &w.contoso_addon,
        &w.contoso_nce,
        &w.contoso_reservation,
        &w.contoso_software,
        &plan,
    ] {
        assert!(ids.contains(&id.as_str()), "blocker {id} not listed: {body:#}");
    }
    let listed = body["data"].as_array().unwrap().iter().find(|d| d["id"] == plan.as_str());
    assert_eq!(listed.unwrap()["resourceType"], "savings_plan", "{body:#}");
    // Refused by role: 403, audited as a denial.
    let denied =
        patch(&app, &format!("/v1/customers/{}", w.ready.id), &sales, remove.clone()).await;
    denied.expect(403);
    assert_eq!(env.audit_count(Audits::of("authz_denied")), 1);
    // Another partner's customer does not exist for this key.
    patch(&app, &format!("/v1/customers/{}", w.beta_customer.id), &admin, remove.clone())
        .await
        .expect(404);
    // Nothing changed but the refusals' records.
    let mut c = env.conn();
    assert_eq!(before, snapshot(&mut c));
    drop(c);

    let h = [
        ("MS-RequestId", "7c1f0b0e-1d2c-4a57-9a6e-2b8c3d4e5f60"),
        ("MS-CorrelationId", "offboarding-2026-12"),
    ];
    let done = call(
        &app,
        Method::PATCH,
        &format!("/v1/customers/{}", w.ready.id),
        Some(&admin),
        Some(remove.clone()),
        &h,
    )
    .await;
    assert_eq!(done.expect(200)["relationshipToPartner"], "none");
    assert_eq!(done.json["allowDelegatedAccess"], false);
    assert_eq!(done.headers.get("MS-CorrelationId").unwrap(), "offboarding-2026-12");
    assert_eq!(done.headers.get("MS-RequestId").unwrap(), h[0].1);
    // The same record as the page's, carrying the caller's ids.
    let records = get(
        &app,
        &format!(
            "/v1/auditrecords?filter={}",
            partnerdesk::util::urls::urlencode(
                &json!({"Field":"CustomerId","Value":w.ready.id,"Operator":"equals"}).to_string()
            )
        ),
        &admin,
    )
    .await;
    let r = &records.expect(200)["items"][0];
    assert_eq!(r["operationType"], "remove_partner_customer_relationship");
    assert_eq!(r["operationStatus"], "succeeded");
    assert_eq!(r["userPrincipalName"], GLOBAL_ADMIN);
    assert_eq!(r["originalCorrelationId"], "offboarding-2026-12");
    assert_eq!(r["requestId"], h[0].1);
    assert_eq!(r["customerName"], "Fabrikam Ready");
    // Gone from the list, still readable by id; removing again is a 409.
    let list = get(&app, "/v1/customers?size=500", &admin).await;
    assert!(!list.json["items"].as_array().unwrap().iter().any(|c| c["id"] == w.ready.id.as_str()));
    patch(&app, &format!("/v1/customers/{}", w.ready.id), &admin, remove).await.expect(409);

    // Delegated admin privileges alone.
    let dap = patch(
        &app,
        &format!("/v1/customers/{}", w.contoso.id),
        &admin,
        json!({"allowDelegatedAccess": false}),
    )
    .await;
    assert_eq!(dap.expect(200)["allowDelegatedAccess"], false);
    assert_eq!(dap.json["relationshipToPartner"], "reseller");
    for wrong in [
        json!({}),
        json!({"relationshipToPartner": "reseller"}),
        json!({"allowDelegatedAccess": true}),
    ] {
        patch(&app, &format!("/v1/customers/{}", w.contoso.id), &admin, wrong).await.expect(422);
    }
}

#[actix_web::test]
async fn subscription_changes_are_guarded_by_their_etag() {
    let (env, w, app) = Env::with_app().await;
    let key = key_for(&app, ADMIN_AGENT).await;
    let base = format!("/v1/customers/{}/subscriptions", w.contoso.id);
    let list = get(&app, &base, &key).await;
    let items = list.expect(200)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 3);
    let addon = items.iter().find(|s| s["id"] == w.contoso_addon.as_str()).unwrap();
    assert_eq!(addon["parentSubscriptionId"], w.contoso_base.as_str());

    let path = format!("{base}/{}", w.contoso_base);
    let read = get(&app, &path, &key).await;
    let etag = read.expect(200)["attributes"]["etag"].as_str().unwrap().to_owned();
    assert_eq!(read.json["status"], "active");
    assert_eq!(read.json["termDuration"], "P1M");
    assert!(read.json["commitmentEndDate"].is_string());

    // The page changes it meanwhile: the etag read before is stale.
    let mut b = sign_in(&app, ADMIN_AGENT).await;
    common::post(
        &app,
        &mut b,
        &format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base),
        &[("status", "suspended")],
    )
    .await
    .assert_status(303);
    common::post(
        &app,
        &mut b,
        &format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base),
        &[("status", "active")],
    )
    .await
    .assert_status(303);
    let stale = call(
        &app,
        Method::PATCH,
        &path,
        Some(&key),
        Some(json!({"status": "suspended"})),
        &[("If-Match", &etag)],
    )
    .await;
    stale.expect(412);
    assert_eq!(env.subscription_status(&w.contoso_base), "active");

    let fresh =
        get(&app, &path, &key).await.json["attributes"]["etag"].as_str().unwrap().to_owned();
    assert_ne!(fresh, etag);
    let mut whole = get(&app, &path, &key).await.json;
    whole["status"] = json!("suspended");
    let done =
        call(&app, Method::PATCH, &path, Some(&key), Some(whole), &[("If-Match", &fresh)]).await;
    assert_eq!(done.expect(200)["status"], "suspended");
    assert_ne!(done.json["attributes"]["etag"], fresh.as_str());
    assert_eq!(
        env.subscription_status(&w.contoso_addon),
        "suspended",
        "the add-on follows its base"
    );

    // New commerce within its window: deleted (cancelled); past it, or legacy, it cannot be.
    patch(&app, &format!("{base}/{}", w.contoso_nce), &key, json!({"status": "deleted"}))
        .await
        .expect(409);
    let fresh_nce = add_subscription(&mut env.conn(), &w.alpha, &w.contoso, BP, "active", None);
    set_bought(&mut env.conn(), &fresh_nce, partnerdesk::util::clock::now_ms() - 3_600_000);
    let nce = format!("{base}/{fresh_nce}");
    assert_eq!(
        patch(&app, &nce, &key, json!({"status": "deleted"})).await.expect(200)["status"],
        "deleted"
    );
    patch(&app, &path, &key, json!({"status": "deleted"})).await.expect(409);
    for wrong in [json!({"status": "paused"}), json!({"status": "expired"}), json!({"quantity": 3})]
    {
        patch(&app, &path, &key, wrong).await.expect(422);
    }
    patch(
        &app,
        &format!("/v1/customers/{}/subscriptions/{}", w.beta_customer.id, w.beta_sub),
        &key,
        json!({"status": "suspended"}),
    )
    .await
    .expect(404);
    patch(&app, &format!("{base}/{}", w.beta_sub), &key, json!({"status": "suspended"}))
        .await
        .expect(404);
}

#[actix_web::test]
async fn audit_records_page_over_any_range_and_stay_the_partners_own() {
    let (_env, w, app) = Env::with_app().await;
    let key = key_for(&app, BILLING_ADMIN).await;
    let admin = key_for(&app, OTHER_ADMIN).await;
    let _ = get(&app, "/v1/customers", &admin).await;
    let all = get(&app, "/v1/auditrecords?startDate=2000-01-01", &key).await;
    let items = all.expect(200)["items"].as_array().unwrap().clone();
    assert!(items.len() >= 2, "{items:?}");
    assert!(items.iter().all(|r| r["partnerId"] == w.alpha.id.as_str()), "only Alpha's records");
    // One a page, newest first, to the end.
    let mut token: Option<String> = None;
    let mut paged = Vec::new();
    loop {
        let h: Vec<(&str, &str)> =
            token.iter().map(|t| ("MS-ContinuationToken", t.as_str())).collect();
        let page = call(
            &app,
            Method::GET,
            "/v1/auditrecords?startDate=2000-01-01&size=1",
            Some(&key),
            None,
            &h,
        )
        .await;
        paged.extend(page.expect(200)["items"].as_array().unwrap().iter().map(|r| r["id"].clone()));
        match page.json["links"]["next"]["headers"][0]["value"].as_str() {
            Some(t) => token = Some(t.to_owned()),
            None => break,
        }
    }
    assert_eq!(paged, items.iter().map(|r| r["id"].clone()).collect::<Vec<_>>());
    // Bad dates and filters; another partner's customer.
    for bad in [
        "startDate=yesterday",
        "startDate=2026-12-02&endDate=2026-12-01",
        "filter=%5B%5D",
        "size=0",
    ] {
        get(&app, &format!("/v1/auditrecords?{bad}"), &key).await.expect(400);
    }
    let other =
        json!({"Field":"CustomerId","Value":w.beta_customer.id,"Operator":"equals"}).to_string();
    get(
        &app,
        &format!("/v1/auditrecords?filter={}", partnerdesk::util::urls::urlencode(&other)),
        &key,
    )
    .await
    .expect(400);
    let future = get(&app, "/v1/auditrecords?startDate=2999-01-01T00:00:00Z", &key).await;
    assert_eq!(future.expect(200)["totalCount"], 0);
}

/// Every API route, for every kind of caller: (method, path, body, expected status per
/// caller). Callers: no key, Global admin, Admin agent, Sales agent, Helpdesk agent, Billing
/// admin, User management admin, Beta's Global admin.
#[actix_web::test]
async fn the_access_matrix_covers_every_api_route_for_every_caller() {
    let (env, w, app) = Env::with_app().await;
    let mut keys: Vec<Option<String>> = vec![None];
    for email in [
        GLOBAL_ADMIN,
        ADMIN_AGENT,
        SALES_AGENT,
        HELPDESK_AGENT,
        BILLING_ADMIN,
        USER_MANAGEMENT_ADMIN,
        OTHER_ADMIN,
    ] {
        keys.push(Some(key_for(&app, email).await));
    }
    let c = &w.contoso.id;
    let view: [u16; 8] = [401, 200, 200, 200, 200, 200, 403, 404];
    let list: [u16; 8] = [401, 200, 200, 200, 200, 200, 403, 200];
    let table: Vec<(Method, String, Option<Value>, [u16; 8])> = vec![
        (Method::GET, "/v1/customers".into(), None, list),
        (Method::GET, format!("/v1/customers/{c}"), None, view),
        (
            Method::GET,
            format!("/v1/customers/{}", w.beta_customer.id),
            None,
            [401, 404, 404, 404, 404, 404, 403, 200],
        ),
        (Method::GET, format!("/v1/customers/{c}/subscriptions"), None, view),
        (Method::GET, format!("/v1/customers/{c}/subscriptions/{}", w.contoso_base), None, view),
        (Method::GET, "/v1/auditrecords".into(), None, [401, 200, 200, 200, 200, 200, 200, 200]),
        (
            Method::GET,
            "/v1/customers/relationshiprequests".into(),
            None,
            [401, 200, 200, 200, 403, 403, 403, 200],
        ),
        // Blocked for the Global admin (active items), forbidden for the rest of Alpha.
        (
            Method::PATCH,
            format!("/v1/customers/{c}"),
            Some(json!({"relationshipToPartner":"none"})),
            [401, 409, 403, 403, 403, 403, 403, 404],
        ),
        (
            Method::PATCH,
            format!("/v1/customers/{}", w.reservation_only.id),
            Some(json!({"allowDelegatedAccess":false})),
            [401, 409, 409, 403, 403, 403, 403, 404],
        ),
        (
            Method::PATCH,
            format!("/v1/customers/{c}/subscriptions/{}", w.contoso_base),
            Some(json!({"status":"active"})),
            [401, 409, 409, 409, 403, 403, 403, 404],
        ),
        (Method::GET, "/v1/openapi.json".into(), None, [200; 8]),
    ];
    let registered: Vec<(&str, &str)> = partnerdesk::web::registered_routes()
        .into_iter()
        .filter(|(_, p)| p.starts_with("/v1/"))
        .collect();
    for (m, p) in &registered {
        let covered =
            table.iter().any(|(tm, tp, _, _)| tm.as_str() == *m && pattern_matches(p, tp));
        assert!(covered, "{m} {p} is not in the API's access matrix");
    }
    for (method, path, body, expected) in &table {
        for (i, key) in keys.iter().enumerate() {
            let before = snapshot(&mut env.conn());
            if path == "/v1/openapi.json" {
                let res =
                    actix_web::test::call_service(&app, TestRequest::get().uri(path).to_request())
                        .await;
                assert_eq!(res.status().as_u16(), 200);
                continue;
            }
            let r = call(&app, method.clone(), path, key.as_deref(), body.clone(), &[]).await;
            assert_eq!(r.status, expected[i], "{method} {path} for caller {i}: {}", r.json);
            if r.status >= 400 {
                assert_eq!(
                    before,
                    snapshot(&mut env.conn()),
                    "{method} {path} for caller {i} changed something"
                );
            }
        }
    }
}

fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (p, a): (Vec<&str>, Vec<&str>) =
        (pattern.split('/').collect(), path.split('?').next().unwrap().split('/').collect());
    p.len() == a.len() && p.iter().zip(&a).all(|(p, a)| p.starts_with('{') || p == a)
}

#[actix_web::test]
async fn a_key_is_rate_limited_with_retry_after() {
    let env = Env::with_config(|c| c.api_rate_per_minute = 5);
    let app = env.app().await;
    let key = key_for(&app, SALES_AGENT).await;
    for _ in 0..5 {
        get(&app, "/v1/customers", &key).await.expect(200);
    }
    let limited = get(&app, "/v1/customers", &key).await;
    limited.expect(429);
    let secs: u64 =
        limited.headers.get(header::RETRY_AFTER).unwrap().to_str().unwrap().parse().unwrap();
    assert!((1..=12).contains(&secs), "Retry-After {secs}");
    // Another key of the same partner is counted apart.
    let other = key_for(&app, ADMIN_AGENT).await;
    get(&app, "/v1/customers", &other).await.expect(200);
}

/// Random JSON bodies, filters, headers and ids: always a 4xx in the error shape (or a 200 for
/// a harmless read), never a 5xx, and a refused change changes nothing.
#[actix_web::test]
async fn bad_bodies_filters_and_headers_never_fail_and_change_nothing() {
    let env = Env::without_rate_limits();
    let w = env.world.clone();
    let app = env.app().await;
    let key = key_for(&app, GLOBAL_ADMIN).await;
    let json_value = prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(|b| json!(b)),
        any::<i64>().prop_map(|n| json!(n)),
        "\\PC{0,40}".prop_map(|s| json!(s)),
        prop::sample::select(vec![
            "none",
            "reseller",
            "active",
            "suspended",
            "deleted",
            "expired",
            "",
            "NONE"
        ])
        .prop_map(|s| json!(s)),
    ];
    let field = prop::sample::select(vec![
        "relationshipToPartner",
        "allowDelegatedAccess",
        "status",
        "attributes",
        "quantity",
        "x",
    ]);
    let body = prop_oneof![
        prop::collection::btree_map(field, json_value, 0..4)
            .prop_map(|m| serde_json::to_vec(&m).unwrap()),
        prop::collection::vec(any::<u8>(), 0..200),
        Just(vec![b'{'; 20_000]),
    ];
    let text = "\\PC{0,30}";
    let cases = if common::skip::ci() { 400 } else { 100 };
    let mut runner = TestRunner::deterministic();
    let targets = [
        format!("/v1/customers/{}", w.contoso.id),
        format!("/v1/customers/{}", w.beta_customer.id),
        format!("/v1/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_base),
        format!("/v1/customers/{}/subscriptions/{}", w.contoso.id, w.beta_sub),
    ];
    for i in 0..cases {
        let before = snapshot(&mut env.conn());
        let bytes = body.new_tree(&mut runner).unwrap().current();
        let target = &targets[i % targets.len()];
        let etag = text.new_tree(&mut runner).unwrap().current();
        let mut req = TestRequest::patch()
            .uri(target)
            .insert_header((header::AUTHORIZATION, format!("Bearer {key}")))
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .set_payload(bytes.clone());
        if let Ok(v) = header::HeaderValue::from_str(&etag) {
            req = req.insert_header((header::IF_MATCH, v));
        }
        let res = actix_web::test::call_service(&app, req.to_request()).await;
        let status = res.status().as_u16();
        let out: Value =
            serde_json::from_slice(&actix_web::test::read_body(res).await).expect("JSON");
        assert!(
            status < 500,
            "PATCH {target} with {:?} answered {status}: {out}",
            String::from_utf8_lossy(&bytes)
        );
        if status >= 400 {
            assert_error_shape(&out);
            assert_eq!(before, snapshot(&mut env.conn()), "a refused PATCH changed something");
        }
        // Filters, sizes, tokens and ids in the address, and headers.
        let f = text.new_tree(&mut runner).unwrap().current();
        let q = partnerdesk::util::urls::urlencode(&f).to_string();
        for path in [
            format!("/v1/customers?filter={q}"),
            format!("/v1/customers?size={q}"),
            format!("/v1/auditrecords?filter={q}&startDate={q}"),
            format!("/v1/customers/{q}x/subscriptions"),
        ] {
            let mut req = TestRequest::get()
                .uri(&path)
                .insert_header((header::AUTHORIZATION, format!("Bearer {key}")));
            if let Ok(v) = header::HeaderValue::from_str(&f) {
                req = req
                    .insert_header(("MS-ContinuationToken", v.clone()))
                    .insert_header(("MS-CorrelationId", v));
            }
            let res = actix_web::test::call_service(&app, req.to_request()).await;
            let status = res.status().as_u16();
            let out: Value =
                serde_json::from_slice(&actix_web::test::read_body(res).await).expect("JSON");
            assert!(status < 500, "GET {path} answered {status}: {out}");
            if status >= 400 {
                assert_error_shape(&out);
            }
        }
    }
}

/// A removal by PATCH racing reactivations from the Subscriptions page: one side wins each
/// round, and a removed relationship never has an active subscription.
#[actix_web::test]
async fn a_patch_removal_races_page_reactivations() {
    let env = Env::without_rate_limits();
    let w = env.world.clone();
    let app = env.app().await;
    let key = key_for(&app, GLOBAL_ADMIN).await;
    let page = sign_in(&app, GLOBAL_ADMIN).await;
    let rounds = if common::skip::ci() { 40 } else { 15 };
    let (mut removed, mut reactivated) = (0, 0);
    for round in 0..rounds {
        let (customer, sub) = {
            let mut c = env.conn();
            let customer = add_customer(&mut c, &w.alpha, &format!("Api Race {round}"), true);
            let sub = add_subscription(&mut c, &w.alpha, &customer, E1, "suspended", None);
            (customer, sub)
        };
        let status_path = format!("/customers/{}/subscriptions/{sub}/status", customer.id);
        let remove_path = format!("/v1/customers/{}", customer.id);
        let requests = (0..10).map(|i| {
            let (app, key, mut b) = (&app, &key, page.clone());
            let (status_path, remove_path) = (&status_path, &remove_path);
            async move {
                if i % 2 == 0 {
                    let r = call(
                        app,
                        Method::PATCH,
                        remove_path,
                        Some(key),
                        Some(json!({"relationshipToPartner":"none"})),
                        &[],
                    )
                    .await;
                    (true, r.status)
                } else {
                    let r = common::post(app, &mut b, status_path, &[("status", "active")]).await;
                    (false, r.status.as_u16())
                }
            }
        });
        let answers = futures_util::future::join_all(requests).await;
        let removals = answers.iter().filter(|(api, s)| *api && *s == 200).count();
        let reactivations = answers.iter().filter(|(api, s)| !*api && *s == 303).count();
        for (api, s) in &answers {
            let fine = if *api { [200, 409].contains(s) } else { [303, 409].contains(s) };
            assert!(fine, "round {round}: {} answered {s}", if *api { "PATCH" } else { "page" });
        }
        assert!(
            removals + reactivations >= 1
                && removals <= 1
                && reactivations <= 1
                && !(removals == 1 && reactivations == 1),
            "round {round}: {removals} removals, {reactivations} reactivations"
        );
        let status = env.subscription_status(&sub);
        if removals == 1 {
            removed += 1;
            assert_eq!(status, "suspended", "round {round}: removed with an active subscription");
        } else {
            reactivated += 1;
            assert_eq!(status, "active");
        }
    }
    eprintln!("API removal won {removed} rounds, page reactivation {reactivated}");
}

#[actix_web::test]
async fn a_body_over_the_limit_is_refused_in_json_before_it_is_read() {
    let (_env, w, app) = Env::with_app().await;
    let key = key_for(&app, GLOBAL_ADMIN).await;
    for size in [20_000, 100_000] {
        let path = format!("/v1/customers/{}", w.ready.id);
        let req = TestRequest::patch()
            .uri(&path)
            .insert_header((header::AUTHORIZATION, format!("Bearer {key}")))
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .set_payload(format!(
                "{{\"relationshipToPartner\":\"none\",\"x\":\"{}\"}}",
                "a".repeat(size)
            ));
        let res = actix_web::test::call_service(&app, req.to_request()).await;
        let status = res.status().as_u16();
        let body: Value = serde_json::from_slice(&actix_web::test::read_body(res).await)
            .unwrap_or_else(|_| panic!("a {size}-byte body was not refused in JSON"));
        assert!([400, 413].contains(&status), "{size} bytes: {status} {body}");
        assert_error_shape(&body);
    }
}

#[actix_web::test]
async fn auto_renew_is_read_and_turned_off_through_the_subscription_patch() {
    let (env, w, app) = Env::with_app().await;
    let key = key_for(&app, ADMIN_AGENT).await;
    let path = format!("/v1/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_nce);
    let read = get(&app, &path, &key).await;
    assert_eq!(read.expect(200)["autoRenewEnabled"], true);
    let end = read.json["commitmentEndDate"].as_str().unwrap().to_owned();
    let etag = read.json["attributes"]["etag"].as_str().unwrap().to_owned();

    // Past its window: cancelling is refused, turning auto-renew off is the way out.
    patch(&app, &path, &key, json!({"status": "deleted"})).await.expect(409);
    let off = call(
        &app,
        Method::PATCH,
        &path,
        Some(&key),
        Some(json!({"autoRenewEnabled": false})),
        &[("If-Match", &etag)],
    )
    .await;
    assert_eq!(off.expect(200)["autoRenewEnabled"], false);
    assert_eq!(off.json["commitmentEndDate"], end.as_str());
    assert_eq!(off.json["status"], "active");
    let changes = Audits::of("update_subscription").succeeded().resource_like(&w.contoso_nce);
    assert_eq!(env.audit_count(changes), 1);
    // The same value again changes nothing; the old etag is stale now.
    patch(&app, &path, &key, json!({"autoRenewEnabled": false})).await.expect(200);
    call(
        &app,
        Method::PATCH,
        &path,
        Some(&key),
        Some(json!({"autoRenewEnabled": true})),
        &[("If-Match", &etag)],
    )
    .await
    .expect(412);
    assert_eq!(
        patch(&app, &path, &key, json!({"autoRenewEnabled": true})).await.expect(200)["autoRenewEnabled"],
        true
    );
    // Legacy has no auto-renew to turn off.
    let legacy = format!("/v1/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_base);
    patch(&app, &legacy, &key, json!({"autoRenewEnabled": false})).await.expect(409);
    patch(&app, &legacy, &key, json!({"autoRenewEnabled": "no"})).await.expect(400);
}

/// With the partner's second-approval setting on, a removal by PATCH is a request that another
/// Global admin approves: 202 with the customer, still a reseller customer, and nothing removed.
#[actix_web::test]
async fn with_second_approval_on_a_removal_by_patch_is_a_request() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::{relationships, removal_approvals};
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    common::post(&app, &mut b, "/partner-settings", &[("second_approval", "on")])
        .await
        .assert_status(303);
    let key = key_for(&app, GLOBAL_ADMIN).await;
    let path = format!("/v1/customers/{}", w.ready.id);
    let asked = patch(&app, &path, &key, json!({ "relationshipToPartner": "none" })).await;
    assert_eq!(asked.expect(202)["relationshipToPartner"], "reseller");
    let rel: String = relationships::table
        .filter(relationships::customer_id.eq(&w.ready.id))
        .select(relationships::relationship_to_partner)
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(rel, "reseller");
    let pending: i64 = removal_approvals::table
        .filter(removal_approvals::outcome.eq("pending"))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(pending, 1);
    // A second PATCH while it waits is refused.
    let again = patch(&app, &path, &key, json!({ "relationshipToPartner": "none" })).await;
    again.expect(409);
}
