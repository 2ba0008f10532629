//! Azure savings plans: a purchase that blocks removal like a reservation, counted on the
//! Customers list, cancelled from the Subscriptions tab, the Account page or Prepare for removal.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::relationships as r;
use partnerdesk::models::customer::Customer;

/// The Removal cell of a customer's row on the Customers page.
fn readiness(page: &Resp, customer: &str) -> String {
    let row = page.body.split(customer).nth(1).unwrap().split("</tr>").next().unwrap();
    let cell = row.rsplit("<td").next().unwrap();
    let text = cell.split_once('>').unwrap().1.split("</td>").next().unwrap();
    text.split('<').filter_map(|s| s.split_once('>').map(|(_, t)| t).or(Some(s))).collect()
}

/// The count of active savings plans Alpha's relationship with the customer keeps.
fn kept(env: &Env, cust: &Customer) -> i64 {
    r::table
        .filter(r::customer_id.eq(&cust.id))
        .filter(r::partner_id.eq(&env.world.alpha.id))
        .select(r::active_savings_plans)
        .first(&mut *env.conn())
        .unwrap()
}

fn check_is_clean(env: &Env) {
    let report = partnerdesk::db::maintenance::check(&mut env.conn()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

/// A customer of Alpha whose only active item is a savings plan: (customer, plan id).
fn savings_only(env: &Env) -> (Customer, String) {
    let mut c = env.conn();
    let cust = add_customer(&mut c, &env.world.alpha, "Savings Only Inc", false);
    let plan = add_savings_plan(&mut c, &env.world.alpha, &cust, "Compute commitment");
    (cust, plan)
}

#[actix_web::test]
async fn a_savings_plan_blocks_removal_until_cancelled_after_the_question() {
    let (env, _w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (cust, plan) = savings_only(&env);
    assert_eq!(kept(&env, &cust), 1);
    check_is_clean(&env);

    // The list says what blocks it, and the blocked filter shows it.
    let list = get(&app, &mut b, "/customers").await;
    assert_eq!(readiness(&list, "Savings Only Inc"), "Blocked: 1 savings plan");
    get(&app, &mut b, "/customers?readiness=blocked").await.assert_contains("Savings Only Inc");
    get(&app, &mut b, "/customers?readiness=ready").await.assert_lacks("Savings Only Inc");

    // The Account page lists it as the blocker, linked to its row, with a Cancel that asks.
    let account = format!("/customers/{}/account", cust.id);
    let cancel = format!("/customers/{}/savings-plans/{plan}/cancel", cust.id);
    get(&app, &mut b, &account)
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("Azure savings plan “Compute commitment” is active: cancel it.")
        .assert_contains(&format!("/customers/{}/subscriptions#savings-plan-{plan}", cust.id))
        .assert_contains(&format!(r#"action="{cancel}""#))
        .assert_contains(r#"hx-confirm="Cancel the Azure savings plan “Compute commitment”?"#);

    // The removal itself refuses while it is active, and changes nothing.
    let before = snapshot(&mut env.conn());
    let remove = format!("/customers/{}/remove-relationship", cust.id);
    post(&app, &mut b, &remove, &[]).await.assert_status(409).assert_contains("still active");
    assert_eq!(before, snapshot(&mut env.conn()));

    // The Subscriptions tab shows it with its commitment, term and billing, and a Cancel.
    get(&app, &mut b, &format!("/customers/{}/subscriptions", cust.id))
        .await
        .assert_contains("Azure savings plans")
        .assert_contains(&format!(r#"<tr id="savings-plan-{plan}">"#))
        .assert_contains("USD 5.00/hour")
        .assert_contains("<td>1 year</td>")
        .assert_contains("<td>Monthly</td>")
        .assert_contains(&format!(r#"hx-post="{cancel}""#));

    // Without the answer: the question, and nothing changes.
    let asked = post(&app, &mut b, &cancel, &[("back", "account")]).await;
    asked.assert_status(303);
    get(&app, &mut b, asked.location().unwrap())
        .await
        .assert_status(200)
        .assert_contains("Cancel the Azure savings plan “Compute commitment”?")
        .assert_contains("Cancel savings plan");
    assert_eq!(before, snapshot(&mut env.conn()));

    // With it: cancelled, recorded, counted, and the customer is ready.
    let done = post(&app, &mut b, &cancel, &[("back", "account"), ("confirmed", "yes")]).await;
    assert_eq!(done.location(), Some(account.as_str()));
    get(&app, &mut b, &account)
        .await
        .assert_contains("Azure savings plan “Compute commitment” cancelled.")
        .assert_lacks(r#"aria-disabled="true""#)
        .assert_contains(&format!(r#"href="{remove}""#));
    let audited = Audits::of("cancel_savings_plan").succeeded().customer(&cust.id);
    assert_eq!(env.audit_count(audited), 1);
    assert_eq!(kept(&env, &cust), 0);
    check_is_clean(&env);
    let list = get(&app, &mut b, "/customers").await;
    assert_eq!(readiness(&list, "Savings Only Inc"), "Ready to remove");

    // Once is enough: a second cancel is refused, and so is its question.
    post(&app, &mut b, &cancel, &[("confirmed", "yes")])
        .await
        .assert_status(409)
        .assert_contains("already cancelled");
    get(&app, &mut b, &cancel).await.assert_status(409);

    // Now it can be removed; the receipt lists the plan as cancelled, and its cancellation.
    let removed = post(&app, &mut b, &remove, &[]).await;
    removed.assert_status(303);
    let at = removed.location().unwrap().to_string();
    get(&app, &mut b, &at)
        .await
        .assert_status(200)
        .assert_contains("Compute commitment")
        .assert_contains("Cancel Azure savings plan");
    let file = get(&app, &mut b, &format!("{at}/evidence")).await;
    let json: serde_json::Value = serde_json::from_str(&file.body).unwrap();
    let receipt = &json["receipt"];
    let line = receipt["purchases"].as_array().unwrap().iter().find(|p| p["id"] == plan.as_str());
    let line = line.unwrap_or_else(|| panic!("the plan is not on the receipt: {receipt:#}"));
    assert_eq!(
        (&line["kind"], &line["status"]),
        (&"azure_savings_plan".into(), &"cancelled".into())
    );
    let changes = receipt["changes"].as_array().unwrap();
    assert!(changes.iter().any(|c| c["operation"] == "cancel_savings_plan"), "{receipt:#}");
}

#[actix_web::test]
async fn cancelling_with_htmx_answers_the_updated_row() {
    let (env, _w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let (cust, plan) = savings_only(&env);
    let cancel = format!("/customers/{}/savings-plans/{plan}/cancel", cust.id);
    hx_post(&app, &mut b, &cancel, &[("confirmed", "yes")])
        .await
        .assert_status(200)
        .assert_contains(&format!(r#"<tr id="savings-plan-{plan}">"#))
        .assert_contains("<small class=\"muted\">Cancelled ")
        .assert_contains("Azure savings plan “Compute commitment” cancelled.")
        .assert_lacks(&format!(r#"hx-post="{cancel}""#));
    assert_eq!(kept(&env, &cust), 0);
}

#[actix_web::test]
async fn prepare_for_removal_cancels_savings_plans_and_says_what_that_costs() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (cust, plan) = savings_only(&env);
    let upfront = add_savings_plan(&mut env.conn(), &w.alpha, &cust, "Paid ahead");
    diesel::update(partnerdesk::db::schema::savings_plans::table.find(&upfront))
        .set(partnerdesk::db::schema::savings_plans::billing.eq("upfront"))
        .execute(&mut *env.conn())
        .unwrap();
    assert_eq!(kept(&env, &cust), 2);

    let preview_path = format!("/customers/{}/offboarding", cust.id);
    let preview = get(&app, &mut b, &preview_path).await;
    preview
        .assert_status(200)
        .assert_contains(
            "Cancel the Azure savings plan Compute commitment (USD 5.00/hour, 1 year): its \
             monthly charges stop",
        )
        .assert_contains(
            "Cancel the Azure savings plan Paid ahead (USD 5.00/hour, 1 year): paid upfront for \
             the whole term, not refunded",
        )
        .assert_contains("Cancel all of this");
    let re = regex::Regex::new(r#"name="previewed" value="([^"]*)""#).unwrap();
    let fingerprint = re.captures(&preview.body).unwrap()[1].to_string();
    post(&app, &mut b, &preview_path, &[("previewed", &fingerprint)]).await.assert_status(303);
    get(&app, &mut b, &format!("/customers/{}/account", cust.id))
        .await
        .assert_contains(
            "Suspended 0 subscriptions, cancelled 0 Azure reservations, 2 Azure savings plans \
             and 0 software purchases. Nothing active blocks the removal any more.",
        )
        .assert_lacks(r#"aria-disabled="true""#);
    let audited = Audits::of("cancel_savings_plan").succeeded().customer(&cust.id);
    assert_eq!(env.audit_count(audited), 2);
    assert_eq!(env.audit_count(Audits::all().resource_like(&plan).succeeded()), 1);
    assert_eq!(kept(&env, &cust), 0);
    check_is_clean(&env);
}

#[actix_web::test]
async fn the_kept_count_follows_every_change_and_check_names_a_drift() {
    let env = Env::new();
    let w = env.world.clone();
    let (cust, plan) = savings_only(&env);
    let second = add_savings_plan(&mut env.conn(), &w.alpha, &cust, "Second");
    assert_eq!(kept(&env, &cust), 2);
    // Another partner's plan for the same customer counts on that partner's relationship only.
    relate_beta(&env, &cust);
    add_savings_plan(&mut env.conn(), &w.beta, &cust, "Beta's");
    assert_eq!(kept(&env, &cust), 2, "Alpha's count is of Alpha's plans");
    let plans = partnerdesk::db::schema::savings_plans::table;
    diesel::delete(plans.find(&second)).execute(&mut *env.conn()).unwrap();
    assert_eq!(kept(&env, &cust), 1);
    check_is_clean(&env);

    // A relationship established again starts with the plans recorded meanwhile.
    diesel::delete(
        r::table.filter(r::customer_id.eq(&cust.id)).filter(r::partner_id.eq(&w.alpha.id)),
    )
    .execute(&mut *env.conn())
    .unwrap();
    partnerdesk::models::relationship::insert(
        &mut env.conn(),
        &cust.reseller_relationship(&w.alpha.id, false, partnerdesk::util::clock::now_ms()),
    )
    .unwrap();
    assert_eq!(kept(&env, &cust), 1);
    check_is_clean(&env);

    // A count that drifted is named by `check`.
    diesel::update(
        r::table.filter(r::customer_id.eq(&cust.id)).filter(r::partner_id.eq(&w.alpha.id)),
    )
    .set(r::active_savings_plans.eq(r::active_savings_plans + 5))
    .execute(&mut *env.conn())
    .unwrap();
    let report = partnerdesk::db::maintenance::check(&mut env.conn()).unwrap();
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(
        report.problems[0].contains("keeps 6 active savings plans but has 1"),
        "{:?}",
        report.problems
    );
    let _ = plan;
}

/// Gives Beta a reseller relationship with `cust` too.
fn relate_beta(env: &Env, cust: &Customer) {
    let rel =
        cust.reseller_relationship(&env.world.beta.id, false, partnerdesk::util::clock::now_ms());
    partnerdesk::models::relationship::insert(&mut env.conn(), &rel).unwrap();
}

#[actix_web::test]
async fn savings_plans_read_in_polish() {
    let (env, _w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (cust, plan) = savings_only(&env);
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/customers")]).await;
    let list = get(&app, &mut b, "/customers").await;
    assert_eq!(readiness(&list, "Savings Only Inc"), "Blokady: 1 plan oszczędnościowy");
    get(&app, &mut b, &format!("/customers/{}/account", cust.id)).await.assert_contains(
        "Plan oszczędnościowy platformy Azure „Compute commitment” jest aktywny: należy go \
             anulować.",
    );
    get(&app, &mut b, &format!("/customers/{}/subscriptions", cust.id))
        .await
        .assert_contains("Plany oszczędnościowe platformy Azure")
        .assert_contains("5,00 USD/godz.")
        .assert_contains("<td>1 rok</td>")
        .assert_contains("<td>Co miesiąc</td>");
    let cancel = format!("/customers/{}/savings-plans/{plan}/cancel", cust.id);
    let done = post(&app, &mut b, &cancel, &[("confirmed", "yes")]).await;
    get(&app, &mut b, done.location().unwrap())
        .await
        .assert_contains("Anulowano plan oszczędnościowy platformy Azure „Compute commitment”.");
    get(&app, &mut b, "/activity")
        .await
        .assert_contains("Anulowanie planu oszczędnościowego platformy Azure")
        .assert_contains("Anulowany");
}
