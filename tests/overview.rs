#![cfg(not(target_arch = "wasm32"))]
//! A movement's overview (`circo_don::donation::overview`): where each circo's figures
//! come from (the registry's win over the linked file's), the orders, the totals, and
//! `check`'s warning when the registry and a linked file disagree.

use std::fs;

use circo_don::config::{load, CheckId, Registry};
use circo_don::donation::overview::{figures, overview_page, sort, totals, Figures, Linked, SortBy};
use circo_don::i18n::Lang;
use circo_don::money::Cents;

fn demo(name: &str) -> String {
    fs::read_to_string(format!("{}/demo/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// An inline account of circo `dept-number`, built from the demo's, with this goal
/// (`None`: none).
fn inline(dept: &str, number: u16, name: &str, goal: Option<serde_json::Value>) -> serde_json::Value {
    let mut account: serde_json::Value = serde_json::from_str(&demo("circo-exemple.json")).unwrap();
    account["circo"] = serde_json::json!({ "department": dept, "number": number, "name": name });
    match goal {
        Some(goal) => account["goal"] = goal,
        None => drop(account.as_object_mut().unwrap().remove("goal")),
    }
    account
}

fn link(dept: &str, number: u16, name: &str, goal: Option<serde_json::Value>) -> serde_json::Value {
    let mut l = serde_json::json!({ "department": dept, "number": number, "name": name, "url": format!("{dept}-{number}.json") });
    if let Some(goal) = goal {
        l["goal"] = goal;
    }
    l
}

fn goal(target: i64, raised: i64, average: Option<i64>) -> serde_json::Value {
    let mut g = serde_json::json!({ "target": target, "raised": raised, "as_of": "2027-05-01" });
    if let Some(a) = average {
        g["average_gift"] = a.into();
    }
    g
}

fn registry(circos: Vec<serde_json::Value>) -> Registry {
    let text = serde_json::json!({ "format": "circo-don-registry/1", "name": "Mouvement", "circos": circos }).to_string();
    let loaded = load(&text);
    assert!(loaded.errors().next().is_none(), "{:#?}", loaded.problems);
    loaded.registry().cloned().unwrap()
}

/// Six circos, one of each kind of figures.
fn mixed() -> Registry {
    registry(vec![
        inline("75", 2, "Paris, 2e", Some(goal(3000, 1000, Some(37)))), // 2 000 missing
        link("2B", 1, "Haute-Corse, 1re", Some(goal(5000, 500, None))), // published: 4 500 missing
        link("13", 4, "Bouches-du-Rhône, 4e", None),                     // pending or read
        inline("01", 1, "Ain, 1re", None),                               // no goal
        link("ZZ", 5, "Français de l’étranger, 5e", None),               // failed
        inline("974", 1, "La Réunion, 1re", Some(goal(2000, 2500, Some(50)))), // reached
    ])
}

/// `s` with the narrow and plain no-break spaces of French figures as spaces.
fn plain(s: Option<&str>) -> Option<String> {
    s.map(|s| s.replace(['\u{202f}', '\u{a0}'], " "))
}

fn slugs(page: &circo_don::donation::overview::OverviewPage) -> Vec<&str> {
    page.rows.iter().map(|r| r.slug.as_str()).collect()
}

fn linked_file(goal: circo_don::config::model::Goal) -> Linked {
    Linked::Read(Some(goal))
}

#[test]
fn the_overview_is_sorted_by_what_is_missing_then_by_department_or_name() {
    let r = mixed();
    let read = linked_file(circo_don::config::model::Goal { target: Cents::from_euros(4000), raised: Cents::from_euros(1000), as_of: None, average_gift: Some(Cents::from_euros(100)) });
    let failed = Linked::Failed;
    let linked = |e: &circo_don::config::Entry| match e.slug.as_str() {
        "13-04" => Some(&read),
        "ZZ-05" => Some(&failed),
        _ => None,
    };
    let page = overview_page(&r, linked, SortBy::Missing, Lang::Fr);
    // 4 500 (published), 3 000 (the file read), 2 000, 0 (reached); then without figures,
    // by department.
    assert_eq!(slugs(&page), ["2B-01", "13-04", "75-02", "974-01", "01-01", "ZZ-05"]);
    let states: Vec<&str> = page.rows.iter().map(|r| r.state).collect();
    assert_eq!(states, ["progress", "progress", "progress", "reached", "no-goal", "failed"]);
    assert_eq!(plain(page.rows[1].missing.as_deref()).as_deref(), Some("Il manque 3 000 €, soit 30 dons de 100 €."));
    assert_eq!(plain(page.rows[2].missing.as_deref()).as_deref(), Some("Il manque 2 000 €, soit 55 dons de 37 €."), "2 000 / 37 = 54.05: rounded up");
    assert_eq!(plain(page.rows[0].missing.as_deref()).as_deref(), Some("Il manque 4 500 €."), "no average gift: no count");
    assert_eq!(page.rows[3].missing.as_deref(), Some("Objectif atteint."));
    assert_eq!(page.rows[3].percent, Some(100));
    assert_eq!(plain(Some(&page.rows[2].figures)).unwrap(), "1 000 € collectés sur un objectif de 3 000 € (au 1er mai 2027)");
    assert!(page.rows[5].figures.contains("n’a pas pu être lu"), "{}", page.rows[5].figures);
    assert!(!page.pending);

    let by_department = overview_page(&r, linked, SortBy::Department, Lang::En);
    assert_eq!(slugs(&by_department), ["01-01", "13-04", "2B-01", "75-02", "974-01", "ZZ-05"]);
    assert_eq!(by_department.sorts.iter().filter(|s| s.2).map(|s| s.0).collect::<Vec<_>>(), ["department"]);
    let by_name = overview_page(&r, linked, SortBy::Name, Lang::En);
    assert_eq!(slugs(&by_name), ["01-01", "13-04", "ZZ-05", "2B-01", "974-01", "75-02"], "Français before Haute, accents ignored");
    assert_eq!(by_name.rows[0].figures, "No goal published.");
}

#[test]
fn a_circo_whose_file_is_still_loading_is_listed_after_those_with_figures() {
    let r = mixed();
    let page = overview_page(&r, |_| None, SortBy::Missing, Lang::En);
    assert_eq!(slugs(&page), ["2B-01", "75-02", "974-01", "01-01", "13-04", "ZZ-05"]);
    assert!(page.pending);
    assert_eq!(page.rows[4].state, "pending");
    assert!(page.totals.ends_with("Figures of 2 circonscriptions still loading."), "{}", page.totals);
}

#[test]
fn the_totals_add_up_the_known_figures() {
    let r = mixed();
    let read = linked_file(circo_don::config::model::Goal { target: Cents::from_euros(4000), raised: Cents::from_euros(1000), as_of: None, average_gift: None });
    let failed = Linked::Failed;
    let linked = |e: &circo_don::config::Entry| Some(if e.slug == "13-04" { &read } else { &failed });
    let fig: Vec<Figures> = r.entries.iter().map(|e| figures(e, linked(e))).collect();
    let t = totals(&fig);
    assert_eq!((t.raised, t.goal), (Cents::from_euros(1000 + 500 + 1000 + 2500), Cents::from_euros(3000 + 5000 + 4000 + 2000)));
    assert_eq!((t.with_goal, t.reached, t.pending), (4, 1, 0));
    let page = overview_page(&r, linked, SortBy::Missing, Lang::Fr);
    assert_eq!(plain(Some(&page.totals)).unwrap(), "5 000 € collectés sur 14 000 € ; 1 circonscription sur 4 a atteint son objectif.");
    let none = registry(vec![inline("01", 1, "Ain, 1re", None)]);
    assert_eq!(overview_page(&none, |_| None, SortBy::Missing, Lang::En).totals, "No circonscription publishes a goal yet.");
}

#[test]
fn the_registry_s_figures_win_over_the_linked_file_s() {
    let r = mixed();
    let entry = r.find("2B-01").unwrap();
    let other = linked_file(circo_don::config::model::Goal { target: Cents::from_euros(9000), raised: Cents::from_euros(9000), as_of: None, average_gift: None });
    match figures(entry, Some(&other)) {
        Figures::Progress(p) => assert_eq!((p.goal, p.raised, p.missing), (Cents::from_euros(5000), Cents::from_euros(500), Cents::from_euros(4500))),
        f => panic!("expected the registry's figures, got {f:?}"),
    }
    // A link without published figures takes the file's, once read.
    let own = r.find("13-04").unwrap();
    assert!(matches!(figures(own, Some(&other)), Figures::Progress(p) if p.missing == Cents::ZERO));
    assert_eq!(figures(own, Some(&Linked::Read(None))), Figures::NoGoal);
    assert_eq!(figures(own, None), Figures::Pending);
}

#[test]
fn sorting_is_stable_and_total() {
    // Two circos missing the same amount keep the department order.
    let r = registry(vec![link("75", 1, "B", Some(goal(100, 0, None))), link("01", 1, "A", Some(goal(100, 0, None)))]);
    let mut rows: Vec<_> = r.entries.iter().map(|e| (e, figures(e, None))).collect();
    sort(&mut rows, SortBy::Missing);
    assert_eq!(rows.iter().map(|(e, _)| e.slug.as_str()).collect::<Vec<_>>(), ["01-01", "75-01"]);
    assert_eq!(SortBy::from_key("name"), SortBy::Name);
    assert_eq!(SortBy::from_key("nonsense"), SortBy::Missing);
}

#[test]
fn a_link_s_goal_and_page_are_checked_at_their_paths() {
    let text = serde_json::json!({ "format": "circo-don-registry/1", "circos": [
        { "department": "75", "number": 1, "name": "Paris", "url": "a.json", "goal": { "target": 0, "raised": -1 }, "page": "javascript:alert(1)" },
    ] })
    .to_string();
    let loaded = load(&text);
    let found: Vec<(&str, &str)> = loaded.problems.iter().map(|p| (p.path.as_str(), p.rule.as_str())).collect();
    assert_eq!(found, [("circos[0].page", "url-scheme"), ("circos[0].goal.target", "goal-target"), ("circos[0].goal.raised", "goal-raised")]);
    let good = registry(vec![serde_json::json!({ "department": "75", "number": 1, "name": "Paris", "url": "a.json", "page": "https://exemple.fr/paris-1" })]);
    assert_eq!(good.entries[0].page.as_deref(), Some("https://exemple.fr/paris-1"));
}

#[test]
fn check_warns_when_the_registry_and_the_linked_file_disagree() {
    let text = demo("circo-exemple.json");
    let account = load(&text).account().cloned().unwrap();
    let with = |g: Option<serde_json::Value>| registry(vec![link("99", 1, "Circonscription exemple", g)]);
    // The demo file: 3 000 € goal, 1 240 € raised.
    assert_eq!(with(Some(goal(3000, 1240, None))).entries[0].check_linked_goal(&account), None);
    assert_eq!(with(None).entries[0].check_linked_goal(&account), None, "nothing published, nothing to compare");
    let stale = with(Some(goal(3000, 1500, None))).entries[0].check_linked_goal(&account).unwrap();
    assert_eq!((stale.rule, stale.is_error()), (CheckId::LinkGoalMismatch, false));
    assert!(stale.message.fr.contains("1500 € collectés") && stale.message.fr.contains("1240 € collectés"), "{}", stale.message.fr);
    assert!(stale.message.en.contains("shows the registry’s figures"), "{}", stale.message.en);
    let mut without: serde_json::Value = serde_json::from_str(&text).unwrap();
    without.as_object_mut().unwrap().remove("goal");
    let none = with(Some(goal(3000, 1240, None)));
    let read = none.entries[0].read_linked(&without.to_string());
    assert!(read.account().is_some(), "a warning does not void the file");
    assert!(read.problems.iter().any(|p| p.rule == CheckId::LinkGoalMismatch && p.message.en.contains("has no goal")), "{:#?}", read.problems);

    // `check` on a registry beside its linked file says so, and still passes.
    let dir = std::env::temp_dir().join(format!("circo-don-overview-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("99-1.json"), &text).unwrap();
    let reg = serde_json::json!({ "format": "circo-don-registry/1", "circos": [link("99", 1, "Circonscription exemple", Some(goal(3000, 1500, None)))] });
    fs::write(dir.join("registry.json"), reg.to_string()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_circo-don")).args(["check", &dir.join("registry.json").to_string_lossy()]).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success(), "{report}");
    assert!(report.contains("link-goal-mismatch"), "{report}");
}

#[test]
fn the_search_keeps_the_circos_it_found_in_the_overview_s_order_with_the_chooser_s_labels() {
    use circo_don::donation::overview::keep_found;
    use circo_don::donation::page::{chooser_page, MAX_CHOICES};
    use circo_don::config::communes::NONE_ADDED;
    let r = mixed();
    let mut page = overview_page(&r, |_| None, SortBy::Missing, Lang::Fr);
    // Found in the search's order; listed in the overview's, labelled as the chooser labels them.
    let choices = vec![("974-01".to_owned(), "Saint-Denis — La Réunion, 1re (974-01)".to_owned()), ("2B-01".to_owned(), "Haute-Corse, 1re (2B-01)".to_owned())];
    keep_found(&mut page, &choices);
    assert_eq!(slugs(&page), ["2B-01", "974-01"]);
    assert_eq!(page.rows[1].label, "Saint-Denis — La Réunion, 1re (974-01)");
    assert_eq!(page.rows[1].state, "reached");
    // Everything found: every row, at most MAX_CHOICES of them, the most missing first.
    let many = registry((1..=40).map(|n| link("75", n, &format!("Paris {n}"), Some(goal(1000, i64::from(n) * 10, None)))).collect());
    let mut page = overview_page(&many, |_| None, SortBy::Missing, Lang::En);
    keep_found(&mut page, &chooser_page(&many, &NONE_ADDED, "", Lang::En).choices);
    assert_eq!(page.rows.len(), MAX_CHOICES);
    assert_eq!((page.rows[0].slug.as_str(), page.rows[0].label.as_str()), ("75-01", "Paris 1 (75-01)"));
    keep_found(&mut page, &chooser_page(&many, &NONE_ADDED, "75-07", Lang::En).choices);
    assert_eq!(slugs(&page), ["75-07"]);
}
