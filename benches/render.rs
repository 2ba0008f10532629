//! Rendering the Customers page's 50-row table (the htmx fragment a live search returns) and the
//! whole page. Run: `cargo bench --bench render`.

use askama::Template;
use criterion::{Criterion, criterion_group, criterion_main};
use partnerdesk::models::customer::CustomerListRow;
use partnerdesk::views::{CustomersPage, Layout, Nav};

fn page() -> CustomersPage {
    let rows = (0..50)
        .map(|i| CustomerListRow {
            id: format!("7c9e6679-7425-40de-944b-e07fc1f90a{i:02}"),
            company_name: format!("Contoso & Partners {i} Sp. z o.o."),
            primary_domain: format!("contosopartners{i}.onmicrosoft.com"),
            delegated_admin: i % 3 != 0,
            active_subscriptions: i * 7 % 13,
            blocking_subscriptions: i * 7 % 13,
            active_reservations: i % 4 / 3,
            active_software: i % 5 / 4,
            active_savings_plans: i % 6 / 5,
            active_gdap: i % 4 / 3,
            sort_name: format!("contoso & partners {i} sp. z o.o."),
            tenant_id: format!("9a1b2c3d-7425-40de-944b-e07fc1f90a{i:02}"),
        })
        .collect();
    CustomersPage {
        layout: Layout {
            user_name: "Alex Wilber".into(),
            user_roles: vec![partnerdesk::models::role::Role::GlobalAdmin],
            partner_name: "Fabrikam Cloud Solutions".into(),
            csrf_token: "0".repeat(64),
            nav: Nav::Customers,
            toasts: Vec::new(),
            can_manage_users: true,
            can_view_customers: true,
            locale: partnerdesk::i18n::Locale::En,
            path: "/customers".into(),
        },
        l: partnerdesk::i18n::Locale::En,
        rows,
        query: String::new(),
        next_page: Some("/customers?after_name=contoso&after_id=abc".into()),
        first_page: None,
        can_request: true,
        readiness: "",
    }
}

fn bench(c: &mut Criterion) {
    let p = page();
    c.bench_function("customers table, 50 rows (fragment)", |b| {
        b.iter(|| p.as_results().render().unwrap())
    });
    c.bench_function("customers page, 50 rows (whole page)", |b| b.iter(|| p.render().unwrap()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
