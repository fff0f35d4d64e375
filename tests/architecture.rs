//! The invariants of ARCHITECTURE.md that a reader could break without noticing: the core
//! uses no web crate, no clock, no file system or network, and no floating point (money is
//! integer cents). The shells (`src/widget`, `src/cli`, `src/main.rs`) are exempt.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

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

/// The core's source, without its `#[cfg(test)]` modules (tests may use what they like).
fn core_files() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter(|p| {
            let rel = p.strip_prefix(&src).unwrap();
            !(rel.starts_with("widget") || rel.starts_with("cli") || rel == Path::new("main.rs"))
        })
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            let code = match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_owned(),
                None => text,
            };
            (p, code)
        })
        .collect()
}

#[test]
fn the_core_depends_on_nothing_web_no_clock_no_io_no_float() {
    let forbidden = [
        "web_sys", "js_sys", "wasm_bindgen", "yew", "gloo", // the browser belongs to the widget shell
        "std::time", "SystemTime", "Instant", // today's date is a parameter
        "std::fs", "std::net", "std::process", "std::env", // I/O belongs to the shells
        "f64", "f32", // money is integer cents
    ];
    let files = core_files();
    assert!(files.len() >= 10, "the core was found ({} files)", files.len());
    let mut breaches = Vec::new();
    for (path, code) in &files {
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            for word in forbidden {
                let hit = line.match_indices(word).any(|(i, _)| {
                    let before = line[..i].chars().next_back();
                    let after = line[i + word.len()..].chars().next();
                    let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                    !ident(before) && !ident(after)
                });
                if hit {
                    breaches.push(format!("{}:{}: {word}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(breaches.is_empty(), "the core must stay pure (ARCHITECTURE.md):\n{}", breaches.join("\n"));
}
