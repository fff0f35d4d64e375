#![cfg(not(target_arch = "wasm32"))]
//! `circo-don check URL` loads as the widget does: the same address rule, redirects,
//! status, type, size (declared or streamed) and body checks, and it says what the
//! widget would say. Served by a tiny HTTP server on 127.0.0.1 in this test (bounded:
//! a few connections, each with timeouts); fetched through the system's `curl`, which
//! the command needs.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use circo_don::cli::run;
use circo_don::embed::{LoadFailure, MAX_CONFIG_BYTES};

const MIB: usize = 1024 * 1024;

fn demo() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).expect("the demo account")
}

/// Writes the answer for `path`; errors (the client gone once it has decided) are the
/// point of some answers, and ignored.
fn answer(stream: &mut TcpStream, path: &str) {
    let head = |status: &str, fields: &str| format!("HTTP/1.1 {status}\r\nConnection: close\r\n{fields}\r\n");
    let json = "Content-Type: application/json\r\n";
    let (head, body): (String, Vec<u8>) = match path {
        "/ok.json" => (head("200 OK", &format!("{json}Content-Length: {}\r\n", demo().len())), demo()),
        "/moved.json" => (head("301 Moved Permanently", "Location: ok.json\r\nContent-Length: 0\r\n"), Vec::new()),
        "/to-cleartext.json" => (head("302 Found", "Location: http://collectif.example/c.json\r\nContent-Length: 0\r\n"), Vec::new()),
        "/page.json" => (head("200 OK", "Content-Type: text/html; charset=utf-8\r\nContent-Length: 6\r\n"), b"<html>".to_vec()),
        "/declared.json" => (head("200 OK", &format!("{json}Content-Length: {}\r\n", 2 * MIB)), vec![b' '; 2 * MIB]),
        "/streamed.json" => (head("200 OK", json), vec![b' '; 2 * MIB]),
        "/short.json" => (head("200 OK", &format!("{json}Content-Length: 100\r\n")), b"{\"format\"".to_vec()),
        "/latin1.json" => (head("200 OK", &format!("{json}Content-Length: 2\r\n")), vec![0xe9, 0xe9]),
        _ => (head("404 Not Found", "Content-Length: 0\r\n"), Vec::new()),
    };
    let _ = stream.write_all(head.as_bytes());
    for part in body.chunks(64 * 1024) {
        if stream.write_all(part).is_err() {
            return;
        }
    }
}

/// Serves `connections` requests on 127.0.0.1, then stops; its base URL.
fn serve(connections: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let base = format!("http://127.0.0.1:{}", listener.local_addr().expect("its address").port());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(mut stream) = stream else { continue };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
            let mut request = Vec::new();
            let mut byte = [0u8; 1];
            while !request.ends_with(b"\r\n\r\n") && request.len() < 16 * 1024 {
                match stream.read(&mut byte) {
                    Ok(1) => request.push(byte[0]),
                    _ => break,
                }
            }
            let request = String::from_utf8_lossy(&request);
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            answer(&mut stream, &path);
        }
    });
    base
}

fn check(url: &str, json: bool) -> circo_don::cli::Output {
    let mut args = vec!["check".to_owned(), url.to_owned()];
    if json {
        args.push("--json".to_owned());
    }
    let out = run(&args);
    assert!(!out.stderr.contains("could not run curl"), "circo-don check URL needs curl on the PATH: {}", out.stderr);
    out
}

/// What the widget would tell the collective and the donor of `failure`.
fn says(url: &str, failure: &LoadFailure) -> String {
    let (collective, donor) = (failure.for_collective(url), failure.for_donor());
    format!("  fr: {}\n  en: {}\nle donateur lirait / the donor would read:\n  fr: {}\n  en: {}\n", collective.fr, collective.en, donor.fr, donor.en)
}

#[test]
fn a_served_account_is_checked_as_a_file_is() {
    let base = serve(3);
    let url = format!("{base}/ok.json");
    let out = check(&url, false);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.starts_with(&format!("{url}: compte 99-01 — ")), "{}", out.stdout);
    assert!(out.stdout.contains("\n0 erreur(s), 0 avertissement(s) / 0 error(s), 0 warning(s)\n"), "{}", out.stdout);
    // A redirect is followed, relative to the address that gave it.
    let out = check(&format!("{base}/moved.json"), true);
    assert_eq!(out.code, 0, "{out:?}");
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!((report["ok"].clone(), report["kind"].clone()), (serde_json::json!(true), serde_json::json!("account")));
}

#[test]
fn what_the_widget_refuses_is_refused_in_its_words() {
    let base = serve(7);
    let cases = [
        ("/nothing.json", LoadFailure::Http(404)),
        ("/page.json", LoadFailure::NotJson("text/html".into())),
        ("/declared.json", LoadFailure::TooLarge(2 * MIB as u64)),
        ("/short.json", LoadFailure::CutShort("9 / 100".into())),
        ("/latin1.json", LoadFailure::NotJson("UTF-8".into())),
        ("/to-cleartext.json", LoadFailure::InsecureRedirect("http://collectif.example/c.json".into())),
    ];
    for (path, failure) in cases {
        let url = format!("{base}{path}");
        let out = check(&url, false);
        assert_eq!(out.code, 1, "{path}: {out:?}");
        assert!(out.stdout.starts_with(&format!("{url}: le widget ne chargerait pas cette configuration / the widget would not load this configuration\n")), "{path}: {}", out.stdout);
        assert!(out.stdout.ends_with(&says(&url, &failure)), "{path}: {failure:?}: {}", out.stdout);
    }
    // Streamed without a length: refused once past the limit, without reading it all.
    let url = format!("{base}/streamed.json");
    let out = check(&url, true);
    assert_eq!(out.code, 1, "{out:?}");
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(report["ok"], false);
    let message = report["load"]["message_en"].as_str().expect("the collective's message");
    let received: u64 = message.split("at least ").nth(1).and_then(|m| m.split(' ').next()).and_then(|n| n.parse().ok()).expect("the bytes received");
    assert!(received > MAX_CONFIG_BYTES && received < 2 * MIB as u64, "{message}");
}

/// The address rule comes first: cleartext beyond this machine is never fetched.
#[test]
fn cleartext_beyond_this_machine_is_refused_before_any_request() {
    let url = "http://collectif.example/c.json";
    let out = check(url, false);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stdout.ends_with(&says(url, &LoadFailure::UnsupportedScheme("http".into()))), "{}", out.stdout);
    // The other commands that read a URL say it on stderr, exit 1 too.
    let out = run(&["mentions".to_owned(), url.to_owned()]);
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
    assert_eq!(out.stderr, format!("mentions: {}\n", LoadFailure::UnsupportedScheme("http".into()).for_collective(url)));
}
