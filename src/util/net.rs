//! Network addresses: the ranges of `TRUSTED_PROXIES`.

use std::net::IpAddr;

/// An IP address range in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`), or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Parses `ADDRESS` or `ADDRESS/PREFIX`.
    pub fn parse(text: &str) -> Result<IpNet, String> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let bad = || format!("{text:?} is neither an IP address nor a range like 10.0.0.0/8");
        let addr = addr.parse::<IpAddr>().map_err(|_| bad())?.to_canonical();
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(bad)?,
        };
        Ok(IpNet { addr, prefix })
    }

    /// Parses a comma-separated list; an empty text is an empty list.
    pub fn parse_list(text: &str) -> Result<Vec<IpNet>, String> {
        text.split(',').filter(|p| !p.trim().is_empty()).map(IpNet::parse).collect()
    }

    /// Whether the address is in the range (an IPv4 address written as IPv6, `::ffff:a.b.c.d`,
    /// counts as the IPv4 address).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::fmt::Display for IpNet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_hold_their_addresses_only() {
        let nets = IpNet::parse_list(" 10.0.0.0/8, 192.168.1.7 ,2001:db8::/32,").unwrap();
        assert_eq!(nets.len(), 3);
        let trusted = |s: &str| nets.iter().any(|n| n.contains(ip(s)));
        assert!(trusted("10.1.2.3") && trusted("192.168.1.7") && trusted("2001:db8::1"));
        assert!(trusted("::ffff:10.9.9.9"));
        assert!(!trusted("11.0.0.1") && !trusted("192.168.1.8") && !trusted("2001:db9::1"));
        assert!(IpNet::parse("0.0.0.0/0").unwrap().contains(ip("203.0.113.9")));
        assert!(!IpNet::parse("0.0.0.0/0").unwrap().contains(ip("::1")));
        assert!(IpNet::parse_list("").unwrap().is_empty());
        for bad in ["10.0.0.0/33", "::/129", "example.com", "10.0.0.0/", "10.0.0/8", "1.2.3.4/x"] {
            assert!(IpNet::parse(bad).is_err(), "{bad} was accepted");
        }
    }
}
