//! Checks an account's content and builds the [`ValidAccount`]. Every problem is
//! reported at once, each with its path, a stable rule id and a bilingual message.
//!
//! Pure: no clock (nothing here depends on today's date), no I/O.


use super::format::*;
use super::model::*;
use super::problem::{join, CheckId, Problem, Severity};
use super::registry::Commune;
use super::text::{contains_words, normalize};
use crate::date::Date;
use crate::i18n::{fill_both, Lang, Text};
use crate::money::Cents;
use crate::text_safety;
use crate::url;
use crate::payment::IbanError;

/// The L52-8 cap per donor and election, in euros: no preset or average gift above it.
pub const DONOR_CAP_EUROS: i64 = crate::law::rules::DONOR_CAP.get() / 100;
/// At most this many preset buttons.
pub const MAX_PRESETS: usize = 8;
/// The EPC transfer QR code limits the beneficiary's name to 70 characters.
pub const MAX_HOLDER_CHARS: usize = crate::payment::epc::MAX_BENEFICIARY_CHARS;
/// The EPC transfer QR code limits the remittance text to 140 characters.
pub const MAX_REFERENCE_CHARS: usize = crate::payment::epc::MAX_REMITTANCE_CHARS;
/// Names of people, associations, operators.
pub const MAX_NAME_CHARS: usize = 100;
/// Account titles, circo names.
pub const MAX_TITLE_CHARS: usize = 140;
/// URLs.
pub const MAX_URL_CHARS: usize = 2_000;
/// Amounts above this (ten million euros) are surely a typo.
const MAX_EUROS: i64 = 10_000_000;

/// Card payment pages run by third-party platforms: allowed since 2020 only under the
/// conditions of R39-1-1 (see the warning's text). Host suffixes.
pub const THIRD_PARTY_PLATFORMS: &[&str] = &[
    "helloasso.com", "helloasso.org", "leetchi.com", "gofundme.com", "kisskissbankbank.com",
    "ulule.com", "paypal.com", "paypal.me", "lydia-app.com", "lydia.me", "sumup.com",
    "stripe.com", "donorbox.org", "tipeee.com", "pumpkin-app.com", "lepotcommun.fr",
    "papayoux-solidarite.com", "miimosa.com", "zeffy.com",
];

/// BIC country codes of banks in France, its overseas departments and collectivities,
/// and Monaco: consistent with a French IBAN.
const FRENCH_BIC_COUNTRIES: &[&str] =
    &["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF", "MC"];

pub(crate) struct Checker<'a> {
    problems: &'a mut Vec<Problem>,
    pub(crate) errors: usize,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(problems: &'a mut Vec<Problem>) -> Checker<'a> {
        Checker { problems, errors: 0 }
    }

    /// An error at `path`. Its words are written only where they are read (`explain`:
    /// the command line, the builder, the register page): the donor's widget records
    /// the check and the path, and never compiles the sentence (issue 22).
    #[inline(always)]
    pub(crate) fn error(&mut self, path: &str, rule: CheckId, words: impl FnOnce() -> Text) {
        self.errors += 1;
        #[cfg(explain)]
        self.push(Severity::Error, path, rule, words());
        #[cfg(not(explain))]
        {
            let _ = words;
            self.push(Severity::Error, path, rule);
        }
    }

    /// A warning at `path`, its words as [`Checker::error`]'s.
    #[inline(always)]
    pub(crate) fn warning(&mut self, path: &str, rule: CheckId, words: impl FnOnce() -> Text) {
        #[cfg(explain)]
        self.push(Severity::Warning, path, rule, words());
        #[cfg(not(explain))]
        {
            let _ = words;
            self.push(Severity::Warning, path, rule);
        }
    }

    /// Out of line: one push of a problem for the fifty checks instead of one each (size).
    #[inline(never)]
    fn push(&mut self, severity: Severity, path: &str, rule: CheckId, #[cfg(explain)] message: Text) {
        self.problems.push(Problem {
            path: path.to_owned(),
            rule,
            severity,
            #[cfg(explain)]
            message,
        });
    }

    /// A text field: trimmed, non-empty, at most `max` characters, no control
    /// character; a warning for `<` or `>`.
    pub(crate) fn text(&mut self, path: &str, value: &str, max: usize) -> String {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            self.error(path, CheckId::Empty, || Text::new("Ce champ est vide : renseignez-le.", "This field is empty: fill it in."));
        }
        let count = trimmed.chars().count();
        if count > max {
            self.error(
                path,
                CheckId::TooLong,
                || fill_both("Ce texte fait {} caractères ; {} au plus sont acceptés. Raccourcissez-le.",
                "This text is {} characters long; at most {} are accepted. Shorten it.", &[&int(count as i64), &int(max as i64)]),
            );
        }
        if trimmed.chars().any(char::is_control) {
            self.error(
                path,
                CheckId::ControlCharacter,
                || Text::new("Ce texte contient un caractère de contrôle (saut de ligne, tabulation...) : retirez-le.",
                "This text contains a control character (line break, tab...): remove it."),
            );
        }
        self.hidden(path, value);
        if trimmed.contains(['<', '>']) {
            self.warning(
                path,
                CheckId::Markup,
                || Text::new("Ce texte contient « < » ou « > ». Le widget affiche le texte tel quel, sans l’interpréter comme du HTML : vérifiez que ce n’est pas une erreur.",
                "This text contains “<” or “>”. The widget shows text as is, never as HTML: check this is not a mistake."),
            );
        }
        trimmed.to_owned()
    }

    /// Text that can lie (see [`crate::text_safety`]): an error for a bidi control, an
    /// invisible character or a non-character; a warning for a word mixing Latin
    /// letters with look-alike letters of another script.
    pub(crate) fn hidden(&mut self, path: &str, value: &str) {
        if let Some(c) = text_safety::first_hidden(value) {
            self.errors += 1;
            self.problems.push(Problem::error(path, CheckId::HiddenCharacter, || text_safety::config_message(c)));
        } else if let Some((word, c)) = text_safety::mixed_script_word(value) {
            let cp = text_safety::code_point(c);
            self.warning(
                path,
                CheckId::MixedScript,
                || fill_both("Le mot « {} » mêle des lettres latines et « {} » ({}), une lettre d’un autre alphabet qui ressemble à une lettre latine : à l’écran rien ne se voit, mais la banque ne lira pas le même nom. Retapez ce mot au clavier.",
                "The word “{}” mixes Latin letters with “{}” ({}), a letter of another alphabet that looks like a Latin one: nothing shows on screen, but the bank will not read the same name. Type the word again on the keyboard.", &[word, &c.to_string(), &cp]),
            );
        }
    }

    fn date(&mut self, path: &str, value: &str) -> Option<Date> {
        let date = Date::parse_iso(value.trim());
        if date.is_none() {
            self.error(
                path,
                CheckId::DateInvalid,
                || fill_both("« {} » n’est pas une date valide : écrivez-la AAAA-MM-JJ, par exemple 2027-06-13.",
                "“{}” is not a valid date: write it YYYY-MM-DD, for example 2027-06-13.", &[&shorten(value)]),
            );
        }
        date
    }

    /// Whole euros to cents, if within `1..=max` (or `0..=max` when `zero_ok`).
    fn euros(&mut self, path: &str, value: i64, zero_ok: bool, max: i64, rule: CheckId) -> Option<Cents> {
        let min = i64::from(!zero_ok);
        if value < min || value > max {
            self.error(path, rule, || {
                let (fr, en) = if zero_ok {
                    ("{} € : le montant doit être compris entre 0 et {} euros.", "{} €: the amount must be between 0 and {} euros.")
                } else {
                    ("{} € : le montant doit être compris entre 1 et {} euros.", "{} €: the amount must be between 1 and {} euros.")
                };
                fill_both(fr, en, &[&int(value), &int(max)])
            });
            return None;
        }
        value.checked_mul(100).map(Cents::new)
    }

    /// An absolute `https:` URL.
    fn https_url(&mut self, path: &str, value: &str) -> String {
        let url = value.trim();
        self.hidden(path, value);
        if url.chars().count() > MAX_URL_CHARS {
            self.error(path, CheckId::TooLong, || fill_both("Cette adresse dépasse {} caractères.", "This address exceeds {} characters.", &[&int(MAX_URL_CHARS as i64)]));
        }
        match url::scheme(url) {
            Some(scheme) if scheme == "https" => {
                let host = url::host(url).unwrap_or_default();
                if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
                    self.error(
                        path,
                        CheckId::UrlInvalid,
                        || fill_both("« {} » n’est pas une adresse web valide : écrivez l’adresse complète, par exemple https://exemple.fr/dons.",
                        "“{}” is not a valid web address: write the full address, for example https://example.org/give.", &[&shorten(url)]),
                    );
                } else if url::authority(url).is_some_and(|a| a.contains('@')) {
                    self.error(
                        path,
                        CheckId::UrlInvalid,
                        || Text::new("Cette adresse contient « @ » avant le nom de domaine, ce qui peut tromper les donateurs : retirez-le.",
                        "This address contains “@” before the domain name, which can mislead donors: remove it."),
                    );
                }
            }
            Some(scheme) => self.error(
                path,
                CheckId::UrlScheme,
                || fill_both("Seules les adresses https: sont acceptées, pas « {}: ». Utilisez l’adresse https:// de la page (les navigateurs signalent les pages http comme non sécurisées, et les autres schémas sont dangereux).",
                "Only https: addresses are accepted, not “{}:”. Use the page’s https:// address (browsers flag http pages as insecure, and other schemes are dangerous).", &[&scheme]),
            ),
            None => self.error(
                path,
                CheckId::UrlScheme,
                || fill_both("« {} » n’est pas une adresse complète : écrivez-la avec https://, par exemple https://exemple.fr/dons.",
                "“{}” is not a full address: write it with https://, for example https://example.org/give.", &[&shorten(url)]),
            ),
        }
        url.to_owned()
    }
}

/// The verification of payee (vérification du bénéficiaire, from
/// [`VERIFICATION_OF_PAYEE_SINCE`](crate::law::rules::VERIFICATION_OF_PAYEE_SINCE)): the
/// donor's bank compares the name of a transfer with the one the account's bank
/// registered and warns the donor when they differ. `circo-don check` says so for each
/// transfer holder.
pub fn verification_of_payee(holder: &str) -> Text {
    let holder = text_safety::reveal(holder);
    let since = crate::law::rules::verification_of_payee_since();
    Text::new(
        crate::i18n::fill(
            "Titulaire du virement : « {} ». Ce nom, affiché aux donateurs et inscrit dans le QR code, doit être exactement celui que la banque a enregistré pour le compte de campagne (copiez-le du RIB) : depuis {}, la banque du donateur vérifie le bénéficiaire avant chaque virement et l’avertit si le nom diffère.",
            &[&holder, &since.fr],
        ),
        crate::i18n::fill(
            "Transfer holder: “{}”. This name, shown to donors and written in the QR code, must be exactly the one the bank registered for the campaign account (copy it from the RIB): since {} the donor’s bank verifies the payee before each transfer and warns the donor when the name differs.",
            &[&holder, &since.en],
        ),
    )
}

/// For the collective, from the circo's population: the legislative spending ceiling
/// (L52-11) and the most cash the candidate may receive in total, 20 % of it (L52-8).
/// `circo-don check` says so when the configuration gives the population.
pub fn spending_ceiling_note(population: u32) -> Text {
    let (ceiling, cash) = (crate::law::limits::spending_ceiling(population), crate::law::limits::cash_cap(population));
    let share = crate::law::rules::CASH_TOTAL_SHARE.0;
    let (fr, en) = (crate::i18n::Lang::Fr, crate::i18n::Lang::En);
    Text::new(
        format!(
            "Pour {population} habitants, le plafond des dépenses de la campagne est de {} (L52-11) ; les dons en espèces reçus ne peuvent dépasser au total {} ({share} % de ce plafond, L52-8).",
            ceiling.format(fr),
            cash.format(fr)
        ),
        format!(
            "For {population} inhabitants, the campaign's spending ceiling is {} (L52-11); cash gifts received may not exceed {} in total ({share}% of that ceiling, L52-8).",
            ceiling.format(en),
            cash.format(en)
        ),
    )
}

/// `n` in digits, for a message's arguments: one out-of-line writer for every number
/// the problems quote instead of a formatting call at each (size).
#[inline(never)]
pub(crate) fn int(n: i64) -> String {
    n.to_string()
}

/// At most 60 characters of `s`, for quoting user input in messages.
pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = text_safety::reveal(s).chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// The third-party platform the URL is on, if it is a known one.
pub fn third_party_platform(url: &str) -> Option<&'static str> {
    let host = url::host(url)?.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    THIRD_PARTY_PLATFORMS
        .iter()
        .find(|p| host == **p || host.ends_with(&format!(".{p}")))
        .copied()
}

/// Whether a department code has a valid shape: `01`–`99`, `2A`, `2B`, `971`–`989`,
/// or `Z` and a letter (`ZZ` for the French abroad).
pub fn is_department_code(code: &str) -> bool {
    let b = code.as_bytes();
    match b {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => code != "00" && code != "20",
        [b'2', b'A' | b'B'] => true,
        [b'Z', l] if l.is_ascii_uppercase() => true,
        [b'9', b'7' | b'8', d] if d.is_ascii_digit() => true,
        _ => false,
    }
}

/// Checks the department code and the number; shared with registry links.
pub(crate) fn check_circo_key(
    problems: &mut Vec<Problem>,
    prefix: &str,
    department: &str,
    number: i64,
) -> Option<(String, u16)> {
    let mut c = Checker { problems, errors: 0 };
    let code = department.trim().to_ascii_uppercase();
    let dept_ok = is_department_code(&code);
    if !dept_ok {
        c.error(
            &join(prefix, "department"),
            CheckId::DepartmentCode,
            || fill_both("« {} » n’est pas un code de département : écrivez-le entre guillemets, sur deux chiffres (\"01\", \"75\"), \"2A\"/\"2B\" pour la Corse, trois chiffres outre-mer (\"974\"), \"ZZ\" pour les Français de l’étranger.",
            "“{}” is not a department code: write it as a string, on two digits (\"01\", \"75\"), \"2A\"/\"2B\" for Corsica, three digits overseas (\"974\"), \"ZZ\" for French people abroad.", &[&shorten(department)]),
        );
    }
    let number_ok = (1..=99).contains(&number);
    if !number_ok {
        c.error(
            &join(prefix, "number"),
            CheckId::CircoNumber,
            || fill_both("{} n’est pas un numéro de circonscription : il va de 1 à 99.",
            "{} is not a circonscription number: it runs from 1 to 99.", &[&int(number)]),
        );
    }
    (dept_ok && number_ok).then_some((code, number as u16))
}

/// A goal at `path` (an account's `goal`, or a registry link's): amounts in whole euros,
/// the date of the figure, the average gift.
pub(crate) fn check_goal(c: &mut Checker<'_>, path: &str, g: &GoalFile) -> Goal {
    let target = c.euros(&join(path, "target"), g.target, false, MAX_EUROS, CheckId::GoalTarget);
    let raised = c.euros(&join(path, "raised"), g.raised, true, MAX_EUROS, CheckId::GoalRaised);
    let as_of = g.as_of.as_deref().and_then(|s| c.date(&join(path, "as_of"), s));
    let average_gift = g.average_gift.and_then(|a| c.euros(&join(path, "average_gift"), a, false, DONOR_CAP_EUROS, CheckId::GoalAverage));
    Goal { target: target.unwrap_or_default(), raised: raised.unwrap_or_default(), as_of, average_gift }
}

/// A circo's communes (an account's `circo.communes`, a registry link's `communes`) at
/// `path`: each name a text field, each INSEE code and postal code of the right shape,
/// each commune and each of its postal codes listed once. Returns them for the
/// registry's search, without the malformed postal codes.
pub(crate) fn check_communes(c: &mut Checker<'_>, path: &str, communes: &[CommuneFile]) -> Vec<Commune> {
    let mut checked = Vec::with_capacity(communes.len());
    for (i, commune) in communes.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let name = c.text(&join(&at, "name"), &commune.name, MAX_NAME_CHARS);
        let insee = commune.insee.as_str();
        if !is_insee_code(insee) {
            c.error(
                &join(&at, "insee"),
                CheckId::CommuneInsee,
                || fill_both("« {} » n’est pas un code INSEE de commune : 5 chiffres (« 42218 »), ou 2A ou 2B puis 3 chiffres en Corse (« 2A004 »). Ce n’est pas le code postal.",
                "“{}” is not a commune’s INSEE code: 5 digits (“42218”), or 2A or 2B then 3 digits in Corsica (“2A004”). It is not the postal code.", &[&shorten(insee)]),
            );
        } else if let Some(first) = communes[..i].iter().position(|other| other.insee == insee) {
            c.warning(
                &join(&at, "insee"),
                CheckId::CommuneDuplicate,
                || fill_both("La commune {} figure deux fois (aussi en {}[{}]) : gardez une seule entrée.",
                "Commune {} is listed twice (also at {}[{}]): keep one entry.", &[insee, path, &int(first as i64)]),
            );
        }
        let mut postal_codes: Vec<String> = Vec::with_capacity(commune.postal_codes.len());
        for (k, code) in commune.postal_codes.iter().enumerate() {
            let code_path = format!("{at}.postal_codes[{k}]");
            if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
                c.error(
                    &code_path,
                    CheckId::CommunePostalCode,
                    || fill_both("« {} » n’est pas un code postal : 5 chiffres sans espace, entre guillemets (« 01000 »).",
                    "“{}” is not a postal code: 5 digits without spaces, in quotes (“01000”).", &[&shorten(code)]),
                );
            } else if postal_codes.contains(code) {
                c.warning(
                    &code_path,
                    CheckId::CommuneDuplicate,
                    || fill_both("Le code postal {} figure deux fois pour cette commune : gardez-le une fois.",
                    "Postal code {} is listed twice for this commune: keep it once.", &[code]),
                );
            } else {
                postal_codes.push(code.clone());
            }
        }
        checked.push(Commune::new(name, insee.to_owned(), postal_codes));
    }
    checked
}

/// A commune's INSEE code: five digits, or `2A`/`2B` and three digits (Corsica).
pub fn is_insee_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5 && (b[..2].iter().all(u8::is_ascii_digit) || matches!(&b[..2], b"2A" | b"2B")) && b[2..].iter().all(u8::is_ascii_digit)
}

/// Checks `file` and returns the validated account when no error was found. Problems
/// are appended to `problems`, their paths prefixed with `prefix` (empty for a file of
/// its own, `circos[3]` in a registry).
pub fn validate_account(file: &AccountFile, prefix: &str, problems: &mut Vec<Problem>) -> Option<ValidAccount> {
    let key = check_circo_key(problems, &join(prefix, "circo"), &file.circo.department, file.circo.number);
    let mut c = Checker { problems, errors: 0 };
    let p = |field: &str| join(prefix, field);

    if file.format != ACCOUNT_FORMAT {
        c.error(
            &p("format"),
            CheckId::FormatVersion,
            || fill_both("Format « {} » inconnu : cette version du widget lit \"{}\".",
            "Unknown format “{}”: this version of the widget reads \"{}\".", &[&shorten(&file.format), ACCOUNT_FORMAT]),
        );
    }

    // Election.
    let e = &file.election;
    let first_round = c.date(&p("election.first_round"), &e.first_round);
    let second_round = e.second_round.as_deref().and_then(|s| c.date(&p("election.second_round"), s));
    let trigger_date = e.trigger_date.as_deref().and_then(|s| c.date(&p("election.trigger_date"), s));
    if let (Some(first), Some(second)) = (first_round, second_round) {
        let gap = first.days_until(second);
        let expected = i64::from(if e.kind == ElectionKind::Presidential {
            crate::law::rules::PRESIDENTIAL_SECOND_ROUND_AFTER_DAYS
        } else {
            crate::law::rules::SECOND_ROUND_AFTER_DAYS
        });
        if gap <= 0 {
            c.error(
                &p("election.second_round"),
                CheckId::SecondRoundBeforeFirst,
                || fill_both("Le second tour ({}) doit être après le premier ({}) : vérifiez les deux dates.",
                "The second round ({}) must come after the first ({}): check both dates.", &[&second.to_string(), &first.to_string()]),
            );
        } else if gap != expected {
            c.warning(
                &p("election.second_round"),
                CheckId::SecondRoundInterval,
                || fill_both("Le second tour a lieu d’habitude {} jours après le premier ; ici {} jours. Vérifiez les dates.",
                "The second round usually comes {} days after the first; here {} days. Check the dates.", &[&int(expected), &int(gap)]),
            );
        }
    }
    if e.kind == ElectionKind::ByElection && e.trigger_date.is_none() {
        c.warning(
            &p("election.trigger_date"),
            CheckId::TriggerDateMissing,
            || Text::new("Pour une élection partielle, indiquez « trigger_date » (la date de l’événement qui l’a provoquée) : la collecte des dons s’ouvre à cette date.",
            "For a by-election, give “trigger_date” (the date of the event that caused it): the collection of gifts opens on that date."),
        );
    }
    if let (Some(first), Some(trigger)) = (first_round, trigger_date) {
        if trigger >= first {
            c.error(
                &p("election.trigger_date"),
                CheckId::TriggerAfterFirstRound,
                || fill_both("La date de l’événement déclencheur ({}) doit précéder le premier tour ({}).",
                "The triggering event’s date ({}) must precede the first round ({}).", &[&trigger.to_string(), &first.to_string()]),
            );
        }
    }

    // Circo.
    let circo_name = c.text(&p("circo.name"), &file.circo.name, MAX_TITLE_CHARS);
    // Only a registry's search reads them (see `registry::load_inline`).
    check_communes(&mut c, &p("circo.communes"), &file.circo.communes);
    let population = match file.circo.population {
        None => None,
        Some(n) if (1..=10_000_000).contains(&n) => Some(n as u32),
        Some(n) => {
            c.error(
                &p("circo.population"),
                CheckId::Population,
                || fill_both("{} habitants : la population doit être un nombre entier positif (au plus 10 millions). Omettez le champ si vous ne la connaissez pas.",
                "{} inhabitants: the population must be a positive whole number (at most 10 million). Leave the field out if you do not know it.", &[&int(n)]),
            );
            None
        }
    };

    // Candidate and mandataire.
    let candidate = c.text(&p("candidate.name"), &file.candidate.name, MAX_NAME_CHARS);
    let m = &file.mandataire;
    let mandataire_name = c.text(&p("mandataire.name"), &m.name, MAX_NAME_CHARS);
    let account_title = c.text(&p("mandataire.account_title"), &m.account_title, MAX_TITLE_CHARS);
    let designated_on = c.date(&p("mandataire.designated_on"), &m.designated_on);
    if let (Some(designated), Some(first)) = (designated_on, first_round) {
        if designated >= first {
            c.error(
                &p("mandataire.designated_on"),
                CheckId::DesignationAfterFirstRound,
                || fill_both("La désignation du mandataire ({}) doit précéder le premier tour ({}) : elle a lieu au plus tard au dépôt de candidature. Vérifiez la date.",
                "The mandataire’s designation ({}) must precede the first round ({}): it happens at the latest when the candidacy is filed. Check the date.", &[&designated.to_string(), &first.to_string()]),
            );
        }
    }
    let (shown_mandataire, shown_candidate) = (text_safety::reveal(&mandataire_name), text_safety::reveal(&candidate));
    if !account_title.is_empty() && !mandataire_name.is_empty() && !contains_words(&account_title, &mandataire_name) {
        c.warning(
            &p("mandataire.account_title"),
            CheckId::AccountTitleMandataire,
            || fill_both("L’intitulé du compte ne mentionne pas « {} ». Recopiez l’intitulé exact figurant sur le RIB du compte de campagne.",
            "The account title does not mention “{}”. Copy the exact title from the campaign account’s bank details (RIB).", &[&shown_mandataire]),
        );
    }
    if m.kind == MandataireKind::Person && !account_title.is_empty() && !candidate.is_empty() && !contains_words(&account_title, &candidate) {
        c.warning(
            &p("mandataire.account_title"),
            CheckId::AccountTitleCandidate,
            || fill_both("L’intitulé du compte d’un mandataire financier dit d’habitude « {}, mandataire financier de {} » ; ici le nom du candidat n’y figure pas. Recopiez l’intitulé exact du RIB.",
            "A mandataire’s account title usually reads “{}, mandataire financier de {}”; here the candidate’s name is missing. Copy the exact title from the bank details (RIB).", &[&shown_mandataire, &shown_candidate]),
        );
    }

    // Payment.
    let pay = &file.payment;
    if pay.cheque.is_none() && pay.transfer.is_none() && pay.card.is_none() {
        c.error(
            &p("payment"),
            CheckId::PaymentMissing,
            || Text::new("Aucun moyen de paiement en ligne ou par courrier : indiquez au moins « cheque », « transfer » ou « card » (les espèces ne se donnent qu’en main propre).",
            "No payment method by post or online: give at least “cheque”, “transfer” or “card” (cash is only given in person)."),
        );
    }
    let cheque = pay.cheque.as_ref().map(|ch| {
        let payee = c.text(&p("payment.cheque.payee"), &ch.payee, MAX_TITLE_CHARS);
        match_title(&mut c, &p("payment.cheque.payee"), &payee, &account_title, false);
        let path = p("payment.cheque.address");
        // Each line with its own path when lines are given as an array.
        let given: Vec<(String, &str)> = match &ch.address {
            AddressFile::Lines(lines) => lines.iter().enumerate().map(|(i, l)| (format!("{path}[{i}]"), l.as_str())).collect(),
            AddressFile::Text(text) => text.lines().map(|l| (path.clone(), l)).collect(),
        };
        let given: Vec<(String, &str)> = given.into_iter().filter(|(_, l)| !l.trim().is_empty()).collect();
        let lines: Vec<String> = given.iter().map(|(line_path, line)| c.text(line_path, line, 70)).collect();
        if lines.is_empty() {
            c.error(&path, CheckId::Empty, || Text::new("L’adresse où envoyer les chèques est vide : renseignez-la.", "The address to send cheques to is empty: fill it in."));
        } else if lines.len() > 6 {
            c.error(&path, CheckId::AddressLines, || Text::new("Une adresse postale tient en 6 lignes au plus.", "A postal address fits in at most 6 lines."));
        }
        Cheque { payee, address: lines }
    });
    let transfer = pay.transfer.as_ref().map(|t| {
        let holder = c.text(&p("payment.transfer.holder"), &t.holder, MAX_HOLDER_CHARS);
        match_title(&mut c, &p("payment.transfer.holder"), &holder, &account_title, true);
        let iban = iban_field(&mut c, &p("payment.transfer.iban"), &t.iban);
        let bic = t.bic.as_deref().map(|b| bic_field(&mut c, &p("payment.transfer.bic"), b, iban.as_deref()));
        let reference = t.reference.as_deref().map(|r| c.text(&p("payment.transfer.reference"), r, MAX_REFERENCE_CHARS));
        Transfer { holder, iban: iban.unwrap_or_default(), bic, reference }
    });
    let card = pay.card.as_ref().map(|card| {
        let path = p("payment.card.url");
        let url = c.https_url(&path, &card.url);
        if let Some(platform) = third_party_platform(&url) {
            c.warning(
                &path,
                CheckId::CardThirdPartyPlatform,
                || fill_both("Cette page de paiement est sur {}, une plateforme tierce. C’est permis (R39-1-1 du code électoral) seulement si le mandataire s’assure que la page porte les mentions de l’article L52-9, que le prestataire applique les plafonds de l’article L52-8, transmet avec les fonds les données de chaque donateur (R39-1), verse les fonds sans délai et ne rembourse rien sans l’accord du mandataire ; une plateforme de financement participatif doit avoir le statut de l’article L548-1 du code monétaire et financier. Vérifiez ces conditions, ou utilisez la page de paiement de la banque du compte.",
                "This payment page is on {}, a third-party platform. It is allowed (R39-1-1 of the electoral code) only if the mandataire makes sure the page carries the L52-9 mentions, the provider enforces the L52-8 limits, passes on each donor’s data (R39-1) with the funds, pays in without delay and refunds nothing without the mandataire’s consent; a crowdfunding platform must hold the status of article L548-1 of the monetary and financial code. Check these conditions, or use the payment page of the account’s bank.", &[platform]),
            );
        }
        let operator = c.text(&p("payment.card.operator"), &card.operator, MAX_NAME_CHARS);
        Card { url, operator, monthly: card.monthly.unwrap_or(false) }
    });
    let cash_at_events = pay.cash.as_ref().is_some_and(|cash| cash.accepted);

    // Presets.
    if file.presets.len() > MAX_PRESETS {
        c.warning(
            &p("presets"),
            CheckId::PresetsTooMany,
            || fill_both("{} montants proposés : au-delà de {}, les boutons deviennent illisibles. Gardez les plus utiles.",
            "{} preset amounts: beyond {} the buttons become unreadable. Keep the most useful ones.", &[&int(file.presets.len() as i64), &int(MAX_PRESETS as i64)]),
        );
    }
    let mut presets = Vec::with_capacity(file.presets.len());
    for (i, &euros) in file.presets.iter().enumerate() {
        let path = format!("{}[{i}]", p("presets"));
        if euros > DONOR_CAP_EUROS {
            c.error(
                &path,
                CheckId::PresetOverCap,
                || fill_both("{} € dépasse le plafond légal de {} € par donateur et par élection (L52-8) : retirez ce montant.",
                "{} € exceeds the legal cap of {} € per donor and election (L52-8): remove this amount.", &[&int(euros), &int(DONOR_CAP_EUROS)]),
            );
        } else if let Some(cents) = c.euros(&path, euros, false, DONOR_CAP_EUROS, CheckId::PresetPositive) {
            if presets.contains(&cents) {
                c.warning(&path, CheckId::PresetDuplicate, || fill_both("Le montant {} € est proposé deux fois.", "The amount {} € is offered twice.", &[&int(euros)]));
            } else {
                presets.push(cents);
            }
        }
    }

    // Goal.
    let goal = file.goal.as_ref().map(|g| check_goal(&mut c, &p("goal"), g));

    // Contact.
    let contact = file.contact.as_ref().map(|ct| {
        if ct.email.is_none() && ct.url.is_none() {
            c.warning(&p("contact"), CheckId::ContactEmpty, || Text::new("Le contact est vide : indiquez « email » ou « url », ou retirez « contact ».", "The contact is empty: give “email” or “url”, or remove “contact”."));
        }
        let email = ct.email.as_deref().map(|e| {
            let path = p("contact.email");
            let email = c.text(&path, e, MAX_NAME_CHARS);
            let valid = email.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !domain.contains('@')
            }) && !email.contains(char::is_whitespace);
            if !valid && !email.is_empty() {
                c.error(&path, CheckId::EmailInvalid, || fill_both("« {} » n’est pas une adresse électronique valide (nom@domaine.fr).", "“{}” is not a valid email address (name@domain.org).", &[&shorten(&email)]));
            }
            email
        });
        let url = ct.url.as_deref().map(|u| c.https_url(&p("contact.url"), u));
        Contact { email, url }
    });

    let default_lang = match file.default_lang {
        Some(LangFile::En) => Lang::En,
        _ => Lang::Fr,
    };

    if c.errors > 0 {
        return None;
    }
    let (department, number) = key?;
    Some(ValidAccount {
        election: Election { kind: e.kind, first_round: first_round?, second_round, trigger_date },
        circo: Circo { department, number, name: circo_name, population },
        candidate: Candidate { name: candidate },
        mandataire: Mandataire { kind: m.kind, name: mandataire_name, designated_on: designated_on?, account_title },
        payment: Payment { cheque, transfer, card, cash_at_events },
        presets,
        goal,
        contact,
        default_lang,
    })
}

/// The cheque payee or transfer holder must be the account title: a warning when only
/// case, accents, spaces or punctuation differ; for the transfer holder, a warning
/// when it is the title cut to fit the 70-character limit; an error otherwise.
fn match_title(c: &mut Checker<'_>, path: &str, value: &str, title: &str, holder: bool) {
    if value.is_empty() || title.is_empty() || value == title {
        return;
    }
    let (v, t) = (normalize(value), normalize(title));
    let (value, title) = (text_safety::reveal(value), text_safety::reveal(title));
    if v == t {
        c.warning(
            path,
            CheckId::TitleSpelling,
            || fill_both("« {} » ne s’écrit pas exactement comme l’intitulé du compte « {} » (majuscules, accents ou ponctuation). Recopiez l’intitulé exact.",
            "“{}” is not written exactly like the account title “{}” (case, accents or punctuation). Copy the exact title.", &[&value, &title]),
        );
    } else if holder && title.chars().count() > MAX_HOLDER_CHARS && !v.is_empty() && t.starts_with(&v) {
        c.warning(
            path,
            CheckId::TransferHolderTruncated,
            || Text::new("Le titulaire est l’intitulé du compte raccourci à 70 caractères pour le QR code de virement : c’est accepté, vérifiez qu’il reste reconnaissable.",
            "The holder is the account title cut to 70 characters for the transfer QR code: accepted; check it stays recognisable."),
        );
    } else if holder {
        c.error(
            path,
            CheckId::TransferHolderMismatch,
            || fill_both("Le titulaire du virement « {} » diffère de l’intitulé du compte « {} ». Les dons doivent aller au compte du mandataire : recopiez l’intitulé exact du RIB.",
            "The transfer holder “{}” differs from the account title “{}”. Gifts must go to the mandataire’s account: copy the exact title from the bank details (RIB).", &[&value, &title]),
        );
    } else {
        c.error(
            path,
            CheckId::ChequePayeeMismatch,
            || fill_both("L’ordre des chèques « {} » diffère de l’intitulé du compte « {} ». Un chèque se libelle à l’ordre exact du compte de campagne : recopiez l’intitulé du RIB.",
            "The cheque payee “{}” differs from the account title “{}”. A cheque is made out to the campaign account’s exact title: copy the title from the bank details (RIB).", &[&value, &title]),
        );
    }
}

/// An IBAN field: [`crate::payment::check_iban`]'s verdict in the collective's words;
/// the electronic form when it is valid.
pub(crate) fn iban_field(c: &mut Checker<'_>, path: &str, raw: &str) -> Option<String> {
    let verdict = crate::payment::check_iban(raw);
    // A French (or Monegasque) IBAN has 27 characters (a valid one always has): say so
    // rather than report the checksum a truncated IBAN also fails.
    if verdict.is_err() {
        let compact = crate::payment::electronic_iban(raw);
        if (compact.starts_with("FR") || compact.starts_with("MC")) && compact.len() != 27 && compact.is_ascii() {
            c.error(
                path,
                CheckId::IbanFormat,
                || fill_both("Cet IBAN a {} caractères ; un IBAN français en a 27 (FR76 suivi de 23 caractères). Recopiez-le depuis le RIB.",
                "This IBAN has {} characters; a French IBAN has 27 (FR76 then 23 characters). Copy it again from the bank details (RIB).", &[&int(compact.len() as i64)]),
            );
            return None;
        }
    }
    match verdict {
        Ok(compact) => {
            let country = &compact[..2];
            if country != "FR" {
                c.warning(
                    path,
                    CheckId::IbanCountry,
                    || fill_both("Cet IBAN est d’un compte ouvert hors de France ({}). Le compte de campagne est normalement tenu par une banque en France : vérifiez.",
                    "This IBAN is of an account outside France ({}). The campaign account is normally held by a bank in France: check.", &[country]),
                );
            }
            Some(compact)
        }
        Err(IbanError::Checksum) => {
            c.error(
                path,
                CheckId::IbanChecksum,
                || Text::new("La clé de contrôle de cet IBAN est fausse : une lettre ou un chiffre est mal recopié. Recopiez-le depuis le RIB.",
                "This IBAN’s check digits are wrong: a letter or digit was mistyped. Copy it again from the bank details (RIB)."),
            );
            None
        }
        Err(IbanError::Bban) => {
            c.error(
                path,
                CheckId::IbanFormat,
                || Text::new("Cet IBAN n’a pas la longueur ou la forme attendue pour son pays (27 caractères pour la France, FR76...). Recopiez-le depuis le RIB.",
                "This IBAN does not have the length or shape expected for its country (27 characters for France, FR76...). Copy it again from the bank details (RIB)."),
            );
            None
        }
        Err(IbanError::UnknownCountry) => {
            c.error(
                path,
                CheckId::IbanCountryUnknown,
                || Text::new("Cet IBAN commence par un code pays inconnu : un IBAN français commence par FR. Recopiez-le depuis le RIB.",
                "This IBAN starts with an unknown country code: a French IBAN starts with FR. Copy it again from the bank details (RIB)."),
            );
            None
        }
        Err(IbanError::Format) => {
            c.error(
                path,
                CheckId::IbanFormat,
                || fill_both("« {} » n’est pas un IBAN : il commence par deux lettres et deux chiffres (FR76...), 27 caractères pour la France. Recopiez-le depuis le RIB.",
                "“{}” is not an IBAN: it starts with two letters and two digits (FR76...), 27 characters for France. Copy it again from the bank details (RIB).", &[&shorten(raw)]),
            );
            None
        }
    }
}

/// A BIC field: [`crate::payment::check_bic`]'s verdict in the collective's words, and
/// whether its country fits the IBAN's; its electronic form.
fn bic_field(c: &mut Checker<'_>, path: &str, raw: &str, iban: Option<&str>) -> String {
    let Ok(bic) = crate::payment::check_bic(raw) else {
        c.error(
            path,
            CheckId::BicFormat,
            || fill_both("« {} » n’est pas un BIC : 8 ou 11 caractères, 4 lettres ou chiffres de banque, 2 lettres de pays, 2 de lieu, éventuellement 3 d’agence (ex. BNPAFRPP). Recopiez-le du RIB, ou retirez « bic » : il est facultatif.",
            "“{}” is not a BIC: 8 or 11 characters, 4 bank letters or digits, 2 country letters, 2 location characters, optionally 3 branch characters (e.g. BNPAFRPP). Copy it from the bank details, or remove “bic”: it is optional.", &[&shorten(raw)]),
        );
        return raw.to_owned();
    };
    if let Some(iban) = iban {
        let (bic_country, iban_country) = (&bic[4..6], &iban[..2]);
        let consistent = bic_country == iban_country
            || (matches!(iban_country, "FR" | "MC") && FRENCH_BIC_COUNTRIES.contains(&bic_country));
        if !consistent {
            c.warning(
                path,
                CheckId::BicCountry,
                || fill_both("Le BIC est d’une banque du pays {} mais l’IBAN d’un compte du pays {} : l’un des deux est sans doute mal recopié.",
                "The BIC is of a bank in country {} but the IBAN of an account in country {}: one of them is probably mistyped.", &[bic_country, iban_country]),
            );
        }
    }
    bic
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> String {
        include_str!("../../demo/circo-exemple.json").to_owned()
    }

    #[test]
    fn the_example_becomes_a_typed_account() {
        let loaded = crate::config::load(&example());
        let a = loaded.account().expect("valid");
        assert_eq!(a.slug(), "99-01");
        let t = a.payment.transfer.as_ref().unwrap();
        assert_eq!(t.iban, "FR7699999000010001234567809", "spaces removed: electronic form");
        assert_eq!(t.bic.as_deref(), Some("EXMPFRPP"));
        assert_eq!(a.presets, [20, 37, 50, 100, 150].map(Cents::from_euros));
        let goal = a.goal.as_ref().unwrap();
        assert_eq!((goal.target, goal.raised, goal.average_gift), (Cents::from_euros(3000), Cents::from_euros(1240), Some(Cents::from_euros(37))));
        assert_eq!(goal.as_of, Date::parse_iso("2026-11-20"));
        assert_eq!(a.payment.cheque.as_ref().unwrap().address.len(), 3);
        assert!(a.payment.cash_at_events);
        assert_eq!(a.election.first_round.to_string(), "2027-01-17");
        assert_eq!(a.election.trigger_date, Date::parse_iso("2026-10-05"));
        assert_eq!(a.circo.population, Some(125_000));
        assert_eq!(a.default_lang, Lang::Fr);
    }

    /// The example with one JSON pointer replaced.
    fn with(pointer: &str, value: serde_json::Value) -> crate::config::Loaded {
        let mut doc: serde_json::Value = serde_json::from_str(&example()).unwrap();
        *doc.pointer_mut(pointer).unwrap() = value;
        crate::config::load(&doc.to_string())
    }

    fn rules(loaded: &crate::config::Loaded) -> Vec<(String, CheckId)> {
        loaded.problems.iter().map(|p| (p.path.clone(), p.rule)).collect()
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut doc: serde_json::Value = serde_json::from_str(&example()).unwrap();
        doc["payment"]["transfer"]["iban"] = "FR7699999000010001234567808".into();
        doc["payment"]["card"]["url"] = "http://x.fr".into();
        doc["presets"] = serde_json::json!([0, 5000]);
        doc["mandataire"]["designated_on"] = "2027-07-01".into();
        let loaded = crate::config::load(&doc.to_string());
        let found = rules(&loaded);
        for expected in [CheckId::IbanChecksum, CheckId::UrlScheme, CheckId::PresetPositive, CheckId::PresetOverCap, CheckId::DesignationAfterFirstRound] {
            assert!(found.iter().any(|(_, r)| *r == expected), "{expected}: {found:?}");
        }
        assert!(loaded.account().is_none());
    }

    #[test]
    fn holders_may_be_the_title_cut_to_70_characters() {
        let long = "Claude Durand, mandataire financier de Camille Martin, candidate de la circonscription exemple";
        let mut doc: serde_json::Value = serde_json::from_str(&example()).unwrap();
        doc["mandataire"]["account_title"] = long.into();
        doc["payment"]["cheque"]["payee"] = long.into();
        doc["payment"]["transfer"]["holder"] = long.chars().take(70).collect::<String>().into();
        let loaded = crate::config::load(&doc.to_string());
        assert_eq!(rules(&loaded), [("payment.transfer.holder".to_owned(), CheckId::TransferHolderTruncated)]);
        assert!(loaded.account().is_some());
    }

    #[test]
    fn odd_but_valid_inputs() {
        // Lower-case IBAN with irregular spaces, lower-case BIC.
        let loaded = with("/payment/transfer/iban", "fr76 9999900001 0001234567809 ".into());
        assert!(loaded.problems.is_empty(), "{:?}", rules(&loaded));
        let loaded = with("/payment/transfer/bic", "exmpfrppxxx".into());
        assert_eq!(loaded.account().unwrap().payment.transfer.as_ref().unwrap().bic.as_deref(), Some("EXMPFRPPXXX"));
        // A Réunion bank's BIC with a French IBAN is consistent.
        assert!(with("/payment/transfer/bic", "EXMPRERX".into()).problems.is_empty());
        // Digits in the BIC's prefix (ISO 9362:2022, `payment::check_bic`), and spaces.
        assert!(with("/payment/transfer/bic", "1234FRPP".into()).problems.is_empty());
        let loaded = with("/payment/transfer/bic", "e097 frpp xxx".into());
        assert_eq!(loaded.account().unwrap().payment.transfer.as_ref().unwrap().bic.as_deref(), Some("E097FRPPXXX"));
        for bad in ["EXMP1RPP", "EXMPFRP", "EXMP-FRPP", ""] {
            assert_eq!(rules(&with("/payment/transfer/bic", bad.into())), [("payment.transfer.bic".to_owned(), CheckId::BicFormat)], "{bad}");
        }
        // Huge numbers are refused without overflow.
        assert_eq!(rules(&with("/goal/target", i64::MAX.into())), [("goal.target".to_owned(), CheckId::GoalTarget)]);
        assert_eq!(rules(&with("/presets/0", i64::MIN.into())), [("presets[0]".to_owned(), CheckId::PresetPositive)]);
        assert_eq!(rules(&with("/circo/population", 0.into())), [("circo.population".to_owned(), CheckId::Population)]);
        assert_eq!(rules(&with("/contact/email", "contact@".into())), [("contact.email".to_owned(), CheckId::EmailInvalid)]);
        assert_eq!(rules(&with("/payment/card/url", "https://user@evil.example/".into())), [("payment.card.url".to_owned(), CheckId::UrlInvalid)]);
        let mut doc: serde_json::Value = serde_json::from_str(&example()).unwrap();
        doc["election"]["trigger_date"] = "2027-06-13".into();
        let found = rules(&crate::config::load(&doc.to_string()));
        assert_eq!(found, [("election.trigger_date".to_owned(), CheckId::TriggerAfterFirstRound)]);
        // Presidential rounds are 14 days apart.
        let mut doc: serde_json::Value = serde_json::from_str(&example()).unwrap();
        doc["election"] = serde_json::json!({ "kind": "presidential", "first_round": "2027-04-11", "second_round": "2027-04-25" });
        assert!(crate::config::load(&doc.to_string()).problems.is_empty());
    }

    #[test]
    fn json_errors_have_a_position() {
        let loaded = crate::config::load("{\n  \"format\": \"circo-don/1\",\n  oops\n}");
        assert_eq!(loaded.problems.len(), 1);
        assert_eq!(loaded.problems[0].rule, CheckId::JsonSyntax);
        assert!(loaded.problems[0].message.en.starts_with("Line 3, column 3"), "{}", loaded.problems[0].message.en);
        let loaded = crate::config::load("\u{feff}{\"format\": \"circo-don/1\"}");
        assert_eq!(loaded.problems[0].rule, CheckId::MissingField);
        assert_eq!(crate::config::load("").problems[0].rule, CheckId::JsonSyntax);
        assert_eq!(crate::config::load("null").problems[0].rule, CheckId::NotAnObject);
    }

    #[test]
    fn department_codes() {
        for ok in ["01", "75", "2A", "2B", "974", "987", "ZZ", "ZX"] {
            assert!(is_department_code(ok), "{ok}");
        }
        for bad in ["", "0", "7", "00", "20", "2C", "75000", "zz", "9A", "Z1"] {
            assert!(!is_department_code(bad), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert_eq!(third_party_platform("https://www.helloasso.com/associations/x"), Some("helloasso.com"));
        assert_eq!(third_party_platform("https://paypal.me/x"), Some("paypal.me"));
        assert_eq!(third_party_platform("https://notpaypal.com/x"), None);
        assert_eq!(third_party_platform("https://paiement.banque-exemple.fr/x"), None);
        assert_eq!(third_party_platform("https://www.leetchi.com\\@banque-exemple.fr/"), Some("leetchi.com"));
        assert_eq!(third_party_platform("https://PayPal.com:443/x"), Some("paypal.com"));
    }
}
