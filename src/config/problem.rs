//! What is wrong with a configuration: a value with a path, a stable rule id, a
//! severity and a bilingual message telling the collective how to fix it.

use std::fmt;

use super::json;
use crate::i18n::{fill_both, Text};

/// How serious a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The widget refuses to show payment details (for a registry entry: that entry's).
    Error,
    /// Shown to the collective (console, detail toggle, `circo-don check`); the widget
    /// works.
    Warning,
}

/// One problem found in a configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a field path such as `payment.transfer.iban` or
    /// `circos[3].payment.transfer.iban`; empty for the whole file.
    pub path: String,
    /// A stable identifier of the rule (`iban-checksum`), for tests, scripts and
    /// documentation. Never changes once published.
    pub rule: CheckId,
    pub severity: Severity,
    /// What is wrong and how to fix it, in French and English, for the collective.
    pub message: Text,
}

impl Problem {
    pub fn error(path: impl Into<String>, rule: CheckId, message: Text) -> Problem {
        Problem { path: path.into(), rule, severity: Severity::Error, message }
    }

    pub fn warning(path: impl Into<String>, rule: CheckId, message: Text) -> Problem {
        Problem { path: path.into(), rule, severity: Severity::Warning, message }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `error payment.transfer.iban [iban-checksum]: French / English`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() { "(file)" } else { &self.path };
        write!(f, "{severity} {path} [{}]: {}", self.rule, self.message)
    }
}

/// Joins a path prefix and a field name: `join("payment", "cheque")` is
/// `payment.cheque`, `join("", "payment")` is `payment`.
pub(crate) fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

/// A type error at `path` under `prefix` (see [`json::read`]), as one [`Problem`].
pub(crate) fn type_problem(prefix: &str, path: &str, e: &json::Error) -> Problem {
    json_problem(&join_path(prefix, path), e, true)
}

/// As [`type_problem`], without the line and column: a registry entry's message stays
/// the same wherever the entry is in the file.
pub(crate) fn type_problem_unplaced(prefix: &str, path: &str, e: &json::Error) -> Problem {
    json_problem(&join_path(prefix, path), e, false)
}

fn join_path(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => path.to_owned(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// Maps a JSON error (syntax, or a type error at `path`) to a problem.
pub(crate) fn json_problem(path: &str, e: &json::Error, placed: bool) -> Problem {
    let detail = e.message();
    // Each case's templates and arguments, filled once for both languages.
    let (rule, path, fr, en, args): (CheckId, String, &str, &str, &[&str]) = if e.is_syntax() {
        (
            CheckId::JsonSyntax,
            String::new(),
            "le fichier n’est pas du JSON valide ({}). Cherchez une virgule en trop ou manquante, un guillemet ou une accolade non fermés.",
            "the file is not valid JSON ({}). Look for an extra or missing comma, an unclosed quote or brace.",
            &[detail],
        )
    } else if let Some(field) = between(detail, "unknown field `", "`") {
        let expected = detail.split_once(", expected ").map(|(_, x)| x.trim_start_matches("one of ")).unwrap_or("");
        (
            CheckId::UnknownField,
            path.to_owned(),
            "champ « {} » inconnu : vérifiez son orthographe (attendu : {}).",
            "unknown field “{}”: check its spelling (expected: {}).",
            &[field, expected],
        )
    } else if let Some(field) = between(detail, "missing field `", "`") {
        (
            CheckId::MissingField,
            join_path(path, field),
            "le champ obligatoire « {} » manque : ajoutez-le.",
            "the required field “{}” is missing: add it.",
            &[field],
        )
    } else if detail.starts_with("unknown variant") {
        (
            CheckId::UnknownValue,
            path.to_owned(),
            "valeur non prévue ({}) : choisissez l’une des valeurs attendues.",
            "unexpected value ({}): pick one of the expected values.",
            &[detail],
        )
    } else {
        (
            CheckId::JsonType,
            path.to_owned(),
            "type de valeur inattendu ({}) : un texte s’écrit entre guillemets, un nombre sans, une date \"AAAA-MM-JJ\".",
            "unexpected kind of value ({}): text goes in quotes, numbers without, dates as \"YYYY-MM-DD\".",
            &[detail],
        )
    };
    let mut message = fill_both(fr, en, args);
    if placed && e.line() > 0 {
        let at = fill_both("Ligne {}, colonne {} : ", "Line {}, column {}: ", &[&super::validate::int(e.line() as i64), &super::validate::int(e.column() as i64)]);
        message.fr.insert_str(0, &at.fr);
        message.en.insert_str(0, &at.en);
    }
    Problem::error(path, rule, message)
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}


/// The stable id of a configuration check: a published contract (documentation,
/// scripts, the corpus manifests), listed in `schema/README.md`. Never renamed once
/// published; `tests/config_corpus.rs` checks the guide lists every id and no other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckId {
    JsonSyntax,
    NotAnObject,
    FileTooLarge,
    FormatMissing,
    FormatVersion,
    UnknownField,
    MissingField,
    JsonType,
    UnknownValue,
    Empty,
    TooLong,
    ControlCharacter,
    Markup,
    HiddenCharacter,
    MixedScript,
    DateInvalid,
    SecondRoundBeforeFirst,
    SecondRoundInterval,
    TriggerAfterFirstRound,
    TriggerDateMissing,
    DesignationAfterFirstRound,
    DepartmentCode,
    CircoNumber,
    Population,
    CommuneInsee,
    CommunePostalCode,
    CommuneDuplicate,
    AccountTitleMandataire,
    AccountTitleCandidate,
    PaymentMissing,
    ChequePayeeMismatch,
    TransferHolderMismatch,
    TitleSpelling,
    TransferHolderTruncated,
    AddressLines,
    IbanChecksum,
    IbanFormat,
    IbanCountryUnknown,
    IbanCountry,
    BicFormat,
    BicCountry,
    UrlScheme,
    UrlInvalid,
    CardThirdPartyPlatform,
    EmailInvalid,
    ContactEmpty,
    PresetPositive,
    PresetOverCap,
    PresetDuplicate,
    PresetsTooMany,
    GoalTarget,
    GoalRaised,
    GoalAverage,
    DuplicateSlug,
    RegistryEmpty,
    LinkMismatch,
    LinkIbanMismatch,
    LinkTitleMismatch,
}

impl CheckId {
    /// Every id, in the order of `schema/README.md`.
    pub const ALL: [CheckId; 58] = [
        CheckId::JsonSyntax,
        CheckId::NotAnObject,
        CheckId::FileTooLarge,
        CheckId::FormatMissing,
        CheckId::FormatVersion,
        CheckId::UnknownField,
        CheckId::MissingField,
        CheckId::JsonType,
        CheckId::UnknownValue,
        CheckId::Empty,
        CheckId::TooLong,
        CheckId::ControlCharacter,
        CheckId::Markup,
        CheckId::HiddenCharacter,
        CheckId::MixedScript,
        CheckId::DateInvalid,
        CheckId::SecondRoundBeforeFirst,
        CheckId::SecondRoundInterval,
        CheckId::TriggerAfterFirstRound,
        CheckId::TriggerDateMissing,
        CheckId::DesignationAfterFirstRound,
        CheckId::DepartmentCode,
        CheckId::CircoNumber,
        CheckId::Population,
        CheckId::CommuneInsee,
        CheckId::CommunePostalCode,
        CheckId::CommuneDuplicate,
        CheckId::AccountTitleMandataire,
        CheckId::AccountTitleCandidate,
        CheckId::PaymentMissing,
        CheckId::ChequePayeeMismatch,
        CheckId::TransferHolderMismatch,
        CheckId::TitleSpelling,
        CheckId::TransferHolderTruncated,
        CheckId::AddressLines,
        CheckId::IbanChecksum,
        CheckId::IbanFormat,
        CheckId::IbanCountryUnknown,
        CheckId::IbanCountry,
        CheckId::BicFormat,
        CheckId::BicCountry,
        CheckId::UrlScheme,
        CheckId::UrlInvalid,
        CheckId::CardThirdPartyPlatform,
        CheckId::EmailInvalid,
        CheckId::ContactEmpty,
        CheckId::PresetPositive,
        CheckId::PresetOverCap,
        CheckId::PresetDuplicate,
        CheckId::PresetsTooMany,
        CheckId::GoalTarget,
        CheckId::GoalRaised,
        CheckId::GoalAverage,
        CheckId::DuplicateSlug,
        CheckId::RegistryEmpty,
        CheckId::LinkMismatch,
        CheckId::LinkIbanMismatch,
        CheckId::LinkTitleMismatch,
    ];

    /// The stable string id (`iban-checksum`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckId::JsonSyntax => "json-syntax",
            CheckId::NotAnObject => "not-an-object",
            CheckId::FileTooLarge => "file-too-large",
            CheckId::FormatMissing => "format-missing",
            CheckId::FormatVersion => "format-version",
            CheckId::UnknownField => "unknown-field",
            CheckId::MissingField => "missing-field",
            CheckId::JsonType => "json-type",
            CheckId::UnknownValue => "unknown-value",
            CheckId::Empty => "empty",
            CheckId::TooLong => "too-long",
            CheckId::ControlCharacter => "control-character",
            CheckId::Markup => "markup",
            CheckId::HiddenCharacter => "hidden-character",
            CheckId::MixedScript => "mixed-script",
            CheckId::DateInvalid => "date-invalid",
            CheckId::SecondRoundBeforeFirst => "second-round-before-first",
            CheckId::SecondRoundInterval => "second-round-interval",
            CheckId::TriggerAfterFirstRound => "trigger-after-first-round",
            CheckId::TriggerDateMissing => "trigger-date-missing",
            CheckId::DesignationAfterFirstRound => "designation-after-first-round",
            CheckId::DepartmentCode => "department-code",
            CheckId::CircoNumber => "circo-number",
            CheckId::Population => "population",
            CheckId::CommuneInsee => "commune-insee",
            CheckId::CommunePostalCode => "commune-postal-code",
            CheckId::CommuneDuplicate => "commune-duplicate",
            CheckId::AccountTitleMandataire => "account-title-mandataire",
            CheckId::AccountTitleCandidate => "account-title-candidate",
            CheckId::PaymentMissing => "payment-missing",
            CheckId::ChequePayeeMismatch => "cheque-payee-mismatch",
            CheckId::TransferHolderMismatch => "transfer-holder-mismatch",
            CheckId::TitleSpelling => "title-spelling",
            CheckId::TransferHolderTruncated => "transfer-holder-truncated",
            CheckId::AddressLines => "address-lines",
            CheckId::IbanChecksum => "iban-checksum",
            CheckId::IbanFormat => "iban-format",
            CheckId::IbanCountryUnknown => "iban-country-unknown",
            CheckId::IbanCountry => "iban-country",
            CheckId::BicFormat => "bic-format",
            CheckId::BicCountry => "bic-country",
            CheckId::UrlScheme => "url-scheme",
            CheckId::UrlInvalid => "url-invalid",
            CheckId::CardThirdPartyPlatform => "card-third-party-platform",
            CheckId::EmailInvalid => "email-invalid",
            CheckId::ContactEmpty => "contact-empty",
            CheckId::PresetPositive => "preset-positive",
            CheckId::PresetOverCap => "preset-over-cap",
            CheckId::PresetDuplicate => "preset-duplicate",
            CheckId::PresetsTooMany => "presets-too-many",
            CheckId::GoalTarget => "goal-target",
            CheckId::GoalRaised => "goal-raised",
            CheckId::GoalAverage => "goal-average",
            CheckId::DuplicateSlug => "duplicate-slug",
            CheckId::RegistryEmpty => "registry-empty",
            CheckId::LinkMismatch => "link-mismatch",
            CheckId::LinkIbanMismatch => "link-iban-mismatch",
            CheckId::LinkTitleMismatch => "link-title-mismatch",
        }
    }

    /// Finds an id by its string.
    pub fn parse(s: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|id| id.as_str() == s)
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Scripts and tests compare ids with their published strings.
impl PartialEq<&str> for CheckId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<CheckId> for &str {
    fn eq(&self, other: &CheckId) -> bool {
        *self == other.as_str()
    }
}
