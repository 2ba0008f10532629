//! The UI's languages: the Fluent resources of both locales hold the same messages, every key
//! the code uses exists, templates carry no text of their own, Polish plurals, how the locale is
//! chosen, and the header's language switcher.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::world::*;
use common::*;
use partnerdesk::i18n::{Locale, RESOURCES};

/// Message ids and `id.attribute`s of one locale's resources.
fn keys(tag: &str) -> BTreeSet<String> {
    let id = regex::Regex::new(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=").unwrap();
    let attr = regex::Regex::new(r"^\s+\.([a-zA-Z][a-zA-Z0-9_-]*)\s*=").unwrap();
    let mut out = BTreeSet::new();
    for (t, _, source) in RESOURCES.iter().filter(|(t, _, _)| *t == tag) {
        assert_eq!(*t, tag);
        let mut current = String::new();
        for line in source.lines() {
            if let Some(c) = id.captures(line) {
                current = c[1].to_string();
                assert!(out.insert(current.clone()), "{tag}: {current} is defined twice");
            } else if let Some(c) = attr.captures(line) {
                out.insert(format!("{current}.{}", &c[1]));
            }
        }
    }
    out
}

#[test]
fn both_locales_have_the_same_keys() {
    let en = keys("en-US");
    let pl = keys("pl-PL");
    assert!(en.len() > 100, "only {} keys found", en.len());
    let only_en: Vec<_> = en.difference(&pl).collect();
    let only_pl: Vec<_> = pl.difference(&en).collect();
    assert!(only_en.is_empty(), "keys missing in pl-PL: {only_en:?}");
    assert!(only_pl.is_empty(), "keys missing in en-US: {only_pl:?}");
    for key in &en {
        for l in Locale::ALL {
            assert!(l.has(key), "{key} does not resolve in {}", l.tag());
        }
    }
    // The same files in both locales.
    let files = |tag: &str| {
        RESOURCES.iter().filter(|(t, _, _)| *t == tag).map(|(_, f, _)| *f).collect::<Vec<_>>()
    };
    assert_eq!(files("en-US"), files("pl-PL"));
}

/// The source text of each message value and attribute of one locale, by key (`id` or
/// `id.attribute`), with its continuation lines.
fn texts(tag: &str) -> BTreeMap<String, String> {
    let id = regex::Regex::new(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=(.*)$").unwrap();
    let attr = regex::Regex::new(r"^\s+\.([a-zA-Z][a-zA-Z0-9_-]*)\s*=(.*)$").unwrap();
    let mut out = BTreeMap::new();
    for (_, _, source) in RESOURCES.iter().filter(|(t, _, _)| *t == tag) {
        let mut current: Option<(String, String)> = None;
        let mut message = String::new();
        for line in source.lines() {
            if let Some(c) = id.captures(line) {
                message = c[1].to_string();
            }
            let started =
                id.captures(line).map(|c| (message.clone(), c[2].to_string())).or_else(|| {
                    attr.captures(line).map(|c| (format!("{message}.{}", &c[1]), c[2].to_string()))
                });
            if let Some(next) = started {
                out.extend(current.replace(next));
            } else if line.starts_with('#') {
                out.extend(current.take());
            } else if let Some((_, text)) = current.as_mut() {
                text.push('\n');
                text.push_str(line);
            }
        }
        out.extend(current);
    }
    out.into_iter().map(|(k, v)| (k, v.trim().to_string())).collect()
}

/// Polish messages that are rightly the English text, each with the reason. Everything else
/// a Polish reader sees is Polish.
const SAME_IN_POLISH: &[(&str, &str)] = &[
    ("app-name", "the product's name"),
    ("page-title", "the page's own title and the product's name, no words of its own"),
    ("language-en-US", "each language is named in itself, so that its readers find it"),
    ("language-pl-PL", "each language is named in itself, so that its readers find it"),
    ("col-sku", "SKU is the abbreviation Partner Center uses in Polish too"),
    ("col-region", "„Region” is the Polish word too (Azure regions)"),
    ("account-contact-user", "a person's name and the partner's name, no words"),
    ("activity-user-choice", "a person's name and email address, no words"),
    ("requests-link", "„Link” is the Polish word too"),
    ("invitation-domain-placeholder", "an example domain name"),
    ("invitation-country-placeholder", "an ISO 3166-1 country code"),
    ("badge-gdap", "GDAP is Partner Center's name in Polish too, and the count a number"),
];

#[test]
fn every_polish_message_is_translated_but_the_reviewed_few() {
    let en = texts("en-US");
    let pl = texts("pl-PL");
    assert!(en.len() > 300 && pl.len() == en.len(), "{} and {} texts", en.len(), pl.len());
    for (key, reason) in SAME_IN_POLISH {
        assert!(!reason.is_empty());
        assert_eq!(en.get(*key), pl.get(*key), "{key} differs now: take it off SAME_IN_POLISH");
    }
    let same: Vec<_> = en
        .iter()
        .filter(|(k, v)| pl.get(*k) == Some(v))
        .map(|(k, _)| k.as_str())
        .filter(|k| !SAME_IN_POLISH.iter().any(|(allowed, _)| allowed == k))
        .collect();
    assert!(same.is_empty(), "Polish text equal to the English one: {same:?}");
}

#[test]
fn the_translation_check_reads_whole_messages() {
    let pl = texts("pl-PL");
    assert_eq!(pl["requests-link"], "Link:");
    // A multi-line message, with its variants.
    assert!(pl["count-subscriptions"].contains("[few] { $count } subskrypcje"));
    assert!(pl["invitation-draft"].starts_with("Dzień dobry,"));
    assert!(pl["invitation-draft"].ends_with("{ $partner }"));
    // The comment after a message is not part of it.
    assert!(!pl["skip-to-content"].contains('#'));
}

fn files_under(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// String literals in src/ that look like keys but are not (none today).
const NOT_KEYS: &[&str] = &[];

#[test]
fn every_key_the_code_uses_exists() {
    let en = keys("en-US");
    let mut used = BTreeSet::new();
    let in_templates = regex::Regex::new(r#"\bt[123]?\("([^"]+)""#).unwrap();
    for (path, text) in files_under("templates", "html") {
        for c in in_templates.captures_iter(&text) {
            used.insert((path.clone(), c[1].to_string()));
        }
    }
    let in_src = [
        regex::Regex::new(r#"Msg::new\(\s*"([^"]+)""#).unwrap(),
        regex::Regex::new(r#"\.t[123]?\("([^"]+)""#).unwrap(),
        regex::Regex::new(r#"=> "((?:blocker|denied|action|error|toast|signin)-[a-z0-9-]+)""#)
            .unwrap(),
        regex::Regex::new(r#"^\s*"((?:blocker|denied|action|error|toast|signin)-[a-z0-9-]+)","#)
            .unwrap(),
        regex::Regex::new(r#"const [A-Z_]+: &str = "([a-z]+-[a-z0-9-]+)";"#).unwrap(),
    ];
    for (path, text) in files_under("src", "rs") {
        for re in &in_src {
            for line in text.lines() {
                for c in re.captures_iter(line) {
                    used.insert((path.clone(), c[1].to_string()));
                }
            }
        }
    }
    // Any other string literal in src/ shaped like a key of ours (its first word starts some
    // defined key) must be one.
    let prefixes: BTreeSet<&str> =
        en.iter().filter_map(|k| k.split_once('-').map(|(p, _)| p)).collect();
    let literal = regex::Regex::new(r#""([a-z][a-z0-9]*(?:-[a-z0-9_]+)+)""#).unwrap();
    for (path, text) in files_under("src", "rs") {
        for c in literal.captures_iter(&text) {
            let key = &c[1];
            let prefix = key.split('-').next().unwrap();
            if prefixes.contains(prefix) && !NOT_KEYS.contains(&key) {
                used.insert((path.clone(), key.to_string()));
            }
        }
    }
    assert!(used.len() > 100, "only {} uses found", used.len());
    let missing: Vec<_> = used.iter().filter(|(_, k)| !en.contains(k)).collect();
    assert!(missing.is_empty(), "keys used but not defined: {missing:?}");

    // Labels of stored values, looked up by `key()`.
    use partnerdesk::models::partner::PartnerKind;
    use partnerdesk::models::role::Role;
    use partnerdesk::models::subscription::{CommerceType, SubscriptionStatus, Term};
    let enum_keys: Vec<&str> = Role::ALL
        .iter()
        .map(|r| r.key())
        .chain(PartnerKind::ALL.iter().map(|k| k.key()))
        .chain(SubscriptionStatus::ALL.iter().map(|k| k.key()))
        .chain(CommerceType::ALL.iter().map(|k| k.key()))
        .chain(Term::ALL.iter().map(|k| k.key()))
        .collect();
    for k in enum_keys {
        assert!(en.contains(k), "no label for {k}");
    }
    for (code, _) in partnerdesk::views::activity::OPERATIONS {
        assert!(en.contains(&format!("op-{code}")), "no label for operation {code}");
    }
}

/// Templates whose text is not yet in the resources (to be moved; the test fails once one of
/// them has none left, so the list only shrinks).
const NOT_YET_TRANSLATED: &[&str] = &[];

/// What a person can read in a template, once markup, askama code and invisible attributes are
/// gone: text between tags and the visible attributes.
fn visible_literals(template: &str) -> Vec<String> {
    let code = regex::Regex::new(r"(?s)\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}").unwrap();
    let without_code = code.replace_all(template, "\u{1}");
    let tag = regex::Regex::new(r"(?s)<[^>]*>").unwrap();
    let visible_attr =
        regex::Regex::new(r#"(?:\s)(title|placeholder|aria-label|alt|hx-confirm|label)="([^"]*)""#)
            .unwrap();
    let button_value =
        regex::Regex::new(r#"(?s)<input[^>]*type="(?:submit|button)"[^>]*>"#).unwrap();
    let value = regex::Regex::new(r#"\svalue="([^"]*)""#).unwrap();
    let mut out = Vec::new();
    for t in tag.find_iter(&without_code) {
        for c in visible_attr.captures_iter(t.as_str()) {
            out.push(c[2].to_string());
        }
        if button_value.is_match(t.as_str())
            && let Some(c) = value.captures(t.as_str())
        {
            out.push(c[1].to_string());
        }
    }
    out.extend(tag.split(&without_code).map(str::to_string));
    out.into_iter()
        .map(|s| s.replace('\u{1}', " ").replace("PartnerDesk", " "))
        .filter(|s| s.chars().any(char::is_alphabetic))
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn templates_hold_no_text_of_their_own() {
    let mut offenders = Vec::new();
    for (path, text) in files_under("templates", "html") {
        let name = path.trim_start_matches("templates/");
        let found = visible_literals(&text);
        let pending = NOT_YET_TRANSLATED.contains(&name);
        if pending {
            assert!(!found.is_empty(), "{name} has no text left: take it off NOT_YET_TRANSLATED");
        } else if !found.is_empty() {
            offenders.push((name.to_string(), found));
        }
    }
    assert!(offenders.is_empty(), "text outside the resources: {offenders:#?}");
}

#[test]
fn the_literal_text_check_sees_text_and_visible_attributes() {
    assert_eq!(visible_literals("<p>Hello {{ name }}</p>"), vec!["Hello"]);
    assert_eq!(visible_literals(r#"<input placeholder="Search">"#), vec!["Search"]);
    assert_eq!(visible_literals(r#"<input type="submit" value="Go">"#), vec!["Go"]);
    assert!(visible_literals(r#"<input type="hidden" name="x" value="account">"#).is_empty());
    assert!(
        visible_literals(r#"<a class="btn" href="/x">{{ l.t("k") }}</a>{# note #}"#).is_empty()
    );
    assert!(visible_literals("{% if a %}<b>{{ x }}</b>{% endif %} · PartnerDesk").is_empty());
}

#[test]
fn polish_plurals_have_three_forms() {
    let n = |count: i64| Locale::Pl.t1("count-subscriptions", "count", count);
    assert_eq!(n(1), "1 subskrypcja");
    assert_eq!(n(2), "2 subskrypcje");
    assert_eq!(n(4), "4 subskrypcje");
    assert_eq!(n(5), "5 subskrypcji");
    assert_eq!(n(12), "12 subskrypcji");
    assert_eq!(n(22), "22 subskrypcje");
    assert_eq!(n(25), "25 subskrypcji");
    assert_eq!(n(0), "0 subskrypcji");
    let e = |count: i64| Locale::En.t1("count-subscriptions", "count", count);
    assert_eq!(e(1), "1 subscription");
    assert_eq!(e(22), "22 subscriptions");
}

#[test]
fn numbers_and_dates_follow_the_locale() {
    assert_eq!(Locale::Pl.number(1234.0), "1234");
    assert_eq!(Locale::Pl.number(12345.0), "12\u{a0}345");
    assert_eq!(Locale::Pl.number(1234567.5), "1\u{a0}234\u{a0}567,5");
    assert_eq!(Locale::En.number(12345.0), "12345");
    // 2026-11-25 16:30 UTC
    let ms = 1_795_624_200_000;
    assert_eq!(Locale::Pl.date(ms), "25.11.2026");
    assert_eq!(Locale::Pl.datetime(ms), "25.11.2026, 16:30 UTC");
    assert_eq!(Locale::En.date(ms), "Nov 25, 2026");
    assert_eq!(Locale::En.datetime(ms), "Nov 25, 2026, 16:30 UTC");
    // 2027-01-03 09:05 UTC: leading zeros in Polish days and months and in times, not in
    // English days.
    let ms = 1_798_967_100_000;
    assert_eq!(Locale::Pl.datetime(ms), "03.01.2027, 09:05 UTC");
    assert_eq!(Locale::En.datetime(ms), "Jan 3, 2027, 09:05 UTC");
    // Large numbers inside messages are formatted too.
    assert_eq!(
        Locale::Pl.t1("error-quantity-range", "max", 100_000),
        "Liczba musi być liczbą całkowitą od 1 do 100\u{a0}000."
    );
}

/// What a reader sees of a page: its text between tags (the `datetime` attributes hold ISO
/// times for machines).
fn page_text(html: &str) -> String {
    let tag = regex::Regex::new(r"(?s)<[^>]*>").unwrap();
    tag.replace_all(html, "\n").into_owned()
}

#[actix_web::test]
async fn dates_and_times_have_one_form_per_language_on_every_page() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let account = format!("/customers/{}/account", w.contoso.id);
    let subscription = format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_base);
    let iso_day = regex::Regex::new(r"\b\d{4}-\d\d-\d\d\b").unwrap();
    let us_day = regex::Regex::new(r"\b\d\d?/\d\d?/\d{4}\b").unwrap();
    for (lang, day, time) in [
        ("en-US", r"[A-Z][a-z]{2} \d{1,2}, \d{4}", r"[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d UTC"),
        ("pl-PL", r"\d\d\.\d\d\.\d{4}", r"\d\d\.\d\d\.\d{4}, \d\d:\d\d UTC"),
    ] {
        post(&app, &mut b, "/locale", &[("locale", lang), ("back", "/customers")]).await;
        let day_cell = regex::Regex::new(&format!("<dd>{day}</dd>")).unwrap();
        let time_cell = regex::Regex::new(&format!("<dd>{time}</dd>")).unwrap();
        let logged = regex::Regex::new(&format!(
            r#"<time datetime="\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ" data-local>{time}</time>"#
        ))
        .unwrap();

        let page = get(&app, &mut b, &account).await;
        page.assert_status(200);
        assert!(day_cell.is_match(&page.body), "{lang}: no day like {day} on the Account page");
        let page = get(&app, &mut b, &subscription).await;
        page.assert_status(200);
        assert!(time_cell.is_match(&page.body), "{lang}: no time like {time} on a subscription");
        let page = get(&app, &mut b, "/activity").await;
        page.assert_status(200);
        assert!(logged.is_match(&page.body), "{lang}: no time like {time} in the activity log");

        for path in [&account, &subscription] {
            let text = page_text(&get(&app, &mut b, path).await.body);
            assert!(!iso_day.is_match(&text), "{lang}: an ISO day on {path}");
            assert!(!us_day.is_match(&text), "{lang}: an m/d/y day on {path}");
        }
    }
}

#[test]
fn polish_sentences_agree_with_their_numbers() {
    let pl = Locale::Pl;
    let days = |n: i64| pl.t2("subscription-cancel-window", "until", "x", "days", n);
    assert!(days(1).ends_with("(pozostał 1 dzień)."), "{}", days(1));
    assert!(days(4).ends_with("(pozostały 4 dni)."), "{}", days(4));
    assert!(days(5).ends_with("(pozostało 5 dni)."), "{}", days(5));
    assert!(days(22).ends_with("(pozostały 22 dni)."), "{}", days(22));

    let billed = |n: i64| pl.t1("offboarding-still-billed", "count", n);
    assert!(billed(1).contains("jedna należy") && billed(1).contains("jest ona nadal rozliczana"));
    assert!(billed(3).contains("3 należą") && billed(3).contains("są one nadal rozliczane"));
    assert!(billed(5).contains("5 należy") && billed(5).contains("są one nadal rozliczane"));

    let caption = |n: i64| pl.t2("account-activity-caption", "count", n, "name", "Contoso");
    assert_eq!(caption(1), "Najnowszy wpis dziennika aktywności klienta Contoso");
    assert_eq!(caption(3), "3 najnowsze wpisy dziennika aktywności klienta Contoso");
    assert_eq!(caption(20), "20 najnowszych wpisów dziennika aktywności klienta Contoso");
    let en = |n: i64| Locale::En.t2("account-activity-caption", "count", n, "name", "Contoso");
    assert_eq!(en(1), "The newest activity-log record for Contoso");
    assert_eq!(en(20), "The 20 newest activity-log records for Contoso");

    // Limits in characters and days, whatever their value.
    let chars = |n: i64| pl.t1("password-error-long", "max", n);
    assert_eq!(chars(1), "Hasło może mieć najwyżej 1 znak.");
    assert_eq!(chars(254), "Hasło może mieć najwyżej 254 znaki.");
    assert_eq!(chars(128), "Hasło może mieć najwyżej 128 znaków.");
    let window = |n: i64| pl.t2("error-software-window", "days", n, "date", "x");
    assert!(window(1).contains("w ciągu 1 dnia;") && window(30).contains("w ciągu 30 dni;"));
    let expires = |n: i64| pl.t1("requests-copy-now", "days", n);
    assert!(expires(1).ends_with("po 1 dniu.") && expires(14).ends_with("po 14 dniach."));

    // The offboarding button names only what it does.
    let submit = |l: Locale, suspend: i64, cancel: i64| {
        l.t2("offboarding-submit", "suspend", suspend, "cancel", cancel)
    };
    assert_eq!(submit(Locale::Pl, 1, 0), "Wstrzymaj tę subskrypcję");
    assert_eq!(submit(Locale::Pl, 3, 0), "Wstrzymaj te subskrypcje");
    assert_eq!(submit(Locale::Pl, 0, 2), "Anuluj wszystkie wymienione pozycje");
    assert_eq!(submit(Locale::Pl, 2, 1), "Wstrzymaj i anuluj wszystkie wymienione pozycje");
    assert_eq!(submit(Locale::En, 1, 0), "Suspend this subscription");
    assert_eq!(submit(Locale::En, 2, 0), "Suspend these subscriptions");
    assert_eq!(submit(Locale::En, 0, 1), "Cancel all of this");
    assert_eq!(submit(Locale::En, 1, 1), "Suspend and cancel all of this");

    // Roles named in a sentence are common nouns, in the case the sentence needs.
    assert_eq!(pl.t("denied-remove-relationship"), "Wymaga roli administratora globalnego.");

    let billed = |l: Locale| {
        l.t2("subscription-term-billed", "term", l.t("Term-P1Y"), "cycle", l.t("billing-annual"))
    };
    assert_eq!(billed(Locale::En), "1 year, billed annually");
    assert_eq!(billed(Locale::Pl), "1 rok, rozliczenie roczne");
}

#[test]
fn accept_language_is_negotiated_with_q_values() {
    assert_eq!(Locale::negotiate("pl"), Some(Locale::Pl));
    assert_eq!(Locale::negotiate("pl-PL,pl;q=0.9,en;q=0.8"), Some(Locale::Pl));
    assert_eq!(Locale::negotiate("en-GB,en;q=0.9,pl;q=0.8"), Some(Locale::En));
    assert_eq!(Locale::negotiate("en;q=0.5, pl;q=0.9"), Some(Locale::Pl));
    assert_eq!(Locale::negotiate("de-DE, pl;q=0.1"), Some(Locale::Pl));
    assert_eq!(Locale::negotiate("pl;q=0, en;q=0.2"), Some(Locale::En));
    assert_eq!(Locale::negotiate("de, fr;q=0.8"), None);
    assert_eq!(Locale::negotiate("*"), None);
    assert_eq!(Locale::negotiate(""), None);
}

async fn get_with_language<S, B>(app: &S, b: &mut Browser, path: &str, lang: &str) -> Resp
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let req =
        actix_web::test::TestRequest::get().uri(path).insert_header(("Accept-Language", lang));
    send(app, b, req).await
}

#[actix_web::test]
async fn anonymous_pages_follow_accept_language() {
    let (_env, _, app) = Env::with_app().await;
    let mut b = Browser::default();
    let r = get_with_language(&app, &mut b, "/signin", "pl-PL,pl;q=0.9,en;q=0.8").await;
    r.assert_status(200).assert_contains(r#"<html lang="pl">"#).assert_contains("Zaloguj się");
    let r = get_with_language(&app, &mut b, "/signin", "en;q=0.5, pl;q=0.9").await;
    r.assert_contains(r#"<html lang="pl">"#);
    let r = get_with_language(&app, &mut b, "/signin", "de-DE").await;
    r.assert_contains(r#"<html lang="en">"#).assert_contains("Sign in with your partner account.");
    let r = get(&app, &mut b, "/signin").await;
    r.assert_contains(r#"<html lang="en">"#);
    let vary: Vec<_> = r.headers.get_all("vary").filter_map(|v| v.to_str().ok()).collect();
    assert!(vary.iter().any(|v| v.contains("Accept-Language")), "Vary: {vary:?}");
    // The public invitation page and anonymous error pages too.
    let r = get_with_language(&app, &mut b, "/invitations/not-a-token", "pl").await;
    r.assert_status(404).assert_contains(r#"<html lang="pl">"#);
    let r = get_with_language(&app, &mut b, "/healthz/nothing-here", "pl").await;
    assert!(r.status.as_u16() == 404 || r.status.as_u16() == 303, "{}", r.status);
}

#[actix_web::test]
async fn the_switcher_saves_the_choice_which_wins_over_accept_language() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;

    // Without a saved choice the browser's language counts.
    let r = get_with_language(&app, &mut b, "/customers", "pl").await;
    r.assert_status(200).assert_contains(r#"<html lang="pl">"#).assert_contains("Klienci");
    let r = get_with_language(&app, &mut b, "/customers", "en-US").await;
    r.assert_contains(r#"<html lang="en">"#).assert_contains("Customers");

    // Switching to Polish returns to the page it was sent from.
    let back = format!("/customers/{}/account", w.contoso.id);
    let r = post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", &back)]).await;
    r.assert_status(303);
    assert_eq!(r.location(), Some(back.as_str()));
    {
        use diesel::prelude::*;
        use partnerdesk::db::schema::{audit_log, users};
        let mut c = env.conn();
        let saved: Option<String> = users::table
            .filter(users::email.eq(GLOBAL_ADMIN))
            .select(users::locale)
            .first(&mut *c)
            .unwrap();
        assert_eq!(saved.as_deref(), Some("pl-PL"));
        let audited: Vec<(Option<String>, Option<String>)> = audit_log::table
            .filter(audit_log::operation.eq("update_user_locale"))
            .select((audit_log::old_value, audit_log::new_value))
            .load(&mut *c)
            .unwrap();
        assert_eq!(
            audited,
            [(Some("locale: none".to_string()), Some("locale: pl-PL".to_string()))]
        );
    }
    // The saved choice wins over Accept-Language.
    let r = get_with_language(&app, &mut b, &back, "en-US,en;q=0.9").await;
    r.assert_status(200).assert_contains(r#"<html lang="pl">"#).assert_contains("Konto");
    // And back to English, even for a browser that asks for Polish.
    let r = post(&app, &mut b, "/locale", &[("locale", "en-US"), ("back", "/customers")]).await;
    r.assert_status(303);
    let r = get_with_language(&app, &mut b, "/customers", "pl").await;
    r.assert_contains(r#"<html lang="en">"#).assert_contains("Customers");
}

#[actix_web::test]
async fn the_switcher_refuses_bad_values_foreign_destinations_and_forgeries() {
    let (env, _, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let before = snapshot(&mut env.conn());

    // Without the CSRF token: refused, nothing saved.
    let req = actix_web::test::TestRequest::post()
        .uri("/locale")
        .set_form([("locale", "pl-PL"), ("back", "/customers")]);
    let r = send(&app, &mut b, req).await;
    r.assert_status(403);
    assert_eq!(before, snapshot(&mut env.conn()));

    // An unknown locale: 422 with a sentence.
    for bad in ["de-DE", "pl", "", "PL-pl", "<script>"] {
        let r = post(&app, &mut b, "/locale", &[("locale", bad), ("back", "/customers")]).await;
        r.assert_status(422).assert_contains("Choose a language from the list");
    }
    assert_eq!(before, snapshot(&mut env.conn()));

    // Never a redirect to another site.
    for foreign in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "evil.example",
        "javascript:alert(1)",
        "/x\r\nLocation: https://evil.example/",
        "https://partnerdesk.test/customers",
        "http://localhost:8080/customers",
        "/customers\u{2215}\u{2215}evil.example",
        "/x y",
    ] {
        let r = post(&app, &mut b, "/locale", &[("locale", "en-US"), ("back", foreign)]).await;
        r.assert_status(303);
        assert_eq!(r.location(), Some("/"), "back={foreign:?}");
    }
    let r = post(&app, &mut b, "/locale", &[("locale", "en-US"), ("back", "/customers?q=a")]).await;
    assert_eq!(r.location(), Some("/customers?q=a"));
}

/// The host the tests' browser talks to.
/// The return path the header's language switcher carries on a page.
fn switcher_back(body: &str) -> String {
    let start = body
        .find(r#"<form class="locale-switcher""#)
        .unwrap_or_else(|| panic!("no language switcher in:\n{body}"));
    let form = &body[start..start + body[start..].find("</form>").unwrap()];
    let re = regex::Regex::new(r#"name="back" value="([^"]*)""#).unwrap();
    re.captures(form).unwrap_or_else(|| panic!("no return path in {form}"))[1]
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

#[actix_web::test]
async fn the_switcher_returns_from_a_page_answering_a_post_to_the_page_it_was_sent_from() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let sub_page = format!("/customers/{}/subscriptions/{}", w.ready.id, w.ready_sub);
    let status = format!("{sub_page}/status");

    // A plain form: suspending a subscription that is already suspended answers the POST with
    // the subscription's page (409). The browser sent it from the subscription's page.
    let referer = format!("http://{HOST}{sub_page}");
    let r = post_with(&app, &mut b, &status, &[("status", "suspended")], &[("Referer", &referer)])
        .await;
    r.assert_status(409).assert_contains("already suspended");
    assert_eq!(switcher_back(&r.body), sub_page);
    // Switching the language there returns to that page, which then speaks Polish.
    let s =
        post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", &switcher_back(&r.body))])
            .await;
    s.assert_status(303);
    assert_eq!(s.location(), Some(sub_page.as_str()));
    get(&app, &mut b, &sub_page).await.assert_status(200).assert_contains(r#"<html lang="pl">"#);

    // The same refusal sent from the Account page (its "Prepare for removal" panel) returns
    // there; the query stays, the fragment does not.
    let account = format!("/customers/{}/account", w.ready.id);
    let referer = format!("http://{HOST}{account}?tab=1&x=2");
    let r = post_with(
        &app,
        &mut b,
        &status,
        &[("status", "suspended"), ("back", "account")],
        &[("Referer", &referer)],
    )
    .await;
    r.assert_status(409);
    assert_eq!(switcher_back(&r.body), format!("{account}?tab=1&x=2"));

    // A boosted htmx form: the page the browser showed (HX-Current-URL) counts.
    let current = format!("http://{HOST}{account}#prepare");
    let r = post_with(
        &app,
        &mut b,
        &status,
        &[("status", "suspended"), ("back", "account")],
        &[("HX-Request", "true"), ("HX-Boosted", "true"), ("HX-Current-URL", &current)],
    )
    .await;
    r.assert_status(409).assert_contains("<html");
    assert_eq!(switcher_back(&r.body), account);

    // A form answered with its own page again: the password form's 422.
    let r = post_with(
        &app,
        &mut b,
        "/password",
        &[
            ("current_password", "x"),
            ("new_password", "long enough 1"),
            ("confirm_password", "long enough 2"),
        ],
        &[("Referer", &format!("http://{HOST}/password"))],
    )
    .await;
    r.assert_status(422);
    assert_eq!(switcher_back(&r.body), "/password");

    // A GET page still returns to itself.
    let r = get(&app, &mut b, "/customers?q=con").await;
    assert_eq!(switcher_back(&r.body), "/customers?q=con");
}

#[actix_web::test]
async fn a_page_answering_a_post_never_returns_to_another_site() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let status = format!("/customers/{}/subscriptions/{}/status", w.ready.id, w.ready_sub);
    let foreign = [
        "https://evil.example/customers",
        "http://evil.example/",
        // The site is http://{HOST}: another scheme or port is another site.
        &format!("https://{HOST}/customers"),
        &format!("http://{HOST}:8080/customers"),
        &format!("https://{HOST}.evil.example/customers"),
        &format!("https://{HOST}@evil.example/customers"),
        &format!("https://evil.example/{HOST}/customers"),
        &format!("//{HOST}/customers"),
        "/customers",
        &format!("javascript://{HOST}/%0Aalert(1)"),
        &format!("http://{HOST}//evil.example/"),
        &format!("http://{HOST}/\\evil.example"),
        "",
    ];
    for url in foreign {
        let plain = [("Referer", url)];
        let boosted = [("HX-Request", "true"), ("HX-Boosted", "true"), ("HX-Current-URL", url)];
        for headers in [&plain[..], &boosted[..]] {
            let r = post_with(&app, &mut b, &status, &[("status", "suspended")], headers).await;
            r.assert_status(409);
            assert_eq!(switcher_back(&r.body), "/", "{headers:?}");
        }
    }
    // No Referer at all: the start page.
    let r = post_with(&app, &mut b, &status, &[("status", "suspended")], &[]).await;
    assert_eq!(switcher_back(&r.body), "/");
}

#[actix_web::test]
async fn polish_pages_speak_partner_center_vocabulary() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/customers")]).await;

    let list = get(&app, &mut b, "/customers").await;
    list.assert_status(200)
        .assert_contains("<title>Klienci · PartnerDesk</title>")
        .assert_contains("Administrator globalny");
    let subs = get(&app, &mut b, &format!("/customers/{}/subscriptions", w.contoso.id)).await;
    subs.assert_status(200).assert_contains("Subskrypcje").assert_contains("Konto");
    let suspended = get(&app, &mut b, &format!("/customers/{}/subscriptions", w.ready.id)).await;
    suspended.assert_contains(">Wstrzymana<");
    let account = get(&app, &mut b, &format!("/customers/{}/account", w.contoso.id)).await;
    account.assert_status(200).assert_contains("Usuń relację odsprzedawcy");
    let lower = account.body.to_lowercase();
    assert!(lower.contains("delegowane uprawnienia administratora"));
    assert!(lower.contains("kontakty pomocy technicznej"));
    // Dates in the Polish form.
    let date = regex::Regex::new(r"\b\d{2}\.\d{2}\.\d{4}\b").unwrap();
    assert!(date.is_match(&account.body), "no dd.mm.yyyy date on the Account page");

    // A service refusal, translated at the edge: reactivating after removal.
    let ready = w.ready.id.clone();
    let r = post(&app, &mut b, &format!("/customers/{ready}/remove-relationship"), &[]).await;
    r.assert_status(303);
    let page = get(&app, &mut b, "/customers").await;
    page.assert_contains("Usunięto relację odsprzedawcy");
    let r = post(
        &app,
        &mut b,
        &format!("/customers/{ready}/subscriptions/{}/status", w.ready_sub),
        &[("status", "active")],
    )
    .await;
    r.assert_status(409).assert_contains("Zakupy dla tego klienta są zablokowane");
}

#[actix_web::test]
async fn errors_toasts_csv_and_invitations_are_translated() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/customers")]).await;

    // An error page inside the layout, and an htmx refusal as a toast.
    let r = get(&app, &mut b, "/customers/no-such-customer/account").await;
    r.assert_status(404)
        .assert_contains(r#"<html lang="pl">"#)
        .assert_contains("Ta strona nie istnieje lub nie ma do niej dostępu.");
    let r = hx_post(
        &app,
        &mut b,
        &format!("/customers/{}/subscriptions/{}/status", w.ready.id, w.ready_sub),
        &[("status", "suspended")],
    )
    .await;
    r.assert_status(409).assert_contains("Ta subskrypcja jest już wstrzymana.");

    // The CSV export's headers; the stored codes stay as they are.
    let csv = get(&app, &mut b, "/activity.csv?from=").await;
    csv.assert_status(200);
    assert!(
        csv.body.starts_with("Czas (UTC),Klient,Identyfikator klienta,Operacja,Kod operacji,"),
        "{}",
        &csv.body[..csv.body.len().min(200)]
    );
    assert!(csv.body.contains("update_user_locale"), "the operation code is stored as is");

    // The invitation draft is written in the user's language.
    let form = [
        ("delegated_admin", "on"),
        ("recipient_name", "Nowa Sp. z o.o."),
        ("recipient_email", "admin@newco.example"),
    ];
    let page = post(&app, &mut b, "/relationship-requests", &form).await;
    page.assert_contains("Dzień dobry,")
        .assert_contains("delegowane uprawnienia administratora w Państwa dzierżawie");

    // An anonymous error page follows Accept-Language.
    let mut anon = Browser::default();
    let r = get_with_language(&app, &mut anon, "/invitations/not-a-token", "pl").await;
    r.assert_status(404).assert_contains("Ten link zaproszenia jest nieprawidłowy.");
}
