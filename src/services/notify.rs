//! E-mail through an outbox: a message is written in the transaction of the change it tells
//! about (a rolled-back change sends nothing, a committed one is never lost), and the deliverer
//! sends what is waiting, from any number of instances, each message once.

use lettre::Transport;
use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::SmtpTransport;
use lettre::transport::smtp::authentication::Credentials;

use crate::config::Mail;
use crate::db::AnyConnection;
use crate::error::AppResult;
use crate::i18n::{Locale, Msg};
use crate::models::outbox::{self, Message};

/// Messages one delivery round looks at.
const BATCH: i64 = 50;
/// After this many failed attempts a message stays in the outbox, unsent, for an operator.
pub const MAX_ATTEMPTS: i32 = 10;
/// How long a deliverer holds a message it is sending (a crashed one's lease lapses).
const LEASE_MS: i64 = 5 * 60 * 1000;

/// Writes one message for `to` into the outbox, in the caller's transaction.
pub fn enqueue(
    c: &mut AnyConnection,
    to: &str,
    locale: Locale,
    subject: &str,
    body: &str,
    now: i64,
) -> AppResult<()> {
    outbox::insert(
        c,
        &Message {
            id: crate::util::tokens::new_id(),
            recipient: to.to_owned(),
            subject: subject.to_owned(),
            body: body.to_owned(),
            locale: locale.tag().to_owned(),
            created_at: now,
            sent_at: None,
            attempts: 0,
            last_error: None,
            claimed_until: None,
        },
    )?;
    Ok(())
}

/// What one e-mail says, as messages that each reader's language formats: a subject, a
/// sentence, and the line with the link to act on.
pub struct Letter {
    pub subject: Msg,
    pub body: Msg,
    pub link: Msg,
}

impl Letter {
    /// The subject and the body in `l`.
    fn in_language(&self, l: Locale) -> (String, String) {
        (l.msg(&self.subject), format!("{}\n\n{}\n", l.msg(&self.body), l.msg(&self.link)))
    }
}

/// Writes `letter` to each active Global admin of the partner, in their language, in the
/// caller's transaction. Returns their names.
pub fn to_global_admins(
    c: &mut AnyConnection,
    partner_id: &str,
    now: i64,
    letter: &Letter,
) -> AppResult<Vec<String>> {
    let admins = crate::models::user::global_admin_contacts(c, partner_id)?;
    to_each(c, admins, now, letter)
}

/// Writes `letter` to each active administrator of the customer's tenant, in their language,
/// in the caller's transaction. Returns their names.
pub fn to_customer_admins(
    c: &mut AnyConnection,
    customer_id: &str,
    now: i64,
    letter: &Letter,
) -> AppResult<Vec<String>> {
    let admins = crate::models::customer_admin::list_for_customer(c, customer_id)?;
    let contacts = admins.into_iter().filter(|a| a.active);
    to_each(c, contacts.map(|a| (a.email, a.display_name, a.locale)).collect(), now, letter)
}

/// Writes `letter` to each (e-mail, name, chosen locale).
fn to_each(
    c: &mut AnyConnection,
    contacts: Vec<(String, String, Option<String>)>,
    now: i64,
    letter: &Letter,
) -> AppResult<Vec<String>> {
    let mut names = Vec::with_capacity(contacts.len());
    for (email, name, locale) in contacts {
        let locale = locale.as_deref().and_then(Locale::parse).unwrap_or_default();
        let (subject, body) = letter.in_language(locale);
        enqueue(c, &email, locale, &subject, &body, now)?;
        names.push(name);
    }
    Ok(names)
}

/// Where messages go.
pub enum Mailer {
    /// No SMTP server configured: each message is written to the log and counts as sent.
    Log,
    Smtp {
        transport: SmtpTransport,
        from: Mailbox,
    },
}

impl Mailer {
    pub fn new(mail: &Mail) -> Result<Mailer, String> {
        let Some(server) = &mail.smtp else { return Ok(Mailer::Log) };
        let from = mail.from.parse::<Mailbox>().map_err(|e| format!("MAIL_FROM: {e}"))?;
        let mut builder = SmtpTransport::builder_dangerous(&server.host)
            .port(server.port)
            .timeout(Some(std::time::Duration::from_secs(20)));
        if let Some((user, password)) = &server.user {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Mailer::Smtp { transport: builder.build(), from })
    }

    fn send(&self, m: &Message) -> Result<(), String> {
        match self {
            Mailer::Log => {
                tracing::info!(
                    to = %m.recipient,
                    subject = %m.subject,
                    body = %m.body,
                    "e-mail (no SMTP_URL: logged, not sent)"
                );
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let to = m.recipient.parse::<Mailbox>().map_err(|e| e.to_string())?;
                let email = lettre::Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(m.subject.clone())
                    .header(ContentType::TEXT_PLAIN)
                    .body(m.body.clone())
                    .map_err(|e| e.to_string())?;
                transport.send(&email).map(|_| ()).map_err(|e| e.to_string())
            }
        }
    }
}

/// What one delivery round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

/// Sends the messages waiting now. Each is first claimed with a conditional update, so of two
/// deliverers running at once only one sends it; a failure is recorded and tried again later,
/// waiting longer after each attempt.
pub fn deliver_due(c: &mut AnyConnection, mailer: &Mailer, now: i64) -> AppResult<Delivered> {
    let mut done = Delivered::default();
    for m in outbox::due(c, now, MAX_ATTEMPTS, BATCH)? {
        if !outbox::claim(c, &m.id, now, now + LEASE_MS)? {
            continue;
        }
        match mailer.send(&m) {
            Ok(()) => {
                outbox::mark_sent(c, &m.id, now)?;
                done.sent += 1;
            }
            Err(e) => {
                let attempts = m.attempts + 1;
                if attempts >= MAX_ATTEMPTS {
                    // The last attempt: from now on only an operator sees it (docs/operations.md).
                    tracing::error!(id = %m.id, attempts, error = %e, "e-mail not sent; no more attempts, it stays in the outbox");
                } else {
                    tracing::warn!(id = %m.id, attempts, error = %e, "e-mail not sent (tried again later)");
                }
                outbox::mark_failed(c, &m.id, &e, now + retry_after(attempts))?;
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// Milliseconds before the next attempt: 10 s, doubling, at most an hour.
fn retry_after(attempts: i32) -> i64 {
    let secs = 10i64.saturating_mul(1 << attempts.clamp(1, 9).saturating_sub(1));
    secs.min(3600) * 1000
}
