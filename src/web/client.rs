//! Who is at the other end: the client's address, for rate limits and logs. The one place that
//! reads forwarded headers, and only from a trusted proxy (`TRUSTED_PROXIES`); nothing reads a
//! forwarded host or scheme, which `PUBLIC_URL` gives.

use std::net::{IpAddr, SocketAddr};

use actix_web::HttpRequest;
use actix_web::http::header::HeaderMap;
use actix_web::web::Data;

use crate::util::net::IpNet;
use crate::web::state::AppState;

/// The client's address: the connection's peer, or, when the peer is a trusted proxy, the
/// address the proxies forwarded. None only without a peer address (in-process tests).
pub fn client_addr(req: &HttpRequest) -> Option<IpAddr> {
    let trusted = req.app_data::<Data<AppState>>().map_or(&[][..], |s| &s.config.trusted_proxies);
    address(req.peer_addr().map(|p| p.ip()), req.headers(), trusted)
}

/// The client's address for a log line.
pub fn client_label(req: &HttpRequest) -> String {
    client_addr(req).map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

/// Each proxy appends the address it received the request from, so the list reads client
/// first, nearest proxy last, and only the entries our own proxies wrote are true: walking from
/// the right, the first address that is not a trusted proxy is the client. Anything to its left
/// the client may have written itself. An entry that is not an address (`unknown`, an
/// obfuscated name) stops the walk at the last address known.
///
/// `X-Forwarded-For` is read, or, when a trusted proxy sent none, `Forwarded`'s `for=`: a
/// proxy that writes only `Forwarded` must drop any `X-Forwarded-For` a client sends.
fn address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = peer?.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(peer) {
        return Some(peer);
    }
    let mut client = peer;
    for hop in forwarded_hops(headers).iter().rev() {
        match hop {
            Some(ip) => {
                client = *ip;
                if !is_trusted(client) {
                    break;
                }
            }
            None => break,
        }
    }
    Some(client)
}

/// The forwarded chain, client first: the entries of every `X-Forwarded-For` line in order,
/// else the `for=` of every `Forwarded` element.
fn forwarded_hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let lines = |name: &str| -> Vec<String> {
        headers.get_all(name).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect()
    };
    let xff = lines("x-forwarded-for");
    if !xff.is_empty() {
        return xff.iter().flat_map(|l| l.split(',')).map(parse_hop).collect();
    }
    lines("forwarded")
        .iter()
        .flat_map(|l| l.split(','))
        .map(|element| {
            let target = element.split(';').find_map(|pair| {
                let (k, v) = pair.split_once('=')?;
                k.trim().eq_ignore_ascii_case("for").then_some(v)
            });
            target.and_then(|v| parse_hop(v.trim().trim_matches('"')))
        })
        .collect()
}

/// One hop: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`, `[2001:db8::1]`, `[2001:db8::1]:4711`.
fn parse_hop(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    text.parse::<IpAddr>()
        .or_else(|_| text.parse::<SocketAddr>().map(|s| s.ip()))
        .or_else(|_| text.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>())
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let trusted = IpNet::parse_list("10.0.0.0/8").unwrap();
        let at = |peer: &str, h: &[(&'static str, &'static str)]| {
            address(Some(ip(peer)), &headers(h), &trusted).unwrap().to_string()
        };
        let spoof = [("x-forwarded-for", "192.0.2.1"), ("forwarded", "for=192.0.2.2")];
        assert_eq!(at("203.0.113.5", &spoof), "203.0.113.5");
        assert_eq!(at("10.0.0.1", &[]), "10.0.0.1");
        assert_eq!(at("10.0.0.1", &[("x-forwarded-for", "192.0.2.1")]), "192.0.2.1");
        // Two of our proxies, and a client claiming to be someone else on the left.
        let chain =
            [("x-forwarded-for", "198.51.100.1, 192.0.2.1"), ("x-forwarded-for", "10.0.0.2")];
        assert_eq!(at("10.0.0.1", &chain), "192.0.2.1");
        assert_eq!(at("::ffff:10.0.0.1", &[("x-forwarded-for", "192.0.2.1:4711")]), "192.0.2.1");
        assert_eq!(at("10.0.0.1", &[("x-forwarded-for", "unknown")]), "10.0.0.1");
        assert_eq!(at("10.0.0.1", &[("x-forwarded-for", "garbage, 10.0.0.3")]), "10.0.0.3");
        let fwd = [("forwarded", "for=192.0.2.9;proto=https, for=\"[2001:db8::7]:4711\"")];
        assert_eq!(at("10.0.0.1", &fwd), "2001:db8::7");
        assert_eq!(at("10.0.0.1", &[("forwarded", "for=_hidden")]), "10.0.0.1");
        // X-Forwarded-For, when a proxy sent it, is the one read.
        let both = [("x-forwarded-for", "192.0.2.1"), ("forwarded", "for=192.0.2.2")];
        assert_eq!(at("10.0.0.1", &both), "192.0.2.1");
        assert_eq!(address(None, &headers(&spoof), &trusted), None);
    }
}
