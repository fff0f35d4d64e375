//! Component tests of the widget shell, in headless Chromium (wasm-bindgen-test). They
//! mount real widgets on elements of the test page and drive them through the DOM, the
//! way a host page and a donor do. Run by `tools/test.sh browser`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

const PERSON_FILE: &str = include_str!("../demo/circo-exemple.json");
const ASSOCIATION_FILE: &str = include_str!("../demo/association.json");
const REGISTRY: &str = include_str!("../demo/registry.json");

/// An example account whose election is 30 days away from today (the widget reads the
/// browser's clock), so that its collection is open whatever day the tests run.
fn collecting(file: &str) -> String {
    let today = circo_don::widget::today();
    let day = |n: i64| today.add_days(n).unwrap().to_string();
    let mut doc: serde_json::Value = serde_json::from_str(file).unwrap();
    doc["election"] = serde_json::json!({
        "kind": "by_election", "trigger_date": day(-40), "first_round": day(30), "second_round": day(37),
    });
    doc["mandataire"]["designated_on"] = day(-35).into();
    if doc.get("goal").is_some() {
        doc["goal"]["as_of"] = day(-1).into();
    }
    doc.to_string()
}

fn person() -> String {
    collecting(PERSON_FILE)
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element whose configuration is the inline JSON `config`.
fn host_with(config: &str, attrs: &[(&str, &str)]) -> Element {
    let doc = document();
    let id = format!("cfg-{}", js_sys::Math::random().to_bits());
    let script = doc.create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_id(&id);
    script.set_text_content(Some(config));
    doc.body().unwrap().append_child(&script).unwrap();
    let host = doc.create_element("div").unwrap();
    host.set_attribute("data-circo-don", &format!("#{id}")).unwrap();
    for (k, v) in attrs {
        host.set_attribute(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

fn shadow(host: &Element) -> ShadowRoot {
    host.shadow_root().expect("the widget mounted a shadow root")
}

fn query(host: &Element, selector: &str) -> Option<Element> {
    shadow(host).query_selector(selector).unwrap()
}

/// Waits (up to 5 s) until `selector` matches inside the widget.
async fn wait_for(host: &Element, selector: &str) -> Element {
    for _ in 0..250 {
        if let Some(el) = host.shadow_root().and_then(|s| s.query_selector(selector).ok().flatten()) {
            return el;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("{selector} never appeared; widget: {:?}", host.shadow_root().map(|s| s.inner_html()));
}

async fn settle() {
    TimeoutFuture::new(60).await;
}

/// The element's rendered text, with no-break spaces (French thousands and `€`) as
/// plain spaces.
fn text_of(el: &Element) -> String {
    el.dyn_ref::<HtmlElement>().map(|e| e.inner_text()).unwrap_or_default().replace(['\u{a0}', '\u{202f}'], " ")
}

async fn type_into(host: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = query(host, selector).expect(selector).dyn_into().unwrap();
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

async fn click(host: &Element, selector: &str) {
    let el: HtmlElement = query(host, selector).expect(selector).dyn_into().unwrap();
    el.click();
    settle().await;
}

fn status(host: &Element) -> String {
    text_of(&query(host, "[role=status].cd-result").expect("the result is a status region"))
}

#[wasm_bindgen_test]
async fn mounts_once_in_a_shadow_root_and_shows_the_candidate() {
    let host = host_with(&person(), &[]);
    // The address the start code (tools/embed-start.js) leaves for the stylesheet; set
    // only around this mount, so the other tests mount without a link.
    let global = js_sys::global();
    let key = JsValue::from_str("__circoDonStyle");
    js_sys::Reflect::set(&global, &key, &"/no-such/circo-don.css".into()).unwrap();
    circo_don::widget::mount(&host).unwrap();
    circo_don::widget::mount(&host).unwrap();
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key).unwrap();
    let root = wait_for(&host, ".cd[data-state=ready]").await;
    let config: serde_json::Value = serde_json::from_str(PERSON_FILE).unwrap();
    let candidate = config["candidate"]["name"].as_str().unwrap();
    assert!(text_of(&root).contains(candidate));
    assert_eq!(shadow(&host).query_selector_all(".cd").unwrap().length(), 1);
    // The stylesheet is linked inside the shadow root, once (a strict CSP allows a
    // file of the widget's origin), never a <style> element.
    assert!(query(&host, "style").is_none());
    let links = shadow(&host).query_selector_all("link[rel=stylesheet]").unwrap();
    assert_eq!(links.length(), 1);
    let link: Element = links.item(0).unwrap().dyn_into().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("/no-such/circo-don.css"));
    // This one does not load: the widget shows anyway, unstyled rather than blank.
    let live = root.parent_element().unwrap();
    for _ in 0..200 {
        if !live.has_attribute("hidden") {
            break;
        }
        TimeoutFuture::new(25).await;
    }
    assert!(!live.has_attribute("hidden"), "shown once its stylesheet failed");
}

#[wasm_bindgen_test]
async fn typing_an_amount_announces_the_real_cost_exact_and_rounded() {
    let host = host_with(&person(), &[]);
    circo_don::widget::mount(&host).unwrap();
    wait_for(&host, "#cd-amount").await;
    type_into(&host, "#cd-amount", "37").await;
    let said = status(&host);
    assert!(said.contains("13 €"), "{said}");
    assert!(said.contains("12,58 €"), "{said}");
    type_into(&host, "#cd-amount", "trente").await;
    let input = query(&host, "#cd-amount").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(query(&host, "#cd-amount-error").is_some());
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_labels_and_figures() {
    let host = host_with(&person(), &[]);
    circo_don::widget::mount(&host).unwrap();
    wait_for(&host, "#cd-amount").await;
    type_into(&host, "#cd-amount", "1000").await;
    click(&host, "button[lang=en]").await;
    let root = query(&host, ".cd").unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(text_of(&query(&host, "label[for=cd-amount]").unwrap()), "Donation amount");
    assert!(status(&host).contains("€1,000"), "{}", status(&host));
}

#[wasm_bindgen_test]
async fn data_lang_starts_in_english() {
    let host = host_with(&collecting(ASSOCIATION_FILE), &[("data-lang", "en")]);
    circo_don::widget::mount(&host).unwrap();
    let label = wait_for(&host, "label[for=cd-amount]").await;
    assert_eq!(text_of(&label), "Donation amount");
}

#[wasm_bindgen_test]
async fn the_transfer_shows_the_iban_in_text_and_a_qr_code() {
    let host = host_with(&person(), &[]);
    circo_don::widget::mount(&host).unwrap();
    wait_for(&host, "#cd-amount").await;
    click(&host, "#cd-method-transfer").await;
    let iban = text_of(&wait_for(&host, "[data-iban]").await);
    let config: serde_json::Value = serde_json::from_str(PERSON_FILE).unwrap();
    let configured: String = config["payment"]["transfer"]["iban"].as_str().unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(iban.replace(' ', ""), configured);
    assert!(iban.split(' ').all(|group| group.len() <= 4), "grouped by four: {iban}");
    assert!(query(&host, ".cd-qr svg path").is_some());
}

/// Text that can lie, typed by the donor: the amount and the printable form's fields
/// name the hidden character under the field.
#[wasm_bindgen_test]
async fn a_hidden_character_typed_by_the_donor_is_named_under_its_field() {
    let host = host_with(&person(), &[]);
    circo_don::widget::mount(&host).unwrap();
    wait_for(&host, "#cd-amount").await;
    type_into(&host, "#cd-amount", "37\u{200B}").await;
    let error = query(&host, "#cd-amount-error").expect("the amount's error");
    assert!(text_of(&error).contains("U+200B"), "{}", text_of(&error));
    click(&host, ".cd-form summary").await;
    type_into(&host, "#cd-surname", "Dupont").await;
    assert!(query(&host, "#cd-surname-error").is_none());
    type_into(&host, "#cd-surname", "Dupont\u{202E}").await;
    let error = query(&host, "#cd-surname-error").expect("the surname's error");
    assert!(text_of(&error).contains("U+202E"), "{}", text_of(&error));
    let input = query(&host, "#cd-surname").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn cash_above_the_cap_is_refused_with_what_is_possible() {
    let host = host_with(&person(), &[]);
    circo_don::widget::mount(&host).unwrap();
    wait_for(&host, "#cd-amount").await;
    if query(&host, "#cd-method-cash").is_none() {
        panic!("the example configuration accepts cash at events");
    }
    click(&host, "#cd-method-cash").await;
    type_into(&host, "#cd-amount", "151").await;
    let said = status(&host);
    assert_eq!(query(&host, ".cd-result").unwrap().get_attribute("data-kind").as_deref(), Some("refused"));
    assert!(said.contains("150"), "{said}");
}

#[wasm_bindgen_test]
async fn the_l52_9_mentions_show_every_paragraph_of_the_texts_and_their_versions() {
    use circo_don::law::texts::statutory_texts;
    let host = host_with(&person(), &[]);
    circo_don::widget::mount(&host).unwrap();
    wait_for(&host, ".cd-legal").await;
    let all = |selector: &str| -> Vec<String> {
        let list = shadow(&host).query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.text_content()).collect()
    };
    let french: Vec<&str> = statutory_texts().iter().flat_map(|t| t.fr.iter().copied()).collect();
    assert_eq!(all(".cd-legal blockquote[lang=fr] p"), french);
    assert!(all(".cd-legal [lang=en]").is_empty(), "no translation in French");
    assert_eq!(all(".cd-legal .cd-source"), [circo_don::law::texts::version_note().fr]);
    click(&host, "button[lang=en]").await;
    assert_eq!(all(".cd-legal blockquote[lang=fr] p"), french, "the French text stays, with legal value");
    let english: Vec<String> = statutory_texts().iter().flat_map(|t| t.english()).collect();
    assert_eq!(all(".cd-legal p[lang=en]"), english);
    assert_eq!(all(".cd-legal .cd-source"), [circo_don::law::texts::version_note().en]);
}

#[path = "support/verdicts.rs"]
mod verdicts;

/// The donor's wasm (built without `explain`: no message is compiled in) gives every case
/// of the corpus and of the mutated examples the verdict the command line recorded in
/// `tests/configs/verdicts.txt`: the same checks, at the same paths, in the same order.
#[wasm_bindgen_test]
fn the_widget_refuses_what_the_command_line_refuses_at_the_same_paths() {
    let recorded = include_str!("configs/verdicts.txt");
    let now = verdicts::record();
    let first = recorded.lines().zip(now.lines()).find(|(a, b)| a != b);
    assert_eq!(recorded.lines().count(), now.lines().count());
    assert!(first.is_none(), "first difference (recorded, wasm): {first:?}");
    // And it carries no explanation: a problem is its severity, path and check only.
    let problems = circo_don::config::load(&person().replacen("FR76", "FR00", 1)).problems;
    assert_eq!(problems.iter().map(ToString::to_string).collect::<Vec<_>>(), ["error payment.transfer.iban [iban-checksum]"]);
}

#[wasm_bindgen_test]
async fn a_broken_configuration_shows_no_payment_details() {
    let broken = person().replacen("FR76", "FR00", 1);
    assert_ne!(broken, person());
    let host = host_with(&broken, &[]);
    circo_don::widget::mount(&host).unwrap();
    let alert = wait_for(&host, ".cd[data-state=invalid] [role=alert]").await;
    assert!(text_of(&alert).contains("collectif"));
    assert!(alert.inner_html().contains("payment.transfer.iban [iban-checksum]"), "{}", alert.inner_html());
    assert!(query(&host, "[data-iban]").is_none());
    assert!(query(&host, "#cd-amount").is_none());
}

#[wasm_bindgen_test]
async fn a_missing_inline_configuration_says_so() {
    let doc = document();
    let host = doc.create_element("div").unwrap();
    host.set_attribute("data-circo-don", "#no-such-script").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    circo_don::widget::mount(&host).unwrap();
    let root = wait_for(&host, ".cd[data-state=failed]").await;
    assert!(text_of(&root).contains("no-such-script") || root.inner_html().contains("no-such-script"));
}

#[wasm_bindgen_test]
async fn a_registry_lets_the_donor_find_and_open_a_circo() {
    let host = host_with(REGISTRY, &[]);
    circo_don::widget::mount(&host).unwrap();
    wait_for(&host, "#cd-search").await;
    let count = || shadow(&host).query_selector_all(".cd-choices li > a:first-child").unwrap().length();
    let all = count();
    assert!(all >= 4, "the registry lists its circos ({all})");
    // Case- and accent-insensitive: "ile" finds "Île-Exemple" (an inline account).
    type_into(&host, "#cd-search", "ile").await;
    assert_eq!(count(), 1);
    assert!(text_of(&query(&host, ".cd-choices li > a:first-child").unwrap()).contains("Île-Exemple"));
    click(&host, ".cd-choices li > a:first-child").await;
    let title = text_of(&wait_for(&host, "h2").await);
    assert!(title.contains("Sacha Bernard"), "{title}");
    assert!(query(&host, "#cd-amount").is_some());
    // The choice is linkable.
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#circo-99-03");
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn a_registry_shows_its_overview_sorted_by_what_is_missing_then_by_name() {
    let host = host_with(REGISTRY, &[]);
    circo_don::widget::mount(&host).unwrap();
    // The inline accounts publish no goal: listed without progress, at once.
    wait_for(&host, ".cd-choices li[data-state=no-goal]").await;
    let slugs = || {
        let links = shadow(&host).query_selector_all(".cd-choices li > a:first-child").unwrap();
        (0..links.length()).map(|i| text_of(&links.item(i).unwrap().unchecked_into())).map(|t| t.rsplit('(').next().unwrap().trim_end_matches(')').to_owned()).collect::<Vec<_>>()
    };
    // No figures anywhere: by department (ZZ, abroad, last).
    assert_eq!(slugs(), ["99-01", "99-02", "99-03", "ZZ-05"]);
    let pressed = || text_of(&query(&host, ".cd-modes button[aria-pressed=true]").unwrap());
    assert_eq!(pressed(), "Ce qui manque");
    click(&host, ".cd-modes button:last-child").await;
    assert_eq!(pressed(), "Nom");
    // « Français… » before « Île… », accents ignored.
    assert_eq!(slugs(), ["99-01", "99-02", "ZZ-05", "99-03"]);
    assert!(query(&host, "h3").is_some_and(|h| text_of(&h) == "Où manque l’argent"));
}

#[wasm_bindgen_test]
async fn a_broken_registry_entry_is_unavailable_and_says_why() {
    let broken = REGISTRY.replacen("FR76 9999 9000 0300", "FR00 9999 9000 0300", 1);
    assert_ne!(broken, REGISTRY, "the example registry has the inline IBAN this test breaks");
    let host = host_with(&broken, &[("data-circo", "99-03")]);
    circo_don::widget::mount(&host).unwrap();
    let alert = wait_for(&host, "[role=alert]").await;
    assert!(query(&host, "#cd-amount").is_none(), "no payment details for a broken entry");
    assert!(alert.inner_html().contains("circos[2].payment.transfer.iban"), "{}", alert.inner_html());
}
