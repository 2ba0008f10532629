//! The static files the pages link to, compiled into the binary (the server needs no files
//! beside it), and their version: each URL carries a content hash so browsers may cache it for
//! good. `web::assets` serves them.

use std::sync::OnceLock;

use crate::util::tokens::sha256_hex;

pub const FILES: &[(&str, &str, &[u8])] = &[
    ("css/app.css", "text/css; charset=utf-8", include_bytes!("../../static/css/app.css")),
    (
        "js/htmx.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/js/htmx.min.js"),
    ),
    (
        "js/local-time.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/js/local-time.js"),
    ),
    (
        "js/feedback.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/js/feedback.js"),
    ),
    ("js/copy.js", "text/javascript; charset=utf-8", include_bytes!("../../static/js/copy.js")),
    ("img/favicon.svg", "image/svg+xml", include_bytes!("../../static/img/favicon.svg")),
];

/// A short hash of all static files, used as `?v=` in their URLs.
pub fn version() -> &'static str {
    static V: OnceLock<String> = OnceLock::new();
    V.get_or_init(|| {
        let all: Vec<u8> = FILES.iter().flat_map(|(_, _, bytes)| bytes.iter().copied()).collect();
        sha256_hex(all)[..12].to_string()
    })
}
