//! The printable donation form (bulletin de don): the fields the mandataire's receipt
//! needs (R39-1), pre-filled with what the donor typed (blank lines where not), the
//! sworn statement, the payee and where to send it, and the L52-9 mentions in full (the
//! form is an appeal for gifts too), as one HTML document. Every value
//! is escaped; the stylesheet is `styles/bulletin.css` ([`STYLE`]), which the shell adopts.

use crate::config::model::ValidAccount as Account;
use crate::date::Date;
use crate::i18n::{fill, Lang};
use crate::law::monthly::StandingOrder;
use crate::payment::{Method, Reference};
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

/// Escapes text for HTML content and attribute values (as the document does: for the
/// tests).
#[cfg(test)]
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped for HTML content and attribute values.
fn push_escaped(out: &mut String, s: &str) {
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
}

/// The document being written: markup as given, text escaped. One call per piece
/// instead of a `format!` and an escaped copy per piece.
struct Doc(String);

impl Doc {
    fn raw(&mut self, markup: &str) -> &mut Doc {
        self.0.push_str(markup);
        self
    }

    #[inline(never)]
    fn text(&mut self, text: &str) -> &mut Doc {
        push_escaped(&mut self.0, text);
        self
    }

    /// `text`, escaped, between the markup `open` and `close`.
    #[inline(never)]
    fn el(&mut self, open: &str, text: &str, close: &str) -> &mut Doc {
        self.raw(open).text(text).raw(close)
    }

    /// A row of the form's table: the label, then the value or a blank line to fill in
    /// by hand.
    #[inline(never)]
    fn row(&mut self, label: &str, value: Option<&str>) {
        self.el("<tr><th>", label, "</th><td>");
        match value {
            Some(v) => self.text(v),
            None => self.raw("<span class=\"blank\"></span>"),
        };
        self.raw("</td></tr>");
    }
}

/// The gift the printed form is about: its amount (every month: one payment), its
/// method, the standing order when there is one, and the gift's reference.
#[derive(Clone, Copy, Debug)]
pub struct BulletinGift {
    pub amount: Option<Cents>,
    pub method: Method,
    pub order: Option<StandingOrder>,
    pub reference: Option<Reference>,
}

/// The printable donation form as a whole HTML document (printed from a `srcdoc`
/// frame). Every value is escaped.
pub fn bulletin_html(account: &Account, who: &Identity, gift: &BulletinGift, today: Date, lang: Lang) -> String {
    let t = |label: Label| label.get(lang);
    let m = &account.mandataire;
    let mut d = Doc(String::with_capacity(8192));
    let title = t(Label::FormTitle);
    d.raw("<!doctype html><html lang=\"").raw(lang.tag()).raw("\"><head><meta charset=\"utf-8\">");
    d.el("<title>", &title, "</title></head><body>").el("<h1>", &title, "</h1>");
    let for_line = fill("{} {} — {} « {} »", &[&t(Label::FormFor), &account.candidate.name, &t(Label::FormAccount), &m.account_title]);
    d.el("<p>", &for_line, "</p><table>");
    for field in IdentityField::ALL {
        // A field holding text that can lie (the form says why) prints blank, to be
        // written by hand.
        let typed = who.get(field).trim();
        let value = (!typed.is_empty() && crate::text_safety::first_hidden(who.get(field)).is_none()).then_some(typed);
        d.row(&field.label().get(lang), value);
    }
    match &gift.order {
        Some(order) => {
            d.row(&t(Label::GiftField), Some(&words::bulletin_monthly_in(order, lang)));
            d.row(&t(Label::MethodLegend), Some(&t(Label::StandingOrderMethod)));
        }
        None => {
            d.row(&t(Label::GiftField), gift.amount.map(|g| g.format(lang)).as_deref());
            d.row(&t(Label::MethodLegend), Some(words::method_name_in(gift.method, lang)));
        }
    }
    if let Some(r) = gift.reference {
        d.row(&t(Label::FormReference), Some(&r.to_string()));
    }
    d.row(&t(Label::FormDate), Some(&today.format(lang)));
    d.el("</table><p><strong>", &t(Label::FormDeclare), "</strong></p>");
    d.el("<p>", &SWORN_STATEMENT.text_in(lang), "</p>");
    d.el("<p class=\"sign\">", &t(Label::FormSignature), "</p>");
    match &account.payment.cheque {
        Some(c) => {
            d.el("<p>", &t(Label::FormSendWithCheque), " <strong>").el("", &c.payee, "</strong><br>");
            for (i, line) in c.address.iter().enumerate() {
                d.raw(if i == 0 { "" } else { "<br>" }).text(line);
            }
            d.raw("</p>");
        }
        None => {
            d.el("<p>", &t(Label::FormGiveToMandataire), " <strong>").el("", &m.name, "</strong>.</p>");
        }
    }
    d.el("<p><small>", &t(Label::FormReceipt), "</small></p>");
    // L52-9: the form is an appeal for gifts too, so it carries the mentions in full.
    d.el("<section class=\"legal\"><h2>", texts::heading_in(lang), "</h2>");
    for line in words::mentions_in(account, lang) {
        d.el("<p>", &line, "</p>");
    }
    for s in texts::statutory_texts() {
        d.el("<h3 lang=\"fr\">", s.citation, "</h3><blockquote lang=\"fr\">");
        for p in s.fr {
            d.el("<p>", p, "</p>");
        }
        d.raw("</blockquote>");
        if lang == Lang::En {
            for p in s.english() {
                d.el("<p lang=\"en\">", &p, "</p>");
            }
        }
    }
    d.el("<p>", &texts::version_note_in(lang), "</p>");
    d.raw("</section></body></html>");
    d.0
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
            let html = bulletin_html(&a, &who, &BulletinGift { amount: Some(Cents::from_euros(50)), method: Method::Cheque, order: None, reference: None }, today, lang);
            assert!(!html.contains("<script"), "{html}");
            assert!(!html.contains("'x'") && !html.contains("\"q\""));
            assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
            assert!(html.contains(&esc(&Cents::from_euros(50).format(lang))));
            assert!(html.contains(&esc(SWORN_STATEMENT.text().get(lang))));
            assert!(!html.contains("<style") && !html.contains("style="), "no inline style: a strict CSP would refuse it");
        }
        // Blank fields print as lines to fill in by hand.
        let blank = bulletin_html(&account(), &Identity::default(), &BulletinGift { amount: None, method: Method::Transfer, order: None, reference: None }, today, Lang::Fr);
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
