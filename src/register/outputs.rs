//! What comes out of the register: the list of donors for the campaign account (CSV for
//! French spreadsheets), the summary, and the goal's new `raised` and `as_of` for the
//! widget's circo.json.
//!
//! The CSV is UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), fields
//! separated by `;`, amounts with a decimal comma and no thousands separator
//! (`1234,50`), dates `dd/mm/yyyy`: what LibreOffice and Excel in French open as columns,
//! numbers and dates. One row per gift, with its donor's R39-1 data and its receipt's
//! number; written by the `csv` crate (quoting as RFC 4180).

use super::checks::{cash_total, Check, Context, Level};
use super::model::{GiftId, Register};
use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::money::Cents;
use crate::payment::Method;

/// The byte-order mark the CSV starts with.
pub const BOM: &[u8] = "\u{FEFF}".as_bytes();

/// `1234,50`: an amount as a French spreadsheet reads a number.
fn decimal_comma(c: Cents) -> String {
    let sign = if c.get() < 0 { "-" } else { "" };
    let abs = c.get().unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// `dd/mm/yyyy`.
fn french_date(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// A payment method as the list names it.
pub fn method_name(m: Method, lang: Lang) -> &'static str {
    match m {
        Method::Cheque => lang.pick("chèque", "cheque"),
        Method::Transfer => lang.pick("virement", "transfer"),
        Method::Card => lang.pick("carte bancaire", "bank card"),
        Method::DirectDebit => lang.pick("prélèvement", "direct debit"),
        Method::Cash => lang.pick("espèces", "cash"),
    }
}

/// The list of donors' columns, in `lang`.
pub fn list_header(lang: Lang) -> [&'static str; 11] {
    [
        lang.pick("N° de reçu", "Receipt no."),
        lang.pick("Date", "Date"),
        lang.pick("Montant (€)", "Amount (€)"),
        lang.pick("Mode de paiement", "Payment method"),
        lang.pick("Nom", "Surname"),
        lang.pick("Prénoms", "First names"),
        lang.pick("Nationalité", "Nationality"),
        lang.pick("Réside en France", "Resides in France"),
        lang.pick("Adresse fiscale", "Tax address"),
        lang.pick("N° de chèque", "Cheque no."),
        lang.pick("Référence du don", "Gift reference"),
    ]
}

/// The list of donors' rows: every gift, by date, with its donor's data, as the CSV
/// and the printable page both write them.
pub fn list_rows(r: &Register, lang: Lang) -> Vec<[String; 11]> {
    let mut gifts: Vec<_> = r.gifts.iter().collect();
    gifts.sort_by_key(|g| (g.date, g.id));
    let yes_no = |b: Option<bool>| match b {
        Some(true) => lang.pick("oui", "yes"),
        Some(false) => lang.pick("non", "no"),
        None => "",
    };
    gifts
        .into_iter()
        .map(|g| {
            let d = g.donor.and_then(|d| r.donor(d));
            [
                g.receipt.clone().unwrap_or_default(),
                french_date(g.date),
                decimal_comma(g.amount),
                method_name(g.method, lang).to_owned(),
                d.map(|d| d.name.clone()).unwrap_or_default(),
                d.map(|d| d.first_names.clone()).unwrap_or_default(),
                d.and_then(|d| d.nationality.clone()).unwrap_or_default(),
                yes_no(d.and_then(|d| d.resides_in_france)).to_owned(),
                d.map(|d| d.address.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(", ")).unwrap_or_default(),
                g.cheque_number.clone().unwrap_or_default(),
                g.reference.map(|r| r.to_string()).unwrap_or_default(),
            ]
        })
        .collect()
}

/// The list of donors as CSV bytes (see the module's documentation), headers in `lang`:
/// [`list_header`] and [`list_rows`].
pub fn donors_csv(r: &Register, lang: Lang) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(BOM.to_vec());
    // Writing into a Vec cannot fail; a failed row would only be missing.
    let _ = w.write_record(list_header(lang));
    for row in list_rows(r, lang) {
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}

/// The total and count of one payment method's gifts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MethodTotal {
    pub method: Method,
    pub count: usize,
    pub total: Cents,
}

/// What is to be returned, and where the check that says so fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToReturn {
    pub check: Check,
    pub amount: Cents,
}

/// The register in figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Every method that has gifts, in `Method::ALL`'s order.
    pub by_method: Vec<MethodTotal>,
    pub gifts: usize,
    pub total: Cents,
    pub cash: Cents,
    /// The cash cap, when the circo's population is known.
    pub cash_cap: Option<Cents>,
    pub donors: usize,
    /// Amounts to return: a donor's excess, a cash gift's excess, a gift outside the
    /// collection window (all of it).
    pub to_return: Vec<ToReturn>,
    /// Gifts without their receipt's number.
    pub receipts_missing: Vec<GiftId>,
    /// Credits not attributed yet, and their total.
    pub unattributed: usize,
    pub unattributed_total: Cents,
    /// Errors and warnings among the checks.
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    /// The summary of `r` with its `checks` (from [`super::checks::checks`]); `entries`
    /// are the session's, for the credits still to attribute.
    pub fn of(r: &Register, checks: &[Check], ctx: &Context, entries: &[super::statement::Entry]) -> Summary {
        let by_method = Method::ALL
            .iter()
            .map(|&m| {
                let of: Vec<_> = r.gifts.iter().filter(|g| g.method == m).collect();
                MethodTotal { method: m, count: of.len(), total: of.iter().fold(Cents::ZERO, |s, g| s + g.amount) }
            })
            .filter(|t| t.count > 0)
            .collect();
        let to_return = checks
            .iter()
            .filter_map(|c| {
                let whole = match (&c.finding, c.at) {
                    (super::checks::Finding::BeforeOpening { .. } | super::checks::Finding::AfterFiling { .. }, super::checks::At::Gift(g)) => r.gift(g).map(|g| g.amount),
                    _ => None,
                };
                c.to_return().or(whole).map(|amount| ToReturn { check: c.clone(), amount })
            })
            .collect();
        let unattributed: Vec<_> = r.unattributed(entries).collect();
        Summary {
            by_method,
            gifts: r.gifts.len(),
            total: r.total(),
            cash: cash_total(r),
            cash_cap: ctx.cash_cap(),
            donors: r.donors.iter().filter(|d| r.gifts_of(d.id).next().is_some()).count(),
            to_return,
            receipts_missing: r.gifts.iter().filter(|g| g.receipt.is_none()).map(|g| g.id).collect(),
            unattributed: unattributed.len(),
            unattributed_total: unattributed.iter().fold(Cents::ZERO, |s, e| s + e.amount),
            errors: checks.iter().filter(|c| c.level == Level::Error).count(),
            warnings: checks.iter().filter(|c| c.level == Level::Warning).count(),
        }
    }

    /// The total to return.
    pub fn to_return_total(&self) -> Cents {
        self.to_return.iter().fold(Cents::ZERO, |s, t| s + t.amount)
    }

    /// The summary's lines, as the command line prints them and the page may show them.
    pub fn lines(&self) -> Vec<Text> {
        let money = |c: Cents, l: Lang| c.format_with_cents(l);
        let mut out = vec![Text::each(|l| {
            let (gifts, donors) = (self.gifts, self.donors);
            let total = money(self.total, l);
            if l == Lang::Fr { format!("{gifts} don(s), {total}, de {donors} donateur(s)") } else { format!("{gifts} gift(s), {total}, from {donors} donor(s)") }
        })];
        for t in &self.by_method {
            out.push(Text::each(|l| format!("  {}{} {} ({})", method_name(t.method, l), l.pick(" :", ":"), money(t.total, l), t.count)));
        }
        out.push(Text::each(|l| match self.cash_cap {
            Some(cap) => l.pick("Espèces : {} sur un plafond de {}", "Cash: {} of a cap of {}").replacen("{}", &money(self.cash, l), 1).replacen("{}", &money(cap, l), 1),
            None => l.pick("Espèces : {} (plafond inconnu : la population de la circonscription manque)", "Cash: {} (cap unknown: the circo’s population is missing)").replacen("{}", &money(self.cash, l), 1),
        }));
        out.push(Text::each(|l| {
            l.pick("À rendre : {} ({} cas)", "To return: {} ({} case(s))").replacen("{}", &money(self.to_return_total(), l), 1).replacen("{}", &self.to_return.len().to_string(), 1)
        }));
        out.push(Text::each(|l| l.pick("Reçus manquants : {}", "Receipts missing: {}").replace("{}", &self.receipts_missing.len().to_string())));
        out.push(Text::each(|l| {
            l.pick("Crédits à attribuer : {} ({})", "Credits to attribute: {} ({})").replacen("{}", &self.unattributed.to_string(), 1).replacen("{}", &money(self.unattributed_total, l), 1)
        }));
        out
    }
}

/// The goal's figures from the register: what was raised and on which day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoalFigures {
    /// Whole euros, rounded down (a goal is never overstated): the gifts kept, that is
    /// every gift less what is to be returned.
    pub raised_euros: i64,
    pub as_of: Date,
}

/// The goal's new figures on `today`.
pub fn goal(summary: &Summary, today: Date) -> GoalFigures {
    let kept = summary.total.get() - summary.to_return_total().get();
    GoalFigures { raised_euros: kept.max(0).div_euclid(100), as_of: today }
}

/// `config` (a circo.json's text) with its goal's `raised` and `as_of` replaced, written
/// as the builder exports it. Refused when the text is not JSON or has no `goal`.
pub fn with_goal(config: &str, figures: GoalFigures) -> Result<String, Text> {
    let mut value: serde_json::Value = serde_json::from_str(config).map_err(|e| {
        Text::new(format!("La configuration n’est pas du JSON lisible ({e})."), format!("The configuration is not readable JSON ({e})."))
    })?;
    let Some(goal) = value.get_mut("goal").and_then(serde_json::Value::as_object_mut) else {
        return Err(Text::new(
            "La configuration n’a pas d’objectif (goal) : ajoutez-en un dans le configurateur.",
            "The configuration has no goal: add one in the builder.",
        ));
    };
    goal.insert("raised".into(), figures.raised_euros.into());
    goal.insert("as_of".into(), figures.as_of.to_string().into());
    #[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
    let text = crate::builder::json::pretty(&value);
    #[cfg(not(any(feature = "builder", not(target_arch = "wasm32"))))]
    let text = serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::calendar::ElectionDates;
    use crate::register::checks::checks;
    use crate::register::model::tests::{entry, person};
    use crate::register::model::{Donor, NewGift};

    fn day(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn ctx() -> Context {
        Context {
            election: ElectionDates { first_round: day("2029-06-10"), second_round: Some(day("2029-06-17")), trigger: None },
            designated_on: day("2028-11-15"),
            population: Some(125_000),
        }
    }

    fn sample() -> (Register, Vec<crate::register::statement::Entry>) {
        let mut r = Register::default();
        let mut jeanne = person("Martin", "Jeanne Marie");
        jeanne.address = vec!["12 rue des Lilas; bât. B".into(), "69003 Lyon".into()];
        let jeanne = r.add_donor(jeanne);
        let paul = r.add_donor(Donor { name: "Léger".into(), first_names: "Paul".into(), resides_in_france: Some(true), ..Donor::default() });
        let entries = vec![entry("a", 460_050, "MARTIN", "DON-7K3Q9M", "2029-01-05"), entry("b", 7_000, "LEGER", "", "2029-01-06"), entry("c", 2_000, "X", "", "2029-01-07")];
        let g = r.attribute(&entries[0], Some(jeanne)).unwrap();
        r.set_receipt(g, Some("2029-001".into())).unwrap();
        r.attribute(&entries[1], Some(paul)).unwrap();
        r.add_by_hand(NewGift { amount: Cents::new(15_050), date: day("2029-01-04"), method: Method::Cash, payer: None, cheque_number: None, donor: Some(paul) }).unwrap();
        (r, entries)
    }

    #[test]
    fn the_list_of_donors_reads_back_in_a_csv_reader_as_a_french_spreadsheet_would() {
        let (r, _) = sample();
        let bytes = donors_csv(&r, Lang::Fr);
        assert!(bytes.starts_with(BOM));
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[BOM.len()..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(header[0], "N° de reçu");
        let cols = |r: &csv::StringRecord, from: usize, to: usize| r.iter().skip(from).take(to - from).map(str::to_owned).collect::<Vec<_>>();
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
        assert_eq!(rows.len(), 3);
        // By date: the cash gift of 4 January first.
        assert_eq!(cols(&rows[0], 1, 4), ["04/01/2029", "150,50", "espèces"]);
        assert_eq!(cols(&rows[1], 0, 9), ["2029-001", "05/01/2029", "4600,50", "virement", "Martin", "Jeanne Marie", "française", "oui", "12 rue des Lilas; bât. B, 69003 Lyon"]);
        assert_eq!(&rows[1][10], "DON-7K3Q9M");
        assert_eq!(cols(&rows[2], 4, 8), ["Léger", "Paul", "", "oui"]);
        let english = donors_csv(&r, Lang::En);
        assert!(String::from_utf8(english).unwrap().contains("Receipt no.;Date;Amount (€)"));
    }

    #[test]
    fn the_summary_adds_up_its_gifts_and_names_what_to_return() {
        let (r, entries) = sample();
        let c = checks(&r, &ctx());
        let s = Summary::of(&r, &c, &ctx(), &entries);
        assert_eq!(s.total, Cents::new(460_050 + 7_000 + 15_050));
        assert_eq!(s.by_method.iter().fold(Cents::ZERO, |t, m| t + m.total), s.total);
        assert_eq!(s.by_method.iter().map(|m| (m.method, m.count)).collect::<Vec<_>>(), vec![(Method::Transfer, 2), (Method::Cash, 1)]);
        assert_eq!((s.cash, s.cash_cap), (Cents::new(15_050), Some(Cents::from_euros(14_301))));
        assert_eq!((s.gifts, s.donors, s.receipts_missing.len()), (3, 2, 2));
        // Jeanne: 4 600,50 € → 0,50 € over; Paul's cash gift of 150,50 € → 0,50 € over.
        assert_eq!(s.to_return.iter().map(|t| t.amount).collect::<Vec<_>>(), vec![Cents::new(50), Cents::new(50)]);
        assert_eq!((s.unattributed, s.unattributed_total), (1, Cents::new(2_000)));
        assert!(s.errors >= 2);
        let lines: Vec<String> = s.lines().iter().map(|t| t.en.clone()).collect();
        assert!(lines[0].starts_with("3 gift(s), €4,821.00, from 2 donor(s)"), "{lines:?}");
        assert!(lines.iter().any(|l| l == "To return: €1.00 (2 case(s))"), "{lines:?}");
        let g = goal(&s, day("2029-01-31"));
        assert_eq!(g, GoalFigures { raised_euros: 4_820, as_of: day("2029-01-31") });
    }

    #[test]
    fn the_goal_goes_into_the_configuration_which_still_loads() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/demo/circo-exemple.json")).unwrap();
        let out = with_goal(&text, GoalFigures { raised_euros: 4_820, as_of: day("2026-11-30") }).unwrap();
        let loaded = crate::config::load(&out);
        let goal = loaded.account().and_then(|a| a.goal.as_ref()).expect("still a valid account with a goal");
        assert_eq!((goal.raised, goal.as_of), (Cents::from_euros(4_820), Some(day("2026-11-30"))));
        assert!(out.starts_with("{\n  \"format\""), "the builder's order: {out}");
        assert!(with_goal("{}", GoalFigures { raised_euros: 1, as_of: day("2026-11-30") }).unwrap_err().en.contains("no goal"));
        assert!(with_goal("nope", GoalFigures { raised_euros: 1, as_of: day("2026-11-30") }).unwrap_err().en.contains("not readable JSON"));
    }
}
