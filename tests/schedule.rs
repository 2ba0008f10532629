//! Scheduled removal: a Global admin schedules the removal for the earliest removal date (or
//! later), which turns auto-renew off where it must be; on the day the job runner removes the
//! relationship, or records why it could not. And the job runner itself: once per job, however
//! many runners, with a bounded retry of unexpected failures.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{jobs, relationships, removal_receipts, subscriptions};
use partnerdesk::i18n::Locale;
use partnerdesk::services::jobs::{MAX_ATTEMPTS, RunSummary, run_due};
use partnerdesk::util::clock::{DAY_MS, iso_date, now_ms};

const MINUTE_MS: i64 = 60 * 1000;
const HOUR_MS: i64 = 60 * MINUTE_MS;

fn account(customer: &str) -> String {
    format!("/customers/{customer}/account")
}

fn schedule_path(customer: &str) -> String {
    format!("/customers/{customer}/removal-schedule")
}

/// A new-commerce subscription of `ready` bought 20 days ago (past its cancellation window,
/// auto-renew on): it blocks until its commitment end, which is the earliest removal date.
/// Returns the subscription and its commitment end.
fn nce_past_its_window(env: &Env) -> (String, i64) {
    let w = &env.world;
    let id = add_subscription(&mut env.conn(), &w.alpha, &w.ready, BP, "active", None);
    set_bought(&mut env.conn(), &id, now_ms() - 20 * DAY_MS);
    let end = subscriptions::table
        .find(&id)
        .select(subscriptions::commitment_end_at)
        .first(&mut *env.conn())
        .unwrap();
    (id, end)
}

fn auto_renew(env: &Env, id: &str) -> bool {
    subscriptions::table.find(id).select(subscriptions::auto_renew).first(&mut *env.conn()).unwrap()
}

fn relationship_of(env: &Env, customer: &str) -> String {
    relationships::table
        .filter(relationships::customer_id.eq(customer))
        .filter(relationships::partner_id.eq(&env.world.alpha.id))
        .select(relationships::relationship_to_partner)
        .first(&mut *env.conn())
        .unwrap()
}

fn receipts_of(env: &Env, customer: &str) -> i64 {
    removal_receipts::table
        .filter(removal_receipts::customer_id.eq(customer))
        .count()
        .get_result(&mut *env.conn())
        .unwrap()
}

fn job_count(env: &Env) -> i64 {
    jobs::table.count().get_result(&mut *env.conn()).unwrap()
}

/// The job runner at the application's clock, as the server's loop runs it.
fn run(env: &Env) -> RunSummary {
    run_at(env, env.state.clock.now())
}

/// The job runner at `at`.
fn run_at(env: &Env, at: i64) -> RunSummary {
    run_due(&mut env.conn(), &env.state.config.public_url, at).unwrap()
}

fn scheduled_text(date_ms: i64) -> String {
    format!("Removal scheduled for {} by User {GLOBAL_ADMIN}", Locale::En.date(date_ms))
}

#[actix_web::test]
async fn scheduling_on_the_earliest_date_turns_auto_renew_off_and_shows_on_the_account_page() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (sub, end) = nce_past_its_window(&env);
    let page = get(&app, &mut b, &account(&w.ready.id)).await;
    // The form offers the earliest removal date, and no earlier one.
    page.assert_contains(&format!(
        r#"name="date" value="{}" min="{}""#,
        iso_date(end),
        iso_date(end)
    ));
    let done = post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))]).await;
    done.assert_status(303);
    assert_eq!(done.location(), Some(account(&w.ready.id).as_str()));
    assert!(!auto_renew(&env, &sub), "scheduling turned auto-renew off");
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains(&scheduled_text(end))
        .assert_contains(r#"id="cancel-schedule""#)
        .assert_lacks(r#"id="schedule-removal""#);
    assert_eq!(env.audit_count(Audits::of("schedule_removal").succeeded()), 1);
    assert_eq!(env.audit_count(Audits::of("update_subscription").succeeded()), 1);
    // The activity log reads it in words, in English and in Polish.
    let log = format!("/activity?customer_id={}&from=", w.ready.id);
    get(&app, &mut b, &log)
        .await
        .assert_contains("Schedule removal")
        .assert_contains("Scheduled removal: None → Pending")
        .assert_contains(&format!("Removal date: {}", iso_date(end)));
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/")]).await;
    get(&app, &mut b, &log)
        .await
        .assert_contains("Zaplanowanie usunięcia")
        .assert_contains("Zaplanowane usunięcie: Brak → Oczekuje");
}

#[actix_web::test]
async fn a_date_before_the_earliest_or_in_the_past_is_422_and_changes_nothing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (sub, end) = nce_past_its_window(&env);
    let before = snapshot(&mut env.conn());
    let cases = [
        (iso_date(end - DAY_MS), "cannot be removed before"),
        (iso_date(now_ms() - DAY_MS), "in the past"),
        ("tomorrow".to_string(), "Choose the removal date"),
        (String::new(), "Choose the removal date"),
    ];
    for (date, sentence) in cases {
        post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &date)])
            .await
            .assert_status(422)
            .assert_contains(sentence);
    }
    assert_eq!(before, snapshot(&mut env.conn()));
    assert_eq!(job_count(&env), 0);
    assert!(auto_renew(&env, &sub));
}

#[actix_web::test]
async fn the_due_job_removes_the_relationship_on_the_day_with_its_receipt() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (_, end) = nce_past_its_window(&env);
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))])
        .await
        .assert_status(303);
    // Not yet: nothing runs before the commitment end.
    assert_eq!(run(&env), RunSummary::default());
    env.state.clock.advance(end - now_ms() - HOUR_MS);
    assert_eq!(run(&env), RunSummary::default());
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    // On the day, once the subscription has run out: removed, with its receipt.
    env.state.clock.advance(2 * HOUR_MS);
    assert_eq!(run(&env), RunSummary { done: 1, ..Default::default() });
    assert_eq!(relationship_of(&env, &w.ready.id), "none");
    assert_eq!(receipts_of(&env, &w.ready.id), 1);
    assert_eq!(env.audit_count(Audits::of("remove_partner_customer_relationship").succeeded()), 1);
    assert_eq!(env.audit_count(Audits::of("run_scheduled_removal").succeeded()), 1);
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains(r#"id="receipts""#)
        .assert_lacks(r#"id="removal-scheduled""#);
}

#[actix_web::test]
async fn a_blocker_found_on_the_day_is_recorded_and_shown_and_the_relationship_stays() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (sub, end) = nce_past_its_window(&env);
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))])
        .await
        .assert_status(303);
    // Someone turns auto-renew on again: at the end the subscription renews and blocks.
    let turn_on = format!("/customers/{}/subscriptions/{sub}/auto-renew", w.ready.id);
    post(&app, &mut b, &turn_on, &[("auto_renew", "on")]).await.assert_status(303);
    env.state.clock.advance(end - now_ms() + HOUR_MS);
    assert_eq!(run(&env), RunSummary { refused: 1, ..Default::default() });
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    assert_eq!(receipts_of(&env, &w.ready.id), 0);
    assert_eq!(env.audit_count(Audits::of("run_scheduled_removal").failed()), 1);
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains(&format!("The scheduled removal on {} did not run:", Locale::En.date(end)))
        .assert_contains("Microsoft 365 Business Premium")
        .assert_lacks(r#"id="removal-scheduled""#)
        // It can be scheduled again.
        .assert_contains(r#"id="schedule-removal""#);
    // Finished: a later run does nothing more.
    assert_eq!(run(&env), RunSummary::default());
}

#[actix_web::test]
async fn a_cancelled_schedule_never_runs() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (_, end) = nce_past_its_window(&env);
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))])
        .await
        .assert_status(303);
    let cancel = format!("{}/cancel", schedule_path(&w.ready.id));
    // The confirmation first (a page, with or without JavaScript).
    get(&app, &mut b, &cancel)
        .await
        .assert_status(200)
        .assert_contains("Cancel the scheduled removal of Fabrikam Ready?")
        .assert_contains(&scheduled_text(end));
    // Without its answer, the POST only leads to the question.
    let asked = post(&app, &mut b, &cancel, &[]).await;
    assert_eq!(asked.location(), Some(cancel.as_str()));
    assert_eq!(env.audit_count(Audits::of("cancel_removal_schedule")), 0);
    let yes = [("confirmed", "yes")];
    post(&app, &mut b, &cancel, &yes).await.assert_status(303);
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_lacks(r#"id="removal-scheduled""#)
        .assert_contains(r#"id="schedule-removal""#);
    assert_eq!(env.audit_count(Audits::of("cancel_removal_schedule").succeeded()), 1);
    // Nothing left to cancel.
    post(&app, &mut b, &cancel, &yes)
        .await
        .assert_status(409)
        .assert_contains("No removal is scheduled");
    env.state.clock.advance(end - now_ms() + HOUR_MS);
    assert_eq!(run(&env), RunSummary::default());
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
}

#[actix_web::test]
async fn a_second_schedule_is_409() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (_, end) = nce_past_its_window(&env);
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))])
        .await
        .assert_status(303);
    let before = snapshot(&mut env.conn());
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end + DAY_MS))])
        .await
        .assert_status(409)
        .assert_contains("A removal is already scheduled for");
    assert_eq!(before, snapshot(&mut env.conn()));
    assert_eq!(job_count(&env), 1);
}

#[actix_web::test]
async fn running_twice_or_from_two_runners_at_once_removes_once() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (_, end) = nce_past_its_window(&env);
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))])
        .await
        .assert_status(303);
    env.state.clock.advance(end - now_ms() + HOUR_MS);
    let now = env.state.clock.now();
    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let runners: Vec<_> = (0..2)
        .map(|_| {
            let (pool, start) = (env.pool.clone(), start.clone());
            let links = env.state.config.public_url.clone();
            std::thread::spawn(move || {
                let mut c = conn(&pool);
                start.wait();
                run_due(&mut c, &links, now).unwrap()
            })
        })
        .collect();
    let summaries: Vec<RunSummary> = runners.into_iter().map(|r| r.join().unwrap()).collect();
    let again = run_at(&env, now);
    assert_eq!(summaries.iter().map(|s| s.done).sum::<usize>() + again.done, 1, "{summaries:?}");
    assert_eq!(relationship_of(&env, &w.ready.id), "none");
    assert_eq!(receipts_of(&env, &w.ready.id), 1);
    assert_eq!(env.audit_count(Audits::of("remove_partner_customer_relationship")), 1);
    assert_eq!(env.audit_count(Audits::of("run_scheduled_removal")), 1);
}

#[actix_web::test]
async fn a_scheduler_who_lost_the_role_is_the_reason_it_did_not_run() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (_, end) = nce_past_its_window(&env);
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))])
        .await
        .assert_status(303);
    {
        use partnerdesk::db::schema::user_roles;
        let admin = env.user_id(GLOBAL_ADMIN);
        diesel::update(user_roles::table.filter(user_roles::user_id.eq(&admin)))
            .set(user_roles::role.eq("admin_agent"))
            .execute(&mut *env.conn())
            .unwrap();
    }
    env.state.clock.advance(end - now_ms() + HOUR_MS);
    assert_eq!(run(&env), RunSummary { refused: 1, ..Default::default() });
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains(&format!(
            "User {GLOBAL_ADMIN}, who scheduled it, no longer has the Global admin role."
        ))
        // Without the role, no form to schedule or cancel.
        .assert_lacks(r#"id="schedule-removal""#);
}

#[test]
fn a_job_that_fails_unexpectedly_is_tried_again_then_given_up() {
    use partnerdesk::models::job::{self, Job};
    let env = Env::new();
    let now = now_ms();
    let id = "job-of-an-unknown-kind".to_string();
    let j = Job::new(id.clone(), "no_such_kind", &env.world.alpha.id, "x", now, None, now);
    job::insert(&mut env.conn(), &j).unwrap();
    let stored = |env: &Env| -> Job {
        jobs::table.find(&id).select(Job::as_select()).first(&mut *env.conn()).unwrap()
    };
    let mut at = now;
    for attempt in 1..MAX_ATTEMPTS {
        assert_eq!(run_at(&env, at).retried, 1, "try {attempt}");
        let j = stored(&env);
        assert!(j.last_error.as_deref().unwrap().contains("unknown job kind"), "{j:?}");
        assert_eq!(j.finished_at, None);
        // Not before its retry time.
        assert_eq!(run_at(&env, at), RunSummary::default());
        at = j.claimed_until.unwrap();
    }
    assert_eq!(run_at(&env, at).failed, 1);
    let j = stored(&env);
    assert_eq!((j.outcome.as_deref(), j.attempts), (Some(job::FAILED), MAX_ATTEMPTS));
    assert_eq!(run_at(&env, at + DAY_MS), RunSummary::default());
}

#[actix_web::test]
async fn with_htmx_the_form_schedules_and_a_refusal_says_why() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (_, end) = nce_past_its_window(&env);
    let boosted = [("HX-Request", "true"), ("HX-Boosted", "true")];
    // Too early: the sentence, as a page for a boosted form and as a toast for a fragment.
    let early = iso_date(end - DAY_MS);
    post_with(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &early)], &boosted)
        .await
        .assert_status(422)
        .assert_contains("cannot be removed before");
    hx_post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &early)])
        .await
        .assert_status(422)
        .assert_contains("cannot be removed before");
    assert_eq!(job_count(&env), 0);
    let done =
        post_with(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(end))], &boosted)
            .await;
    done.assert_status(303);
    assert_eq!(done.location(), Some(account(&w.ready.id).as_str()));
    assert_eq!(job_count(&env), 1);
}

#[actix_web::test]
async fn a_later_day_runs_at_its_start_and_a_disabled_scheduler_is_the_reason() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let (_, end) = nce_past_its_window(&env);
    let day = partnerdesk::util::clock::day_start(end) + 3 * DAY_MS;
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(day))])
        .await
        .assert_status(303);
    let run_at: i64 = jobs::table.select(jobs::run_at).first(&mut *env.conn()).unwrap();
    assert_eq!(run_at, day);
    {
        use partnerdesk::db::schema::users;
        let admin = env.user_id(GLOBAL_ADMIN);
        diesel::update(users::table.find(&admin))
            .set(users::active.eq(false))
            .execute(&mut *env.conn())
            .unwrap();
    }
    env.state.clock.advance(day - now_ms() - MINUTE_MS);
    assert_eq!(run(&env), RunSummary::default());
    env.state.clock.advance(2 * MINUTE_MS);
    assert_eq!(run(&env), RunSummary { refused: 1, ..Default::default() });
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    let mut agent = sign_in(&app, ADMIN_AGENT).await;
    get(&app, &mut agent, &account(&w.ready.id)).await.assert_contains(&format!(
        "User {GLOBAL_ADMIN}, who scheduled it, is no longer an active user."
    ));
}

#[actix_web::test]
async fn a_relationship_established_again_since_scheduling_is_not_removed() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let tomorrow = partnerdesk::util::clock::day_start(now_ms()) + DAY_MS;
    post(&app, &mut b, &schedule_path(&w.ready.id), &[("date", &iso_date(tomorrow))])
        .await
        .assert_status(303);
    // Removed by hand today, and the customer accepted a new invitation an hour later.
    post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.ready.id), &[])
        .await
        .assert_status(303);
    env.state.clock.advance(HOUR_MS);
    let rel: String = relationships::table
        .filter(relationships::customer_id.eq(&w.ready.id))
        .select(relationships::id)
        .first(&mut *env.conn())
        .unwrap();
    let again = env.state.clock.now();
    partnerdesk::models::relationship::reestablish(&mut env.conn(), &rel, false, again).unwrap();
    env.state.clock.advance(tomorrow - again + MINUTE_MS);
    assert_eq!(run(&env), RunSummary { refused: 1, ..Default::default() });
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains("was established again after the removal was scheduled");
}
