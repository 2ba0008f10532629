//! The first Global admin of a new partner (the `create-admin` command).

use diesel::Connection;

use super::catalogue::ensure_offers;
use super::demo::new_partner;
use crate::db::AnyConnection;
use crate::models::partner::{self, PartnerKind};
use crate::models::role::Role;
use crate::models::user::{self, User};
use crate::util::clock::now_ms;

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
        let u = User::with_one_time_password(&p.id, email, display_name, password_hash.into(), now);
        user::insert(c, &u, &[Role::GlobalAdmin])?;
        Ok(u.id)
    })
}
