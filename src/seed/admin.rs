//! The first Global admin of a new partner (the `create-admin` command).

use diesel::Connection;

use super::catalogue::ensure_offers;
use super::demo::new_partner;
use crate::db::AnyConnection;
use crate::models::partner::{self, PartnerKind};
use crate::models::role::Role;
use crate::models::user::{self, User};
use crate::util::{clock::now_ms, tokens::new_id};

pub fn create_admin(
    conn: &mut AnyConnection,
    partner_name: &str,
    kind: PartnerKind,
    email: &str,
    display_name: &str,
    password_hash: &str,
) -> anyhow::Result<String> {
    conn.transaction(|c| {
        ensure_offers(c)?;
        if user::find_by_email(c, email)?.is_some() {
            anyhow::bail!("a user with the email {email} exists already");
        }
        let now = now_ms();
        let p = match partner::find_by_name(c, partner_name)? {
            Some(p) => p,
            None => new_partner(c, partner_name, kind, now)?,
        };
        let u = User {
            id: new_id(),
            partner_id: p.id.clone(),
            email: user::normalize_email(email),
            display_name: display_name.into(),
            password_hash: password_hash.into(),
            active: true,
            failed_logins: 0,
            locked_until: None,
            created_at: now,
            locale: None,
        };
        user::insert(c, &u, &[Role::GlobalAdmin])?;
        Ok(u.id)
    })
}
