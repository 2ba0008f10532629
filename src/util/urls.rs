//! URLs: the one rule for a path of this site a browser may be sent to, and encoding.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// What a query-string value keeps as it is: RFC 3986's unreserved characters.
const QUERY_VALUE: &AsciiSet =
    &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Percent-encodes a query-string value.
pub fn urlencode(s: &str) -> String {
    utf8_percent_encode(s, QUERY_VALUE).to_string()
}

/// A path of this site to send a browser back to, as given: it starts with one `/` (so it has
/// no scheme and no host, and `//host` or `/\host` cannot name another site) and holds only
/// visible ASCII without backslashes (no header injection, nothing a browser would rewrite,
/// such as a tab it drops to turn `/\t/host` into `//host`).
pub fn local_path(path: &str) -> Option<&str> {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    ok.then_some(path)
}

/// The address the site is served at, as browsers reach it (`PUBLIC_URL`): an http or https
/// origin, with no user, path, query or fragment. It alone says which scheme, host and port are
/// this site's, for links and for the same-origin checks: a request's `Host` or forwarded
/// headers are whatever the client chose to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl {
    /// `scheme://host[:port]`, as browsers write an `Origin` (the default port left out).
    origin: String,
    https: bool,
    loopback: bool,
}

impl PublicUrl {
    /// Parses and checks an address such as `https://partnerdesk.example.com`.
    pub fn parse(text: &str) -> Result<PublicUrl, String> {
        let example = "such as https://partnerdesk.example.com";
        let url = url::Url::parse(text.trim()).map_err(|e| {
            format!("PUBLIC_URL {text:?} is not an absolute URL ({e}): give one {example}.")
        })?;
        let https = match url.scheme() {
            "https" => true,
            "http" => false,
            other => {
                return Err(format!(
                    "PUBLIC_URL must start with https:// or http://, not {other}:."
                ));
            }
        };
        if !url.username().is_empty() || url.password().is_some() {
            return Err("PUBLIC_URL must not hold a user name or password.".into());
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "PUBLIC_URL must be the site's address alone, without a path, query or fragment: {example}."
            ));
        }
        let loopback = match url.host() {
            Some(url::Host::Domain(d)) => d == "localhost",
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => return Err(format!("PUBLIC_URL has no host: give one {example}.")),
        };
        Ok(PublicUrl { origin: url.origin().ascii_serialization(), https, loopback })
    }

    /// `scheme://host[:port]`, e.g. `https://partnerdesk.example.com`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn is_https(&self) -> bool {
        self.https
    }

    /// Whether browsers treat the site as a secure context, where they keep `Secure` cookies:
    /// https, or http on this machine (`localhost`, a loopback address).
    pub fn is_secure_context(&self) -> bool {
        self.https || self.loopback
    }

    /// An absolute link to a path of this site.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Whether a URL (an `Origin` header, a `Referer`) names this site: the same scheme, host
    /// and port.
    pub fn is_same_origin(&self, url: &str) -> bool {
        url::Url::parse(url).is_ok_and(|u| u.origin().ascii_serialization() == self.origin)
    }

    /// The path and query of an absolute URL of this site (a `Referer`, htmx's
    /// `HX-Current-URL`); None for another site or anything that is not a local path.
    pub fn local_path_of(&self, url: &str) -> Option<String> {
        let parsed = url::Url::parse(url).ok()?;
        if parsed.origin().ascii_serialization() != self.origin {
            return None;
        }
        let path = match parsed.query() {
            Some(q) => format!("{}?{q}", parsed.path()),
            None => parsed.path().to_string(),
        };
        local_path(&path).map(str::to_owned)
    }
}

impl std::fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.origin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_local_paths_pass() {
        for ok in ["/", "/customers?q=a%20b", "/activity?from=2026-11-24"] {
            assert_eq!(local_path(ok), Some(ok));
        }
        // Scheme-relative, backslashes, whitespace and controls, and look-alikes of `/` (U+2215
        // division slash, U+FF0F full-width solidus, U+2044 fraction slash) that a browser may
        // normalise into one.
        for bad in [
            "",
            "x",
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/a b",
            "/\r\n",
            "/\u{7f}",
            "/\u{2215}evil.example",
            "/\u{ff0f}evil.example",
            "\u{ff0f}\u{ff0f}evil.example",
            "/\u{2044}evil.example",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(urlencode("/customers?q=a b&c"), "%2Fcustomers%3Fq%3Da%20b%26c");
        assert_eq!(urlencode("a-b_c.d~"), "a-b_c.d~");
        assert_eq!(urlencode("zażółć"), "za%C5%BC%C3%B3%C5%82%C4%87");
    }

    #[test]
    fn only_this_sites_urls_give_a_path() {
        let site = PublicUrl::parse("http://h:8080").unwrap();
        assert_eq!(site.local_path_of("http://h:8080/a?b#c").as_deref(), Some("/a?b"));
        assert_eq!(site.local_path_of("http://H:8080").as_deref(), Some("/"));
        for other in ["https://h:8080/a", "http://h/a", "http://h:8081/a", "https://other/a"] {
            assert_eq!(site.local_path_of(other), None, "{other}");
        }
        assert_eq!(site.local_path_of("http://h:8080//evil.example/"), None);
        assert_eq!(site.local_path_of("http://h:8080/\\evil.example"), None);
        assert_eq!(site.local_path_of("http://h:8080@evil.example/"), None);
    }

    #[test]
    fn the_public_url_is_an_origin_and_compares_scheme_host_and_port() {
        let site = PublicUrl::parse("https://PartnerDesk.example.com/").unwrap();
        assert_eq!(site.origin(), "https://partnerdesk.example.com");
        assert_eq!(site.link("/invitations/x"), "https://partnerdesk.example.com/invitations/x");
        assert!(site.is_same_origin("https://partnerdesk.example.com"));
        assert!(site.is_same_origin("https://partnerdesk.example.com:443"));
        for other in [
            "http://partnerdesk.example.com",
            "https://partnerdesk.example.com:8443",
            "https://evil.example",
            "null",
            "",
        ] {
            assert!(!site.is_same_origin(other), "{other}");
        }
        assert_eq!(
            PublicUrl::parse("http://localhost:8080").unwrap().origin(),
            "http://localhost:8080"
        );
        assert!(PublicUrl::parse("http://127.0.0.1:8080").unwrap().is_secure_context());
        assert!(!PublicUrl::parse("http://10.0.0.5").unwrap().is_secure_context());
        for bad in [
            "partnerdesk.example.com",
            "ftp://partnerdesk.example.com",
            "https://partnerdesk.example.com/app",
            "https://partnerdesk.example.com/?x=1",
            "https://partnerdesk.example.com/#top",
            "https://user@partnerdesk.example.com",
            "https://",
            "",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
