//! Security groups and GDAP access assignments: a group of the partner's users gets some of a
//! GDAP relationship's Entra roles in a customer's tenant, and the customer's Access tab shows
//! who in the partner can do what there.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::AnyConnection;
use partnerdesk::db::schema::{
    gdap_access_assignment_roles, gdap_access_assignments, gdap_relationship_roles,
    gdap_relationships, security_group_members, security_groups, users,
};
use partnerdesk::models::customer::Customer;
use partnerdesk::models::partner::Partner;
use partnerdesk::services::access_assignments::who_can_do_what;
use partnerdesk::util::{clock::now_ms, tokens::new_id};

const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
const USER_ADMIN: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const HELPDESK_ADMIN: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

/// A GDAP relationship of `p` with `cust`, in `status`, carrying `roles`, as stored.
fn add_gdap(
    c: &mut AnyConnection,
    p: &Partner,
    cust: &Customer,
    name: &str,
    status: &str,
    roles: &[&str],
) -> String {
    let id = new_id();
    let now = now_ms();
    diesel::insert_into(gdap_relationships::table)
        .values((
            gdap_relationships::id.eq(&id),
            gdap_relationships::partner_id.eq(&p.id),
            gdap_relationships::customer_id.eq(&cust.id),
            gdap_relationships::display_name.eq(name),
            gdap_relationships::duration_days.eq(730),
            gdap_relationships::auto_extend_days.eq(0),
            gdap_relationships::status.eq(status),
            gdap_relationships::created_at.eq(now),
            gdap_relationships::updated_at.eq(now),
            gdap_relationships::activated_at.eq(Some(now)),
            gdap_relationships::end_at.eq(Some(now + 730 * 86_400_000)),
        ))
        .execute(c)
        .unwrap();
    for r in roles {
        diesel::insert_into(gdap_relationship_roles::table)
            .values((
                gdap_relationship_roles::relationship_id.eq(&id),
                gdap_relationship_roles::role_definition_id.eq(*r),
            ))
            .execute(c)
            .unwrap();
    }
    id
}

fn access(customer: &str) -> String {
    format!("/customers/{customer}/access")
}

/// Creates a group through its page and returns its id.
async fn create_group<S: TestApp<B>, B: actix_web::body::MessageBody>(
    app: &S,
    b: &mut Browser,
    name: &str,
) -> String {
    let r = post(app, b, "/security-groups", &[("name", name)]).await;
    r.assert_status(303);
    r.location().unwrap().strip_prefix("/security-groups/").unwrap().to_owned()
}

async fn add_member<S: TestApp<B>, B: actix_web::body::MessageBody>(
    app: &S,
    b: &mut Browser,
    group: &str,
    user: &str,
) -> Resp {
    post(app, b, &format!("/security-groups/{group}/members"), &[("user_id", user)]).await
}

async fn assign<S: TestApp<B>, B: actix_web::body::MessageBody>(
    app: &S,
    b: &mut Browser,
    customer: &str,
    relationship: &str,
    group: &str,
    roles: &[&str],
) -> Resp {
    let mut form = vec![("relationship_id", relationship), ("group_id", group)];
    form.extend(roles.iter().map(|r| ("role", *r)));
    post(app, b, &access(customer), &form).await
}

/// The live assignments stored: (relationship, group, status).
fn live_assignments(env: &Env) -> Vec<(String, String, String)> {
    gdap_access_assignments::table
        .filter(gdap_access_assignments::status.ne("deleted"))
        .select((
            gdap_access_assignments::relationship_id,
            gdap_access_assignments::group_id,
            gdap_access_assignments::status,
        ))
        .load(&mut *env.conn())
        .unwrap()
}

fn assignment_id(env: &Env, group: &str) -> String {
    gdap_access_assignments::table
        .filter(gdap_access_assignments::group_id.eq(group))
        .filter(gdap_access_assignments::status.ne("deleted"))
        .select(gdap_access_assignments::id)
        .first(&mut *env.conn())
        .unwrap()
}

fn assignment_roles(env: &Env, id: &str) -> Vec<String> {
    let mut roles: Vec<String> = gdap_access_assignment_roles::table
        .filter(gdap_access_assignment_roles::assignment_id.eq(id))
        .select(gdap_access_assignment_roles::role_definition_id)
        .load(&mut *env.conn())
        .unwrap();
    roles.sort();
    roles
}

/// Who holds what in the customer's tenant: (email, sorted role names).
fn who(env: &Env, partner: &Partner, customer: &Customer) -> Vec<(String, Vec<String>)> {
    who_can_do_what(&mut env.conn(), &partner.id, &customer.id)
        .unwrap()
        .into_iter()
        .map(|h| {
            let mut names: Vec<String> = h.role_names().into_iter().map(str::to_owned).collect();
            names.sort();
            (h.email, names)
        })
        .collect()
}

#[actix_web::test]
async fn roles_must_be_among_the_relationships_and_the_form_keeps_the_input() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let rel = add_gdap(
        &mut env.conn(),
        &w.alpha,
        &w.contoso,
        "Contoso support",
        "active",
        &[GLOBAL_READER, USER_ADMIN],
    );
    let group = create_group(&app, &mut b, "Helpdesk tier 1").await;
    let page = get(&app, &mut b, &access(&w.contoso.id)).await;
    page.assert_status(200).assert_contains("Global Reader").assert_contains("Helpdesk tier 1");

    let refused = assign(&app, &mut b, &w.contoso.id, &rel, &group, &[HELPDESK_ADMIN]).await;
    refused
        .assert_status(422)
        .assert_contains("does not include the role Helpdesk Administrator")
        .assert_contains(&format!(r#"<option value="{group}" selected>"#));
    let none = assign(&app, &mut b, &w.contoso.id, &rel, &group, &[]).await;
    none.assert_status(422).assert_contains("Please choose at least one role.");
    // A role in the relationship next to one outside it: still refused, and the ticked one kept.
    let mixed =
        assign(&app, &mut b, &w.contoso.id, &rel, &group, &[GLOBAL_READER, HELPDESK_ADMIN]).await;
    mixed.assert_status(422).assert_contains(&format!(r#"value="{GLOBAL_READER}" checked"#));
    assert!(live_assignments(&env).is_empty(), "nothing stored");

    assign(&app, &mut b, &w.contoso.id, &rel, &group, &[GLOBAL_READER]).await.assert_status(303);
    assert_eq!(live_assignments(&env), vec![(rel.clone(), group.clone(), "active".into())]);
    let id = assignment_id(&env, &group);

    // Changing the roles follows the same rule.
    let path = format!("/customers/{}/access/{id}/roles", w.contoso.id);
    post(&app, &mut b, &path, &[("role", HELPDESK_ADMIN)]).await.assert_status(422);
    assert_eq!(assignment_roles(&env, &id), vec![GLOBAL_READER.to_owned()]);
    post(&app, &mut b, &path, &[("role", USER_ADMIN), ("role", GLOBAL_READER)])
        .await
        .assert_status(303);
    let mut both = vec![GLOBAL_READER.to_owned(), USER_ADMIN.to_owned()];
    both.sort();
    assert_eq!(assignment_roles(&env, &id), both);

    // One live assignment per relationship and group.
    assign(&app, &mut b, &w.contoso.id, &rel, &group, &[USER_ADMIN])
        .await
        .assert_status(409)
        .assert_contains("already has access through");
}

#[actix_web::test]
async fn only_an_active_or_expiring_relationship_takes_assignments() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let group = create_group(&app, &mut b, "Security operations").await;
    for status in ["approvalPending", "expired", "terminated", "created"] {
        let rel = add_gdap(
            &mut env.conn(),
            &w.alpha,
            &w.contoso,
            &format!("Contoso {status}"),
            status,
            &[GLOBAL_READER],
        );
        assign(&app, &mut b, &w.contoso.id, &rel, &group, &[GLOBAL_READER])
            .await
            .assert_status(409)
            .assert_contains("only on an active or expiring GDAP relationship")
            .assert_contains(status);
    }
    assert!(live_assignments(&env).is_empty());
    let expiring =
        add_gdap(&mut env.conn(), &w.alpha, &w.contoso, "Contoso ends", "expiring", &[USER_ADMIN]);
    assign(&app, &mut b, &w.contoso.id, &expiring, &group, &[USER_ADMIN]).await.assert_status(303);
    assert_eq!(live_assignments(&env).len(), 1);
    assert_eq!(env.audit_count(Audits::of("create_granular_admin_access_assignment").failed()), 4);
}

#[actix_web::test]
async fn another_partners_groups_relationships_users_and_customers_are_not_found() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let alpha_rel =
        add_gdap(&mut env.conn(), &w.alpha, &w.contoso, "Alpha rel", "active", &[GLOBAL_READER]);
    let beta_rel = add_gdap(
        &mut env.conn(),
        &w.beta,
        &w.beta_customer,
        "Beta rel",
        "active",
        &[GLOBAL_READER],
    );
    let alpha_group = create_group(&app, &mut b, "Alpha group").await;
    let mut beta = sign_in(&app, OTHER_ADMIN).await;
    let beta_group = create_group(&app, &mut beta, "Beta group").await;

    // Beta's admin on Alpha's group and customer.
    get(&app, &mut beta, &format!("/security-groups/{alpha_group}")).await.assert_status(404);
    post(&app, &mut beta, &format!("/security-groups/{alpha_group}/name"), &[("name", "Mine")])
        .await
        .assert_status(404);
    get(&app, &mut beta, &access(&w.contoso.id)).await.assert_status(404);
    assign(&app, &mut beta, &w.contoso.id, &alpha_rel, &beta_group, &[GLOBAL_READER])
        .await
        .assert_status(404);
    // Alpha's admin with Beta's group, or Beta's relationship on Alpha's customer.
    assign(&app, &mut b, &w.contoso.id, &alpha_rel, &beta_group, &[GLOBAL_READER])
        .await
        .assert_status(404);
    assign(&app, &mut b, &w.contoso.id, &beta_rel, &alpha_group, &[GLOBAL_READER])
        .await
        .assert_status(404);
    assign(&app, &mut b, &w.beta_customer.id, &beta_rel, &alpha_group, &[GLOBAL_READER])
        .await
        .assert_status(404);
    assert!(live_assignments(&env).is_empty());
    // Alpha's list shows only Alpha's group.
    get(&app, &mut b, "/security-groups")
        .await
        .assert_contains("Alpha group")
        .assert_lacks("Beta group");
}

#[actix_web::test]
async fn a_group_with_live_assignments_cannot_be_deleted() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let rel = add_gdap(&mut env.conn(), &w.alpha, &w.contoso, "Rel", "active", &[GLOBAL_READER]);
    let group = create_group(&app, &mut b, "Helpdesk tier 1").await;
    assign(&app, &mut b, &w.contoso.id, &rel, &group, &[GLOBAL_READER]).await.assert_status(303);

    let delete = format!("/security-groups/{group}/delete");
    get(&app, &mut b, &delete)
        .await
        .assert_status(409)
        .assert_contains("still gives access to customers through 1 GDAP access assignment");
    post(&app, &mut b, &delete, &[("confirmed", "yes")]).await.assert_status(409);
    let groups: i64 = security_groups::table.count().get_result(&mut *env.conn()).unwrap();
    assert_eq!(groups, 1, "the group stays");
    // The group's page says where it gives access, linking there for those who see customers.
    let group_page = format!("/security-groups/{group}");
    get(&app, &mut b, &group_page)
        .await
        .assert_contains(r#"id="delete-blocked""#)
        .assert_contains(&format!(r#"href="/customers/{}/access""#, w.contoso.id));
    let mut users_admin = sign_in(&app, USER_MANAGEMENT_ADMIN).await;
    get(&app, &mut users_admin, &group_page)
        .await
        .assert_contains(r#"id="delete-blocked""#)
        .assert_lacks(&w.contoso.company_name);
    assert_eq!(env.audit_count(Audits::of("delete_security_group").failed()), 1);

    // The assignment is deleted after its question; then the group can go.
    let id = assignment_id(&env, &group);
    let del_assignment = format!("/customers/{}/access/{id}/delete", w.contoso.id);
    let asked = post(&app, &mut b, &del_assignment, &[]).await;
    asked.assert_status(303);
    assert_eq!(asked.location(), Some(del_assignment.as_str()), "asks first");
    get(&app, &mut b, &del_assignment).await.assert_status(200).assert_contains("Global Reader");
    assert_eq!(live_assignments(&env).len(), 1, "the question changes nothing");
    post(&app, &mut b, &del_assignment, &[("confirmed", "yes")]).await.assert_status(303);
    assert!(live_assignments(&env).is_empty());
    let status: String = gdap_access_assignments::table
        .find(&id)
        .select(gdap_access_assignments::status)
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(status, "deleted");

    get(&app, &mut b, &delete).await.assert_status(200).assert_contains("Delete group");
    post(&app, &mut b, &delete, &[("confirmed", "yes")]).await.assert_status(303);
    let groups: i64 = security_groups::table.count().get_result(&mut *env.conn()).unwrap();
    assert_eq!(groups, 0);
}

#[actix_web::test]
async fn members_are_only_the_partners_own_active_users() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let group = create_group(&app, &mut b, "Helpdesk tier 1").await;
    let beta_user = env.user_id(OTHER_ADMIN);
    add_member(&app, &mut b, &group, &beta_user).await.assert_status(404);
    let disabled = add_user(&mut env.conn(), &w.alpha, "gone@alpha.test", &[]);
    diesel::update(users::table.find(&disabled))
        .set(users::active.eq(false))
        .execute(&mut *env.conn())
        .unwrap();
    add_member(&app, &mut b, &group, &disabled).await.assert_status(404);
    add_member(&app, &mut b, &group, "no-such-user").await.assert_status(404);
    let members: i64 = security_group_members::table.count().get_result(&mut *env.conn()).unwrap();
    assert_eq!(members, 0);

    let helpdesk = env.user_id(HELPDESK_AGENT);
    add_member(&app, &mut b, &group, &helpdesk).await.assert_status(303);
    let page = get(&app, &mut b, &format!("/security-groups/{group}")).await;
    page.assert_contains(&format!(r#"id="member-{helpdesk}""#))
        .assert_lacks(&format!(r#"<option value="{helpdesk}">"#))
        .assert_lacks(&format!(r#"<option value="{disabled}">"#));
    get(&app, &mut b, "/security-groups").await.assert_contains("1 member");
    // The Users page links to the groups.
    get(&app, &mut b, "/users").await.assert_contains(r#"href="/security-groups""#);
}

#[actix_web::test]
async fn who_can_do_what_follows_members_and_assignments() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let rel = add_gdap(
        &mut env.conn(),
        &w.alpha,
        &w.contoso,
        "Contoso support",
        "active",
        &[GLOBAL_READER, USER_ADMIN, HELPDESK_ADMIN],
    );
    // Another customer's relationship gives nothing in Contoso's tenant.
    let other = add_gdap(&mut env.conn(), &w.alpha, &w.ready, "Ready", "active", &[USER_ADMIN]);
    let tier1 = create_group(&app, &mut b, "Helpdesk tier 1").await;
    let secops = create_group(&app, &mut b, "Security operations").await;
    let (helpdesk, agent) = (env.user_id(HELPDESK_AGENT), env.user_id(ADMIN_AGENT));
    add_member(&app, &mut b, &tier1, &helpdesk).await.assert_status(303);
    add_member(&app, &mut b, &secops, &agent).await.assert_status(303);
    assert!(who(&env, &w.alpha, &w.contoso).is_empty(), "no assignment yet");

    assign(&app, &mut b, &w.contoso.id, &rel, &tier1, &[HELPDESK_ADMIN]).await.assert_status(303);
    assign(&app, &mut b, &w.contoso.id, &rel, &secops, &[GLOBAL_READER, USER_ADMIN])
        .await
        .assert_status(303);
    assign(&app, &mut b, &w.ready.id, &other, &tier1, &[USER_ADMIN]).await.assert_status(303);
    assert_eq!(
        who(&env, &w.alpha, &w.contoso),
        vec![
            (
                ADMIN_AGENT.to_owned(),
                vec!["Global Reader".to_owned(), "User Administrator".to_owned()]
            ),
            (HELPDESK_AGENT.to_owned(), vec!["Helpdesk Administrator".to_owned()]),
        ]
    );
    let page = get(&app, &mut b, &access(&w.contoso.id)).await;
    page.assert_contains(&format!(r#"id="holder-{helpdesk}""#)).assert_contains(
        "Helpdesk Administrator: group “Helpdesk tier 1”, relationship “Contoso support”",
    );

    // The helpdesk agent joins Security operations too, then leaves Helpdesk tier 1.
    add_member(&app, &mut b, &secops, &helpdesk).await.assert_status(303);
    let hd = who(&env, &w.alpha, &w.contoso);
    assert_eq!(
        hd[1],
        (
            HELPDESK_AGENT.to_owned(),
            vec![
                "Global Reader".to_owned(),
                "Helpdesk Administrator".to_owned(),
                "User Administrator".to_owned()
            ]
        )
    );
    post(&app, &mut b, &format!("/security-groups/{tier1}/members/{helpdesk}/remove"), &[])
        .await
        .assert_status(303);
    assert_eq!(
        who(&env, &w.alpha, &w.contoso)[1],
        (
            HELPDESK_AGENT.to_owned(),
            vec!["Global Reader".to_owned(), "User Administrator".to_owned()]
        )
    );

    // Deleting Security operations' assignment leaves nobody with a role in Contoso's tenant.
    let id = assignment_id(&env, &secops);
    post(
        &app,
        &mut b,
        &format!("/customers/{}/access/{id}/delete", w.contoso.id),
        &[("confirmed", "yes")],
    )
    .await
    .assert_status(303);
    assert!(who(&env, &w.alpha, &w.contoso).is_empty());
    get(&app, &mut b, &access(&w.contoso.id))
        .await
        .assert_contains(r#"id="who-can-do-what""#)
        .assert_contains("Nobody in your organisation holds a role");
    // A relationship that ends takes its roles with it.
    assert_eq!(who(&env, &w.alpha, &w.ready).len(), 0, "tier 1 has no members left");
    add_member(&app, &mut b, &tier1, &agent).await.assert_status(303);
    assert_eq!(who(&env, &w.alpha, &w.ready).len(), 1);
    // A disabled user holds nothing while disabled.
    for active in [false, true] {
        diesel::update(users::table.find(&agent))
            .set(users::active.eq(active))
            .execute(&mut *env.conn())
            .unwrap();
        assert_eq!(who(&env, &w.alpha, &w.ready).len(), usize::from(active));
    }
    diesel::update(gdap_relationships::table.find(&other))
        .set(gdap_relationships::status.eq("terminated"))
        .execute(&mut *env.conn())
        .unwrap();
    assert!(who(&env, &w.alpha, &w.ready).is_empty());
}

#[actix_web::test]
async fn every_change_is_audited_once_in_its_transaction() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let rel = add_gdap(&mut env.conn(), &w.alpha, &w.contoso, "Rel", "active", &[GLOBAL_READER]);
    let group = create_group(&app, &mut b, "Tier 1").await;
    post(&app, &mut b, &format!("/security-groups/{group}/name"), &[("name", "Helpdesk tier 1")])
        .await
        .assert_status(303);
    let helpdesk = env.user_id(HELPDESK_AGENT);
    add_member(&app, &mut b, &group, &helpdesk).await.assert_status(303);
    // Adding again changes nothing and records nothing.
    add_member(&app, &mut b, &group, &helpdesk).await.assert_status(303);
    assign(&app, &mut b, &w.contoso.id, &rel, &group, &[GLOBAL_READER]).await.assert_status(303);
    let id = assignment_id(&env, &group);
    post(&app, &mut b, &format!("/customers/{}/access/{id}/delete", w.contoso.id), YES)
        .await
        .assert_status(303);
    post(&app, &mut b, &format!("/security-groups/{group}/members/{helpdesk}/remove"), &[])
        .await
        .assert_status(303);
    post(&app, &mut b, &format!("/security-groups/{group}/delete"), YES).await.assert_status(303);

    for op in [
        "create_security_group",
        "rename_security_group",
        "add_security_group_member",
        "remove_security_group_member",
        "delete_security_group",
    ] {
        assert_eq!(env.audit_count(Audits::of(op).succeeded()), 1, "{op}");
    }
    for op in ["create_granular_admin_access_assignment", "delete_granular_admin_access_assignment"]
    {
        assert_eq!(env.audit_count(Audits::of(op).customer(&w.contoso.id).succeeded()), 1, "{op}");
    }
    // A name already used is refused and rolls back with nothing recorded as done.
    let before = env.audit_count(Audits::all().succeeded());
    create_group(&app, &mut b, "Security operations").await;
    post(&app, &mut b, "/security-groups", &[("name", "Security operations")])
        .await
        .assert_status(409)
        .assert_contains("already has a security group named")
        .assert_contains(r#"value="Security operations""#);
    assert_eq!(env.audit_count(Audits::all().succeeded()), before + 1);
    let names: i64 = security_groups::table.count().get_result(&mut *env.conn()).unwrap();
    assert_eq!(names, 1);
}

const YES: &[(&str, &str)] = &[("confirmed", "yes")];

#[actix_web::test]
async fn roles_without_the_permission_are_refused_with_a_sentence() {
    let (env, w, app) = Env::with_app().await;
    let rel = add_gdap(&mut env.conn(), &w.alpha, &w.contoso, "Rel", "active", &[GLOBAL_READER]);
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    let group = create_group(&app, &mut admin, "Helpdesk tier 1").await;

    // Groups: Global admins and User management admins.
    let mut agent = sign_in(&app, ADMIN_AGENT).await;
    get(&app, &mut agent, "/security-groups")
        .await
        .assert_status(403)
        .assert_contains("Requires the Global admin or User management admin role.");
    post(&app, &mut agent, "/security-groups", &[("name", "Mine")]).await.assert_status(403);
    let mut users_admin = sign_in(&app, USER_MANAGEMENT_ADMIN).await;
    get(&app, &mut users_admin, "/security-groups").await.assert_status(200);

    // Assignments: Global admins and Admin agents; every role that sees customers reads them.
    for email in [SALES_AGENT, HELPDESK_AGENT, BILLING_ADMIN] {
        let mut b = sign_in(&app, email).await;
        assign(&app, &mut b, &w.contoso.id, &rel, &group, &[GLOBAL_READER])
            .await
            .assert_status(403)
            .assert_contains("Requires the Global admin or Admin agent role.");
        get(&app, &mut b, &access(&w.contoso.id))
            .await
            .assert_status(200)
            .assert_lacks(r#"id="new-assignment""#);
    }
    assign(&app, &mut users_admin, &w.contoso.id, &rel, &group, &[GLOBAL_READER])
        .await
        .assert_status(403);
    assert!(live_assignments(&env).is_empty());
    get(&app, &mut agent, &access(&w.contoso.id)).await.assert_contains(r#"id="new-assignment""#);
    assign(&app, &mut agent, &w.contoso.id, &rel, &group, &[GLOBAL_READER])
        .await
        .assert_status(303);
    assert_eq!(live_assignments(&env).len(), 1);
}

#[actix_web::test]
async fn the_access_tab_speaks_polish() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let rel = add_gdap(&mut env.conn(), &w.alpha, &w.contoso, "Rel", "active", &[GLOBAL_READER]);
    let group = create_group(&app, &mut b, "Helpdesk").await;
    assign(&app, &mut b, &w.contoso.id, &rel, &group, &[GLOBAL_READER]).await.assert_status(303);
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/customers")])
        .await
        .assert_status(303);
    get(&app, &mut b, &access(&w.contoso.id))
        .await
        .assert_contains("Przypisania dostępu GDAP")
        .assert_contains("Kto co może")
        // The relationship's status beside each assignment, in words, not Graph's value.
        .assert_contains("(Aktywna)")
        .assert_lacks("(active)");
    get(&app, &mut b, "/security-groups").await.assert_contains("Grupy zabezpieczeń");
}

#[actix_web::test]
async fn the_demo_has_security_groups_with_access_to_contoso() {
    let (url, _db) = new_database();
    let config = partnerdesk::config::Config::for_tests(url.clone());
    let pool = partnerdesk::db::connect(&url, &config.pool).unwrap();
    let mut c = conn(&pool);
    partnerdesk::seed::seed_demo(&mut c).unwrap();
    let names: Vec<String> = security_groups::table
        .order(security_groups::name)
        .select(security_groups::name)
        .load(&mut *c)
        .unwrap();
    assert_eq!(names, vec!["Helpdesk tier 1", "Security operations"]);
    // The relationship the demo's assignments are on.
    let (partner, customer): (String, String) = gdap_relationships::table
        .inner_join(partnerdesk::db::schema::gdap_access_assignments::table)
        .select((gdap_relationships::partner_id, gdap_relationships::customer_id))
        .first(&mut *c)
        .unwrap();
    let holders = who_can_do_what(&mut c, &partner, &customer).unwrap();
    let emails: Vec<&str> = holders.iter().map(|h| h.email.as_str()).collect();
    assert_eq!(
        emails,
        vec!["admin@fabrikam.example", "helpdesk@fabrikam.example", "agent@fabrikam.example"]
    );
    let agent = &holders[2];
    assert!(agent.role_names().contains(&"Security Administrator"));
    assert!(agent.role_names().contains(&"Helpdesk Administrator"));
}
