//! The clock and the one conversion from stored milliseconds to a calendar time. Every `*_at`
//! column holds UTC milliseconds since the Unix epoch.

use time::OffsetDateTime;
use time::macros::format_description;

pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Now, in UTC milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    d.as_millis() as i64
}

/// The application's clock: the system's, moved by an offset that tests set to step through
/// time (a term's end, a cancellation window's last minute) without waiting for it.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    offset_ms: std::sync::Arc<std::sync::atomic::AtomicI64>,
}

impl Clock {
    pub fn now(&self) -> i64 {
        now_ms() + self.offset_ms.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Moves this clock (and every copy of it) forward by `ms` (backward when negative).
    pub fn advance(&self, ms: i64) {
        self.offset_ms.fetch_add(ms, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Whether a second has passed since this last answered true for `last` (which it updates):
/// for log lines that a flood of requests must not multiply.
pub fn once_a_second(last: &std::sync::atomic::AtomicI64) -> bool {
    let second = now_ms() / 1000;
    last.swap(second, std::sync::atomic::Ordering::Relaxed) != second
}

/// UTC milliseconds as a calendar time (the epoch for a value out of range).
pub fn to_datetime(ms: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// `2026-11-24`: file names and date fields.
pub fn iso_date(ms: i64) -> String {
    to_datetime(ms).format(format_description!("[year]-[month]-[day]")).unwrap_or_default()
}

/// `2026-11-24T09:13:00Z`: `<time datetime>` and the CSV export.
pub fn iso_datetime(ms: i64) -> String {
    let f = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    to_datetime(ms).format(f).unwrap_or_default()
}

/// Midnight (UTC) of the day `ms` falls on.
pub fn day_start(ms: i64) -> i64 {
    ms - ms.rem_euclid(DAY_MS)
}

/// `2026-11-24` → midnight UTC of that day, in milliseconds. Only that exact shape: ten
/// ASCII characters, no sign, no time.
pub fn parse_iso_date(s: &str) -> Option<i64> {
    if s.len() != 10 || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let date = time::Date::parse(s, format_description!("[year]-[month]-[day]")).ok()?;
    Some(date.midnight().assume_utc().unix_timestamp() * 1000)
}

/// `2026-11-24T09:13:00Z` (what `iso_datetime` writes) → milliseconds.
pub fn parse_iso_datetime(s: &str) -> Option<i64> {
    let f = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let t = time::PrimitiveDateTime::parse(s, f).ok()?;
    Some(t.assume_utc().unix_timestamp() * 1000)
}

/// A time in UTC milliseconds, however many references deep a template holds it (what the
/// locale's date formatting takes).
pub trait Millis {
    fn millis(&self) -> i64;
}

impl Millis for i64 {
    fn millis(&self) -> i64 {
        *self
    }
}

impl<T: Millis + ?Sized> Millis for &T {
    fn millis(&self) -> i64 {
        (**self).millis()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(iso_datetime(0), "1970-01-01T00:00:00Z");
        let day = parse_iso_date("2026-11-24").unwrap();
        assert_eq!(iso_date(day), "2026-11-24");
        assert_eq!(iso_date(day + DAY_MS - 1), "2026-11-24");
        assert_eq!(day_start(day + 5), day);
    }

    #[test]
    fn dates_parse_in_one_shape_only() {
        assert_eq!(parse_iso_date("1970-01-02"), Some(DAY_MS));
        assert_eq!(parse_iso_date("2026-11-24"), Some(1_795_478_400_000));
        for bad in [
            "",
            "2026-11-31",
            "2026-13-01",
            "2026-1-01",
            "26-11-24",
            "2026/11/24",
            "２０２６-11-24",
            "+026-11-24",
            "2026-11-24T00:00",
            "24.11.2026",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
