//! A large, deterministic world for load tests.

use diesel::Connection;

use super::catalogue::ensure_offers;
use super::demo::{COUNTRIES, DemoLogin, new_partner, new_user, slug};
use crate::db::AnyConnection;
use crate::models::customer::{self, Customer};
use crate::models::offer::{self, Offer};
use crate::models::partner::{self, PartnerKind};
use crate::models::relationship::{self};
use crate::models::role::Role;
use crate::models::subscription::{self, Subscription, SubscriptionStatus, Term};
use crate::util::clock::{DAY_MS, now_ms};

/// A deterministic pseudo-random sequence (xorshift64*), so a seed gives the same world.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn uuid(&mut self) -> String {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
    }
}

const WORDS_A: &[&str] = &[
    "Alpine", "Amber", "Arctic", "Atlas", "Aurora", "Bay", "Birch", "Blue", "Bright", "Cedar",
    "Coastal", "Copper", "Crescent", "Crystal", "Delta", "Eagle", "Eastern", "Ember", "Falcon",
    "First", "Golden", "Granite", "Green", "Harbor", "Highland", "Horizon", "Iron", "Juniper",
    "Lakeside", "Liberty", "Maple", "Meadow", "Metro", "Midland", "Nordic", "North", "Oak",
    "Ocean", "Orchid", "Pacific", "Pine", "Pioneer", "Prairie", "Quantum", "Red", "River", "Rocky",
    "Royal", "Sapphire", "Silver", "Solar", "Southern", "Spruce", "Summit", "Sun", "Timber",
    "Union", "Valley", "Vista", "Western", "Willow", "Zenith",
];
const WORDS_B: &[&str] = &[
    "Analytics",
    "Architects",
    "Bakery",
    "Builders",
    "Capital",
    "Clinic",
    "Consulting",
    "Dental",
    "Design",
    "Energy",
    "Engineering",
    "Foods",
    "Freight",
    "Health",
    "Hotels",
    "Insurance",
    "Labs",
    "Legal",
    "Logistics",
    "Manufacturing",
    "Media",
    "Motors",
    "Networks",
    "Outfitters",
    "Pharmacy",
    "Printing",
    "Realty",
    "Research",
    "Retail",
    "Robotics",
    "Schools",
    "Security",
    "Shipping",
    "Software",
    "Studios",
    "Systems",
    "Textiles",
    "Travel",
    "Utilities",
    "Ventures",
    "Wholesale",
    "Works",
];
const SUFFIXES: &[&str] =
    &["Ltd", "Inc", "GmbH", "Sp. z o.o.", "AB", "BV", "SA", "LLC", "plc", "Group"];

/// A load-test partner with `customers` customers and `per_customer` subscriptions each,
/// written in large batched transactions; deterministic for a given `seed`. Returns the
/// partner's Global admin sign-in.
pub fn seed_load(
    conn: &mut AnyConnection,
    customers: usize,
    per_customer: usize,
    seed: u64,
) -> anyhow::Result<DemoLogin> {
    ensure_offers(conn)?;
    let now = now_ms();
    let mut rng = Rng(seed.max(1));
    let name = format!("Load Test Partner {customers}");
    if partner::find_by_name(conn, &name)?.is_some() {
        anyhow::bail!("{name} exists already in this database");
    }
    let (p, login) = conn.transaction(|c| {
        let p = new_partner(c, &name, PartnerKind::Direct, now)?;
        let domain = format!("load{customers}.example");
        partner::add_domain(c, &p.id, &domain, now)?;
        let email = format!("admin@{domain}");
        let (_, login) = new_user(c, &p, Role::GlobalAdmin, &email, "Load Test Admin", now)?;
        anyhow::Ok((p, login))
    })?;
    let offers: Vec<Offer> = offer::list_base(conn)?;
    const CHUNK: usize = 10_000;
    let mut done = 0;
    while done < customers {
        let n = CHUNK.min(customers - done);
        let mut custs = Vec::with_capacity(n);
        let mut rels = Vec::with_capacity(n);
        let mut subs = Vec::with_capacity(n * per_customer);
        for i in done..done + n {
            let company = format!(
                "{} {} {} {i}",
                WORDS_A[rng.below(WORDS_A.len() as u64) as usize],
                WORDS_B[rng.below(WORDS_B.len() as u64) as usize],
                SUFFIXES[rng.below(SUFFIXES.len() as u64) as usize]
            );
            let cust = Customer {
                id: rng.uuid(),
                primary_domain: format!("{}.onmicrosoft.com", slug(&company)),
                company_name: company,
                tenant_id: rng.uuid(),
                country: COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize].into(),
                created_at: now - rng.below(1000) as i64 * DAY_MS,
            };
            let mut rel = cust.reseller_relationship(&p.id, rng.below(3) > 0, cust.created_at);
            rel.id = rng.uuid();
            for _ in 0..per_customer {
                let o = &offers[rng.below(offers.len() as u64) as usize];
                let term =
                    if o.commerce_type == "new_commerce" { Term::Annual } else { Term::Monthly };
                let status = if rng.below(4) == 0 {
                    SubscriptionStatus::Suspended
                } else {
                    SubscriptionStatus::Active
                };
                let created_at = now - rng.below(700) as i64 * DAY_MS;
                let (commitment_end_at, cancel_window_end_at) =
                    subscription::first_term(created_at, term);
                let sub = Subscription {
                    id: rng.uuid(),
                    partner_id: p.id.clone(),
                    customer_id: cust.id.clone(),
                    offer_id: o.id.clone(),
                    offer_name: o.name.clone(),
                    quantity: 1 + rng.below(300) as i32,
                    term: term.as_str().into(),
                    billing_cycle: term.billing_cycle().into(),
                    status: status.as_str().into(),
                    commerce_type: o.commerce_type.clone(),
                    parent_id: None,
                    created_at,
                    updated_at: created_at,
                    suspended_at: (status == SubscriptionStatus::Suspended)
                        .then_some(created_at + DAY_MS),
                    commitment_end_at,
                    auto_renew: true,
                    cancel_window_end_at,
                };
                subs.push(sub.as_of(now));
            }
            custs.push(cust);
            rels.push(rel);
        }
        conn.transaction(|c| {
            customer::insert_many(c, &custs)?;
            relationship::insert_many(c, &rels)?;
            subscription::insert_many(c, &subs)?;
            diesel::QueryResult::Ok(())
        })?;
        done += n;
        if done % 100_000 == 0 || done == customers {
            log::info!("seeded {done} of {customers} customers");
        }
    }
    // PostgreSQL plans from statistics, which a bulk load leaves stale until autovacuum comes
    // round: refresh them now, as a bulk loader should, with the visibility map that lets a
    // page of the list be read from the index alone. (SQLite plans without statistics, and its
    // queries here are written for that.)
    if let AnyConnection::Postgresql(c) = conn {
        diesel::RunQueryDsl::execute(
            diesel::sql_query("VACUUM (ANALYZE) customers, relationships, subscriptions"),
            c,
        )?;
    }
    Ok(login)
}
