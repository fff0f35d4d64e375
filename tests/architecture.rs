//! The invariants of ARCHITECTURE.md that a reader could break without noticing:
//! - the core uses no web crate, no clock, no file system or network, and no floating
//!   point (money is integer cents);
//! - no legal figure is written outside `src/law/rules.rs` (the statutory texts of
//!   `src/law/texts.rs` quote the law's own words, and their tests tie those figures to
//!   the table).
//!
//! The shells (`src/widget`, `src/builder_page`, `src/cli`, `src/main.rs`) are exempt from the first; every
//! file is read whole but for its `#[cfg(test)]` items (tests may use what they like).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use circo_don::law::rules;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `text` without its `#[cfg(test)]` (or `#[cfg(all(test, …))]`) items: from the
/// attribute to the end of the item it marks (its matching closing brace, or the `;`
/// of a `mod x;`). Lines are kept (blanked) so that line numbers stay true.
fn without_tests(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut skipping = false;
    let mut depth = 0i32;
    let mut opened = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if !skipping && (trimmed.starts_with("#[cfg(test)]") || trimmed.starts_with("#[cfg(all(test")) {
            skipping = true;
            depth = 0;
            opened = false;
        }
        if !skipping {
            out.push(line.to_owned());
            continue;
        }
        out.push(String::new());
        let code = line.split("//").next().unwrap_or("");
        for c in code.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        if (opened && depth <= 0) || (!opened && code.trim_end().ends_with(';') && !code.trim_start().starts_with("#[")) {
            skipping = false;
        }
    }
    out.join("\n")
}

/// Every source file under `src/`, relative path and code without tests.
fn source_files() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .map(|p| {
            let code = without_tests(&fs::read_to_string(&p).unwrap());
            (p.strip_prefix(&src).unwrap().to_owned(), code)
        })
        .collect()
}

fn is_shell(rel: &Path) -> bool {
    rel.starts_with("widget") || rel.starts_with("cli") || rel.starts_with("builder_page") || rel == Path::new("main.rs")
}

/// Whether `word` stands in `line` as a whole identifier or number.
fn stands(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

/// The line's code: no comment, no string literal (sentences are checked by their
/// own tests against the table).
fn code_only(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut prev = ' ';
    for c in line.chars() {
        if c == '"' && prev != '\\' {
            in_string = !in_string;
        } else if !in_string {
            if c == '/' && prev == '/' {
                out.pop();
                break;
            }
            out.push(c);
        }
        prev = c;
    }
    out
}

#[test]
fn tests_are_cut_out_whole_and_only_them() {
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn f() { 1.0f64 }\n}\nfn b() -> f64 { 0.0 }\n#[cfg(test)]\nmod more;\nfn c() {}\n";
    let kept = without_tests(text);
    assert!(kept.contains("fn a()") && kept.contains("fn b() -> f64") && kept.contains("fn c()"), "{kept}");
    assert!(!kept.contains("1.0f64") && !kept.contains("mod more"), "{kept}");
    assert_eq!(kept.lines().count(), text.lines().count());
}

#[test]
fn the_core_depends_on_nothing_web_no_clock_no_io_no_float() {
    let forbidden = [
        "web_sys", "js_sys", "wasm_bindgen", "yew", "gloo", // the browser belongs to the widget shell
        "std::time", "SystemTime", "Instant", // today's date is a parameter
        "std::fs", "std::net", "std::process", "std::env", // I/O belongs to the shells
        "f64", "f32", // money is integer cents
    ];
    let files: Vec<_> = source_files().into_iter().filter(|(rel, _)| !is_shell(rel)).collect();
    assert!(files.len() >= 20, "the core was found ({} files)", files.len());
    let mut breaches = Vec::new();
    for (path, code) in &files {
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for word in forbidden.iter().filter(|w| stands(line, w)) {
                breaches.push(format!("{}:{}: {word}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(breaches.is_empty(), "the core must stay pure (ARCHITECTURE.md):\n{}", breaches.join("\n"));
}

/// The table's distinctive figures, as code writes them (`4_600`, `4600`, `66`...).
/// Figures that are also everyday numbers (20 %, 5 years, 60 %, 14 or 7 days, 15 000)
/// would match loop bounds and lengths: they are left to review and to the table's own
/// tests.
fn figures_as_written() -> Vec<String> {
    let euros = |c: circo_don::money::Cents| c.get() / 100;
    let mut numbers: Vec<i64> = vec![
        rules::REDUCTION_RATE.0,
        euros(rules::DONOR_CAP),
        rules::DONOR_CAP.get(),
        euros(rules::CASH_PER_GIFT),
        euros(rules::CEILING_BASE),
        rules::CEILING_INDEX.0,
        euros(rules::PENALTY_FINE),
    ];
    numbers.sort_unstable();
    numbers.dedup();
    let mut written = Vec::new();
    for n in numbers {
        let plain = n.to_string();
        // With underscores every three digits, as rustfmt and this code base write them.
        let mut grouped = String::new();
        for (i, d) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                grouped.push('_');
            }
            grouped.push(d);
        }
        written.push(plain);
        if grouped.contains('_') {
            written.push(grouped);
        }
    }
    written.push(rules::TAX_BOX.to_owned());
    written
}

#[test]
fn no_legal_figure_outside_the_rules_table() {
    let figures = figures_as_written();
    assert!(figures.contains(&"4_600".to_owned()) && figures.contains(&"66".to_owned()), "{figures:?}");
    let mut breaches = Vec::new();
    for (rel, code) in source_files() {
        if rel == Path::new("law/rules.rs") || rel == Path::new("law/texts.rs") {
            continue;
        }
        for (n, line) in code.lines().enumerate() {
            let line = code_only(line);
            for figure in figures.iter().filter(|f| stands(&line, f)) {
                breaches.push(format!("{}:{}: {figure}: {}", rel.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(breaches.is_empty(), "legal figures belong to src/law/rules.rs (ARCHITECTURE.md):\n{}", breaches.join("\n"));
}
