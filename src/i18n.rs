//! The UI's languages: English (the default) and Polish. Every user-visible sentence comes from
//! the Fluent resources under `locales/`, compiled into the binary and parsed once. A request's
//! locale is the signed-in user's saved choice, else the browser's `Accept-Language`, else
//! English. Dates, times and numbers are formatted here too, per locale.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The resources of each locale, by file name: the same files in both (a test checks that every
/// message and attribute of one exists in the other).
pub const RESOURCES: &[(&str, &str, &str)] = &[
    ("en-US", "common.ftl", include_str!("../locales/en-US/common.ftl")),
    ("en-US", "pages.ftl", include_str!("../locales/en-US/pages.ftl")),
    ("en-US", "errors.ftl", include_str!("../locales/en-US/errors.ftl")),
    ("pl-PL", "common.ftl", include_str!("../locales/pl-PL/common.ftl")),
    ("pl-PL", "pages.ftl", include_str!("../locales/pl-PL/pages.ftl")),
    ("pl-PL", "errors.ftl", include_str!("../locales/pl-PL/errors.ftl")),
];

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "en-US")]
    En,
    #[serde(rename = "pl-PL")]
    Pl,
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| [bundle(Locale::En), bundle(Locale::Pl)]);

fn bundle(locale: Locale) -> Bundle {
    let id: unic_langid::LanguageIdentifier =
        locale.tag().parse().expect("the locale tags are valid");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    b.set_formatter(Some(match locale {
        Locale::En => format_value_en,
        Locale::Pl => format_value_pl,
    }));
    for (tag, name, source) in RESOURCES {
        if *tag != locale.tag() {
            continue;
        }
        let res = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, e)| panic!("locales/{tag}/{name} does not parse: {e:?}"));
        b.add_resource(res).unwrap_or_else(|e| panic!("locales/{tag}/{name}: {e:?}"));
    }
    b
}

fn format_value_en<M>(v: &FluentValue, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(Locale::En.number(n.value)),
        _ => None,
    }
}

fn format_value_pl<M>(v: &FluentValue, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(Locale::Pl.number(n.value)),
        _ => None,
    }
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Pl];

    /// The BCP 47 tag, also the value stored for a user's preference.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Pl => "pl-PL",
        }
    }

    /// The `<html lang>` value.
    pub fn lang(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
        }
    }

    /// The key of the language's own name, for the switcher.
    pub fn name_key(self) -> &'static str {
        match self {
            Locale::En => "language-en-US",
            Locale::Pl => "language-pl-PL",
        }
    }

    /// A stored or submitted tag: exactly one of ours.
    pub fn parse(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.tag() == tag)
    }

    /// The best of ours for an `Accept-Language` header (q-values respected), if any fits.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut wanted: Vec<(f32, usize, Locale)> = Vec::new();
        for (i, part) in accept_language.split(',').enumerate().take(32) {
            let mut pieces = part.split(';');
            let range = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let mut q = 1.0f32;
            for p in pieces {
                if let Some(v) = p.trim().strip_prefix("q=") {
                    q = v.trim().parse().unwrap_or(0.0);
                }
            }
            if q.is_nan() || q <= 0.0 {
                continue;
            }
            let primary = range.split('-').next().unwrap_or("");
            let found = match primary {
                "pl" => Locale::Pl,
                "en" => Locale::En,
                _ => continue,
            };
            wanted.push((q, i, found));
        }
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        wanted.first().map(|w| w.2)
    }

    fn bundle(self) -> &'static Bundle {
        &BUNDLES[self as usize]
    }

    /// Whether the message (or `message.attribute`) exists.
    pub fn has(self, key: &str) -> bool {
        let (id, attr) = split_key(key);
        let Some(msg) = self.bundle().get_message(id) else { return false };
        match attr {
            None => msg.value().is_some(),
            Some(a) => msg.get_attribute(a).is_some(),
        }
    }

    /// The message `key` (or `message.attribute`) with no arguments.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl Arg) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), value.value(*self));
        self.format(key, Some(&args))
    }

    /// The message with two arguments.
    pub fn t2(&self, key: &str, n1: &str, v1: impl Arg, n2: &str, v2: impl Arg) -> String {
        let mut args = FluentArgs::new();
        args.set(n1.to_string(), v1.value(*self));
        args.set(n2.to_string(), v2.value(*self));
        self.format(key, Some(&args))
    }

    /// The message with three arguments.
    #[allow(clippy::too_many_arguments)]
    pub fn t3(
        &self,
        key: &str,
        n1: &str,
        v1: impl Arg,
        n2: &str,
        v2: impl Arg,
        n3: &str,
        v3: impl Arg,
    ) -> String {
        let mut args = FluentArgs::new();
        args.set(n1.to_string(), v1.value(*self));
        args.set(n2.to_string(), v2.value(*self));
        args.set(n3.to_string(), v3.value(*self));
        self.format(key, Some(&args))
    }

    /// A message built elsewhere (errors, flash messages), in this locale.
    pub fn msg(&self, m: impl AsMsg) -> String {
        let m = m.as_msg();
        if m.args.is_empty() {
            return self.format(&m.key, None);
        }
        let mut args = FluentArgs::new();
        for (name, v) in &m.args {
            args.set(name.clone(), v.value(*self));
        }
        self.format(&m.key, Some(&args))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let (id, attr) = split_key(key);
        let bundle = self.bundle();
        let pattern = bundle.get_message(id).and_then(|m| match attr {
            None => m.value(),
            Some(a) => m.get_attribute(a).map(|a| a.value()),
        });
        let Some(pattern) = pattern else {
            log::error!("missing message {key} in {}", self.tag());
            return key.to_string();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
        if !errors.is_empty() {
            log::error!("message {key} in {}: {errors:?}", self.tag());
        }
        text
    }

    /// A number: en-US as plain digits with a decimal point; pl-PL with a non-breaking space
    /// between thousands (from 10 000 on) and a decimal comma.
    pub fn number(self, n: f64) -> String {
        let plain = if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        };
        match self {
            Locale::En => plain,
            Locale::Pl => {
                let (sign, rest) =
                    plain.strip_prefix('-').map_or(("", plain.as_str()), |r| ("-", r));
                let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
                let int = if int.len() > 4 { group(int, '\u{a0}') } else { int.to_string() };
                match frac {
                    Some(f) => format!("{sign}{int},{f}"),
                    None => format!("{sign}{int}"),
                }
            }
        }
    }

    /// A number of the page (quantities, counts), formatted for the locale.
    pub fn num(&self, n: impl AsF64) -> String {
        self.number(n.as_f64())
    }

    /// A day: `Nov 24, 2026` (en-US), `24.11.2026` (pl-PL). The same form everywhere a day is
    /// shown, and the one `static/js/local-time.js` writes.
    pub fn date(&self, ms: impl crate::util::clock::Millis) -> String {
        let d = crate::util::clock::to_datetime(ms.millis());
        match self {
            Locale::En => {
                format!("{} {}, {:04}", MONTHS_EN[d.month() as usize - 1], d.day(), d.year())
            }
            Locale::Pl => format!("{:02}.{:02}.{:04}", d.day(), d.month() as u8, d.year()),
        }
    }

    /// A time of day in UTC: `Nov 24, 2026, 09:13 UTC`, `24.11.2026, 09:13 UTC` (the day, a
    /// comma, a 24-hour time and the zone; the browser script writes local times the same way).
    pub fn datetime(&self, ms: impl crate::util::clock::Millis) -> String {
        let ms = ms.millis();
        let d = crate::util::clock::to_datetime(ms);
        format!("{}, {:02}:{:02} UTC", self.date(ms), d.hour(), d.minute())
    }
}

/// English month abbreviations, as `Intl.DateTimeFormat("en-US", { month: "short" })` has them.
const MONTHS_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

fn split_key(key: &str) -> (&str, Option<&str>) {
    match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    }
}

/// Something that can be a message argument.
pub trait Arg {
    fn value(&self, locale: Locale) -> FluentValue<'static>;
}

impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self, locale: Locale) -> FluentValue<'static> {
        (**self).value(locale)
    }
}
impl Arg for str {
    fn value(&self, _: Locale) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl Arg for String {
    fn value(&self, _: Locale) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self, _: Locale) -> FluentValue<'static> {
                FluentValue::from(*self as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize, f64);

/// An argument of a message built away from the web layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MsgArg {
    Text(String),
    Number(f64),
    /// UTC milliseconds, shown as a day.
    Date(i64),
    /// A message key, translated too.
    Key(String),
    /// Message keys, translated and joined with commas (a list of roles).
    Keys(Vec<String>),
}

impl Arg for MsgArg {
    fn value(&self, locale: Locale) -> FluentValue<'static> {
        match self {
            MsgArg::Text(s) => FluentValue::from(s.clone()),
            MsgArg::Number(n) => FluentValue::from(*n),
            MsgArg::Date(ms) => FluentValue::from(locale.date(*ms)),
            MsgArg::Key(k) => FluentValue::from(locale.t(k)),
            MsgArg::Keys(ks) => {
                FluentValue::from(ks.iter().map(|k| locale.t(k)).collect::<Vec<_>>().join(", "))
            }
        }
    }
}

/// A sentence for people, not yet in a language: a message key and its arguments. Services
/// return these; the web layer translates them for the request's locale. Its `Display` is the
/// English text (logs and audit records).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub key: Cow<'static, str>,
    pub args: Vec<(String, MsgArg)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Self {
        Msg { key: Cow::Borrowed(key), args: Vec::new() }
    }
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.push((name.to_string(), MsgArg::Text(value.into())));
        self
    }
    pub fn num(mut self, name: &str, value: impl Into<f64>) -> Self {
        self.args.push((name.to_string(), MsgArg::Number(value.into())));
        self
    }
    pub fn date(mut self, name: &str, ms: i64) -> Self {
        self.args.push((name.to_string(), MsgArg::Date(ms)));
        self
    }
    pub fn key(mut self, name: &str, key: &str) -> Self {
        self.args.push((name.to_string(), MsgArg::Key(key.to_string())));
        self
    }
    pub fn keys<'a>(mut self, name: &str, keys: impl IntoIterator<Item = &'a str>) -> Self {
        let keys = keys.into_iter().map(str::to_string).collect();
        self.args.push((name.to_string(), MsgArg::Keys(keys)));
        self
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Locale::En.msg(self))
    }
}

/// A `Msg`, however many references deep a template holds it.
pub trait AsMsg {
    fn as_msg(&self) -> &Msg;
}
impl AsMsg for Msg {
    fn as_msg(&self) -> &Msg {
        self
    }
}
impl<T: AsMsg + ?Sized> AsMsg for &T {
    fn as_msg(&self) -> &Msg {
        (**self).as_msg()
    }
}

/// A number a template can show.
pub trait AsF64 {
    fn as_f64(&self) -> f64;
}
impl<T: AsF64 + ?Sized> AsF64 for &T {
    fn as_f64(&self) -> f64 {
        (**self).as_f64()
    }
}
macro_rules! as_f64 {
    ($($t:ty),*) => {$(
        impl AsF64 for $t {
            fn as_f64(&self) -> f64 {
                *self as f64
            }
        }
    )*};
}
as_f64!(i32, i64, u32, u64, usize, f64);
