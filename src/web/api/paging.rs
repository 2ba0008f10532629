//! What the API's lists share: Partner Center's filter, the page size, and continuation tokens.

use actix_web::HttpRequest;
use serde::Deserialize;

use crate::error::AppError;
use crate::i18n::Msg;
use crate::util::tokens::sha256_hex;

/// Partner Center's filter, as the customer list and the audit records take it.
#[derive(Deserialize)]
pub struct Filter {
    #[serde(rename = "Field")]
    pub field: String,
    #[serde(rename = "Value")]
    pub value: String,
    #[serde(rename = "Operator")]
    pub operator: String,
}

/// The page size asked for, `default` when none is.
pub fn parse_size(size: Option<&str>, default: i64, max: i64) -> Result<i64, AppError> {
    match size.map(str::trim) {
        None | Some("") => Ok(default),
        Some(s) => {
            s.parse::<i64>().ok().filter(|n| (1..=max).contains(n)).ok_or_else(|| {
                AppError::BadRequest(Msg::new("api-error-size").num("max", max as f64))
            })
        }
    }
}

/// A continuation token: where the next page starts, tied to the list it came from (`list`,
/// the filter as sent) so that it cannot be replayed against another.
pub fn token(list: &str, parts: &[&str]) -> String {
    let mut s = sha256_hex(list)[..12].to_string();
    for p in parts {
        s.push('\u{1f}');
        s.push_str(p);
    }
    hex::encode(s)
}

/// The parts of a continuation token made by `token` for the same list.
pub fn parse_token(list: &str, token: &str, n: usize) -> Result<Vec<String>, AppError> {
    let bad = || AppError::BadRequest(Msg::new("api-error-token"));
    let text =
        hex::decode(token.trim()).ok().and_then(|b| String::from_utf8(b).ok()).ok_or_else(bad)?;
    let mut parts = text.split('\u{1f}');
    if parts.next() != Some(&sha256_hex(list)[..12]) {
        return Err(bad());
    }
    let rest: Vec<String> = parts.map(str::to_owned).collect();
    if rest.len() != n {
        return Err(bad());
    }
    Ok(rest)
}

/// The `MS-ContinuationToken` header, if sent.
pub fn continuation(req: &HttpRequest) -> Option<String> {
    let v = req.headers().get("MS-ContinuationToken")?;
    Some(v.to_str().unwrap_or("-").to_owned())
}
