//! A card-payment provider's batch payment, split into its gifts from the provider's
//! own CSV export (issue 24, item 3).
//!
//! When the bank's online payment page, or a provider such as HelloAsso, SumUp, Stripe
//! or PayPal, pays out several donors' card gifts as one credit on the campaign
//! account, the mandataire splits that credit into its gifts ([`Register::split`]).
//! Rather than typing each [`Part`], they give the provider's export of the payments:
//! [`parts_from_csv`] reads it into parts, one per paid row, and [`ProviderExport::against`]
//! says whether they add up to the credit, and why not when they do not.
//!
//! The file is read as the bank exports are ([`statement::csv`]): UTF-8 with or without
//! a byte-order mark, or Windows-1252; `;`, `,` or tabs; amounts with a decimal comma
//! or dot and spaces between thousands; lines about the export above the table. The
//! header row is the first (within the first 40) whose names, compared without case,
//! accents or punctuation, give a payer's name and an amount:
//!
//! - the payer: a first-name column and a surname column joined « Prénom Nom »
//!   (« Prénom », « Nom »; « First name », « Last name »), else one column of the whole
//!   name (« Nom du payeur », « Payeur », « Donateur », « Name », « Customer name »,
//!   « Client »...), else a surname column alone. An e-mail address is not a name:
//!   « Email » is never read as one;
//! - the amount: the gross amount, what the donor gave (« Brut », « Gross », « Montant
//!   TTC », else « Montant », « Amount », « Montant (€) »...), never a net or fee
//!   column. Each must be positive;
//! - the status, when there is a column for it (« Statut », « Status », « État »): only
//!   rows paid (« Payé », « Validé », « Paid », « Succeeded », « Réussi »...) are gifts;
//!   the others (refunded, failed, cancelled, pending...) are skipped and listed in
//!   [`ProviderExport::skipped`];
//! - a currency column, when there is one, must say the euro.
//!
//! Blank rows, and a row whose name is « Total », are not payments. Every refusal is a
//! [`Text`] naming the line (1-based, as a spreadsheet shows it) and the column, and
//! saying what to do.
//!
//! [`Register::split`]: super::model::Register::split
//! [`statement::csv`]: super::statement::csv
//!
//! ```
//! use circo_don::register::provider::parts_from_csv;
//!
//! let export = "Prénom;Nom;Montant;Statut\nAlice;Martin;20,00;Payé\nBruno;Petit;35,50;Remboursé\n";
//! let read = parts_from_csv(export.as_bytes()).unwrap();
//! assert_eq!(read.parts.len(), 1);
//! assert_eq!((read.parts[0].payer.as_str(), read.parts[0].amount.get()), ("Alice Martin", 2_000));
//! assert_eq!((read.total.get(), read.skipped.len()), (2_000, 1));
//! ```

use ::csv::StringRecord;

use super::model::Part;
use super::statement::csv::{records, DELIMITERS, HEADER_SEARCH};
use super::statement::text::{collapse, decode_guessing, parse_amount, Encoding};
use super::statement::EURO;
use crate::config::normalize;
use crate::i18n::{fill, fill_both, Text};
use crate::money::Cents;

/// What a provider's export holds: the parts to split the payout credit into, and what
/// was read to find them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderExport {
    /// One part per paid row, in the file's order; `cheque_number` is always `None`.
    pub parts: Vec<Part>,
    /// The parts' sum: the gross amount the donors gave.
    pub total: Cents,
    /// The rows that are not gifts: refunded, failed, cancelled or pending.
    pub skipped: Vec<Skipped>,
    /// The columns read, by their header names.
    pub columns: ProviderColumns,
    /// The header row's line (1 for the file's first).
    pub header_line: u64,
    pub encoding: Encoding,
}

/// The columns of an export that were read, by their names in its header row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderColumns {
    /// The field separator: `;`, `,` or a tab.
    pub delimiter: char,
    /// The payer's name: one column, or a first-name and a surname column, joined in
    /// this order.
    pub payer: Vec<String>,
    /// The gross amount's column.
    pub amount: String,
    pub status: Option<String>,
    pub currency: Option<String>,
}

/// A row of the export that is not a gift, for the page to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Its line (1-based).
    pub line: u64,
    pub payer: String,
    /// Its status, as the export writes it (empty when the cell is).
    pub status: String,
}

/// The header names, folded (see [`normalize`]), that mean each column. A trailing
/// currency (« Montant (€) », « Amount EUR ») is dropped before comparing.
const FIRST_NAME: &[&str] = &["prenom", "prenom payeur", "prenom du payeur", "prenom donateur", "prenom du donateur", "first name", "firstname", "given name"];
const SURNAME: &[&str] = &["nom", "nom payeur", "nom du payeur", "nom donateur", "nom du donateur", "nom de famille", "last name", "lastname", "surname", "family name"];
const FULL_NAME: &[&str] = &[
    "payeur", "donateur", "donatrice", "donateur ice", "nom complet", "nom et prenom", "nom prenom", "prenom nom", "name", "full name", "customer name", "customer",
    "client", "nom du client", "payer", "payer name", "donor", "donor name", "card name", "cardholder name", "nom du porteur", "porteur", "titulaire", "titulaire de la carte",
];
/// Gross amounts first: an export with a gross and a net column is read by its gross.
const GROSS: &[&str] = &["brut", "montant brut", "gross", "gross amount", "amount gross", "montant ttc", "montant total", "total amount"];
const AMOUNT: &[&str] = &["montant", "amount", "montant du don", "montant paye", "amount paid", "somme", "don", "valeur"];
const STATUS: &[&str] = &["statut", "status", "etat", "statut du paiement", "statut paiement", "etat du paiement", "payment status", "transaction status", "state"];
const CURRENCY: &[&str] = &["devise", "currency", "monnaie"];

/// The statuses of a paid row, folded. HelloAsso calls a paid payment « Autorisé ».
const PAID: &[&str] = &[
    "paye", "payee", "paid", "valide", "validee", "validated", "succeeded", "success", "successful", "reussi", "reussie", "completed", "complete", "termine",
    "terminee", "accepte", "acceptee", "accepted", "captured", "capture", "encaisse", "effectue", "autorise", "authorized", "ok",
];

/// The folded header without a trailing currency.
fn fold_header(name: &str) -> String {
    let folded = normalize(name);
    for unit in [" €", " eur", " euro", " euros", " en euros", " en eur"] {
        if let Some(rest) = folded.strip_suffix(unit) {
            return rest.to_owned();
        }
    }
    folded
}

impl ProviderExport {
    /// Whether the parts add up to the payout `credit` ([`Register::split`] refuses
    /// them otherwise), and when not, why it likely is and what to do. Each part is what
    /// a donor gave (the gross): when the provider kept its fees from the payout, the
    /// credit is smaller than the gifts and the split cannot be made as is.
    ///
    /// [`Register::split`]: super::model::Register::split
    pub fn against(&self, credit: Cents) -> Result<(), Text> {
        let gap = i128::from(self.total.get()) - i128::from(credit.get());
        if gap == 0 {
            return Ok(());
        }
        let euros = |c: i128| Cents::new(i64::try_from(c.abs()).unwrap_or(i64::MAX)).text();
        let (total, credit_text, gap_text) = (self.total.text(), credit.text(), euros(gap));
        let count = self.parts.len().to_string();
        if gap > 0 {
            Err(Text::new(
                fill(
                    "Les {} paiements de l’export font {} brut, le versement {} : il manque {}. C’est d’ordinaire la commission que le prestataire a retenue : chaque don est ce que le donateur a donné (le brut), la commission est une dépense de la campagne. Vérifiez aussi que l’export couvre les mêmes paiements que ce versement (sa période, sans ceux d’un autre versement).",
                    &[&count, &total.fr, &credit_text.fr, &gap_text.fr],
                ),
                fill(
                    "The export's {} payments make {} gross, the payout {}: {} is missing. It is usually the fee the provider kept: each gift is what the donor gave (the gross), the fee is a campaign expense. Check too that the export covers the same payments as this payout (its period, without those of another payout).",
                    &[&count, &total.en, &credit_text.en, &gap_text.en],
                ),
            ))
        } else {
            Err(Text::new(
                fill(
                    "Les {} paiements de l’export font {}, le versement {} : il y a {} de plus sur le compte. L’export ne couvre sans doute pas tous les paiements de ce versement : exportez ceux de sa période entière, statuts compris.",
                    &[&count, &total.fr, &credit_text.fr, &gap_text.fr],
                ),
                fill(
                    "The export's {} payments make {}, the payout {}: the account got {} more. The export likely does not cover every payment of this payout: export those of its whole period, statuses included.",
                    &[&count, &total.en, &credit_text.en, &gap_text.en],
                ),
            ))
        }
    }
}

/// The positions of the read columns in a header row.
struct Found {
    payer: Vec<usize>,
    amount: usize,
    status: Option<usize>,
    currency: Option<usize>,
    names: Vec<String>,
}

impl Found {
    /// « la ligne 7, colonne 3 (Montant) ».
    fn place(&self, line: u64, index: usize) -> Text {
        fill_both("la ligne {}, colonne {} ({})", "line {}, column {} ({})", &[&line.to_string(), &(index + 1).to_string(), &self.names[index]])
    }
}

/// The columns a header row's names give, if a payer's name and an amount.
fn find_columns(headers: &[String]) -> Option<Found> {
    let folded: Vec<String> = headers.iter().map(|h| fold_header(h)).collect();
    let first = |names: &[&str]| folded.iter().position(|f| names.contains(&f.as_str()));
    let amount = first(GROSS).or_else(|| first(AMOUNT))?;
    let payer = match (first(FIRST_NAME), first(SURNAME), first(FULL_NAME)) {
        (Some(f), Some(s), _) => vec![f, s],
        (_, _, Some(full)) => vec![full],
        (_, Some(s), None) => vec![s],
        (Some(_), None, None) | (None, None, None) => return None,
    };
    Some(Found { payer, amount, status: first(STATUS), currency: first(CURRENCY), names: headers.to_vec() })
}

/// The parts of a provider's CSV export of its payments: see the module's doc. Refused,
/// with what to do, when the file is empty, has no header row with a name and an
/// amount column, has an amount that does not read or is not positive, a currency
/// other than the euro, or no paid row.
pub fn parts_from_csv(bytes: &[u8]) -> Result<ProviderExport, Text> {
    if bytes.iter().all(u8::is_ascii_whitespace) || bytes == [0xEF, 0xBB, 0xBF] {
        return Err(Text::new(
            "Le fichier est vide : exportez les paiements depuis l’espace du prestataire (au format CSV) et donnez ce fichier.",
            "The file is empty: export the payments from the provider's dashboard (as CSV) and give that file.",
        ));
    }
    let (text, encoding) = decode_guessing(bytes);
    let mut header: Option<(u64, char, Found)> = None;
    for delimiter in DELIMITERS {
        for (line, record) in records(&text, delimiter).take(HEADER_SEARCH).filter_map(Result::ok) {
            if header.as_ref().is_some_and(|(l, _, _)| *l <= line) {
                break;
            }
            let names: Vec<String> = record.iter().map(|h| h.trim().to_owned()).collect();
            if let Some(found) = find_columns(&names) {
                header = Some((line, delimiter, found));
                break;
            }
        }
    }
    let Some((header_line, delimiter, found)) = header else {
        return Err(Text::new(
            "Aucune ligne de ce fichier ne ressemble à l’en-tête d’un export de paiements : il faut une colonne du nom du payeur (« Nom », « Prénom » et « Nom », « Payeur », « Name »...) et une du montant brut (« Montant », « Brut », « Amount », « Gross »). Une adresse e-mail n’est pas un nom. Exportez la liste des paiements (pas celle des virements reçus), ou saisissez les parts à la main.",
            "No line of this file looks like the header of a payments export: it needs a column of the payer's name (“Nom”, “Prénom” and “Nom”, “Payer”, “Name”...) and one of the gross amount (“Montant”, “Brut”, “Amount”, “Gross”). An e-mail address is not a name. Export the list of payments (not that of payouts), or enter the parts by hand.",
        ));
    };
    let mut parts = Vec::new();
    let mut skipped = Vec::new();
    let mut total: i128 = 0;
    for item in records(&text, delimiter) {
        let (line, record) = item.map_err(|e| e.message())?;
        if line <= header_line {
            continue;
        }
        if let Some(part) = read_row(&found, line, &record, &mut skipped)? {
            total += i128::from(part.amount.get());
            parts.push(part);
        }
    }
    if parts.is_empty() {
        return Err(fill_both(
            "Ce fichier n’a aucun paiement payé sous son en-tête (ligne {}) : exportez les paiements de la période du versement.",
            "This file has no paid payment under its header (line {}): export the payments of the payout's period.",
            &[&header_line.to_string()],
        ));
    }
    let total = Cents::new(i64::try_from(total).unwrap_or(i64::MAX));
    let columns = ProviderColumns {
        delimiter,
        payer: found.payer.iter().map(|&i| found.names[i].clone()).collect(),
        amount: found.names[found.amount].clone(),
        status: found.status.map(|i| found.names[i].clone()),
        currency: found.currency.map(|i| found.names[i].clone()),
    };
    Ok(ProviderExport { parts, total, skipped, columns, header_line, encoding })
}

/// One row as a part; `None` for a blank row, a total row or a row not paid (then
/// listed in `skipped`).
fn read_row(found: &Found, line: u64, record: &StringRecord, skipped: &mut Vec<Skipped>) -> Result<Option<Part>, Text> {
    let cell = |i: usize| record.get(i).unwrap_or("").trim();
    let payer = collapse(&found.payer.iter().map(|&i| cell(i)).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" "));
    let written = cell(found.amount);
    if record.iter().all(|c| c.trim().is_empty()) || matches!(normalize(&payer).as_str(), "total" | "sous total" | "total general") {
        return Ok(None);
    }
    if let Some(i) = found.status {
        if !PAID.contains(&normalize(cell(i)).as_str()) {
            skipped.push(Skipped { line, payer, status: cell(i).to_owned() });
            return Ok(None);
        }
    }
    let place = found.place(line, found.amount);
    let amount = parse_amount(written).ok_or_else(|| {
        at(
            "À {}, le montant « {} » est illisible. Un montant s’écrit en euros, comme 20,00 ou 1 234,56 (ou 20.00) : corrigez la cellule dans l’export.",
            "At {}, the amount “{}” cannot be read. An amount is written in euros, like 20,00 or 1 234,56 (or 20.00): correct the cell in the export.",
            &place,
            written,
        )
    })?;
    if amount.get() <= 0 {
        return Err(at(
            "À {}, le montant « {} » n’est pas positif : chaque paiement est un don. Un remboursement ou une commission n’est pas un don : retirez cette ligne de l’export, ou exportez-le avec sa colonne de statut.",
            "At {}, the amount “{}” is not positive: each payment is a gift. A refund or a fee is not a gift: remove this line from the export, or export it with its status column.",
            &place,
            written,
        ));
    }
    if let Some(i) = found.currency {
        let code = cell(i);
        if !(code.is_empty() || code.eq_ignore_ascii_case(EURO) || code == "€" || matches!(normalize(code).as_str(), "euro" | "euros")) {
            return Err(at(
                "À {}, la devise est « {} » : le compte de campagne est en euros ; seuls des paiements en euros font un versement sur ce compte.",
                "At {}, the currency is “{}”: the campaign account is in euros; only payments in euros make a payout to it.",
                &found.place(line, i),
                code,
            ));
        }
    }
    Ok(Some(Part { payer, cheque_number: None, amount }))
}

/// A refusal at `place` about `value`: each template has the place's `{}`, then the value's.
fn at(fr: &str, en: &str, place: &Text, value: &str) -> Text {
    Text::new(fill(fr, &[&place.fr, value]), fill(en, &[&place.en, value]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> ProviderExport {
        parts_from_csv(text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn refusal(bytes: &[u8]) -> Text {
        parts_from_csv(bytes).unwrap_err()
    }

    fn payers(export: &ProviderExport) -> Vec<(&str, i64)> {
        export.parts.iter().map(|p| (p.payer.as_str(), p.amount.get())).collect()
    }

    #[test]
    fn first_name_and_surname_are_joined_and_refunds_skipped() {
        let e = read("Export des paiements;;;\nDu 01/03 au 31/03;;;\n\nPrénom;Nom;Montant (€);Statut\nAlice;Martin;20,00;Payé\n Bruno ; Petit ;35,50;Remboursé\nChloé;Durand;1 000,00;Validé\n;;;\n");
        assert_eq!(payers(&e), [("Alice Martin", 2_000), ("Chloé Durand", 100_000)]);
        assert_eq!(e.total, Cents::new(102_000));
        assert_eq!(e.skipped, [Skipped { line: 6, payer: "Bruno Petit".into(), status: "Remboursé".into() }]);
        assert_eq!(e.header_line, 4);
        assert_eq!(e.columns.payer, ["Prénom", "Nom"]);
        assert_eq!((e.columns.amount.as_str(), e.columns.status.as_deref(), e.columns.delimiter), ("Montant (€)", Some("Statut"), ';'));
        assert!(e.parts.iter().all(|p| p.cheque_number.is_none()));
    }

    #[test]
    fn the_gross_amount_is_read_not_the_net_nor_the_fee() {
        let e = read("Date,Name,Net,Fee,Gross,Currency,Status\n2029-03-01,Jean Dupont,9.71,0.29,10.00,eur,Paid\n2029-03-02,Léa Roux,48.90,1.10,50.00,EUR,Succeeded\n");
        assert_eq!(payers(&e), [("Jean Dupont", 1_000), ("Léa Roux", 5_000)]);
        assert_eq!((e.columns.amount.as_str(), e.columns.currency.as_deref()), ("Gross", Some("Currency")));
        assert!(parts_from_csv(b"Name,Net\nJean Dupont,9.71\n").is_err(), "a net column alone is not the gifts' amount");
    }

    #[test]
    fn the_whole_name_column_and_never_the_email() {
        let e = read("Customer Email,Customer Name,Amount\njd@example.org,Jean Dupont,12.5\n");
        assert_eq!(payers(&e), [("Jean Dupont", 1_250)]);
        assert_eq!(e.columns.payer, ["Customer Name"]);
        let no_name = refusal(b"Email;Montant\njd@example.org;12,50\n");
        assert!(no_name.fr.contains("e-mail n’est pas un nom") && no_name.en.contains("e-mail address is not a name"), "{no_name:?}");
        let e = read("Nom du payeur\tMontant TTC\tÉtat\nMARTIN Alice\t15\tValidée\n");
        assert_eq!((payers(&e), e.columns.delimiter), (vec![("MARTIN Alice", 1_500)], '\t'));
    }

    #[test]
    fn against_the_payout_credit() {
        let e = read("Name;Gross;Fee\nAlice;20,00;0,50\nBruno;30,00;0,70\n");
        assert_eq!(e.against(Cents::new(5_000)), Ok(()));
        let fees = e.against(Cents::new(4_880)).unwrap_err();
        assert!(fees.fr.contains("il manque 1,20") && fees.fr.contains("commission"), "{}", fees.fr);
        assert!(fees.en.contains("€1.20 is missing") && fees.en.contains("fee the provider kept"), "{}", fees.en);
        let more = e.against(Cents::new(6_000)).unwrap_err();
        assert!(more.en.contains("€10 more"), "{}", more.en);
    }

    #[test]
    fn blank_and_total_rows_are_not_payments() {
        let e = read("Payeur;Montant\nAlice Martin;20\n\n;\nTotal;20\n");
        assert_eq!(payers(&e), [("Alice Martin", 2_000)]);
        assert!(e.skipped.is_empty());
    }

    #[test]
    fn windows_1252_and_a_byte_order_mark() {
        let e = parts_from_csv(b"Donateur;Montant\r\nH\xC9L\xC8NE C\xD4T\xC9;25,00\r\n").unwrap();
        assert_eq!((payers(&e), e.encoding), (vec![("HÉLÈNE CÔTÉ", 2_500)], Encoding::Windows1252));
        let e = parts_from_csv("\u{feff}Donateur;Montant\nÉlise;5\n".as_bytes()).unwrap();
        assert_eq!(payers(&e), [("Élise", 500)]);
    }

    #[test]
    fn refusals_name_the_line_and_column_and_say_what_to_do() {
        for empty in [&b""[..], b"  \n\r\n", b"\xEF\xBB\xBF"] {
            let t = refusal(empty);
            assert!(t.fr.contains("vide") && t.en.contains("empty"), "{t:?}");
        }
        let t = refusal(b"Date;Libell\xE9;Montant\n01/03/2029;VIR;12,00\n");
        assert!(t.fr.contains("nom du payeur") && t.en.contains("payer's name"), "{t:?}");
        let t = refusal("Payeur;Montant\nAlice;20\nBruno;12,5,0\n".as_bytes());
        assert!(t.fr.contains("À la ligne 3, colonne 2 (Montant), le montant « 12,5,0 » est illisible"), "{}", t.fr);
        assert!(t.en.contains("At line 3, column 2 (Montant), the amount “12,5,0” cannot be read"), "{}", t.en);
        let t = refusal("Name,Amount\nAlice,20\nBruno,-5.00\n".as_bytes());
        assert!(t.fr.contains("À la ligne 3, colonne 2 (Amount), le montant « -5.00 » n’est pas positif"), "{}", t.fr);
        assert!(t.en.contains("remove this line"), "{}", t.en);
        let t = refusal("Name,Amount\nAlice,0\n".as_bytes());
        assert!(t.en.contains("is not positive"), "{}", t.en);
        let t = refusal("Name,Amount,Currency\nAlice,20,USD\n".as_bytes());
        assert!(t.fr.contains("ligne 2, colonne 3 (Currency), la devise est « USD »"), "{}", t.fr);
        let t = refusal("Name,Amount,Status\nAlice,20,Refunded\nBruno,5,Failed\n".as_bytes());
        assert!(t.fr.contains("aucun paiement payé") && t.en.contains("(line 1)"), "{t:?}");
    }

    #[test]
    fn a_refund_row_is_skipped_before_its_amount_is_read() {
        let e = read("Name,Amount,Status\nAlice,20,Paid\nAlice,-20,Refunded\nBruno,n/a,Canceled\n");
        assert_eq!(payers(&e), [("Alice", 2_000)]);
        assert_eq!(e.skipped.iter().map(|s| (s.line, s.status.as_str())).collect::<Vec<_>>(), [(3, "Refunded"), (4, "Canceled")]);
    }
}
