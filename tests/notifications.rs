//! E-mail notifications through the outbox: what is written with a change (and only with a
//! committed one), delivered over SMTP to a real server in the test, in the recipient's
//! language, retried after a failure and never sent twice.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use common::world::*;
use common::*;
use diesel::prelude::*;
use mailin_embedded::{Handler, Response, Server, response};
use partnerdesk::config::{Mail, TEST_PUBLIC_URL};
use partnerdesk::db::schema::users;
use partnerdesk::i18n::Locale;
use partnerdesk::models::outbox;
use partnerdesk::models::role::Role;
use partnerdesk::services::notify::{self, Delivered, Mailer};

/// One message as the SMTP server received it.
#[derive(Debug, Clone)]
struct Received {
    to: Vec<String>,
    data: String,
}

impl Received {
    /// The decoded Subject header.
    fn subject(&self) -> String {
        let raw = header(&self.data, "Subject");
        decode_words(&raw)
    }

    /// The decoded body.
    fn body(&self) -> String {
        let (_, body) = self.data.split_once("\r\n\r\n").expect("headers and body");
        match header(&self.data, "Content-Transfer-Encoding").to_ascii_lowercase().as_str() {
            "quoted-printable" => String::from_utf8(
                quoted_printable::decode(body, quoted_printable::ParseMode::Robust).unwrap(),
            )
            .unwrap(),
            "base64" => String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(body.split_whitespace().collect::<String>())
                    .unwrap(),
            )
            .unwrap(),
            _ => body.to_string(),
        }
    }
}

/// A header's value, folded lines joined.
fn header(data: &str, name: &str) -> String {
    let (head, _) = data.split_once("\r\n\r\n").expect("headers");
    let mut value: Option<String> = None;
    for line in head.split("\r\n") {
        match &mut value {
            Some(v) if line.starts_with([' ', '\t']) => v.push_str(line),
            Some(_) => break,
            None => {
                if let Some((n, v)) = line.split_once(':')
                    && n.eq_ignore_ascii_case(name)
                {
                    value = Some(v.trim().to_string());
                }
            }
        }
    }
    value.unwrap_or_default()
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded.
fn decode_words(raw: &str) -> String {
    // Whitespace between two encoded words is not part of the text.
    let between = regex::Regex::new(r"\?=\s+=\?").unwrap();
    let raw = between.replace_all(raw, "?==?");
    let re = regex::Regex::new(r"=\?(?i:utf-8)\?([bBqQ])\?([^?]*)\?=").unwrap();
    re.replace_all(&raw, |c: &regex::Captures| {
        let bytes = if c[1].eq_ignore_ascii_case("b") {
            base64::engine::general_purpose::STANDARD.decode(&c[2]).unwrap()
        } else {
            quoted_printable::decode(c[2].replace('_', " "), quoted_printable::ParseMode::Robust)
                .unwrap()
        };
        String::from_utf8(bytes).unwrap()
    })
    .trim()
    .to_string()
}

/// The test's SMTP server: keeps what it receives; refuses every recipient while `refuse` is set.
#[derive(Clone, Default)]
struct Inbox {
    received: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<AtomicBool>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Inbox {
    fn mail(&mut self, _ip: std::net::IpAddr, _domain: &str, _from: &str) -> Response {
        self.to.clear();
        self.data.clear();
        response::OK
    }
    fn rcpt(&mut self, to: &str) -> Response {
        if self.refuse.load(Ordering::SeqCst) {
            return response::NO_MAILBOX;
        }
        self.to.push(to.to_string());
        response::OK
    }
    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }
    fn data_end(&mut self) -> Response {
        let data = String::from_utf8_lossy(&self.data).into_owned();
        self.received.lock().unwrap().push(Received { to: self.to.clone(), data });
        response::OK
    }
}

/// Starts an SMTP server on a free local port; returns its inbox and a mailer sending to it.
fn smtp_server() -> (Inbox, Mailer) {
    let (inbox, port) = smtp_server_at();
    let url = format!("smtp://127.0.0.1:{port}");
    let mail = Mail::parse(Some(&url), "PartnerDesk <partnerdesk@alpha.test>").unwrap();
    (inbox, Mailer::new(&mail).unwrap())
}

/// Starts an SMTP server on a free local port; returns its inbox and port.
fn smtp_server_at() -> (Inbox, u16) {
    let inbox = Inbox::default();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut server = Server::new(inbox.clone());
    server.with_name("mail.test").with_num_threads(2).with_tcp_listener(listener);
    // Runs until the test process ends.
    std::thread::spawn(move || {
        let _ = server.serve();
    });
    (inbox, port)
}

fn received(inbox: &Inbox) -> Vec<Received> {
    inbox.received.lock().unwrap().clone()
}

fn to(inbox: &Inbox, address: &str) -> Vec<Received> {
    received(inbox).into_iter().filter(|m| m.to.iter().any(|t| t.contains(address))).collect()
}

const PL_ADMIN: &str = "admin2@alpha.test";

/// A second Global admin of Alpha, who reads Polish.
fn add_polish_admin(env: &Env) {
    let mut c = env.conn();
    add_user(&mut c, &env.world.alpha, PL_ADMIN, &[Role::GlobalAdmin]);
    diesel::update(users::table.filter(users::email.eq(PL_ADMIN)))
        .set(users::locale.eq(Some("pl-PL")))
        .execute(&mut *c)
        .unwrap();
}

fn deliver(env: &Env, mailer: &Mailer) -> Delivered {
    notify::deliver_due(&mut env.conn(), mailer, partnerdesk::util::clock::now_ms()).unwrap()
}

#[actix_web::test]
async fn a_removal_mails_every_global_admin_in_their_language_with_the_receipt() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    add_polish_admin(&env);
    let (inbox, mailer) = smtp_server();

    let r =
        post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.ready.id), &[]).await;
    r.assert_status(303);
    let receipt = r.location().unwrap().to_string();
    assert!(receipt.contains("/receipts/"), "{receipt}");

    assert_eq!(deliver(&env, &mailer), Delivered { sent: 2, failed: 0 });
    let en = to(&inbox, GLOBAL_ADMIN);
    assert_eq!(en.len(), 1, "{en:?}");
    assert_eq!(
        en[0].subject(),
        format!("Reseller relationship with Fabrikam Ready removed by User {GLOBAL_ADMIN}")
    );
    assert!(
        en[0].body().contains(&format!("Receipt: {TEST_PUBLIC_URL}{receipt}")),
        "{}",
        en[0].body()
    );
    assert!(header(&en[0].data, "From").contains("partnerdesk@alpha.test"));

    let pl = to(&inbox, PL_ADMIN);
    assert_eq!(pl.len(), 1, "{pl:?}");
    assert_eq!(
        pl[0].subject(),
        format!(
            "Relacja odsprzedawcy z klientem Fabrikam Ready została usunięta przez użytkownika User {GLOBAL_ADMIN}"
        )
    );
    assert!(
        pl[0].body().contains(&format!("Potwierdzenie: {TEST_PUBLIC_URL}{receipt}")),
        "{}",
        pl[0].body()
    );

    // Delivered once: the next round has nothing to send.
    assert_eq!(deliver(&env, &mailer), Delivered::default());
    assert_eq!(received(&inbox).len(), 2);
    assert!(outbox::all(&mut env.conn()).unwrap().iter().all(|m| m.sent_at.is_some()));
}

#[actix_web::test]
async fn scheduling_a_removal_and_cancelling_it_mail_the_global_admins_in_their_language() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    add_polish_admin(&env);
    let (inbox, mailer) = smtp_server();
    let now = partnerdesk::util::clock::now_ms();
    let day = now + 3 * partnerdesk::util::clock::DAY_MS;
    let schedule = format!("/customers/{}/removal-schedule", w.ready.id);
    let date = partnerdesk::util::clock::iso_date(day);
    post(&app, &mut b, &schedule, &[("date", &date)]).await.assert_status(303);
    assert_eq!(deliver(&env, &mailer), Delivered { sent: 2, failed: 0 });
    let (en, pl) = (Locale::En, Locale::Pl);
    let en_date = en.date(partnerdesk::util::clock::day_start(day));
    assert_eq!(
        to(&inbox, GLOBAL_ADMIN)[0].subject(),
        format!("Removal of the reseller relationship with Fabrikam Ready scheduled for {en_date}")
    );
    let pl_mail = &to(&inbox, PL_ADMIN)[0];
    assert!(pl_mail.subject().contains("zaplanowano na"), "{}", pl_mail.subject());
    assert!(
        pl_mail
            .body()
            .contains(&format!("Strona Konto: {TEST_PUBLIC_URL}/customers/{}/account", w.ready.id)),
        "{}",
        pl_mail.body()
    );

    // A refused cancellation (nothing to cancel) writes none; a cancellation does.
    post(&app, &mut b, &format!("{schedule}/cancel"), &[("confirmed", "yes")])
        .await
        .assert_status(303);
    post(&app, &mut b, &format!("{schedule}/cancel"), &[("confirmed", "yes")])
        .await
        .assert_status(409);
    assert_eq!(deliver(&env, &mailer), Delivered { sent: 2, failed: 0 });
    let cancelled = to(&inbox, PL_ADMIN);
    assert_eq!(cancelled.len(), 2, "{cancelled:?}");
    assert_eq!(
        cancelled[1].subject(),
        "Anulowano zaplanowane usunięcie relacji odsprzedawcy z klientem Fabrikam Ready"
    );
    assert!(cancelled[1].body().contains(&pl.date(partnerdesk::util::clock::day_start(day))));
}

const READY_ADMIN: &str = "it@fabrikamready.example";
const READY_ADMIN_PL: &str = "admin.pl@fabrikamready.example";

/// Two administrators of the customer `Fabrikam Ready`, one reading English and one Polish.
fn add_ready_admins(env: &Env) {
    use partnerdesk::db::schema::customer_admins;
    let mut c = env.conn();
    add_customer_admin(&mut c, &env.world.ready, READY_ADMIN);
    add_customer_admin(&mut c, &env.world.ready, READY_ADMIN_PL);
    diesel::update(customer_admins::table.filter(customer_admins::email.eq(READY_ADMIN_PL)))
        .set(customer_admins::locale.eq(Some("pl-PL")))
        .execute(&mut *c)
        .unwrap();
}

#[actix_web::test]
async fn the_customers_admins_learn_of_a_scheduled_removal_and_its_cancellation_in_their_language()
{
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    add_ready_admins(&env);
    let (inbox, mailer) = smtp_server();
    let partner = &w.alpha.name;
    let day = partnerdesk::util::clock::now_ms() + 3 * partnerdesk::util::clock::DAY_MS;
    let day_start = partnerdesk::util::clock::day_start(day);
    let schedule = format!("/customers/{}/removal-schedule", w.ready.id);
    let date = partnerdesk::util::clock::iso_date(day);
    post(&app, &mut b, &schedule, &[("date", &date)]).await.assert_status(303);
    // The Global admin and both of the customer's administrators.
    assert_eq!(deliver(&env, &mailer), Delivered { sent: 3, failed: 0 });

    let en = to(&inbox, READY_ADMIN);
    assert_eq!(en.len(), 1, "{en:?}");
    let en_date = Locale::En.date(day_start);
    assert_eq!(
        en[0].subject(),
        format!("{partner} will remove its reseller relationship with you on {en_date}")
    );
    assert!(en[0].body().contains("Until then nothing changes"), "{}", en[0].body());
    assert!(
        en[0].body().contains(&format!("Your partners: {TEST_PUBLIC_URL}/tenant")),
        "{}",
        en[0].body()
    );
    let pl = to(&inbox, READY_ADMIN_PL);
    assert_eq!(pl.len(), 1, "{pl:?}");
    let pl_date = Locale::Pl.date(day_start);
    assert_eq!(
        pl[0].subject(),
        format!("Firma {partner} zaplanowała usunięcie relacji odsprzedawcy na {pl_date}")
    );
    assert!(pl[0].body().contains("Państwa partnerzy:"), "{}", pl[0].body());

    post(&app, &mut b, &format!("{schedule}/cancel"), &[("confirmed", "yes")])
        .await
        .assert_status(303);
    assert_eq!(deliver(&env, &mailer), Delivered { sent: 3, failed: 0 });
    let en = to(&inbox, READY_ADMIN);
    assert_eq!(
        en[1].subject(),
        format!("{partner} cancelled the removal of its reseller relationship with you")
    );
    assert!(en[1].body().contains(&format!("scheduled for {en_date}")), "{}", en[1].body());
    let pl = to(&inbox, READY_ADMIN_PL);
    assert_eq!(
        pl[1].subject(),
        format!("Firma {partner} anulowała usunięcie relacji odsprzedawcy")
    );
    // Another customer's administrator hears nothing.
    assert!(received(&inbox).iter().all(|m| !m.to.iter().any(|t| t.contains("contoso"))));
}

#[actix_web::test]
async fn a_gdap_termination_reaches_the_customers_polish_admin_with_their_page() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    add_ready_admins(&env);
    let (inbox, mailer) = smtp_server();
    let r = post(
        &app,
        &mut b,
        "/gdap",
        &[
            ("customer", &w.ready.id),
            ("display_name", "Ready helpdesk"),
            ("duration_days", "90"),
            ("role", "f2ef992c-3afb-46b9-b7cf-a126ee74c451"),
        ],
    )
    .await;
    r.assert_status(303);
    let id = r.location().unwrap().trim_start_matches("/gdap/").to_string();
    post(&app, &mut b, &format!("/gdap/{id}/send"), &[]).await.assert_status(303);
    post(&app, &mut b, &format!("/gdap/{id}/terminate"), &[("confirmed", "yes")])
        .await
        .assert_status(303);
    deliver(&env, &mailer);
    let pl = to(&inbox, READY_ADMIN_PL);
    assert_eq!(pl.len(), 2, "{pl:?}");
    assert_eq!(
        pl[1].subject(),
        format!("Zakończono relację GDAP „Ready helpdesk” z firmą {}", w.alpha.name)
    );
    assert!(
        pl[1].body().contains(&format!("Relacja: {TEST_PUBLIC_URL}/tenant/gdap/{id}")),
        "{}",
        pl[1].body()
    );
}

#[actix_web::test]
async fn a_refused_removal_writes_no_mail() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    // Contoso still has active subscriptions: the removal rolls back with a 409.
    let r =
        post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.contoso.id), &[]).await;
    r.assert_status(409);
    assert!(outbox::all(&mut env.conn()).unwrap().is_empty());
}

#[actix_web::test]
async fn request_removal_mails_the_global_admins_records_it_and_says_to_whom() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    add_polish_admin(&env);
    let (inbox, mailer) = smtp_server();

    let account = get(&app, &mut b, &format!("/customers/{}/account", w.contoso.id)).await;
    account.assert_status(200).assert_contains(&format!(
        r#"<form class="form-inline" id="request-removal" method="post" action="/customers/{}/removal-request""#,
        w.contoso.id
    ));

    let r = post(&app, &mut b, &format!("/customers/{}/removal-request", w.contoso.id), &[]).await;
    r.assert_status(303);
    assert_eq!(r.location(), Some(format!("/customers/{}/account", w.contoso.id).as_str()));
    let page = get(&app, &mut b, r.location().unwrap()).await;
    // Both Global admins, in the order of their names (which the database's collation decides).
    let toast = regex::Regex::new(r"Your request was sent to: ([^<]*)<").unwrap();
    let names = &toast.captures(&page.body).unwrap_or_else(|| panic!("{}", page.body))[1];
    let mut names: Vec<&str> = names.split(", ").collect();
    names.sort();
    assert_eq!(names, [format!("User {PL_ADMIN}"), format!("User {GLOBAL_ADMIN}")]);
    assert_eq!(
        env.audit_count(Audits::of("request_removal").customer(&w.contoso.id).succeeded()),
        1
    );
    // The activity log names the operation and whom it asked.
    let account = get(&app, &mut b, &format!("/customers/{}/account", w.contoso.id)).await;
    account.assert_contains("Request removal").assert_contains("Sent to: User ");
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/activity")]).await;
    get(&app, &mut b, "/activity")
        .await
        .assert_contains("Prośba o usunięcie relacji")
        .assert_contains("Wysłano do: User ");

    assert_eq!(deliver(&env, &mailer), Delivered { sent: 2, failed: 0 });
    let link = format!("{TEST_PUBLIC_URL}/customers/{}/account", w.contoso.id);
    let en = to(&inbox, GLOBAL_ADMIN);
    assert_eq!(
        en[0].subject(),
        format!("User {SALES_AGENT} asks you to remove the reseller relationship with Contoso Ltd")
    );
    assert!(en[0].body().contains(&format!("Account page: {link}")), "{}", en[0].body());
    let pl = to(&inbox, PL_ADMIN);
    assert_eq!(
        pl[0].subject(),
        format!(
            "Użytkownik User {SALES_AGENT} prosi o usunięcie relacji odsprzedawcy z klientem Contoso Ltd"
        )
    );
    assert!(pl[0].body().contains(&format!("Strona Konto: {link}")), "{}", pl[0].body());
}

#[actix_web::test]
async fn with_htmx_the_request_form_gives_way_to_whom_it_asked() {
    let (env, w, app, mut b) = Env::signed_in(HELPDESK_AGENT).await;
    let r =
        hx_post(&app, &mut b, &format!("/customers/{}/removal-request", w.contoso.id), &[]).await;
    r.assert_status(200)
        .assert_contains(&format!("Your request was sent to: User {GLOBAL_ADMIN}</p>"))
        .assert_lacks("<html");
    assert_eq!(outbox::all(&mut env.conn()).unwrap().len(), 1);
    assert_eq!(
        env.audit_count(Audits::of("request_removal").customer(&w.contoso.id).succeeded()),
        1
    );
}

#[actix_web::test]
async fn request_removal_of_a_removed_customer_is_409_and_writes_no_mail() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.ready.id), &[])
        .await
        .assert_status(303);
    let before = outbox::all(&mut env.conn()).unwrap().len();
    let mut sales = sign_in(&app, SALES_AGENT).await;
    let r =
        post(&app, &mut sales, &format!("/customers/{}/removal-request", w.ready.id), &[]).await;
    r.assert_status(409).assert_contains("has already been removed");
    assert_eq!(outbox::all(&mut env.conn()).unwrap().len(), before);
    assert_eq!(env.audit_count(Audits::of("request_removal")), 0);

    // A Global admin removes the relationship instead of asking.
    let r = post(&app, &mut b, &format!("/customers/{}/removal-request", w.contoso.id), &[]).await;
    r.assert_status(403);
    assert_eq!(outbox::all(&mut env.conn()).unwrap().len(), before);
}

#[actix_web::test]
async fn request_removal_with_no_active_global_admin_is_409_and_writes_no_mail() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    diesel::update(users::table.filter(users::email.eq(GLOBAL_ADMIN)))
        .set(users::active.eq(false))
        .execute(&mut *env.conn())
        .unwrap();
    let r = post(&app, &mut b, &format!("/customers/{}/removal-request", w.contoso.id), &[]).await;
    r.assert_status(409).assert_contains("no active Global admin");
    assert!(outbox::all(&mut env.conn()).unwrap().is_empty());
    assert_eq!(env.audit_count(Audits::of("request_removal").succeeded()), 0);
}

#[actix_web::test]
async fn a_failed_delivery_is_recorded_and_tried_again_later() {
    let env = Env::new();
    let (inbox, mailer) = smtp_server();
    let now = partnerdesk::util::clock::now_ms();
    {
        let mut c = env.conn();
        partnerdesk::db::write::<_, partnerdesk::error::AppError>(&mut c, |c| {
            notify::enqueue(
                c,
                "admin@alpha.test",
                partnerdesk::i18n::Locale::En,
                "Hello",
                "Body",
                now,
            )
        })
        .unwrap();
    }
    inbox.refuse.store(true, Ordering::SeqCst);
    let first = notify::deliver_due(&mut env.conn(), &mailer, now).unwrap();
    assert_eq!(first, Delivered { sent: 0, failed: 1 });
    let m = &outbox::all(&mut env.conn()).unwrap()[0];
    assert_eq!((m.attempts, m.sent_at), (1, None));
    assert!(m.last_error.as_deref().is_some_and(|e| e.contains("550")), "{:?}", m.last_error);

    // Not again at once: it waits before the next attempt.
    inbox.refuse.store(false, Ordering::SeqCst);
    assert_eq!(notify::deliver_due(&mut env.conn(), &mailer, now).unwrap(), Delivered::default());
    let later = now + 60_000;
    assert_eq!(
        notify::deliver_due(&mut env.conn(), &mailer, later).unwrap(),
        Delivered { sent: 1, failed: 0 }
    );
    let m = &outbox::all(&mut env.conn()).unwrap()[0];
    assert_eq!((m.attempts, m.sent_at, m.last_error.as_deref()), (2, Some(later), None));
    assert_eq!(received(&inbox).len(), 1);
}

#[actix_web::test]
async fn two_deliverers_at_once_send_each_message_once() {
    let env = Env::new();
    let (inbox, mailer) = smtp_server();
    let now = partnerdesk::util::clock::now_ms();
    {
        let mut c = env.conn();
        for i in 0..6 {
            notify::enqueue(
                &mut c,
                &format!("user{i}@alpha.test"),
                partnerdesk::i18n::Locale::En,
                "Hello",
                "Body",
                now,
            )
            .unwrap();
        }
    }
    // A claim already taken is not taken again, until its lease lapses.
    let id = outbox::all(&mut env.conn()).unwrap()[0].id.clone();
    assert!(outbox::claim(&mut env.conn(), &id, now, now + 1000).unwrap());
    assert!(!outbox::claim(&mut env.conn(), &id, now, now + 1000).unwrap());
    assert!(outbox::claim(&mut env.conn(), &id, now + 1000, now + 2000).unwrap());

    let mailer = Arc::new(mailer);
    let later = now + 3000;
    let rounds: Vec<Delivered> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| {
                let (pool, mailer) = (env.pool.clone(), mailer.clone());
                s.spawn(move || {
                    notify::deliver_due(&mut pool.get().unwrap(), &mailer, later).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(rounds.iter().map(|d| d.sent).sum::<usize>(), 6, "{rounds:?}");
    let got = received(&inbox);
    assert_eq!(got.len(), 6, "{got:?}");
    let mut addresses: Vec<String> = got.iter().flat_map(|m| m.to.clone()).collect();
    addresses.sort();
    addresses.dedup();
    assert_eq!(addresses.len(), 6, "{addresses:?}");
}

#[test]
fn without_smtp_the_mail_is_logged_and_counted_as_sent() {
    let env = Env::new();
    let now = partnerdesk::util::clock::now_ms();
    notify::enqueue(&mut env.conn(), "a@alpha.test", partnerdesk::i18n::Locale::En, "S", "B", now)
        .unwrap();
    let mail = Mail::parse(None, "PartnerDesk <partnerdesk@localhost>").unwrap();
    let mailer = Mailer::new(&mail).unwrap();
    assert_eq!(deliver(&env, &mailer), Delivered { sent: 1, failed: 0 });
    assert!(outbox::all(&mut env.conn()).unwrap()[0].sent_at.is_some());
}

#[test]
fn smtp_url_and_mail_from_are_checked() {
    assert!(Mail::parse(Some("smtp://mail.example.com"), "not an address").is_err());
    assert!(Mail::parse(Some("https://mail.example.com"), "a@example.com").is_err());
    let m = Mail::parse(Some("smtp://u%40x:p%21@mail.example.com:2525"), "a@example.com").unwrap();
    let s = m.smtp.as_ref().unwrap();
    assert_eq!((s.host.as_str(), s.port), ("mail.example.com", 2525));
    assert_eq!(s.user, Some(("u@x".to_string(), "p!".to_string())));
    assert!(!format!("{m:?}").contains("p!"), "the password is not logged");
}

/// `partnerdesk serve` with these settings on a fresh SQLite database in `dir`.
fn serve(dir: &tempfile::TempDir, settings: &[(&str, &str)]) -> std::process::Command {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_partnerdesk"));
    cmd.arg("serve")
        .env("DATABASE_URL", format!("sqlite://{}", dir.path().join("pd.db").display()))
        .env("BIND", format!("127.0.0.1:{port}"))
        .env("SESSION_KEY", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
        .env("WORKERS", "1")
        .env("RUST_LOG", "warn")
        .envs(settings.iter().copied());
    cmd
}

#[test]
fn the_server_sends_the_outbox_on_its_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("pd.db").display());
    let pool = partnerdesk::db::connect(
        &partnerdesk::db::DbUrl::parse(&url).unwrap(),
        &partnerdesk::db::PoolOptions::default(),
    )
    .unwrap();
    let now = partnerdesk::util::clock::now_ms();
    notify::enqueue(
        &mut pool.get().unwrap(),
        "admin@alpha.test",
        partnerdesk::i18n::Locale::En,
        "Waiting",
        "Sent by the server",
        now,
    )
    .unwrap();
    let (inbox, port) = smtp_server_at();
    let smtp_url = format!("smtp://127.0.0.1:{port}");
    let mut child = serve(&dir, &[("SMTP_URL", &smtp_url)])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while received(&inbox).is_empty() && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    let got = received(&inbox);
    assert_eq!(got.len(), 1, "the server sent nothing within 30 s");
    assert_eq!(got[0].subject(), "Waiting");
    assert!(got[0].body().contains("Sent by the server"), "{}", got[0].body());
}

#[test]
fn a_malformed_smtp_url_or_sender_stops_the_server_with_a_sentence() {
    for (name, value, says) in [
        ("SMTP_URL", "mail.example.com:25", "SMTP_URL must look like smtp://"),
        ("MAIL_FROM", "PartnerDesk", "MAIL_FROM \"PartnerDesk\" is not an e-mail address"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = serve(&dir, &[(name, value)]).output().unwrap();
        assert!(!out.status.success(), "{name}={value} was accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{name}={value}: {stderr}");
    }
}
