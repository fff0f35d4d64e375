#![cfg(not(target_arch = "wasm32"))]
//! Every example the documentation gives runs: the `circo-don ...` lines of the README's
//! "Command line" section and of every `--help` (the tool's and each command's), each
//! through the built binary, from the repository's root, as a reader would type it.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_circo-don");

/// The example register's passphrase (tests/registers/README.md), as the README tells
/// a reader to give it: in the environment, never as an argument.
const EXAMPLE_PASSPHRASE: &str = "registre exemple";

fn circo_don(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("CIRCO_DON_PASSPHRASE", EXAMPLE_PASSPHRASE)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the circo-don binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// The lines of the README's "Command line" section that run `circo-don`, each with
/// its comment (after `#`).
fn readme_examples() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let section = readme.split("\n## Command line\n").nth(1).expect("a Command line section");
    let section = section.split("\n## ").next().unwrap_or_default();
    section
        .lines()
        .filter(|l| l.starts_with("circo-don "))
        .map(|l| match l.split_once(" #") {
            Some((command, comment)) => (command.trim().to_owned(), comment.trim().to_owned()),
            None => (l.trim().to_owned(), String::new()),
        })
        .collect()
}

/// The commands the tool's `--help` lists (but `help`).
fn commands() -> Vec<String> {
    let help = text(&circo_don(&["--help"]).stdout);
    let list = help.split("Commands:\n").nth(1).expect("--help lists the commands");
    list.lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

/// The examples of a help text: the `  circo-don ...` lines under `Example:` or
/// `Examples:`.
fn help_examples(help: &str) -> Vec<String> {
    let mut examples = Vec::new();
    let mut under = false;
    for line in help.lines() {
        if (line.starts_with("Example") && line.ends_with(':')) || line.starts_with("Examples (") {
            under = true;
        } else if under && line.starts_with("  circo-don ") {
            examples.push(line.trim().to_owned());
        } else {
            under = false;
        }
    }
    examples
}

/// Runs `line` and checks what a reader would expect of it: the exit status (`code`),
/// and an output that looks like the command's.
fn runs_as_documented(line: &str, code: i32) {
    assert!(!line.contains(['"', '\'', '\\', '|', '>', '[']), "{line}: an example to run as it is written, with no shell syntax");
    let words: Vec<&str> = line.split_whitespace().skip(1).collect();
    let out = circo_don(&words);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(code), "{line}\nstdout: {stdout}\nstderr: {stderr}");
    if code != 0 {
        assert!(stdout.is_empty() && stderr.starts_with("refused: ") && stderr.contains("[ce-l52-8-"), "{line}: {stderr}");
        return;
    }
    assert!(stderr.is_empty(), "{line}: {stderr}");
    assert!(!stdout.trim().is_empty(), "{line} prints something");
    if words.contains(&"--help") {
        assert!(stdout.contains(&format!("Usage: circo-don {}", words[0])), "{line}: {stdout}");
        return;
    }
    if words.contains(&"--json") || words[0] == "schema" {
        let value: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{line}: not JSON ({e}): {stdout}"));
        let expected = match words[0] {
            "quote" | "reverse" if words.contains(&"--monthly") => "/years/0/net_cost_cents",
            "quote" | "reverse" => "/net_cost_cents",
            "check" => "/ok",
            "statement" => "/statements/0/entries/0/amount_cents",
            "register" => "/summary/total_cents",
            _ => "/$schema",
        };
        assert!(value.pointer(expected).is_some(), "{line}: {expected} in {stdout}");
        if words[0] == "check" {
            assert_eq!(value["ok"], true, "{line}");
        }
        return;
    }
    let expected: &[&str] = match words[0] {
        "quote" | "reverse" if words.contains(&"--monthly") => &["Don mensuel : ", "Monthly gift: ", "Coût réel, toutes années : ", "Real cost, all years: €"],
        "quote" => &["Coût réel : ", " / Real cost: €", "Étapes : / Steps:"],
        "reverse" => &["Pour un coût réel d’au plus ", "For a real cost of at most "],
        "check" => &["0 erreur(s)", "0 error(s)"],
        "mentions" => &["L52-8", "L113-1"],
        "render" => &["<div data-circo-don=\"", "<template shadowrootmode=\"open\">", "circo-don.js\"></script>"],
        "rules" => &["| id | figure | source | since | verified | summary |", "`ce-l52-8-cap`"],
        "statement" => &["Compte ", " écritures / Account ", " entries\n  20"],
        "register" => &["Registre tests/registers/", "0 erreur(s), ", " / Goal: raised = "],
        "completions" => &["circo-don", "quote", "gift"],
        "communes" => &["communes en ", " files (communes/KEY.json), and ", " without its communes, in "],
        other => panic!("{line}: no expectation for {other}"),
    };
    for needle in expected {
        assert!(stdout.contains(needle), "{line}: {needle:?} in {stdout}");
    }
}

#[test]
fn every_example_of_the_readme_runs_as_documented() {
    let examples = readme_examples();
    assert!(examples.len() >= 10, "{examples:?}");
    for (line, comment) in &examples {
        let code = if comment.starts_with("exit 1") { 1 } else { 0 };
        runs_as_documented(line, code);
    }
    // The README shows every command.
    for command in commands() {
        assert!(examples.iter().any(|(l, _)| l.split_whitespace().nth(1) == Some(command.as_str())), "the README shows {command}");
    }
}

#[test]
fn every_example_of_every_help_runs_as_documented() {
    let commands = commands();
    assert!(commands.len() >= 8, "{commands:?}");
    let top = text(&circo_don(&["--help"]).stdout);
    let mut all = help_examples(&top);
    assert!(!all.is_empty(), "the tool's --help has examples: {top}");
    for command in &commands {
        let help = circo_don(&[command, "--help"]);
        assert_eq!(help.status.code(), Some(0), "{command} --help");
        let examples = help_examples(&text(&help.stdout));
        assert!(!examples.is_empty(), "{command} --help has examples: {}", text(&help.stdout));
        assert!(examples.iter().all(|e| e.starts_with(&format!("circo-don {command}"))), "{command}: {examples:?}");
        all.extend(examples);
    }
    for line in &all {
        runs_as_documented(line, 0);
    }
}

/// The binary prints what `cli::run` returns: clap's errors on stderr with exit 2, the
/// version on stdout.
#[test]
fn the_binary_exits_as_run_says() {
    let out = circo_don(&["quote", "--help-me"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: unexpected argument '--help-me' found"), "{}", text(&out.stderr));
    let out = circo_don(&["--version"]);
    assert_eq!((out.status.code(), text(&out.stdout)), (Some(0), format!("circo-don {}\n", env!("CARGO_PKG_VERSION"))));
}
