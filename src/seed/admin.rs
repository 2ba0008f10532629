//! The first Global admin of a partner (the `create-admin` command) and the partner's verified
//! email domains (`create-admin --domain`, `add-domain`).

use super::catalogue::ensure_offers;
use super::demo::new_partner;
use crate::db::AnyConnection;
use crate::models::partner::{self, PartnerKind};
use crate::models::role::Role;
use crate::models::user::{self, User};
use crate::services::users::is_valid_email;
use crate::util::clock::now_ms;

/// A domain as stored: trimmed, lowercased, and one that an address accepted by Add user can
/// have.
fn checked_domain(domain: &str) -> anyhow::Result<String> {
    let d = domain.trim().to_lowercase();
    if !is_valid_email(&format!("admin@{d}")) {
        anyhow::bail!("{domain:?} is not an email domain, such as fabrikam.com");
    }
    Ok(d)
}

/// Makes the domains the partner's; one that another partner has is refused, as the partner's
/// users could otherwise be confused with theirs.
fn verify_domains(
    c: &mut AnyConnection,
    partner_id: &str,
    domains: &[String],
    now: i64,
) -> anyhow::Result<()> {
    for d in domains {
        match partner::domain_owner(c, d)? {
            Some(owner) if owner == partner_id => {}
            Some(_) => anyhow::bail!("the domain {d} is verified for another partner"),
            None => partner::add_domain(c, partner_id, d, now)?,
        }
    }
    Ok(())
}

/// Creates a Global admin of the partner (and the partner, if it does not exist). The admin's
/// email domain and `extra_domains` become the partner's verified domains: Add user accepts
/// addresses in them only.
pub fn create_admin(
    conn: &mut AnyConnection,
    partner_name: &str,
    kind: PartnerKind,
    email: &str,
    display_name: &str,
    password_hash: &str,
    extra_domains: &[String],
) -> anyhow::Result<String> {
    let email = user::normalize_email(email);
    if !is_valid_email(&email) {
        anyhow::bail!("{email:?} is not an email address");
    }
    let mut domains = vec![checked_domain(email.rsplit_once('@').map_or("", |(_, d)| d))?];
    for d in extra_domains {
        domains.push(checked_domain(d)?);
    }
    domains.sort();
    domains.dedup();
    crate::db::write(conn, |c| {
        ensure_offers(c)?;
        if user::find_by_email(c, &email)?.is_some() {
            anyhow::bail!("a user with the email {email} exists already");
        }
        let now = now_ms();
        let p = match partner::find_by_name(c, partner_name)? {
            Some(p) => p,
            None => new_partner(c, partner_name, kind, now)?,
        };
        verify_domains(c, &p.id, &domains, now)?;
        let u =
            User::with_one_time_password(&p.id, &email, display_name, password_hash.into(), now);
        user::insert(c, &u, &[Role::GlobalAdmin])?;
        Ok(u.id)
    })
}

/// Adds verified domains to an existing partner; returns all of the partner's domains.
pub fn add_partner_domains(
    conn: &mut AnyConnection,
    partner_name: &str,
    domains: &[String],
) -> anyhow::Result<Vec<String>> {
    let domains = domains.iter().map(|d| checked_domain(d)).collect::<anyhow::Result<Vec<_>>>()?;
    crate::db::write(conn, |c| {
        let Some(p) = partner::find_by_name(c, partner_name)? else {
            anyhow::bail!("there is no partner named {partner_name:?}");
        };
        verify_domains(c, &p.id, &domains, now_ms())?;
        Ok(partner::domains_of(c, &p.id)?)
    })
}
