//! The bank statement readers against the hand-made corpus of `tests/statements/`
//! (its README says what each file exercises): every entry read with its figures, as
//! checked by hand against the files, and every refusal with its kind and place.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use circo_don::date::Date;
use circo_don::register::statement::{
    self, check_account, detect, fresh, merge, Account, AccountMatch, AmountColumns, Batch, Column, ColumnMapping, Entry, ErrorKind, Format, Place, Statement,
    StatementError,
};
use proptest::prelude::*;

/// The campaign account of the corpus (the configuration corpus's example IBAN).
const CAMPAIGN: &str = "FR76 3000 6000 0112 3456 7890 189";
const CAMPAIGN_IBAN: &str = "FR7630006000011234567890189";

fn bytes(name: &str) -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/statements").join(name)).unwrap()
}

fn read(name: &str) -> Vec<Statement> {
    let b = bytes(name);
    statement::read_detected(&b).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn refusal(name: &str) -> StatementError {
    let b = bytes(name);
    match statement::read_detected(&b) {
        Ok(s) => panic!("{name} was read: {s:?}"),
        Err(e) => e,
    }
}

/// An entry as the tests compare it: date, signed cents, other party, remittance,
/// bank reference, cheque number.
type Row = (&'static str, i64, Option<&'static str>, &'static str, Option<&'static str>, Option<&'static str>);

/// [`Row`] as read.
type ReadRow = (String, i64, Option<String>, String, Option<String>, Option<String>);

fn rows(entries: &[Entry]) -> Vec<ReadRow> {
    entries
        .iter()
        .map(|e| {
            (
                e.booking_date.to_string(),
                e.amount.get(),
                e.counterparty.clone(),
                e.remittance.clone(),
                e.bank_reference.clone(),
                e.cheque_number.clone(),
            )
        })
        .collect()
}

fn expect(entries: &[Entry], expected: &[Row]) {
    let expected: Vec<_> = expected
        .iter()
        .map(|&(d, a, p, r, b, c)| (d.to_owned(), a, p.map(str::to_owned), r.to_owned(), b.map(str::to_owned), c.map(str::to_owned)))
        .collect();
    assert_eq!(rows(entries), expected);
    for e in entries {
        assert_eq!(e.currency, "EUR");
    }
}

fn element(path: &str, line: u32) -> Place {
    Place::Element { path: path.to_owned(), line }
}

#[test]
fn every_corpus_file_is_detected_as_its_format() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/statements");
    let mut seen = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = match path.extension().and_then(|e| e.to_str()) {
            Some("xml") => Format::Camt053,
            Some("ofx") => Format::Ofx,
            Some("csv") => Format::Csv,
            _ => continue,
        };
        assert_eq!(detect(&fs::read(&path).unwrap()), Some(expected), "{name}");
        seen += 1;
    }
    assert!(seen >= 15, "{seen} corpus files");
    assert_eq!(detect(b""), None);
    assert_eq!(detect(b"\x00\x01\x02binary"), None);
    assert_eq!(detect(b"just a sentence"), None);
}

#[test]
fn camt053_001_02_transfers_and_a_fee() {
    let s = read("camt053-001.02-virements.xml");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].format, Format::Camt053);
    assert_eq!(s[0].account, Account::Iban(CAMPAIGN_IBAN.into()));
    assert_eq!(s[0].id.as_deref(), Some("RELEVE-2024-03-05"));
    expect(
        &s[0].entries,
        &[
            ("2024-03-05", 5_000, Some("MARTIN CLAIRE"), "DON-7K3Q9M", Some("24065000123"), None),
            // BookgDt/DtTm; two Ustrd joined.
            ("2024-03-05", 12_000, Some("LEFÈVRE ÉMILE"), "SOUTIEN CAMPAGNE DON-4HX2PA", Some("24065000124"), None),
            // No details: the entry's own text, spaces collapsed.
            ("2024-03-05", -840, None, "FRAIS TENUE DE COMPTE", Some("24065000125"), None),
        ],
    );
    assert_eq!(check_account(&s[0], CAMPAIGN), Ok(AccountMatch::Iban));
}

#[test]
fn camt053_001_04_two_statements_in_one_file() {
    let s = read("camt053-001.04-deux-releves.xml");
    assert_eq!(s.iter().map(|s| s.id.as_deref()).collect::<Vec<_>>(), [Some("STMT-0311"), Some("STMT-0312")]);
    // The first statement writes its IBAN with spaces (not schema-valid, but seen).
    assert!(s.iter().all(|s| s.account == Account::Iban(CAMPAIGN_IBAN.into())));
    expect(
        &s[0].entries,
        &[
            // The detail's own AcctSvcrRef when the entry has none.
            ("2024-03-11", 3_000, Some("DURAND PAUL"), "DON DURAND", Some("TX-1101"), None),
            // A structured creditor reference only; NtryRef as the bank's reference.
            ("2024-03-11", 2_500, Some("BERNARD LUCIE"), "RF18539007547034", Some("N1102"), None),
            // Two details without amounts: one entry, their texts joined.
            ("2024-03-11", 7_000, None, "DON-AAAA11 ; DON-BBBB22", Some("24071000301"), None),
        ],
    );
    expect(
        &s[1].entries,
        &[
            // A debit names its creditor.
            ("2024-03-12", -1_500, Some("IMPRIMERIE DU CENTRE"), "FACTURE 2024-118", Some("24072000401"), None),
            ("2024-03-12", 3_000, Some("DURAND PAUL"), "DON DURAND", Some("TX-1201"), None),
        ],
    );
    assert!(s[0].entries.iter().chain(&s[1].entries).all(|e| e.batch.is_none()));
}

#[test]
fn camt053_001_08_a_cheque_deposit_is_one_entry_per_cheque() {
    let s = read("camt053-001.08-remise-cheques.xml");
    assert_eq!(s.len(), 2);
    let cheques = &s[0].entries[..4];
    expect(
        cheques,
        &[
            ("2024-03-18", 10_000, Some("GARCIA ANA"), "", Some("24078000042"), Some("3456781")),
            ("2024-03-18", 20_000, Some("ROUX JEAN-MARC"), "", Some("24078000042"), Some("0091234")),
            ("2024-03-18", 15_000, Some("PETIT SOPHIE"), "", Some("24078000042"), Some("5520017")),
            ("2024-03-18", 3_000, Some("NGUYEN THI"), "DON-5FJ8LD AU DOS", Some("24078000042"), Some("7781100")),
        ],
    );
    for (i, e) in cheques.iter().enumerate() {
        let batch = Batch { amount: circo_don::money::Cents::new(48_000), label: "REMISE CHEQUES N 0042 4 CHQ".into(), index: i as u32, count: 4 };
        assert_eq!(e.batch.as_ref(), Some(&batch));
    }
    assert_eq!(cheques.iter().map(|e| e.amount.get()).sum::<i64>(), 48_000);
    expect(&s[0].entries[4..], &[("2024-03-18", 4_000, Some("FONTAINE MARIE"), "DON-2WQ6ZN", Some("24078000043"), None)]);
    // The returned cheque: a reversal booked as a debit (RvslInd), the entry's text.
    expect(&s[1].entries, &[("2024-03-19", -3_000, Some("NGUYEN THI"), "CHEQUE IMPAYE 7781100", Some("24079000007"), Some("7781100"))]);
    let ids: std::collections::HashSet<_> = s[0].entries.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids.len(), 5, "each cheque has its own id");
}

#[test]
fn ofx1_in_windows_1252_with_accented_names() {
    let s = read("ofx1-cp1252.ofx");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].format, Format::Ofx);
    // Built from BANKID, BRANCHID, ACCTID and ACCTKEY.
    assert_eq!(s[0].account, Account::Iban(CAMPAIGN_IBAN.into()));
    expect(
        &s[0].entries,
        &[
            ("2024-03-04", 7_500, Some("VIR SEPA MME HÉLÈNE CÔTÉ"), "DON-9PQ4RT", Some("0304A1"), None),
            // An empty <MEMO> before </STMTTRN>.
            ("2024-03-06", -4_290, Some("CHEQUE 0001234"), "", Some("0306B7"), Some("0001234")),
            // A time zone after the date; &amp;; spaces collapsed.
            ("2024-03-08", 125_000, Some("VIR M. ET MME OCÉANE & LOÏC BRÛLÉ"), "SOUTIEN FRANÇOIS", Some("0308C2"), None),
        ],
    );
    assert_eq!(check_account(&s[0], CAMPAIGN), Ok(AccountMatch::Iban));
}

#[test]
fn ofx2_in_utf8_with_a_bank_and_a_card_statement() {
    let s = read("ofx2-utf8.ofx");
    assert_eq!(s.len(), 2);
    // ACCTID is the account number followed by its RIB key.
    assert_eq!(s[0].account, Account::Iban(CAMPAIGN_IBAN.into()));
    expect(
        &s[0].entries,
        &[
            ("2024-04-02", 6_000, Some("VIR INST M. ZOÉ LAMBERT"), "DON-3MKW7V merci", Some("20240402-001"), None),
            ("2024-04-05", -1_200, Some("PRLV SEPA ORANGE"), "FACTURE MOBILE", Some("20240405-002"), None),
            ("2024-04-09", 3_550, Some("Ælis Œuvre-Núñez"), "Don campagne & soutien", Some("20240409-003"), None),
        ],
    );
    assert_eq!(s[1].account, Account::Number { number: "4970XXXXXXXX1234".into() });
    expect(&s[1].entries, &[("2024-04-30", -8_990, Some("CARTE X1234 PAPETERIE"), "", Some("CB-0430-01"), None)]);
    let card = check_account(&s[1], CAMPAIGN).unwrap_err();
    assert_eq!(card.kind, ErrorKind::OtherAccount);
    assert_eq!(card.place, element("OFX/CREDITCARDMSGSRSV1/CCSTMTTRNRS/CCSTMTRS/CCACCTFROM", 61));
}

#[test]
fn csv_with_one_signed_column_in_windows_1252_below_header_lines() {
    let b = bytes("csv-signe-cp1252.csv");
    let proposal = statement::csv::propose(&b).unwrap();
    assert_eq!(proposal.header_line, 7);
    assert_eq!(proposal.encoding.name(), "Windows-1252");
    assert_eq!(proposal.headers, ["Date", "Libellé", "Montant(EUROS)"]);
    let expected = ColumnMapping {
        delimiter: ';',
        date: "Date".into(),
        amount: AmountColumns::Signed { signed: "Montant(EUROS)".into() },
        remittance: vec!["Libellé".into()],
        counterparty: None,
        reference: None,
        currency: None,
    };
    assert_eq!(proposal.mapping, expected);
    let s = statement::csv::read(&b, &proposal.mapping).unwrap();
    expect(
        &s.entries,
        &[
            ("2024-03-29", 10_000, None, "VIREMENT DE M. FRANÇOIS LEDOUX DON-8TRZ2K", None, None),
            ("2024-03-28", -4_530, None, "PRELEVEMENT DE EDF", None, None),
            // A no-break space between thousands; the same gift twice the same day.
            ("2024-03-27", 100_000, None, "VIREMENT DE MME ANAÏS BÉRANGER SOUTIEN", None, None),
            ("2024-03-27", 100_000, None, "VIREMENT DE MME ANAÏS BÉRANGER SOUTIEN", None, None),
            ("2024-03-25", 26_000, None, "REMISE CHEQUES 0043", None, None),
            ("2024-03-25", -150, None, "COMMISSION", None, None),
        ],
    );
    let (twin_a, twin_b) = (&s.entries[2].id, &s.entries[3].id);
    assert_ne!(twin_a, twin_b);
    assert!(twin_a.as_str().ends_with("|0") && twin_b.as_str().ends_with("|1"), "{twin_a} {twin_b}");
    // « Numéro Compte;12345678901 »: the number of the campaign's IBAN, said so.
    assert_eq!(s.account, Account::Number { number: "12345678901".into() });
    assert_eq!(check_account(&s, CAMPAIGN), Ok(AccountMatch::Number));
    assert!(AccountMatch::Number.note().is_some());
    let other = check_account(&s, "FR14 2004 1010 0505 0001 3M02 606").unwrap_err();
    assert_eq!((other.kind, other.place, other.value.as_str()), (ErrorKind::OtherAccount, Place::Line { line: 1, column: None }, "12345678901"));
}

#[test]
fn csv_with_debit_and_credit_columns_in_utf8_with_bom() {
    let b = bytes("csv-debit-credit-utf8-bom.csv");
    let proposal = statement::csv::propose(&b).unwrap();
    assert_eq!((proposal.header_line, proposal.mapping.delimiter), (3, ','));
    assert_eq!(proposal.mapping.date, "Date");
    assert_eq!(proposal.mapping.amount, AmountColumns::DebitCredit { debit: "Débit".into(), credit: "Crédit".into() });
    assert_eq!(proposal.mapping.reference.as_deref(), Some("Référence"));
    let s = read("csv-debit-credit-utf8-bom.csv");
    expect(
        &s[0].entries,
        &[
            ("2024-04-02", 5_000, None, "VIR SEPA M DUPONT JEAN DON-7K3Q9M", Some("R240402A"), None),
            // A debit written negative, and one written positive: both are debits.
            ("2024-04-03", -2_390, None, "CARTE 02/04 LIBRAIRIE", Some("R240403B"), None),
            // A narrow no-break space between thousands.
            ("2024-04-05", 123_456, None, "VIR STRIPE PAYMENTS", Some("R240405C"), None),
            ("2024-04-08", -200, None, "FRAIS ENVOI", Some("R240408D"), None),
        ],
    );
    assert_eq!(s[0].account, Account::Iban(CAMPAIGN_IBAN.into()));
    assert_eq!(check_account(&s[0], CAMPAIGN), Ok(AccountMatch::Iban));
}

#[test]
fn a_confirmed_mapping_reads_by_header_name_whatever_the_order() {
    let mapping: ColumnMapping =
        serde_json::from_str(r#"{"delimiter":";","date":"date operation","amount":{"debit":"DEBIT","credit":"CREDIT"},"remittance":["Libellé"]}"#).unwrap();
    let csv = "Crédit;Libellé;Date opération;Débit\n10,00;DON A;01/02/2024;\n;FRAIS;02/02/2024;1,00\n";
    let s = statement::read(csv.as_bytes(), Format::Csv, Some(&mapping)).unwrap();
    expect(&s[0].entries, &[("2024-02-01", 1_000, None, "DON A", None, None), ("2024-02-02", -100, None, "FRAIS", None, None)]);
    assert_eq!(s[0].account, Account::Unstated);
    assert_eq!(check_account(&s[0], CAMPAIGN), Ok(AccountMatch::Unstated));
    let lacking = statement::read("Date opération;Libellé;Montant\n".as_bytes(), Format::Csv, Some(&mapping)).unwrap_err();
    assert_eq!((lacking.kind, lacking.place, lacking.value.as_str()), (ErrorKind::MissingColumn, Place::Line { line: 1, column: None }, "DEBIT"));
    let both = statement::read("Date opération;Libellé;Débit;Crédit\n01/02/2024;X;1,00;2,00\n".as_bytes(), Format::Csv, Some(&mapping)).unwrap_err();
    assert_eq!(both.kind, ErrorKind::DebitAndCredit);
    assert_eq!(both.place, Place::Line { line: 2, column: Some(Column { index: 4, name: "Crédit".into() }) });
}

#[test]
fn refusals_name_their_kind_place_and_value() {
    let e = refusal("broken-camt053-truncated.xml");
    assert_eq!(e.kind, ErrorKind::MalformedXml);
    assert_eq!(e.place, Place::Line { line: 63, column: None });
    let e = refusal("broken-camt053-wrong-currency.xml");
    assert_eq!((e.kind, e.place.clone(), e.value.as_str()), (ErrorKind::Currency, element("Document/BkToCstmrStmt/Stmt/Ntry[2]/Amt", 53), "USD"));
    assert_eq!(e.message().fr, "Devise « USD » à l’élément Document/BkToCstmrStmt/Stmt/Ntry[2]/Amt (ligne 53) : le registre tient un compte en euros (EUR).");
    assert_eq!(e.message().en, "Currency “USD” at element Document/BkToCstmrStmt/Stmt/Ntry[2]/Amt (line 53): the register keeps a euro (EUR) account.");
    let e = refusal("broken-camt053-details-do-not-add-up.xml");
    assert_eq!(
        (e.kind, e.place.clone(), e.value.as_str()),
        (ErrorKind::DetailsDoNotAddUp, element("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]", 15), "490.00 EUR ≠ 480.00 EUR")
    );
    let e = refusal("broken-ofx1-bad-date.ofx");
    assert_eq!(
        (e.kind, e.place.clone(), e.value.as_str()),
        (ErrorKind::BadDate, element("OFX/BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN[2]/DTPOSTED", 52), "20240230")
    );
    let e = refusal("broken-ofx1-truncated.ofx");
    assert_eq!(e.kind, ErrorKind::MalformedOfx);
    assert_eq!(e.place, element("OFX/BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN/FITID", 54));
    assert!(e.message().en.contains("<STMTTRN> is never closed"), "{}", e.message().en);
    let e = refusal("broken-csv-bad-amount.csv");
    assert_eq!(
        (e.kind, e.place.clone(), e.value.as_str()),
        (ErrorKind::BadAmount, Place::Line { line: 3, column: Some(Column { index: 3, name: "Montant".into() }) }, "12,5,0")
    );
    assert_eq!(e.message().fr, "Montant illisible à la ligne 3, colonne 3 (Montant) : « 12,5,0 » (attendu : des euros, au plus deux décimales).");
    let e = refusal("broken-csv-bad-date.csv");
    assert_eq!(
        (e.kind, e.place.clone(), e.value.as_str()),
        (ErrorKind::BadDate, Place::Line { line: 4, column: Some(Column { index: 1, name: "Date".into() }) }, "31/04/2024")
    );
    // Read, then refused as another account's.
    let s = read("broken-ofx1-other-account.ofx");
    let e = check_account(&s[0], CAMPAIGN).unwrap_err();
    assert_eq!(
        (e.kind, e.place.clone(), e.value.as_str()),
        (ErrorKind::OtherAccount, element("OFX/BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKACCTFROM", 31), "FR14 2004 1010 0505 0001 3M02 606")
    );
    assert!(e.message().fr.starts_with("Ce relevé est celui d’un autre compte (« FR14 2004 1010 0505 0001 3M02 606 », l’élément"), "{}", e.message().fr);
}

/// A camt.053 document of `version` around one entry's inner XML.
fn camt(version: &str, ntry: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:{version}"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>{CAMPAIGN_IBAN}</IBAN></Id></Acct><Ntry>{ntry}</Ntry></Stmt></BkToCstmrStmt></Document>"#
    )
}

const NTRY: &str = r#"<Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-02</Dt></BookgDt>"#;

#[test]
fn camt_refusals_of_other_messages_versions_and_values() {
    let kind_value = |xml: String| {
        let e = statement::camt::read(xml.as_bytes()).unwrap_err();
        (e.kind, e.value)
    };
    for v in 2..=8 {
        let read = statement::camt::read(camt(&format!("camt.053.001.0{v}"), NTRY).as_bytes()).unwrap();
        assert_eq!(read[0].entries[0].amount.get(), 1_000, "001.0{v}");
    }
    assert_eq!(kind_value(camt("camt.053.001.01", NTRY)), (ErrorKind::UnsupportedVersion, "urn:iso:std:iso:20022:tech:xsd:camt.053.001.01".into()));
    assert_eq!(kind_value(camt("camt.053.001.10", NTRY)).0, ErrorKind::UnsupportedVersion);
    assert_eq!(kind_value(camt("camt.054.001.08", NTRY)), (ErrorKind::NotAStatement, "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08".into()));
    assert_eq!(kind_value("<html><body/></html>".into()), (ErrorKind::NotAStatement, "html".into()));
    assert_eq!(kind_value(camt("camt.053.001.02", &NTRY.replace("CRDT", "CRED"))), (ErrorKind::BadCreditDebit, "CRED".into()));
    assert_eq!(kind_value(camt("camt.053.001.02", &NTRY.replace("10.00", "-10.00"))), (ErrorKind::BadAmount, "-10.00".into()));
    assert_eq!(kind_value(camt("camt.053.001.02", &NTRY.replace("10.00", "10.001"))), (ErrorKind::BadAmount, "10.001".into()));
    assert_eq!(kind_value(camt("camt.053.001.02", &NTRY.replace("2024-01-02", "2024-02-30"))), (ErrorKind::BadDate, "2024-02-30".into()));
    let no_date = statement::camt::read(camt("camt.053.001.02", &NTRY.replace("<BookgDt><Dt>2024-01-02</Dt></BookgDt>", "")).as_bytes()).unwrap_err();
    assert_eq!((no_date.kind, no_date.place, no_date.value.as_str()), (ErrorKind::MissingElement, element("Document/BkToCstmrStmt/Stmt/Ntry", 1), "BookgDt"));
    assert_eq!(no_date_message(), "“BookgDt” is missing in element Document/BkToCstmrStmt/Stmt/Ntry (line 1).");
    let latin = camt("camt.053.001.02", NTRY).replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
    let latin = latin.replace("</Ntry>", "<AddtlNtryInf>R\u{e9}f</AddtlNtryInf></Ntry>");
    let latin_bytes: Vec<u8> = latin.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect();
    assert_eq!(statement::camt::read(&latin_bytes).unwrap()[0].entries[0].remittance, "Réf");
    let e = statement::read(b"  \n", Format::Camt053, None).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Empty);
    assert_eq!(statement::read_detected(b"just a sentence").unwrap_err().kind, ErrorKind::UnknownFormat);
}

fn no_date_message() -> String {
    statement::camt::read(camt("camt.053.001.02", &NTRY.replace("<BookgDt><Dt>2024-01-02</Dt></BookgDt>", "")).as_bytes()).unwrap_err().message().en
}

#[test]
fn ofx_refusals_of_currency_encoding_and_structure() {
    let ofx = |body: &str| format!("OFXHEADER:100\nENCODING:UTF-8\nCHARSET:NONE\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>{body}</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>");
    let account = "<BANKACCTFROM><ACCTID>12345678901</BANKACCTFROM>";
    let usd = statement::ofx::read(ofx(&format!("<CURDEF>USD{account}")).as_bytes()).unwrap_err();
    assert_eq!((usd.kind, usd.place, usd.value.as_str()), (ErrorKind::Currency, element("OFX/BANKMSGSRSV1/STMTTRNRS/STMTRS/CURDEF", 5), "USD"));
    let mut bad_utf8 = ofx(&format!("<CURDEF>EUR{account}")).into_bytes();
    bad_utf8.extend_from_slice(b"\n\xE9");
    let e = statement::ofx::read(&bad_utf8).unwrap_err();
    assert_eq!((e.kind, e.place, e.value.as_str()), (ErrorKind::Encoding, Place::Line { line: 6, column: None }, "UTF-8"));
    let no_list = statement::ofx::read(ofx(&format!("<CURDEF>EUR{account}")).as_bytes()).unwrap();
    assert_eq!(no_list[0].account, Account::Number { number: "12345678901".into() });
    assert_eq!(check_account(&no_list[0], CAMPAIGN), Ok(AccountMatch::Number));
    let bad_amount = ofx(&format!("<CURDEF>EUR{account}<BANKTRANLIST><STMTTRN><DTPOSTED>20240101<TRNAMT>1.234,50<FITID>X</STMTTRN></BANKTRANLIST>"));
    let e = statement::ofx::read(bad_amount.as_bytes()).unwrap_err();
    assert_eq!((e.kind, e.value.as_str()), (ErrorKind::BadAmount, "1.234,50"));
    let none = statement::ofx::read(b"OFXHEADER:100\n\n<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>").unwrap_err();
    assert_eq!(none.kind, ErrorKind::NoStatement);
    let not_ofx = statement::ofx::read(b"hello").unwrap_err();
    assert_eq!(not_ofx.kind, ErrorKind::MalformedOfx);
}

#[test]
fn reading_a_file_again_gives_the_same_ids_and_merging_it_adds_nothing() {
    for name in ["camt053-001.02-virements.xml", "camt053-001.08-remise-cheques.xml", "ofx1-cp1252.ofx", "ofx2-utf8.ofx", "csv-signe-cp1252.csv"] {
        let first: Vec<Entry> = read(name).into_iter().flat_map(|s| s.entries).collect();
        let again: Vec<Entry> = read(name).into_iter().flat_map(|s| s.entries).collect();
        assert_eq!(first, again, "{name}");
        let held = merge(&[], &first);
        assert_eq!(held.len(), first.len(), "{name}: ids are distinct");
        assert_eq!(merge(&held, &again), held, "{name}");
        assert_eq!(fresh(&held, &again).count(), 0, "{name}");
    }
    // The two days of 001.04 as two imports: the second adds its own two entries.
    let s = read("camt053-001.04-deux-releves.xml");
    let held = merge(&merge(&[], &s[0].entries), &s[1].entries);
    assert_eq!(held.len(), 5);
    assert_eq!(merge(&held, &s[1].entries), held);
    // Same person, same amount, same text on two days: two entries.
    assert_ne!(held[0].id, held[4].id);
}

/// One movement of a generated ledger: day of March 2024 (1-based), cents, who.
type Movement = (u8, i64, usize);

const WHO: [&str; 3] = ["VIR DUPONT JEAN DON-7K3Q9M", "VIR MARTIN CLAIRE", "REMISE CHEQUES"];

/// A CSV export of the movements whose day lies in `from..=to`, in the bank's order
/// or reversed (banks list the newest first, or the oldest).
fn export(ledger: &[Movement], from: u8, to: u8, reversed: bool) -> Vec<u8> {
    let mut rows: Vec<String> = ledger
        .iter()
        .filter(|(d, _, _)| (from..=to).contains(d))
        .map(|&(d, cents, who)| {
            let sign = if cents < 0 { "-" } else { "" };
            format!("{d:02}/03/2024;{};{sign}{},{:02}", WHO[who], cents.abs() / 100, cents.abs() % 100)
        })
        .collect();
    if reversed {
        rows.reverse();
    }
    format!("Relevé du {from:02}/03/2024 au {to:02}/03/2024\nDate;Libellé;Montant\n{}\n", rows.join("\n")).into_bytes()
}

fn entries_of(csv: &[u8]) -> Vec<Entry> {
    statement::read(csv, Format::Csv, None).unwrap().remove(0).entries
}

/// The multiset of (date, cents, text) of `entries`, sorted.
fn facts(entries: &[Entry]) -> Vec<(Date, i64, String)> {
    let mut f: Vec<_> = entries.iter().map(|e| (e.booking_date, e.amount.get(), e.remittance.clone())).collect();
    f.sort();
    f
}

fn ledger() -> impl Strategy<Value = Vec<Movement>> {
    prop::collection::vec((1u8..=20, prop::sample::select(vec![-1_250i64, 2_000, 5_000, 12_000]), 0usize..3), 0..40).prop_map(|mut l| {
        l.sort_by_key(|m| m.0);
        l
    })
}

proptest! {
    #[test]
    fn importing_twice_changes_nothing(ledger in ledger(), from in 1u8..=20, len in 0u8..20, reversed: bool) {
        let to = from.saturating_add(len).min(20);
        let first = entries_of(&export(&ledger, from, to, false));
        let held = merge(&[], &first);
        prop_assert_eq!(held.len(), first.len());
        prop_assert_eq!(&merge(&held, &first), &held);
        // The same days exported again, in the other order: still nothing new.
        let again = entries_of(&export(&ledger, from, to, reversed));
        prop_assert_eq!(&merge(&held, &again), &held);
    }

    #[test]
    fn an_overlapping_import_adds_only_the_new_entries(
        ledger in ledger(), a in 1u8..=20, a_len in 0u8..20, b in 1u8..=20, b_len in 0u8..20, reversed: bool,
    ) {
        let (a_to, b_to) = (a.saturating_add(a_len).min(20), b.saturating_add(b_len).min(20));
        let first = entries_of(&export(&ledger, a, a_to, false));
        let second = entries_of(&export(&ledger, b, b_to, reversed));
        let held = merge(&merge(&[], &first), &second);
        // Exactly the ledger's movements of either period, each once.
        let in_either: Vec<Movement> = ledger
            .iter()
            .copied()
            .filter(|(d, _, _)| (a..=a_to).contains(d) || (b..=b_to).contains(d))
            .collect();
        let expected = entries_of(&export(&in_either, 1, 20, false));
        prop_assert_eq!(facts(&held), facts(&expected));
        // What the second import added is what the first period lacked.
        let added = fresh(&first, &second).count();
        let only_second = ledger.iter().filter(|(d, _, _)| (b..=b_to).contains(d) && !(a..=a_to).contains(d)).count();
        prop_assert_eq!(added, only_second);
    }
}

#[test]
fn the_mapping_documented_in_the_schema_guide_reads() {
    let guide = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/README.md")).unwrap();
    let section = &guide[guide.find("## The register's CSV column mapping").expect("the mapping's section")..];
    let json = section.split("```json").nth(1).and_then(|s| s.split("```").next()).expect("its example");
    let mapping: ColumnMapping = serde_json::from_str(json).unwrap();
    assert_eq!(mapping.amount, AmountColumns::DebitCredit { debit: "Débit".into(), credit: "Crédit".into() });
    assert_eq!(mapping.remittance.len(), 2);
    let table = "Date opération;Tiers;Libellé;Informations complémentaires;Référence;Débit;Crédit;Devise\n\
                 02/05/2024;DUPONT JEAN;VIR;DON-7K3Q9M;R1;;25,00;EUR\n\
                 03/05/2024;X;VIR;;R2;;25,00;USD\n";
    let e = statement::read(table.as_bytes(), Format::Csv, Some(&mapping)).unwrap_err();
    assert_eq!((e.kind, e.place, e.value.as_str()), (ErrorKind::Currency, Place::Line { line: 3, column: Some(Column { index: 8, name: "Devise".into() }) }, "USD"));
    let first = table.lines().take(2).collect::<Vec<_>>().join("\n");
    let s = statement::read(first.as_bytes(), Format::Csv, Some(&mapping)).unwrap();
    expect(&s[0].entries, &[("2024-05-02", 2_500, Some("DUPONT JEAN"), "VIR DON-7K3Q9M", Some("R1"), None)]);
}
