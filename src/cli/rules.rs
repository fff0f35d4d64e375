//! `circo-don rules`: the one table of legal rules, as a Markdown table (the end of
//! `docs/law.md` is this output; a test keeps them equal).

use super::Output;
use crate::i18n::Lang;
use crate::law::rules::{self, Figure};

/// The table: id, figure, source, since, whether it is verified, summary (French).
pub fn rules() -> Output {
    let mut out = format!("Table as in force on {}.\n\n", rules::IN_FORCE_ON);
    out.push_str("| id | figure | source | since | verified | summary |\n|---|---|---|---|---|---|\n");
    for rule in rules::rules() {
        let figure = match rule.figure {
            Figure::Qualitative => "—".to_owned(),
            f => f.parts(Lang::Fr).join(", "),
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} |\n",
            rule.id,
            figure,
            rule.source,
            rule.since.unwrap_or("—"),
            if rule.unverified { "**UNVERIFIED**" } else { "yes" },
            rule.summary().fr.replace('|', "\\|"),
        ));
    }
    Output::ok(out)
}
