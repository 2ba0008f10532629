//! Cross-site request forgery checks, as plain functions over what a request carries: the
//! browser's own signals (`Sec-Fetch-Site`, `Origin`) must not name another site, and a
//! signed-in session's requests must carry its token. `web::middleware::csrf` applies them.

use subtle::ConstantTimeEq;

pub const HEADER: &str = "X-CSRF-Token";
pub const FIELD: &str = "csrf_token";

/// Whether the browser's signals allow the request: not `Sec-Fetch-Site: cross-site`, and an
/// `Origin`, where sent, naming `host`.
pub fn same_origin(sec_fetch_site: Option<&str>, origin: Option<&str>, host: &str) -> bool {
    if sec_fetch_site.is_some_and(|site| site.eq_ignore_ascii_case("cross-site")) {
        return false;
    }
    match origin {
        None => true,
        Some(origin) => origin
            .split_once("://")
            .map(|(_, rest)| rest.eq_ignore_ascii_case(host))
            .unwrap_or(false),
    }
}

/// A field of an urlencoded form body.
pub fn form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// Whether the provided token is the session's, compared in constant time; an empty expected
/// token (a session without one) matches nothing.
pub fn matches(expected: &str, provided: Option<&str>) -> bool {
    match provided {
        Some(p) if !expected.is_empty() => expected.as_bytes().ct_eq(p.as_bytes()).into(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_signals_and_tokens() {
        assert!(same_origin(None, None, "h"));
        assert!(same_origin(Some("same-origin"), Some("https://h"), "h"));
        assert!(!same_origin(Some("cross-site"), None, "h"));
        assert!(!same_origin(None, Some("https://evil"), "h"));
        assert!(matches("abc", Some("abc")));
        assert!(!matches("", Some("")));
        assert!(!matches("abc", None));
        assert_eq!(form_field(b"a=1&csrf_token=x%20y", FIELD).as_deref(), Some("x y"));
    }
}
