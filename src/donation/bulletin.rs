//! The printable donation form (bulletin de don): the fields the mandataire's receipt
//! needs (R39-1), pre-filled with what the donor typed (blank lines where not), the
//! sworn statement, the payee and where to send it, and the L52-9 mentions in full (the
//! form is an appeal for gifts too), as one HTML document. Every value
//! is escaped; the stylesheet is `styles/bulletin.css` ([`STYLE`]), which the shell adopts.

use crate::config::model::ValidAccount as Account;
use crate::date::Date;
use crate::i18n::Lang;
use crate::law::tax::Method;
use crate::law::texts::{self, SWORN_STATEMENT};
use crate::money::Cents;

use super::words::{self, Label};

/// The form's stylesheet. The printing shell adopts it in the form's document (a
/// `<style>` element there would be refused by a strict Content-Security-Policy).
pub const STYLE: &str = include_str!("../../styles/bulletin.css");

/// The fields of the printable form the donor fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentityField {
    Surname,
    GivenNames,
    Nationality,
    Address,
}

impl IdentityField {
    pub const ALL: [IdentityField; 4] = [IdentityField::Surname, IdentityField::GivenNames, IdentityField::Nationality, IdentityField::Address];

    /// The input's element id in the widget.
    pub fn id(self) -> &'static str {
        match self {
            IdentityField::Surname => "cd-surname",
            IdentityField::GivenNames => "cd-given",
            IdentityField::Nationality => "cd-nationality",
            IdentityField::Address => "cd-address",
        }
    }

    /// The field's `autocomplete` token, so that browsers can fill it in.
    pub fn autocomplete(self) -> &'static str {
        match self {
            IdentityField::Surname => "family-name",
            IdentityField::GivenNames => "given-name",
            IdentityField::Nationality => "off",
            IdentityField::Address => "street-address",
        }
    }

    pub fn label(self) -> Label {
        match self {
            IdentityField::Surname => Label::Surname,
            IdentityField::GivenNames => Label::GivenNames,
            IdentityField::Nationality => Label::Nationality,
            IdentityField::Address => Label::TaxAddress,
        }
    }
}

/// What the donor typed into the printable form. Never leaves the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    pub surname: String,
    pub given_names: String,
    pub nationality: String,
    pub address: String,
}

impl Identity {
    pub fn get(&self, field: IdentityField) -> &str {
        match field {
            IdentityField::Surname => &self.surname,
            IdentityField::GivenNames => &self.given_names,
            IdentityField::Nationality => &self.nationality,
            IdentityField::Address => &self.address,
        }
    }

    pub fn set(&mut self, field: IdentityField, value: String) {
        let slot = match field {
            IdentityField::Surname => &mut self.surname,
            IdentityField::GivenNames => &mut self.given_names,
            IdentityField::Nationality => &mut self.nationality,
            IdentityField::Address => &mut self.address,
        };
        *slot = value;
    }
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The printable donation form as a whole HTML document (printed from a `srcdoc`
/// frame). Every value is escaped.
pub fn bulletin_html(account: &Account, who: &Identity, gift: Option<Cents>, method: Method, today: Date, lang: Lang) -> String {
    let t = |label: Label| label.get(lang);
    let blank = "<span class=\"blank\"></span>";
    // A field holding text that can lie (the form says why) prints blank, to be written by hand.
    let value = |s: &str| if s.trim().is_empty() || crate::text_safety::first_hidden(s).is_some() { blank.to_owned() } else { esc(s.trim()) };
    let mut rows = String::new();
    let mut row = |label: String, v: String| rows.push_str(&format!("<tr><th>{}</th><td>{v}</td></tr>", esc(&label)));
    for field in IdentityField::ALL {
        row(field.label().get(lang), value(who.get(field)));
    }
    row(t(Label::GiftField), gift.map(|g| esc(&g.format(lang))).unwrap_or_else(|| blank.to_owned()));
    row(t(Label::MethodLegend), esc(words::method_name_in(method, lang)));
    row(t(Label::FormDate), esc(&today.format(lang)));
    let m = &account.mandataire;
    let send_to = match &account.payment.cheque {
        Some(c) => format!(
            "<p>{} <strong>{}</strong><br>{}</p>",
            esc(&t(Label::FormSendWithCheque)),
            esc(&c.payee),
            c.address.iter().map(|l| esc(l)).collect::<Vec<_>>().join("<br>")
        ),
        None => format!("<p>{} <strong>{}</strong>.</p>", esc(&t(Label::FormGiveToMandataire)), esc(&m.name)),
    };
    // L52-9: the form is an appeal for gifts too, so it carries the mentions in full.
    let mut legal: String = words::mentions_in(account, lang).iter().map(|m| format!("<p>{}</p>", esc(m))).collect();
    for s in texts::statutory_texts() {
        let fr: String = s.fr.iter().map(|p| format!("<p>{}</p>", esc(p))).collect();
        let en: String = if lang == Lang::En { s.english().iter().map(|p| format!("<p lang=\"en\">{}</p>", esc(p))).collect() } else { String::new() };
        legal.push_str(&format!("<h3 lang=\"fr\">{}</h3><blockquote lang=\"fr\">{fr}</blockquote>{en}", esc(s.citation)));
    }
    legal.push_str(&format!("<p>{}</p>", esc(&texts::version_note_in(lang))));
    let title = esc(&t(Label::FormTitle));
    let for_line = esc(&format!("{} {} — {} « {} »", t(Label::FormFor), account.candidate.name, t(Label::FormAccount), m.account_title));
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
<body><h1>{title}</h1><p>{for_line}</p><table>{rows}</table><p><strong>{}</strong></p><p>{}</p>\
<p class=\"sign\">{}</p>{send_to}<p><small>{}</small></p>\
<section class=\"legal\"><h2>{}</h2>{legal}</section></body></html>",
        lang.tag(),
        esc(&t(Label::FormDeclare)),
        esc(&SWORN_STATEMENT.text_in(lang)),
        esc(&t(Label::FormSignature)),
        esc(&t(Label::FormReceipt)),
        esc(texts::heading_in(lang)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::model::Mandataire;

    fn account() -> Account {
        let loaded = crate::config::load(include_str!("../../demo/circo-exemple.json"));
        loaded.account().expect("the demo account is valid").clone()
    }

    #[test]
    fn the_printed_form_escapes_every_value() {
        let hostile = "<script>alert('x')</script> & \"q\"";
        let mut a = account();
        a.candidate.name = hostile.into();
        a.mandataire = Mandataire { name: hostile.into(), account_title: hostile.into(), ..a.mandataire.clone() };
        if let Some(c) = a.payment.cheque.as_mut() {
            c.payee = hostile.into();
            c.address = vec![hostile.into(), "99100 Ville".into()];
        }
        let who = Identity { surname: hostile.into(), given_names: hostile.into(), nationality: hostile.into(), address: hostile.into() };
        let today = Date::parse_iso("2026-12-01").unwrap();
        for lang in [Lang::Fr, Lang::En] {
            let html = bulletin_html(&a, &who, Some(Cents::from_euros(50)), Method::Cheque, today, lang);
            assert!(!html.contains("<script"), "{html}");
            assert!(!html.contains("'x'") && !html.contains("\"q\""));
            assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
            assert!(html.contains(&esc(&Cents::from_euros(50).format(lang))));
            assert!(html.contains(&esc(SWORN_STATEMENT.text().get(lang))));
            assert!(!html.contains("<style") && !html.contains("style="), "no inline style: a strict CSP would refuse it");
        }
        // Blank fields print as lines to fill in by hand.
        let blank = bulletin_html(&account(), &Identity::default(), None, Method::Transfer, today, Lang::Fr);
        assert!(blank.matches("class=\"blank\"").count() >= 5);
        assert!(blank.contains("<th>Nom</th>") && blank.contains("<th>Moyen de paiement</th><td>Virement</td>"), "{blank}");
    }

    #[test]
    fn identity_fields_are_distinct() {
        let mut who = Identity::default();
        for (i, f) in IdentityField::ALL.iter().enumerate() {
            who.set(*f, i.to_string());
        }
        for (i, f) in IdentityField::ALL.iter().enumerate() {
            assert_eq!(who.get(*f), i.to_string());
        }
    }
}
