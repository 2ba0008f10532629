//! The standard test world: two direct partners and an indirect reseller, a user per role, and
//! customers in each state the removal rule distinguishes.

use std::sync::OnceLock;

use partnerdesk::auth::password;
use partnerdesk::db::AnyConnection;
use partnerdesk::models::customer::{self, Customer};
use partnerdesk::models::partner::{self, Partner, PartnerKind};
use partnerdesk::models::relationship::{self};
use partnerdesk::models::reservation::{self, Reservation};
use partnerdesk::models::role::Role;
use partnerdesk::models::savings_plan::{self, SavingsPlan};
use partnerdesk::models::software::{self, SoftwarePurchase};
use partnerdesk::models::subscription::{self, Subscription};
use partnerdesk::models::support_contact::{self, SupportContact};
use partnerdesk::models::user::{self, User};
use partnerdesk::seed;
use partnerdesk::util::{
    clock::{DAY_MS, now_ms},
    tokens::new_id,
};

pub const PASSWORD: &str = "correct horse battery staple";
/// Every world user's authenticator secret (base32), enrolled.
pub const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

pub const GLOBAL_ADMIN: &str = "admin@alpha.test";
pub const ADMIN_AGENT: &str = "agent@alpha.test";
pub const SALES_AGENT: &str = "sales@alpha.test";
pub const HELPDESK_AGENT: &str = "helpdesk@alpha.test";
pub const BILLING_ADMIN: &str = "billing@alpha.test";
pub const USER_MANAGEMENT_ADMIN: &str = "users@alpha.test";
pub const OTHER_ADMIN: &str = "admin@beta.test";
pub const RESELLER_ADMIN: &str = "admin@reseller.test";

/// Every role of partner Alpha with its user's email.
pub const ALPHA_USERS: &[(Role, &str)] = &[
    (Role::GlobalAdmin, GLOBAL_ADMIN),
    (Role::AdminAgent, ADMIN_AGENT),
    (Role::SalesAgent, SALES_AGENT),
    (Role::HelpdeskAgent, HELPDESK_AGENT),
    (Role::BillingAdmin, BILLING_ADMIN),
    (Role::UserManagementAdmin, USER_MANAGEMENT_ADMIN),
];

#[derive(Debug, Clone)]
pub struct World {
    pub alpha: Partner,
    pub beta: Partner,
    pub reseller: Partner,
    /// Alpha's customer with everything active: a legacy base with an add-on, a new-commerce
    /// subscription, an Azure reservation, a software purchase, DAP on, a support contact. The
    /// subscriptions were bought 20 days ago for a month: the new-commerce one is past its
    /// cancellation window, renews automatically, and blocks removal until its term ends.
    pub contoso: Customer,
    pub contoso_base: String,
    pub contoso_addon: String,
    pub contoso_nce: String,
    pub contoso_reservation: String,
    pub contoso_software: String,
    /// Alpha's customer with only a suspended subscription: removable. DAP on, a support contact.
    pub ready: Customer,
    pub ready_sub: String,
    /// Alpha's customer whose only active item is an Azure reservation.
    pub reservation_only: Customer,
    pub reservation_only_id: String,
    /// Alpha's customer whose only active item is a software purchase bought 10 days ago.
    pub software_only: Customer,
    pub software_only_id: String,
    /// Alpha's customer with a software purchase bought 40 days ago (past the cancel window).
    pub old_software: Customer,
    pub old_software_id: String,
    /// Beta's customer (Alpha has no relationship with it).
    pub beta_customer: Customer,
    pub beta_sub: String,
    /// A customer of the indirect reseller, with nothing active.
    pub reseller_customer: Customer,
}

fn hash() -> &'static str {
    static H: OnceLock<String> = OnceLock::new();
    H.get_or_init(|| password::hash_now(PASSWORD).unwrap())
}

fn partner(c: &mut AnyConnection, name: &str, kind: PartnerKind) -> Partner {
    let p = Partner {
        id: new_id(),
        name: name.into(),
        kind: kind.as_str().into(),
        created_at: now_ms(),
    };
    partner::insert(c, &p).unwrap();
    p
}

pub fn add_user(c: &mut AnyConnection, p: &Partner, email: &str, roles: &[Role]) -> String {
    let now = now_ms();
    let u = User {
        password_must_change: false,
        password_expires_at: None,
        totp_secret: Some(TOTP_SECRET.into()),
        totp_confirmed_at: Some(now),
        ..User::with_one_time_password(&p.id, email, &format!("User {email}"), hash().into(), now)
    };
    user::insert(c, &u, roles).unwrap();
    u.id
}

/// A user as an administrator adds one: with the one-time password `one_time`, to be replaced at
/// the first sign-in, and no authenticator app yet.
pub fn add_user_with_one_time_password(
    c: &mut AnyConnection,
    p: &Partner,
    email: &str,
    roles: &[Role],
    one_time: &str,
) -> String {
    let hash = password::hash_now(one_time).unwrap();
    let u = User::with_one_time_password(&p.id, email, &format!("User {email}"), hash, now_ms());
    user::insert(c, &u, roles).unwrap();
    u.id
}

pub fn add_customer(c: &mut AnyConnection, p: &Partner, name: &str, dap: bool) -> Customer {
    let slug: String =
        name.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
    let cust = Customer {
        id: new_id(),
        company_name: name.into(),
        primary_domain: format!("{slug}.onmicrosoft.com"),
        tenant_id: new_id(),
        country: "PL".into(),
        created_at: now_ms(),
    };
    customer::insert(c, &cust).unwrap();
    relationship::insert(c, &cust.reseller_relationship(&p.id, dap, now_ms() - 100 * DAY_MS))
        .unwrap();
    cust
}

pub fn add_subscription(
    c: &mut AnyConnection,
    p: &Partner,
    cust: &Customer,
    offer: (&str, &str, &str),
    status: &str,
    parent: Option<&str>,
) -> String {
    let now = now_ms();
    let s = Subscription {
        id: new_id(),
        partner_id: p.id.clone(),
        customer_id: cust.id.clone(),
        offer_id: offer.0.into(),
        offer_name: offer.1.into(),
        quantity: 10,
        term: "P1M".into(),
        billing_cycle: "monthly".into(),
        status: status.into(),
        commerce_type: offer.2.into(),
        parent_id: parent.map(Into::into),
        created_at: now - 20 * DAY_MS,
        updated_at: now - 20 * DAY_MS,
        suspended_at: (status == "suspended").then_some(now - 10 * DAY_MS),
        commitment_end_at: subscription::add_months(now - 20 * DAY_MS, 1),
        auto_renew: true,
        cancel_window_end_at: now - 20 * DAY_MS + subscription::NCE_CANCEL_WINDOW_MS,
    };
    subscription::insert(c, &s).unwrap();
    s.id
}

pub const E3: (&str, &str, &str) = ("m365-e3", "Microsoft 365 E3", "legacy");
pub const E5SEC: (&str, &str, &str) = ("m365-e5-sec", "Microsoft 365 E5 Security", "legacy");
pub const BP: (&str, &str, &str) = ("m365-bp", "Microsoft 365 Business Premium", "new_commerce");
pub const E1: (&str, &str, &str) = ("o365-e1", "Office 365 E1", "legacy");

pub fn add_reservation(c: &mut AnyConnection, p: &Partner, cust: &Customer, name: &str) -> String {
    let r = Reservation {
        id: new_id(),
        partner_id: p.id.clone(),
        customer_id: cust.id.clone(),
        name: name.into(),
        sku: "Standard_D2s_v5".into(),
        region: "westeurope".into(),
        term: "P1Y".into(),
        quantity: 2,
        status: "active".into(),
        created_at: now_ms() - 5 * DAY_MS,
        cancelled_at: None,
    };
    reservation::insert(c, &r).unwrap();
    r.id
}

/// An active Azure savings plan of USD 5.00 an hour for a year, billed monthly, bought 5 days ago.
pub fn add_savings_plan(c: &mut AnyConnection, p: &Partner, cust: &Customer, name: &str) -> String {
    let s = SavingsPlan {
        id: new_id(),
        partner_id: p.id.clone(),
        customer_id: cust.id.clone(),
        name: name.into(),
        commitment_cents: 500,
        currency: "USD".into(),
        term: "P1Y".into(),
        billing: savings_plan::MONTHLY.into(),
        status: "active".into(),
        created_at: now_ms() - 5 * DAY_MS,
        cancelled_at: None,
    };
    savings_plan::insert(c, &s).unwrap();
    s.id
}

pub fn add_software(
    c: &mut AnyConnection,
    p: &Partner,
    cust: &Customer,
    product: &str,
    days_ago: i64,
) -> String {
    let s = SoftwarePurchase {
        id: new_id(),
        partner_id: p.id.clone(),
        customer_id: cust.id.clone(),
        product: product.into(),
        order_id: format!("SW-{}", &new_id()[..8]),
        quantity: 1,
        status: "active".into(),
        created_at: now_ms() - days_ago * DAY_MS,
        cancelled_at: None,
    };
    software::insert(c, &s).unwrap();
    s.id
}

pub fn add_support_contact(c: &mut AnyConnection, p: &Partner, cust: &Customer, sub: &str) {
    support_contact::insert(
        c,
        &SupportContact {
            id: new_id(),
            partner_id: p.id.clone(),
            customer_id: cust.id.clone(),
            subscription_id: sub.into(),
            contact_user_id: None,
            contact_partner_id: None,
            created_at: now_ms(),
        },
    )
    .unwrap();
}

pub fn build(c: &mut AnyConnection) -> World {
    seed::ensure_offers(c).unwrap();
    let alpha = partner(c, "Alpha Partners", PartnerKind::Direct);
    let beta = partner(c, "Beta Partners", PartnerKind::Direct);
    let reseller = partner(c, "Gamma Resellers", PartnerKind::IndirectReseller);
    for (p, domain) in [(&alpha, "alpha.test"), (&beta, "beta.test"), (&reseller, "reseller.test")]
    {
        partner::add_domain(c, &p.id, domain, now_ms()).unwrap();
    }
    for (role, email) in ALPHA_USERS {
        add_user(c, &alpha, email, &[*role]);
    }
    add_user(c, &beta, OTHER_ADMIN, &[Role::GlobalAdmin]);
    add_user(c, &reseller, RESELLER_ADMIN, &[Role::GlobalAdmin]);

    let contoso = add_customer(c, &alpha, "Contoso Ltd", true);
    let contoso_base = add_subscription(c, &alpha, &contoso, E3, "active", None);
    let contoso_addon = add_subscription(c, &alpha, &contoso, E5SEC, "active", Some(&contoso_base));
    let contoso_nce = add_subscription(c, &alpha, &contoso, BP, "active", None);
    let contoso_reservation = add_reservation(c, &alpha, &contoso, "Contoso production VMs");
    let contoso_software = add_software(c, &alpha, &contoso, "SQL Server 2022 Standard", 10);
    add_support_contact(c, &alpha, &contoso, &contoso_base);

    let ready = add_customer(c, &alpha, "Fabrikam Ready", true);
    let ready_sub = add_subscription(c, &alpha, &ready, E1, "suspended", None);
    add_support_contact(c, &alpha, &ready, &ready_sub);

    let reservation_only = add_customer(c, &alpha, "Reservation Only Inc", false);
    let reservation_only_id = add_reservation(c, &alpha, &reservation_only, "Batch cluster");
    let software_only = add_customer(c, &alpha, "Software Only Inc", false);
    let software_only_id =
        add_software(c, &alpha, &software_only, "Windows Server 2022 Standard", 10);
    let old_software = add_customer(c, &alpha, "Old Software Inc", false);
    let old_software_id = add_software(c, &alpha, &old_software, "Visual Studio Professional", 40);

    let beta_customer = add_customer(c, &beta, "Beta Customer GmbH", true);
    let beta_sub = add_subscription(c, &beta, &beta_customer, E1, "active", None);

    let reseller_customer = add_customer(c, &reseller, "Reseller Customer Sp. z o.o.", false);

    World {
        alpha,
        beta,
        reseller,
        contoso,
        contoso_base,
        contoso_addon,
        contoso_nce,
        contoso_reservation,
        contoso_software,
        ready,
        ready_sub,
        reservation_only,
        reservation_only_id,
        software_only,
        software_only_id,
        old_software,
        old_software_id,
        beta_customer,
        beta_sub,
        reseller_customer,
    }
}

/// Makes subscription `id` bought at `at` (UTC ms): its first term and cancellation window
/// follow, as a purchase then would have set them.
pub fn set_bought(c: &mut AnyConnection, id: &str, at: i64) {
    use diesel::prelude::*;
    use partnerdesk::db::schema::subscriptions as s;
    let term: String = s::table.find(id).select(s::term).first(c).unwrap();
    let term = subscription::Term::parse(&term).unwrap();
    let (end, window) = subscription::first_term(at, term);
    diesel::update(s::table.find(id))
        .set((
            s::created_at.eq(at),
            s::commitment_end_at.eq(end),
            s::cancel_window_end_at.eq(window),
        ))
        .execute(c)
        .unwrap();
}

/// The id of the user with this email.
pub fn user_id(c: &mut AnyConnection, email: &str) -> String {
    use diesel::prelude::*;
    use partnerdesk::db::schema::users;
    users::table.filter(users::email.eq(email)).select(users::id).first(c).unwrap()
}

/// A subscription's status as stored.
pub fn subscription_status(c: &mut AnyConnection, id: &str) -> String {
    use diesel::prelude::*;
    use partnerdesk::db::schema::subscriptions;
    subscriptions::table.find(id).select(subscriptions::status).first(c).unwrap()
}

/// A pending relationship request of `p` whose link token is `token`; returns its id.
pub fn add_request(
    c: &mut AnyConnection,
    p: &Partner,
    creator_email: &str,
    token: &str,
    with_dap: bool,
) -> String {
    use partnerdesk::models::relationship_request::{self as rr, RelationshipRequest};
    let created_by = user_id(c, creator_email);
    let now = now_ms();
    let r = RelationshipRequest {
        id: new_id(),
        partner_id: p.id.clone(),
        token_hash: partnerdesk::services::requests::token_hash(token),
        with_dap,
        status: rr::PENDING.into(),
        created_by,
        created_at: now,
        expires_at: now + 30 * DAY_MS,
        customer_id: None,
        accepted_at: None,
        revoked_at: None,
        invited_customer_id: None,
        recipient_name: Some("New Co".into()),
        recipient_email: Some("admin@newco.example".into()),
    };
    rr::insert(c, &r).unwrap();
    r.id
}

/// Admin addresses the tenant tests give the customers' administrators.
pub const CONTOSO_ADMIN: &str = "it@contoso.example";
pub const BETA_CUSTOMER_ADMIN: &str = "it@betacustomer.example";

/// A customer's administrator with the world's password and authenticator (`TOTP_SECRET`),
/// enrolled: signs in at `/tenant/signin` with both steps. Returns the admin's id.
pub fn add_customer_admin(c: &mut AnyConnection, customer: &Customer, email: &str) -> String {
    use partnerdesk::models::customer_admin::{self, CustomerAdmin};
    let now = now_ms();
    let a = CustomerAdmin {
        totp_secret: Some(TOTP_SECRET.into()),
        totp_confirmed_at: Some(now),
        ..CustomerAdmin::new(
            &customer.id,
            email,
            &format!("Admin {email}"),
            hash().into(),
            false,
            now,
        )
    };
    customer_admin::insert(c, &a).unwrap();
    a.id
}
