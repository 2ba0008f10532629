//! The architecture rule, kept by a test: src/ is layered, and a file may use only its own layer
//! or the ones below it (a model never reaches for a handler, a handler never runs a query).
//! Without a check the rule erodes one convenient import at a time. Layers, bottom up:
//!
//! 0 src/i18n.rs, src/util/ · 1 src/db/ · 2 src/error.rs, src/config.rs · 3 src/models/ ·
//! 4 src/auth/ · 5 src/services/ · 6 src/seed/ · 7 src/views/ · 8 src/web/ · 9 src/lib.rs, main.rs
//!
//! Also: a mod.rs only declares modules and re-exports; handlers (src/web/) reach models and db
//! only through services; actix stays in src/web/, lib.rs and main.rs. One parsing pass turns the
//! sources into (file, line, top-level module) references; each rule is a function over
//! (path, source) pairs, so the self-tests at the end can feed it synthetic files. Std only.

use std::collections::{HashMap, HashSet};

/// LAYERS[rank]: the top-level modules of that layer ("" is the crate root: lib.rs, main.rs).
const LAYERS: [&str; 10] =
    ["i18n util", "db", "error config", "models", "auth", "services", "seed", "views", "web", ""];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|names| names.split(' ').any(|n| n == module))
}

/// A file's module path: src/auth/mod.rs and src/auth.rs → [auth]; src/lib.rs → [].
fn mod_path(file: &str) -> Vec<String> {
    let p = file.strip_prefix("src/").unwrap_or(file).trim_end_matches(".rs");
    let p = if p == "lib" || p == "main" { "" } else { p };
    p.split('/').filter(|s| !s.is_empty() && *s != "mod").map(String::from).collect()
}

fn top_module(file: &str) -> String {
    mod_path(file).into_iter().next().unwrap_or_default()
}

/// The source with comments, doc comments, string and char literals blanked (lines kept).
fn strip(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let word = |k: usize| at(k).is_alphanumeric() || at(k) == '_';
    let find = |from: usize, hit: &dyn Fn(usize) -> bool| (from..c.len()).find(|&k| hit(k));
    let (mut out, mut i) = (String::with_capacity(src.len()), 0);
    while i < c.len() {
        let (start, hashes) = (i, (i + 1..).take_while(|&k| at(k) == '#').count());
        let raw = c[i] == 'r'
            && at(i + 1 + hashes) == '"'
            && (i == 0 || !word(i - 1) || (c[i - 1] == 'b' && (i < 2 || !word(i - 2))));
        let closes_raw = |k: usize| c[k] == '"' && (1..=hashes).all(|h| at(k + h) == '#');
        let escaped =
            |k: usize| c[i + 1..k].iter().rev().take_while(|&&ch| ch == '\\').count() % 2 == 1;
        i = match (c[i], at(i + 1)) {
            ('/', '/') => find(i, &|k| c[k] == '\n').unwrap_or(c.len()),
            ('/', '*') => {
                find(i + 2, &|k| c[k] == '*' && at(k + 1) == '/').map_or(c.len(), |k| k + 2)
            }
            _ if raw => find(i + hashes + 2, &closes_raw).unwrap_or(c.len()) + hashes + 1,
            ('"', _) => find(i + 1, &|k| c[k] == '"' && !escaped(k)).unwrap_or(c.len()) + 1,
            ('\'', '\\') => find(i + 3, &|k| c[k] == '\'').unwrap_or(c.len()) + 1,
            ('\'', x) if x != '\'' && at(i + 2) == '\'' => i + 3,
            _ => i + 1, // code: every literal or comment is at least two characters long
        };
        let code = i == start + 1;
        out.extend(
            c[start..i.min(c.len())].iter().map(|&ch| if code || ch == '\n' { ch } else { ' ' }),
        );
    }
    out
}

struct Tok {
    t: String,
    line: usize,
}

/// The stripped source as identifiers (`$crate` too), `::` and single punctuation characters.
fn tokens(src: &str) -> Vec<Tok> {
    let c: Vec<char> = strip(src).chars().collect();
    let word = |k: usize| c.get(k).is_some_and(|ch| ch.is_alphanumeric() || *ch == '_');
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    while i < c.len() {
        let s = i;
        if word(i) || c[i] == '$' {
            while word(i + 1) {
                i += 1;
            }
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            i += 1;
        }
        if !c[s].is_whitespace() {
            out.push(Tok { t: c[s..=i].iter().collect(), line });
        }
        line += usize::from(c[s] == '\n');
        i += 1;
    }
    out
}

fn tok(ts: &[Tok], k: usize) -> &str {
    ts.get(k).map_or("", |x| x.t.as_str())
}

/// Walks the path or use tree at `j` (groups nest), pushing (line, full path) per leaf.
fn tree(ts: &[Tok], mut j: usize, prefix: &str, out: &mut Vec<(usize, String)>) -> usize {
    let name = tok(ts, j);
    if name == "{" {
        j += 1;
        while !matches!(tok(ts, j), "}" | "") {
            j = tree(ts, j, prefix, out);
            while !matches!(tok(ts, j), "," | "}" | "") {
                j += 1; // `as alias`
            }
            j += usize::from(tok(ts, j) == ",");
        }
        return j + 1;
    }
    if !name.starts_with(|ch: char| ch.is_alphabetic() || ch == '_' || ch == '*') {
        out.push((ts[j - 1].line, prefix.to_string())); // `crate::x::Y::<T>`
        return j;
    }
    let path = if name == "self" { prefix.to_string() } else { format!("{prefix}::{name}") };
    if tok(ts, j + 1) == "::" {
        return tree(ts, j + 2, &path, out);
    }
    out.push((ts[j].line, path));
    j + 1
}

/// Every source file as (path from the crate root, text).
type Files = [(String, String)];

/// A reference from `file` to a top-level module of the crate ("" = the crate root).
struct Ref {
    file: String,
    line: usize,
    path: String,
    module: String,
}

/// The one parsing pass: every `crate::`, `$crate::`, `super::` path (and `partnerdesk::` in
/// main.rs), resolved to the top-level module it reaches. A name that is no top-level module is
/// the crate root's, unless a `macro_rules!` defines it: then it is that file's module's.
fn references(files: &Files) -> Vec<Ref> {
    let toks: Vec<Vec<Tok>> = files.iter().map(|(_, s)| tokens(s)).collect();
    let mut modules: HashSet<String> = LAYERS.join(" ").split(' ').map(String::from).collect();
    let mut macros = HashMap::new();
    for ((file, _), ts) in files.iter().zip(&toks) {
        modules.insert(top_module(file));
        for w in ts.windows(3).filter(|w| w[0].t == "macro_rules" && w[1].t == "!") {
            macros.entry(w[2].t.clone()).or_insert_with(|| top_module(file));
        }
    }
    let mut refs = Vec::new();
    for ((file, _), ts) in files.iter().zip(&toks) {
        let (mut inline, mut depth) = (Vec::<(String, usize)>::new(), 0); // `mod x { … }`
        for i in 0..ts.len() {
            match tok(ts, i) {
                "{" => depth += 1,
                "}" => {
                    depth -= 1;
                    while inline.last().is_some_and(|m| m.1 == depth) {
                        inline.pop();
                    }
                }
                "mod" if tok(ts, i + 2) == "{" => inline.push((ts[i + 1].t.clone(), depth)),
                _ => {}
            }
            if tok(ts, i + 1) != "::" || (i > 0 && tok(ts, i - 1) == "::") {
                continue;
            }
            let (mut base, mut j) = (Vec::new(), i + 2);
            match tok(ts, i) {
                "crate" | "$crate" => {}
                "partnerdesk" if file == "src/main.rs" => {}
                "super" => {
                    base = mod_path(file);
                    base.extend(inline.iter().map(|m| m.0.clone()));
                    base.pop();
                    while tok(ts, j) == "super" && tok(ts, j + 1) == "::" {
                        j += 2;
                        base.pop();
                    }
                }
                _ => continue,
            }
            let root: String = ts[i..j - 1].iter().map(|x| x.t.as_str()).collect();
            let mut leaves = Vec::new();
            tree(ts, j, &root, &mut leaves);
            for (line, path) in leaves {
                let first = path[root.len()..].split("::").nth(1).unwrap_or("");
                let module = match base.first() {
                    Some(m) => m.clone(),
                    None if modules.contains(first) => first.to_string(),
                    None => macros.get(first).cloned().unwrap_or_default(),
                };
                refs.push(Ref { file: file.clone(), line, path, module });
            }
        }
    }
    refs
}

fn unplaced_files(files: &Files) -> Vec<String> {
    let unplaced =
        files.iter().map(|(f, _)| (f, top_module(f))).filter(|(_, m)| layer(m).is_none());
    unplaced.map(|(f, m)| format!("{f}: `{m}` is not in the layer table")).collect()
}

fn upward_imports(files: &Files) -> Vec<String> {
    listed(references(files).into_iter().filter_map(|r| {
        let own = layer(&top_module(&r.file))?; // an unplaced file is every_file_has_a_layer's
        let m = if r.module.is_empty() { "the crate root" } else { &r.module };
        let why = match layer(&r.module) {
            None => format!("`{m}` has no layer"),
            Some(l) if l > own => format!("layer {own} uses {m}, layer {l}"),
            _ => return None,
        };
        Some(format!("{}:{}: {}  ({why})", r.file, r.line, r.path))
    }))
}

fn web_bypassing_services(files: &Files) -> Vec<String> {
    let exempt = |f: &str| f == "src/web/state.rs" || f == "src/web/session_store.rs";
    let web = |r: &Ref| r.file.starts_with("src/web/") && !exempt(&r.file);
    let refs = references(files).into_iter().filter(|r| r.module == "models" || r.module == "db");
    listed(refs.filter(web).map(|r| format!("{}:{}: {}", r.file, r.line, r.path)))
}

/// A list of violations, each once.
fn listed(found: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = found.collect();
    out.dedup();
    out
}

/// Items of mod.rs files other than attributes, `mod x;` and `use …;`.
fn mod_files_with_code(files: &Files) -> Vec<String> {
    let mut out = Vec::new();
    for (file, src) in files.iter().filter(|(f, _)| f.ends_with("/mod.rs")) {
        let (ts, mut i) = (tokens(src), 0);
        while i < ts.len() {
            let (start, attr, mut depth) = (i, ts[i].t == "#", 0);
            let vis = ["pub", "(", "crate", "super", "in", ")"]; // skipped before the keyword
            i = (i..ts.len()).find(|&k| !vis.contains(&ts[k].t.as_str())).unwrap_or(ts.len());
            let (kw, stops) = (tok(&ts, i), ["{", "(", "=", ";", ":", "<", "["]);
            let ok = attr || kw == ";" || kw == "use" || (kw == "mod" && tok(&ts, i + 2) == ";");
            let head = ts[start..].iter().map(|x| x.t.as_str()).skip_while(|t| *t != kw);
            let head: Vec<&str> = head.take_while(|t| !stops.contains(t)).take(4).collect();
            let head = head.join(" ").replace(" :: ", "::").replace(" !", "!");
            while i < ts.len() {
                i += 1; // to the item's `;` at depth 0, its first `{…}`, or an attribute's `[…]`
                match ts[i - 1].t.as_str() {
                    "}" if depth == 1 => break,
                    "]" if depth == 1 && attr => break,
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth -= 1,
                    ";" if depth == 0 => break,
                    _ => {}
                }
            }
            if !ok {
                out.push(format!("{file}:{}: {head}", ts[start].line));
            }
        }
    }
    out
}

fn actix_outside_web(files: &Files) -> Vec<String> {
    let names = ["actix_web", "actix_session", "actix_http", "HttpRequest", "HttpResponse"];
    let allowed = |f: &str| f.starts_with("src/web/") || f == "src/lib.rs" || f == "src/main.rs";
    listed(files.iter().filter(|(f, _)| !allowed(f)).flat_map(|(file, src)| {
        let found = tokens(src).into_iter().filter(|t| names.contains(&t.t.as_str()));
        found.map(move |t| format!("{file}:{}: {}", t.line, t.t))
    }))
}

/// Every .rs file under src/, as ("src/…", text), sorted.
fn sources() -> Vec<(String, String)> {
    let root = std::path::PathBuf::from(option_env!("CARGO_MANIFEST_DIR").unwrap_or("."));
    let (mut out, mut dirs) = (Vec::new(), vec![root.join("src")]);
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let p = entry.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn check(rule: &str, found: Vec<String>) {
    assert!(found.is_empty(), "{rule}: {} violation(s):\n{}\n", found.len(), found.join("\n"));
}

#[test]
fn every_file_has_a_layer() {
    check("every .rs file under src/ needs a layer", unplaced_files(&sources()));
}

#[test]
fn imports_only_run_downward() {
    check("a file may use only its own layer or below", upward_imports(&sources()));
}

#[test]
fn mod_files_only_declare_and_re_export() {
    check("a mod.rs holds only `mod x;` and `use`", mod_files_with_code(&sources()));
}

#[test]
fn handlers_go_through_services() {
    check("src/web/ reaches models and db only via services", web_bypassing_services(&sources()));
}

#[test]
fn actix_stays_in_web() {
    check("actix outside src/web/, lib.rs and main.rs", actix_outside_web(&sources()));
}

fn synthetic(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files.iter().map(|(f, s)| (f.to_string(), s.to_string())).collect()
}

#[test]
fn self_test_reports_violations() {
    let files = synthetic(&[
        ("src/models/user.rs", "use crate::web::signin;\n"),
        ("src/db/mod.rs", "use crate::{error::AppError, models::relationship::Relationship};"),
        ("src/auth/csrf.rs", "fn f() {}\nuse super::super::web::x;\n"),
        ("src/web/x.rs", "use crate::models::user;\nfn f() { crate::db::Pool::<u8>::new(); }"),
        ("src/views/mod.rs", "#[cfg(test)]\npub mod a;\npub(crate) use a::b;\npub struct Page;\n"),
        ("src/services/x.rs", "fn f(r: actix_web::HttpRequest) {}\n"),
        ("src/extra/y.rs", ""),
    ]);
    let up = upward_imports(&files);
    assert_eq!(up[0], "src/models/user.rs:1: crate::web::signin  (layer 3 uses web, layer 8)");
    assert_eq!(
        up.iter().map(|v| v.split("  (").next().unwrap()).collect::<Vec<_>>(),
        [
            "src/models/user.rs:1: crate::web::signin",
            "src/db/mod.rs:1: crate::error::AppError",
            "src/db/mod.rs:1: crate::models::relationship::Relationship",
            "src/auth/csrf.rs:2: super::super::web::x",
        ]
    );
    let web = ["src/web/x.rs:1: crate::models::user", "src/web/x.rs:2: crate::db::Pool"];
    assert_eq!(web_bypassing_services(&files), web);
    assert_eq!(mod_files_with_code(&files), ["src/views/mod.rs:4: struct Page"]);
    let actix = ["src/services/x.rs:1: actix_web", "src/services/x.rs:1: HttpRequest"];
    assert_eq!(actix_outside_web(&files), actix);
    assert_eq!(unplaced_files(&files), ["src/extra/y.rs: `extra` is not in the layer table"]);
}

#[test]
fn self_test_ignores_text_and_downward_imports() {
    let files = synthetic(&[
        (
            "src/models/a.rs",
            "// see crate::web::x\n/// crate::web\nconst S: &str = \"crate::web\";",
        ),
        (
            "src/models/b.rs",
            "const R: &str = r#\"crate::web\"#; /* crate::web */ const C: u8 = b'\"';",
        ),
        ("src/models/c.rs", "fn f() { crate::on_backend!(c, |c| 1); }\n"),
        ("src/db/pool.rs", "#[macro_export]\nmacro_rules! on_backend { () => { $crate::db::x } }"),
        ("src/web/x.rs", "use crate::services::y;\nuse super::flash;\npub(crate) fn f<'a>() {}\n"),
        ("src/web/mod.rs", "//! Web.\npub mod flash {\n    use super::*;\n}\n"),
        ("src/auth/csrf.rs", "use super::session_store::KEY;\nmod tests { use super::*; }\n"),
    ]);
    let up = upward_imports(&files);
    assert!(up.is_empty(), "false positives:\n{}", up.join("\n"));
    assert!(web_bypassing_services(&files).is_empty() && actix_outside_web(&files).is_empty());
    assert_eq!(mod_files_with_code(&files), ["src/web/mod.rs:2: mod flash"]);
    let refs = references(&files);
    assert!(refs.iter().any(|r| r.path == "crate::on_backend" && r.module == "db"));
    assert!(refs.iter().all(|r| !r.path.contains("web") || r.file.starts_with("src/web/")));
}
