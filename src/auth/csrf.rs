//! Cross-site request forgery checks, as plain functions over what a request carries: the
//! browser's own signals (`Sec-Fetch-Site`, `Origin`) must not name another site, and a
//! signed-in session's requests must carry its token. `web::middleware::csrf` applies them.

use subtle::ConstantTimeEq;

use crate::util::urls::PublicUrl;

pub const HEADER: &str = "X-CSRF-Token";
pub const FIELD: &str = "csrf_token";

/// Whether the browser's signals allow the request: not `Sec-Fetch-Site: cross-site`, and an
/// `Origin`, where sent, that is the site's own: the public URL's scheme, host and port (a
/// page served over http cannot post to the https site, nor another port's to this one).
pub fn same_origin(sec_fetch_site: Option<&str>, origin: Option<&str>, site: &PublicUrl) -> bool {
    if sec_fetch_site.is_some_and(|site| site.eq_ignore_ascii_case("cross-site")) {
        return false;
    }
    origin.is_none_or(|origin| site.is_same_origin(origin))
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
        let site = PublicUrl::parse("https://h").unwrap();
        assert!(same_origin(None, None, &site));
        assert!(same_origin(Some("same-origin"), Some("https://h"), &site));
        assert!(!same_origin(Some("cross-site"), None, &site));
        assert!(!same_origin(None, Some("https://evil"), &site));
        assert!(!same_origin(None, Some("http://h"), &site));
        assert!(!same_origin(None, Some("https://h:8443"), &site));
        assert!(!same_origin(None, Some("null"), &site));
        assert!(matches("abc", Some("abc")));
        assert!(!matches("", Some("")));
        assert!(!matches("abc", None));
        assert_eq!(form_field(b"a=1&csrf_token=x%20y", FIELD).as_deref(), Some("x y"));
    }
}
