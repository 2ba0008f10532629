//! The offer catalogue and the demo world: partners, one user per role with a freshly generated
//! password, and customers in every state the removal flow knows.

use diesel::Connection;

use crate::auth::password;
use crate::auth::roles::Role;
use crate::db::{self, AnyConnection, DAY_MS};
use crate::models::customer::{self, Customer};
use crate::models::offer::{self, Offer};
use crate::models::partner::{self, Partner, PartnerKind};
use crate::models::relationship::{self, Relationship};
use crate::models::reservation::{self, Reservation};
use crate::models::software::{self, SoftwarePurchase};
use crate::models::subscription::{self, CommerceType, Subscription, SubscriptionStatus, Term};
use crate::models::support_contact::{self, SupportContact};
use crate::models::user::{self, User};

/// (id, name, commerce type, base offer id)
const OFFERS: &[(&str, &str, CommerceType, Option<&str>)] = &[
    ("m365-bp", "Microsoft 365 Business Premium", CommerceType::NewCommerce, None),
    ("m365-bs", "Microsoft 365 Business Standard", CommerceType::NewCommerce, None),
    ("m365-e3", "Microsoft 365 E3", CommerceType::Legacy, None),
    ("o365-e1", "Office 365 E1", CommerceType::Legacy, None),
    ("exo-p1", "Exchange Online (Plan 1)", CommerceType::NewCommerce, None),
    ("teams-ess", "Microsoft Teams Essentials", CommerceType::NewCommerce, None),
    ("d365-sales", "Dynamics 365 Sales Professional", CommerceType::NewCommerce, None),
    ("visio-p2", "Visio Plan 2", CommerceType::Legacy, None),
    (
        "defender-o365-p2",
        "Microsoft Defender for Office 365 (Plan 2)",
        CommerceType::NewCommerce,
        Some("m365-bp"),
    ),
    ("m365-e5-sec", "Microsoft 365 E5 Security", CommerceType::Legacy, Some("m365-e3")),
    ("audio-conf", "Microsoft Teams Audio Conferencing", CommerceType::Legacy, Some("m365-e3")),
];

/// Adds the offer catalogue when the database has none.
pub fn ensure_offers(conn: &mut AnyConnection) -> diesel::QueryResult<()> {
    if offer::count(conn)? > 0 {
        return Ok(());
    }
    for (i, (id, name, ct, parent)) in OFFERS.iter().enumerate() {
        offer::insert(
            conn,
            &Offer {
                id: (*id).into(),
                name: (*name).into(),
                commerce_type: ct.as_str().into(),
                parent_offer_id: parent.map(Into::into),
                sort_order: i as i32,
            },
        )?;
    }
    Ok(())
}

/// A user the demo created, with the one-time password printed at start.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub partner: String,
    pub role: Role,
    pub email: String,
    pub password: String,
}

pub const MAIN_PARTNER: &str = "Fabrikam Cloud Solutions";
pub const SECOND_PARTNER: &str = "Northwind Cloud Partners";
pub const RESELLER_PARTNER: &str = "Tailspin IT Services";

const COMPANIES: &[&str] = &[
    "Contoso Ltd",
    "Adatum Corporation",
    "Litware Inc",
    "Wide World Importers",
    "Woodgrove Bank",
    "Alpine Ski House",
    "Blue Yonder Airlines",
    "Coho Winery",
    "Fourth Coffee",
    "Graphic Design Institute",
    "Humongous Insurance",
    "Lucerne Publishing",
    "Margie's Travel",
    "Proseware Inc",
    "Relecloud",
    "School of Fine Art",
    "Southridge Video",
    "Tailspin Toys",
    "Trey Research",
    "VanArsdel Ltd",
    "Wingtip Toys",
    "Consolidated Messenger",
    "First Up Consultants",
    "Best For You Organics",
    "Lamna Healthcare",
    "Bellows College",
    "Munson's Pickles and Preserves",
    "Nod Publishers",
    "Datum Insights",
    "Baldwin Museum of Science",
    "City Power & Light",
    "Tasmanian Traders",
    "Olympia Fitness",
    "Contoso Pharmaceuticals",
    "Adventure Works Cycles",
    "Hexa Labs",
    "Polaris Shipping",
    "Kinetic Learning",
    "Northbrook Dental",
    "Oakridge Logistics",
    "Pinecrest Legal",
    "Quillon Architects",
    "Riverbend Clinics",
    "Silverline Media",
];
const SECOND_COMPANIES: &[&str] = &[
    "Aurora Bakeries",
    "Brightwater Utilities",
    "Cedar & Stone Realty",
    "Driftwood Marine",
    "Evergreen Schools",
    "Foxglove Pharmacy",
    "Granite Peak Outfitters",
    "Harborview Hotels",
];
const COUNTRIES: &[&str] = &["PL", "DE", "US", "GB", "FR", "NL", "SE", "ES"];

/// Creates the demo world, or, when it exists, gives its users new one-time passwords.
pub fn seed_demo(conn: &mut AnyConnection) -> anyhow::Result<Vec<DemoLogin>> {
    conn.transaction(|c| {
        ensure_offers(c)?;
        let mut logins = Vec::new();
        if let Some(main) = partner::find_by_name(c, MAIN_PARTNER)? {
            for u in user::list_for_partner(c, &main.id)?.into_iter().chain(other_demo_users(c)?) {
                let pw = crate::auth::random_password();
                user::set_password_hash(c, &u.id, &password::hash_now(&pw)?)?;
                let role = user::roles_of(c, &u.id)?.first().copied().unwrap_or(Role::GlobalAdmin);
                let p = partner::find(c, &u.partner_id)?.map(|p| p.name).unwrap_or_default();
                logins.push(DemoLogin { partner: p, role, email: u.email, password: pw });
            }
            return Ok(logins);
        }
        let now = db::now_ms();
        let main = new_partner(c, MAIN_PARTNER, PartnerKind::Direct, now)?;
        let second = new_partner(c, SECOND_PARTNER, PartnerKind::IndirectProvider, now)?;
        let reseller = new_partner(c, RESELLER_PARTNER, PartnerKind::IndirectReseller, now)?;
        let main_users: Vec<(Role, &str, &str)> = vec![
            (Role::GlobalAdmin, "admin@fabrikam.example", "Alex Wilber"),
            (Role::AdminAgent, "agent@fabrikam.example", "Megan Bowen"),
            (Role::SalesAgent, "sales@fabrikam.example", "Lee Gu"),
            (Role::HelpdeskAgent, "helpdesk@fabrikam.example", "Isaiah Langer"),
            (Role::BillingAdmin, "billing@fabrikam.example", "Johanna Lorenz"),
            (Role::UserManagementAdmin, "users@fabrikam.example", "Pradeep Gupta"),
        ];
        let mut admin_id = String::new();
        for (role, email, name) in main_users {
            let (id, login) = new_user(c, &main, role, email, name, now)?;
            if role == Role::GlobalAdmin {
                admin_id = id;
            }
            logins.push(login);
        }
        for (p, role, email, name) in [
            (&second, Role::GlobalAdmin, "admin@northwind.example", "Nestor Wilke"),
            (&second, Role::SalesAgent, "sales@northwind.example", "Lynne Robbins"),
            (&reseller, Role::GlobalAdmin, "admin@tailspin.example", "Diego Siciliani"),
        ] {
            logins.push(new_user(c, p, role, email, name, now)?.1);
        }
        for (i, name) in COMPANIES.iter().enumerate() {
            demo_customer(c, &main, Some(&admin_id), i, name, now)?;
        }
        for (i, name) in SECOND_COMPANIES.iter().enumerate() {
            demo_customer(c, &second, None, i, name, now)?;
        }
        // The indirect reseller sells through the indirect provider, and to two of the main
        // partner's customers too.
        partner::link_reseller(c, &second.id, &reseller.id)?;
        for i in [0usize, 5] {
            let cust = find_customer_by_name(c, COMPANIES[i])?;
            relate(c, &reseller, &cust, true, now)?;
            new_subscription(
                c,
                &reseller,
                &cust.id,
                "o365-e1",
                10,
                SubscriptionStatus::Suspended,
                None,
                now - 90 * DAY_MS,
            )?;
        }
        Ok(logins)
    })
}

fn other_demo_users(c: &mut AnyConnection) -> anyhow::Result<Vec<User>> {
    let mut out = Vec::new();
    for name in [SECOND_PARTNER, RESELLER_PARTNER] {
        if let Some(p) = partner::find_by_name(c, name)? {
            out.extend(user::list_for_partner(c, &p.id)?);
        }
    }
    Ok(out)
}

fn find_customer_by_name(c: &mut AnyConnection, name: &str) -> anyhow::Result<Customer> {
    use crate::db::schema::customers;
    use diesel::prelude::*;
    Ok(customers::table
        .filter(customers::company_name.eq(name))
        .select(Customer::as_select())
        .first(c)?)
}

fn new_partner(
    c: &mut AnyConnection,
    name: &str,
    kind: PartnerKind,
    now: i64,
) -> anyhow::Result<Partner> {
    let p = Partner {
        id: db::new_id(),
        name: name.into(),
        kind: kind.as_str().into(),
        created_at: now,
    };
    partner::insert(c, &p)?;
    Ok(p)
}

/// Creates a user with a generated password; returns its id and the login to print.
pub fn new_user(
    c: &mut AnyConnection,
    p: &Partner,
    role: Role,
    email: &str,
    name: &str,
    now: i64,
) -> anyhow::Result<(String, DemoLogin)> {
    let pw = crate::auth::random_password();
    let u = User {
        id: db::new_id(),
        partner_id: p.id.clone(),
        email: user::normalize_email(email),
        display_name: name.into(),
        password_hash: password::hash_now(&pw)?,
        active: true,
        failed_logins: 0,
        locked_until: None,
        created_at: now,
        locale: None,
    };
    user::insert(c, &u, &[role])?;
    Ok((u.id, DemoLogin { partner: p.name.clone(), role, email: u.email, password: pw }))
}

fn slug(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase()
}

fn relate(
    c: &mut AnyConnection,
    p: &Partner,
    cust: &Customer,
    dap: bool,
    now: i64,
) -> anyhow::Result<()> {
    relationship::insert(c, &Relationship::new_reseller(&p.id, cust, dap, now - 400 * DAY_MS))?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn new_subscription(
    c: &mut AnyConnection,
    p: &Partner,
    customer_id: &str,
    offer_id: &str,
    quantity: i32,
    status: SubscriptionStatus,
    parent_id: Option<&str>,
    created_at: i64,
) -> anyhow::Result<String> {
    let o = offer::find(c, offer_id)?.ok_or_else(|| anyhow::anyhow!("offer {offer_id}"))?;
    let ct = CommerceType::parse(&o.commerce_type).unwrap_or(CommerceType::Legacy);
    let term = if ct == CommerceType::NewCommerce { Term::Annual } else { Term::Monthly };
    let s = Subscription {
        id: db::new_id(),
        partner_id: p.id.clone(),
        customer_id: customer_id.into(),
        offer_id: o.id,
        offer_name: o.name,
        quantity,
        term: term.as_str().into(),
        billing_cycle: term.billing_cycle().into(),
        status: status.as_str().into(),
        commerce_type: ct.as_str().into(),
        parent_id: parent_id.map(Into::into),
        created_at,
        updated_at: created_at,
        suspended_at: (status == SubscriptionStatus::Suspended).then_some(created_at + DAY_MS),
    };
    subscription::insert(c, &s)?;
    Ok(s.id)
}

/// One customer; `i` picks its situation, so the world is the same on every run.
fn demo_customer(
    c: &mut AnyConnection,
    p: &Partner,
    support_user: Option<&str>,
    i: usize,
    name: &str,
    now: i64,
) -> anyhow::Result<()> {
    let domain = format!("{}.onmicrosoft.com", slug(name));
    let cust = Customer {
        id: db::new_id(),
        company_name: name.into(),
        primary_domain: domain,
        tenant_id: uuid::Uuid::new_v4().to_string(),
        country: COUNTRIES[i % COUNTRIES.len()].into(),
        created_at: now - (500 + i as i64) * DAY_MS,
    };
    customer::insert(c, &cust)?;
    relate(c, p, &cust, i % 3 != 2, now)?;
    let seats = 5 + (i as i32 * 7) % 120;
    let ago = |days: i64| now - days * DAY_MS;
    use SubscriptionStatus::{Active, Suspended};
    let mut subs = Vec::new();
    match i % 8 {
        // Several active subscriptions, legacy and new commerce, with add-ons.
        0 | 4 => {
            let e3 = new_subscription(c, p, &cust.id, "m365-e3", seats, Active, None, ago(300))?;
            new_subscription(
                c,
                p,
                &cust.id,
                "m365-e5-sec",
                seats / 2 + 1,
                Active,
                Some(&e3),
                ago(200),
            )?;
            new_subscription(c, p, &cust.id, "audio-conf", 3, Active, Some(&e3), ago(150))?;
            subs.push(e3);
            subs.push(new_subscription(c, p, &cust.id, "teams-ess", 10, Active, None, ago(3))?);
        }
        1 | 5 => {
            let bp = new_subscription(c, p, &cust.id, "m365-bp", seats, Active, None, ago(120))?;
            new_subscription(
                c,
                p,
                &cust.id,
                "defender-o365-p2",
                seats,
                Active,
                Some(&bp),
                ago(60),
            )?;
            subs.push(bp);
            subs.push(new_subscription(c, p, &cust.id, "exo-p1", 4, Suspended, None, ago(400))?);
        }
        // Only suspended subscriptions: ready for removal.
        2 => {
            new_subscription(c, p, &cust.id, "o365-e1", seats, Suspended, None, ago(700))?;
            new_subscription(c, p, &cust.id, "visio-p2", 2, Suspended, None, ago(365))?;
        }
        // An active Azure reservation, subscriptions suspended.
        3 => {
            new_subscription(c, p, &cust.id, "m365-bs", seats, Suspended, None, ago(210))?;
            reservation::insert(
                c,
                &Reservation {
                    id: db::new_id(),
                    partner_id: p.id.clone(),
                    customer_id: cust.id.clone(),
                    name: format!("{} production VMs", name.split(' ').next().unwrap_or(name)),
                    sku: "Standard_D4s_v5".into(),
                    region: if i.is_multiple_of(2) { "westeurope" } else { "northeurope" }.into(),
                    term: "P1Y".into(),
                    quantity: 2 + (i as i32 % 4),
                    status: reservation::ACTIVE.into(),
                    created_at: ago(90),
                    cancelled_at: None,
                },
            )?;
        }
        // An active software purchase (still cancellable), nothing else active.
        6 => {
            new_subscription(c, p, &cust.id, "d365-sales", seats, Suspended, None, ago(45))?;
            software::insert(
                c,
                &SoftwarePurchase {
                    id: db::new_id(),
                    partner_id: p.id.clone(),
                    customer_id: cust.id.clone(),
                    product: "Windows Server 2022 Standard – 16 Core License Pack".into(),
                    order_id: format!("SW-{:06}", 104_000 + i * 37),
                    quantity: 1 + (i as i32 % 3),
                    status: software::ACTIVE.into(),
                    created_at: ago(12),
                    cancelled_at: None,
                },
            )?;
        }
        // No subscriptions at all: ready for removal.
        _ => {}
    }
    if let Some(first) = subs.first() {
        support_contact::insert(
            c,
            &SupportContact {
                id: db::new_id(),
                partner_id: p.id.clone(),
                customer_id: cust.id.clone(),
                subscription_id: first.clone(),
                contact_user_id: support_user.map(Into::into),
                contact_partner_id: None,
                created_at: ago(30),
            },
        )?;
    }
    Ok(())
}

/// The first Global admin of a new partner (the `create-admin` command).
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
        let now = db::now_ms();
        let p = match partner::find_by_name(c, partner_name)? {
            Some(p) => p,
            None => new_partner(c, partner_name, kind, now)?,
        };
        let u = User {
            id: db::new_id(),
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
    let now = db::now_ms();
    let mut rng = Rng(seed.max(1));
    let name = format!("Load Test Partner {customers}");
    if partner::find_by_name(conn, &name)?.is_some() {
        anyhow::bail!("{name} exists already in this database");
    }
    let (p, login) = conn.transaction(|c| {
        let p = new_partner(c, &name, PartnerKind::Direct, now)?;
        let email = format!("admin@load{customers}.example");
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
            let mut rel =
                Relationship::new_reseller(&p.id, &cust, rng.below(3) > 0, cust.created_at);
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
                subs.push(Subscription {
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
                });
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
