//! The demo world: partners, one user per role with a freshly generated password, and
//! customers in every state the removal flow knows.

use diesel::Connection;

use super::catalogue::ensure_offers;
use crate::auth::password;
use crate::db::AnyConnection;
use crate::models::customer::{self, Customer};
use crate::models::offer::{self};
use crate::models::partner::{self, Partner, PartnerKind};
use crate::models::relationship::{self};
use crate::models::reservation::{self, Reservation};
use crate::models::role::Role;
use crate::models::savings_plan::{self, SavingsPlan};
use crate::models::software::{self, SoftwarePurchase};
use crate::models::subscription::{self, CommerceType, Subscription, SubscriptionStatus, Term};
use crate::models::support_contact::{self, SupportContact};
use crate::models::user::{self, User};
use crate::util::{
    clock::{DAY_MS, now_ms},
    tokens::new_id,
};

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
pub(super) const COUNTRIES: &[&str] = &["PL", "DE", "US", "GB", "FR", "NL", "SE", "ES"];

/// Creates the demo world, or, when it exists, gives its users new one-time passwords.
pub fn seed_demo(conn: &mut AnyConnection) -> anyhow::Result<Vec<DemoLogin>> {
    conn.transaction(|c| {
        ensure_offers(c)?;
        let mut logins = Vec::new();
        if let Some(main) = partner::find_by_name(c, MAIN_PARTNER)? {
            for u in user::list_for_partner(c, &main.id)?.into_iter().chain(other_demo_users(c)?) {
                let pw = crate::util::tokens::random_password();
                user::set_one_time_password(c, &u.id, &password::hash_now(&pw)?, now_ms())?;
                let role = user::roles_of(c, &u.id)?.first().copied().unwrap_or(Role::GlobalAdmin);
                let p = partner::find(c, &u.partner_id)?.map(|p| p.name).unwrap_or_default();
                logins.push(DemoLogin { partner: p, role, email: u.email, password: pw });
            }
            return Ok(logins);
        }
        let now = now_ms();
        let main = new_partner(c, MAIN_PARTNER, PartnerKind::Direct, now)?;
        let second = new_partner(c, SECOND_PARTNER, PartnerKind::IndirectProvider, now)?;
        let reseller = new_partner(c, RESELLER_PARTNER, PartnerKind::IndirectReseller, now)?;
        for (p, domain) in [
            (&main, "fabrikam.example"),
            (&second, "northwind.example"),
            (&reseller, "tailspin.example"),
        ] {
            partner::add_domain(c, &p.id, domain, now)?;
        }
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
        demo_gdap(c, &main, &admin_id, now)?;
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
        let contoso = find_customer_by_name(c, COMPANIES[0])?;
        super::security_groups::demo_security_groups(c, &main, &contoso, now)?;
        Ok(logins)
    })
}

/// GDAP relationships of the main partner in several statuses: one active that ends in five
/// days (the runner makes it `expiring` at once), one waiting for approval, one with Global
/// Administrator, one auto-extending, one just created.
fn demo_gdap(
    c: &mut AnyConnection,
    main: &Partner,
    admin_id: &str,
    now: i64,
) -> anyhow::Result<()> {
    use crate::models::entra_role::GLOBAL_ADMINISTRATOR;
    use crate::services::gdap::{self, NewRelationship};
    const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    const HELPDESK: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
    const USER_ADMIN: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    const SECURITY_ADMIN: &str = "194ae4cb-b126-40b2-bd5b-6091b380977d";
    let admin = user::find(c, admin_id)?.ok_or_else(|| anyhow::anyhow!("demo admin missing"))?;
    let ctx_at = |at: i64| crate::services::Ctx {
        user: crate::auth::CurrentUser {
            id: admin.id.clone(),
            email: admin.email.clone(),
            display_name: admin.display_name.clone(),
            partner: main.clone(),
            roles: vec![Role::GlobalAdmin],
            csrf_token: String::new(),
            locale: crate::i18n::Locale::En,
            path: "/".into(),
        },
        request_id: new_id(),
        correlation_id: None,
        now: at,
    };
    let links = crate::util::urls::PublicUrl::parse("http://localhost:8080")
        .map_err(|e| anyhow::anyhow!(e))?;
    let customer_admin = |name: &str| crate::services::audit::Actor {
        partner_id: None,
        user_id: None,
        label: format!("admin@{}.onmicrosoft.com", slug(name)),
        request_id: new_id(),
        correlation_id: None,
    };
    // (company, name, days, auto-extend, roles, approved this many days ago; None: only sent,
    // Some(-1): only created)
    type Plan<'a> = (usize, &'a str, &'a str, bool, &'a [&'a str], Option<i64>);
    let plans: [Plan; 5] = [
        (
            0,
            "Contoso managed services",
            "P730D",
            false,
            &[GLOBAL_READER, HELPDESK, SECURITY_ADMIN],
            Some(725),
        ),
        (1, "Adatum onboarding", "P365D", false, &[USER_ADMIN, HELPDESK], None),
        (2, "Litware full admin", "P90D", false, &[GLOBAL_ADMINISTRATOR], Some(10)),
        (3, "Wide World security", "P180D", true, &[SECURITY_ADMIN, GLOBAL_READER], Some(20)),
        (4, "Woodgrove draft", "P30D", false, &[GLOBAL_READER], Some(-1)),
    ];
    for (i, name, duration, extend, roles, approved) in plans {
        let cust = find_customer_by_name(c, COMPANIES[i])?;
        let at = now - approved.filter(|d| *d > 0).unwrap_or(0) * DAY_MS;
        let ctx = ctx_at(at);
        let new = NewRelationship {
            customer_id: cust.id.clone(),
            display_name: name.into(),
            duration: duration.into(),
            auto_extend: if extend { "P180D" } else { "PT0S" }.into(),
            role_ids: roles.iter().map(|r| r.to_string()).collect(),
        };
        let rel = gdap::create(c, &ctx, &new).map_err(|e| anyhow::anyhow!("{e}"))?;
        if approved == Some(-1) {
            continue;
        }
        gdap::send_for_approval(c, &ctx, &links, &rel.id).map_err(|e| anyhow::anyhow!("{e}"))?;
        if approved.is_some() {
            gdap::approve(c, &customer_admin(COMPANIES[i]), &links, &cust.id, &rel.id, at)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
    }
    Ok(())
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

pub(super) fn new_partner(
    c: &mut AnyConnection,
    name: &str,
    kind: PartnerKind,
    now: i64,
) -> anyhow::Result<Partner> {
    let p =
        Partner { id: new_id(), name: name.into(), kind: kind.as_str().into(), created_at: now };
    partner::insert(c, &p)?;
    Ok(p)
}

/// Creates a user with a generated password; returns its id and the login to print.
pub(super) fn new_user(
    c: &mut AnyConnection,
    p: &Partner,
    role: Role,
    email: &str,
    name: &str,
    now: i64,
) -> anyhow::Result<(String, DemoLogin)> {
    let pw = crate::util::tokens::random_password();
    let u = User::with_one_time_password(&p.id, email, name, password::hash_now(&pw)?, now);
    user::insert(c, &u, &[role])?;
    Ok((u.id, DemoLogin { partner: p.name.clone(), role, email: u.email, password: pw }))
}

pub(super) fn slug(name: &str) -> String {
    name.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase()
}

fn relate(
    c: &mut AnyConnection,
    p: &Partner,
    cust: &Customer,
    dap: bool,
    now: i64,
) -> anyhow::Result<()> {
    relationship::insert(c, &cust.reseller_relationship(&p.id, dap, now - 400 * DAY_MS))?;
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
    let (commitment_end_at, cancel_window_end_at) = subscription::first_term(created_at, term);
    let s = Subscription {
        id: new_id(),
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
        commitment_end_at,
        auto_renew: true,
        cancel_window_end_at,
    };
    // Renewed up to today: older purchases are in a later term, past their window.
    let s = s.as_of(crate::util::clock::now_ms());
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
        id: new_id(),
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
            // New commerce bought three days ago: still within its cancellation window.
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
            // Suspended new commerce is still billed, and still blocks removal.
            subs.push(new_subscription(c, p, &cust.id, "exo-p1", 4, Suspended, None, ago(400))?);
        }
        // Only suspended subscriptions: ready for removal.
        2 => {
            new_subscription(c, p, &cust.id, "o365-e1", seats, Suspended, None, ago(700))?;
            new_subscription(c, p, &cust.id, "visio-p2", 2, Suspended, None, ago(365))?;
        }
        // An active Azure reservation, and new commerce suspended with auto-renew off: it runs
        // to its commitment end, the earliest removal date.
        3 => {
            let bs = new_subscription(c, p, &cust.id, "m365-bs", seats, Suspended, None, ago(210))?;
            subscription::set_auto_renew(c, &bs, false, now)?;
            reservation::insert(
                c,
                &Reservation {
                    id: new_id(),
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
            // Every other one also commits to Azure compute spend: a savings plan, which blocks
            // removal like the reservation.
            if i % 16 == 3 {
                savings_plan::insert(
                    c,
                    &SavingsPlan {
                        id: new_id(),
                        partner_id: p.id.clone(),
                        customer_id: cust.id.clone(),
                        name: format!("{} compute savings", name.split(' ').next().unwrap_or(name)),
                        commitment_cents: 250 + (i as i64 % 5) * 125,
                        currency: "USD".into(),
                        term: if i % 32 == 3 { "P3Y" } else { "P1Y" }.into(),
                        billing: savings_plan::MONTHLY.into(),
                        status: savings_plan::ACTIVE.into(),
                        created_at: ago(60),
                        cancelled_at: None,
                    },
                )?;
            }
        }
        // An active software purchase (still cancellable), nothing else active.
        6 => {
            new_subscription(c, p, &cust.id, "visio-p2", seats, Suspended, None, ago(45))?;
            software::insert(
                c,
                &SoftwarePurchase {
                    id: new_id(),
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
                id: new_id(),
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

/// A customer admin the demo created, with the one-time password printed at start.
#[derive(Debug, Clone)]
pub struct DemoCustomerAdmin {
    pub customer: String,
    pub email: String,
    pub password: String,
}

/// The demo customers that have an administrator of their own, and who that is.
const DEMO_CUSTOMER_ADMINS: &[(&str, &str, &str)] = &[
    ("Contoso Ltd", "it@contoso.example", "Debra Berger"),
    ("Adatum Corporation", "it@adatum.example", "Grady Archie"),
    ("Alpine Ski House", "it@alpineskihouse.example", "Miriam Graham"),
    ("Aurora Bakeries", "it@aurorabakeries.example", "Adele Vance"),
];

/// Gives several demo customers an administrator with a new one-time password (a new one on
/// every run, as the partner users get): they sign in at `/tenant/signin` and enrol two-step.
/// Customers the demo does not have are skipped.
pub fn seed_demo_customer_admins(
    conn: &mut AnyConnection,
) -> anyhow::Result<Vec<DemoCustomerAdmin>> {
    use crate::models::customer_admin::{self, CustomerAdmin};
    conn.transaction(|c| {
        let mut out = Vec::new();
        let now = now_ms();
        for (company, email, name) in DEMO_CUSTOMER_ADMINS {
            let Ok(cust) = find_customer_by_name(c, company) else { continue };
            let pw = crate::util::tokens::random_password();
            let hash = password::hash_now(&pw)?;
            match customer_admin::find_by_email(c, email)? {
                Some(a) => {
                    customer_admin::set_one_time_password(c, &a.id, &hash, now)?;
                }
                None => {
                    let a = CustomerAdmin::new(&cust.id, email, name, hash, true, now);
                    customer_admin::insert(c, &a)?;
                }
            }
            out.push(DemoCustomerAdmin {
                customer: cust.company_name,
                email: (*email).to_owned(),
                password: pw,
            });
        }
        Ok(out)
    })
}
