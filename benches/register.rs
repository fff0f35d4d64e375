//! The register's import, measured natively: a 2 000-entry CAMT.053 and a 2 000-row CSV
//! export, generated here, read and merged into a register (first import, then the same
//! file again, which adds nothing), then checked. Run with `make bench`
//! (`cargo bench --bench register`).

use std::hint::black_box;
use std::time::Instant;

use circo_don::date::Date;
use circo_don::register::statement::{self, Format};
use circo_don::register::session::{Import, Session};

const IBAN: &str = "FR76 3000 6000 0112 3456 7890 189";
const ENTRIES: usize = 2_000;

fn day(i: usize) -> Date {
    Date::new(2026, 10, 12).and_then(|d| d.add_days((i / 20) as i64)).expect("a day")
}

fn camt() -> String {
    let mut ntry = String::new();
    for i in 0..ENTRIES {
        let (ind, cents) = if i % 7 == 0 { ("DBIT", 4_590 + i) } else { ("CRDT", 1_000 + 37 * i) };
        ntry.push_str(&format!(
            "<Ntry><Amt Ccy=\"EUR\">{}.{:02}</Amt><CdtDbtInd>{ind}</CdtDbtInd><BookgDt><Dt>{}</Dt></BookgDt><AcctSvcrRef>R{i}</AcctSvcrRef>\
             <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>DONATEUR {i}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>DON-{:06}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n",
            cents / 100,
            cents % 100,
            day(i),
            i
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt><GrpHdr><MsgId>B</MsgId><CreDtTm>2027-01-01T00:00:00</CreDtTm></GrpHdr>\
         <Stmt><Id>S</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>\n{ntry}</Stmt></BkToCstmrStmt></Document>\n"
    )
}

fn csv() -> String {
    let mut out = String::from("Compte n° FR76 3000 6000 0112 3456 7890 189\n\nDate;Libellé;Débit;Crédit\n");
    for i in 0..ENTRIES {
        let d = day(i);
        let date = format!("{:02}/{:02}/{}", d.day(), d.month(), d.year());
        if i % 7 == 0 {
            out.push_str(&format!("{date};PRLV FOURNISSEUR {i};{},{:02};\n", (4_590 + i) / 100, (4_590 + i) % 100));
        } else {
            let c = 1_000 + 37 * i;
            out.push_str(&format!("{date};VIR M DONATEUR {i} DON-{i:06};;{} {:03},{:02}\n", c / 100_000, (c / 100) % 1000, c % 100).replace(";0 ", ";"));
        }
    }
    out
}

fn time(name: &str, runs: u32, mut f: impl FnMut() -> usize) {
    let mut best = f64::MAX;
    let mut sink = 0;
    for _ in 0..runs {
        let start = Instant::now();
        sink += f();
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    black_box(sink);
    println!("{name:<58} {best:>8.2} ms (best of {runs})");
}

fn main() {
    println!("circo-don register benchmarks (native, release, one core)\n");
    for (label, bytes, format) in [("CAMT.053", camt().into_bytes(), Format::Camt053), ("CSV (débit/crédit)", csv().into_bytes(), Format::Csv)] {
        let columns = (format == Format::Csv).then(|| statement::csv::propose(&bytes).expect("a proposal").mapping);
        let statements = statement::read(&bytes, format, columns.as_ref()).expect("the generated file reads");
        assert_eq!(statements.iter().map(|s| s.entries.len()).sum::<usize>(), ENTRIES, "{label}");
        time(&format!("{label}: read {ENTRIES} entries ({} KB)", bytes.len() / 1024), 20, || statement::read(&bytes, format, columns.as_ref()).map(|s| s.len()).unwrap_or(0));
        let added = |i: Result<Import, _>| match i {
            Ok(Import::Done { added, .. }) => added,
            _ => 0,
        };
        time(&format!("{label}: read and import into an empty register"), 20, || added(Session::default().import(&bytes, IBAN, columns.as_ref())));
        let mut full = Session::default();
        assert_eq!(added(full.import(&bytes, IBAN, columns.as_ref())), ENTRIES, "{label}: every entry imported");
        time(&format!("{label}: import again (adds nothing)"), 20, || {
            let mut again = full.clone();
            added(again.import(&bytes, IBAN, columns.as_ref()))
        });
        time(&format!("{label}: the register's JSON, written and read"), 20, || Session::from_json(&full.to_json()).map(|s| s.entries.len()).unwrap_or(0));
    }
}
