#![cfg(not(target_arch = "wasm32"))]
//! `circo-don render`: the snippet with the widget's initial view prerendered by the
//! same components as the live widget, through `cli::run`.

use circo_don::cli::run;

fn run_args(a: &[&str]) -> circo_don::cli::Output {
    run(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

fn path(p: &str) -> String {
    format!("{}/{p}", env!("CARGO_MANIFEST_DIR"))
}

/// The demo's snippet, rendered for a fixed day; `extra` adds options or replaces these
/// (an option is given once).
fn demo(extra: &[&str]) -> String {
    let demo = path("demo/circo-exemple.json");
    let mut args = vec!["render", demo.as_str()];
    for (flag, value) in [("--config-url", "demo/circo-exemple.json"), ("--base", "./"), ("--date", "2026-11-25")] {
        if !extra.contains(&flag) {
            args.extend([flag, value]);
        }
    }
    args.extend_from_slice(extra);
    let out = run_args(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    out.stdout
}

/// The demo configuration's own values, read as JSON (not through the crate).
fn demo_value(pointer: &str) -> String {
    let text = std::fs::read_to_string(path("demo/circo-exemple.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json.pointer(pointer).and_then(|v| v.as_str()).unwrap_or_else(|| panic!("{pointer}")).to_owned()
}

#[test]
fn the_snippet_holds_what_a_donor_needs_to_give() {
    let html = demo(&[]);
    // The host, its declarative shadow root with the stylesheet beside the script,
    // then the script; the wasm preloaded before all.
    assert!(html.starts_with("<link rel=\"preload\" href=\"./circo-don_bg.wasm\" as=\"fetch\" crossorigin>\n"), "{html}");
    assert!(html.contains("<div data-circo-don=\"demo/circo-exemple.json\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"./circo-don.css\">"));
    assert!(html.ends_with(&format!("</template>{}</div>\n<script type=\"module\" src=\"./circo-don.js\"></script>\n", circo_don::embed::FALLBACK)));
    // The account's payment details, every method's.
    for value in ["/payment/transfer/iban", "/payment/cheque/payee", "/payment/transfer/holder", "/payment/transfer/bic"] {
        let value = demo_value(value);
        assert!(html.contains(&value), "{value} missing");
    }
    assert!(html.contains("<svg"), "the transfer QR code");
    assert!(html.contains(&demo_value("/payment/card/url")), "the card link");
    // The default preset (the goal's 37 € average gift) and its real cost: 66 % back,
    // 37 € − 24,42 € = 12,58 €.
    assert!(html.contains("value=\"37\""), "the amount field holds the preset");
    assert!(html.contains("12,58\u{a0}€"), "the real cost of 37 €");
    // Dated, not only relative: true on the day it was rendered, and says which.
    assert!(html.contains("Au 25 novembre 2026, plus que 53 jours avant le premier tour (17 janvier 2027)."));
    // The L52-9 mentions.
    assert!(html.contains("article L52-9"));
    // No style attribute anywhere (a strict CSP refuses them), no script in the view.
    assert!(!html.contains(" style="));
    assert_eq!(html.matches("<script").count(), 1);
}

#[test]
fn language_and_base_are_the_collectives() {
    let html = demo(&["--lang", "en", "--base", "https://dons.example.org/w"]);
    assert!(html.contains("<div data-circo-don=\"demo/circo-exemple.json\" data-lang=\"en\">"));
    assert!(html.contains("src=\"https://dons.example.org/w/circo-don.js\""));
    assert!(html.contains("href=\"https://dons.example.org/w/circo-don.css\""));
    assert!(html.contains("On 25 November 2026, 53 days left before the first round"));
    assert!(html.contains("lang=\"en\""));
}

#[test]
fn an_attribute_cannot_be_broken_out_of() {
    let html = demo(&["--config-url", "a.json\"><script>alert(1)</script>"]);
    assert!(html.contains("data-circo-don=\"a.json&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    assert_eq!(html.matches("<script").count(), 1);
}

#[test]
fn a_registry_renders_the_circo_asked_for() {
    let registry = path("demo/registry.json");
    let args = |circo: &'static str| vec!["render", registry.as_str(), "--config-url", "r.json", "--base", "./", "--date", "2026-11-25", "--circo", circo];
    // A linked entry: its file, read beside the registry.
    let out = run_args(&args("99-01"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(&demo_value("/payment/transfer/iban")));
    let out = run_args(&args("12-34"));
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert!(out.stderr.contains("pas de circonscription 12-34"), "{}", out.stderr);
}

/// The prerendered overview's rows: each one's link target, state and text, in order.
fn rows(html: &str) -> Vec<(String, String, String)> {
    html.split("<li data-state=\"").skip(1).map(|li| {
        let li = &li[..li.find("</li>").expect("a closed row")];
        let state = li[..li.find('"').unwrap()].to_owned();
        let href = li.split("<a href=\"").nth(1).map(|a| a[..a.find('"').unwrap()].to_owned()).unwrap_or_default();
        (href, state, li.to_owned())
    }).collect()
}

#[test]
fn a_registry_without_circo_renders_its_overview_with_the_figures_of_its_files() {
    let registry = path("demo/registry.json");
    let out = run_args(&["render", registry.as_str(), "--config-url", "/don/registry.json", "--base", "/don/"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let html = &out.stdout;
    assert!(html.contains("<template shadowrootmode=\"open\">"));
    assert!(html.contains("data-circo-don=\"/don/registry.json\""));
    assert!(html.contains("data-state=\"prerendered\""));
    assert!(html.contains("<h3>Où manque l’argent</h3>"));
    let rows = rows(html);
    let order: Vec<(&str, &str)> = rows.iter().map(|(href, state, _)| (href.as_str(), state.as_str())).collect();
    // The linked file's goal (read beside the registry) puts its circo first, by what is
    // missing; the circos without a goal are listed, without progress.
    assert_eq!(order, [("#circo-99-01", "progress"), ("#circo-99-02", "no-goal"), ("#circo-99-03", "no-goal"), ("#circo-ZZ-05", "no-goal")]);
    let text = std::fs::read_to_string(path("demo/circo-exemple.json")).unwrap();
    let goal: serde_json::Value = serde_json::from_str::<serde_json::Value>(&text).unwrap()["goal"].clone();
    let (target, raised) = (goal["target"].as_i64().unwrap(), goal["raised"].as_i64().unwrap());
    let missing = circo_don::money::Cents::from_euros(target - raised).format(circo_don::i18n::Lang::Fr);
    assert!(rows[0].2.contains(&format!("Il manque {missing}")), "{}", rows[0].2);
    assert!(html.contains("la circonscription qui a un objectif ne l’a pas encore atteint"), "one goal, said in the singular");
    // In English when asked.
    let en = run_args(&["render", registry.as_str(), "--config-url", "r.json", "--base", "./", "--lang", "en"]);
    assert!(en.stdout.contains("<h3>Where money is missing</h3>") && en.stdout.contains("data-lang=\"en\""), "{}", en.stdout);
}

#[test]
fn a_registry_whose_linked_file_is_missing_renders_that_circo_as_failed_and_says_so() {
    let dir = std::env::temp_dir().join(format!("circo-don-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut registry: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path("demo/registry.json")).unwrap()).unwrap();
    registry["circos"][0]["url"] = "absent.json".into();
    registry["circos"][1]["page"] = "../99-02/".into();
    std::fs::copy(path("demo/association.json"), dir.join("association.json")).unwrap();
    let file = dir.join("registry.json");
    std::fs::write(&file, registry.to_string()).unwrap();
    let out = run_args(&["render", file.to_str().unwrap(), "--config-url", "/don/registry.json", "--base", "/don/"]);
    assert_eq!(out.code, 0, "the other circos are still worth a snippet: {}", out.stderr);
    assert!(out.stderr.contains("absent.json"), "the file named: {}", out.stderr);
    assert!(out.stderr.contains("à leur circonscription, sans chiffres"), "{}", out.stderr);
    let rows = rows(&out.stdout);
    let failed = rows.iter().find(|r| r.0 == "#circo-99-01").unwrap();
    assert_eq!(failed.1, "failed");
    assert!(failed.2.contains("n’a pas pu être lu"), "{}", failed.2);
    // A circo's own page, resolved against the registry's address, as the live widget does.
    let second = rows.iter().find(|r| r.0 == "#circo-99-02").unwrap();
    assert!(second.2.contains("<a href=\"/99-02/\">Sa page</a>"), "{}", second.2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_broken_configuration_exits_1_with_checks_report_and_no_snippet() {
    let dir = path("tests/configs/broken");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    assert!(files.len() > 30, "the corpus");
    for file in files {
        let file = file.to_str().unwrap();
        let out = run_args(&["render", file, "--config-url", "c.json", "--base", "./", "--date", "2026-11-25"]);
        assert_eq!(out.code, 1, "{file}");
        assert_eq!(out.stdout, "", "{file}: no snippet");
        assert_eq!(out.stderr, run_args(&["check", file]).stdout, "{file}: check's report");
    }
}

#[test]
fn usage_errors_exit_2_in_the_usual_shape() {
    let demo = path("demo/circo-exemple.json");
    let cases: [(&[&str], &str); 4] = [
        (&["render", &demo], "error: the following required arguments were not provided:\n  --config-url <URL>\n  --base <URL>\n"),
        (
            &["render", &demo, "--config-url", "c", "--base", "./", "--date", "2026-02-30"],
            "error: invalid value '2026-02-30' for '--date <YYYY-MM-DD>': date invalide (AAAA-MM-JJ) / invalid date (YYYY-MM-DD)\n",
        ),
        (&["render", &demo, "--lang", "de"], "error: invalid value 'de' for '--lang <LANG>': langue inconnue (fr, en) / unknown language (fr, en)\n"),
        (&["render", &demo, "--frob"], "error: unexpected argument '--frob' found\n"),
    ];
    for (args, start) in cases {
        let out = run_args(args);
        assert_eq!((out.code, out.stdout.as_str()), (2, ""), "{args:?}");
        assert!(out.stderr.starts_with(start), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("Usage: circo-don render ") || out.stderr.contains("For more information, try '--help'."), "{args:?}: {}", out.stderr);
    }
}

/// The builder page's prerendered snippet is what `circo-don render` prints: the
/// builder's side as the page makes it (its draft, edited through its form, checked by
/// `Draft::check`, its two addresses, `render_snippet` awaited by an executor of the
/// test's own), the command's side through the built binary, reading the file the
/// builder saves, for the same day.
#[test]
fn the_builders_prerendered_snippet_is_the_commands() {
    use circo_don::builder::{prerender, Draft};
    use circo_don::date::Date;
    use circo_don::widget::render::{render_snippet, Snippet};
    let mut draft = Draft::import(&std::fs::read_to_string(path("demo/circo-exemple.json")).unwrap());
    let name = draft.groups().into_iter().flat_map(|g| g.fields).find(|f| f.path == "candidate.name").expect("the candidate's name field");
    draft.set(&name, "Dominique Lefèvre", true);
    let saved = std::env::temp_dir().join(format!("circo-don-builder-render-{}.json", std::process::id()));
    std::fs::write(&saved, draft.text()).unwrap();
    let loaded = draft.check();
    let today = Date::parse_iso("2026-11-25").unwrap();
    for (config_url, base) in [("demo/circo-exemple.json", "./"), ("https://a.fr/don/circo.json", "https://a.fr/w/")] {
        let p = prerender(&loaded, config_url, base).expect("the demo is a valid account");
        let snippet = Snippet { account: p.account, config_url: &p.config_url, base: &p.base, lang: None, today };
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let built = runtime.block_on(tokio::task::LocalSet::new().run_until(render_snippet(&snippet)));
        let cli = std::process::Command::new(env!("CARGO_BIN_EXE_circo-don"))
            .args(["render", saved.to_str().unwrap(), "--config-url", config_url, "--base", base, "--date", "2026-11-25"])
            .output()
            .unwrap();
        assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
        assert!(built.contains("FR76") && built.contains("Dominique Lefèvre"), "the builder's snippet holds its draft's account");
        assert_eq!(built, String::from_utf8(cli.stdout).unwrap(), "{config_url} {base}");
    }
    std::fs::remove_file(&saved).unwrap();
}

/// Without JavaScript, `styles/widget.css` hides what needs the wasm by class
/// (`@media (scripting: none)`): each of those classes must be on an element of the
/// prerender, whichever way the view builds it (`html!` or `widget::dom`'s helpers).
#[test]
fn every_class_the_no_script_rule_hides_is_rendered() {
    let css = std::fs::read_to_string(path("styles/widget.css")).unwrap();
    let rule = css.split("@media (scripting: none)").nth(1).and_then(|r| r.split('}').next()).unwrap();
    let classes: Vec<&str> = rule
        .split(['{', ','])
        .filter_map(|s| s.trim().strip_prefix(".cd-static ."))
        .filter(|c| *c != "cd-static-only")
        .collect();
    assert!(classes.len() >= 8, "{classes:?}");
    let html = demo(&[]);
    for class in classes {
        let on_element = html.split("class=\"").skip(1).any(|rest| rest.split('"').next().is_some_and(|v| v.split(' ').any(|c| c == class)));
        assert!(on_element, "no element has class {class}");
    }
}
