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

/// The path and query of an absolute `http(s)` URL of this site (`host` as the request named
/// it), e.g. a `Referer`; None for another site or anything else.
pub fn same_site_path(url: &str, host: &str) -> Option<String> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.is_empty() || !authority.eq_ignore_ascii_case(host) {
        return None;
    }
    let tail = tail.split('#').next().unwrap_or_default();
    let path = if tail.starts_with('/') { tail.to_string() } else { format!("/{tail}") };
    local_path(&path).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_local_paths_pass() {
        for ok in ["/", "/customers?q=a%20b", "/activity?from=2026-11-24"] {
            assert_eq!(local_path(ok), Some(ok));
        }
        for bad in
            ["", "x", "//evil.example", "/\\evil.example", "/\t/evil.example", "/a b", "/\r\n"]
        {
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
        assert_eq!(same_site_path("http://h:8080/a?b#c", "h:8080").as_deref(), Some("/a?b"));
        assert_eq!(same_site_path("https://other/a", "h"), None);
        assert_eq!(same_site_path("https://h", "h").as_deref(), Some("/"));
    }
}
