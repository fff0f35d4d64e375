//! What is wrong with a configuration: a value with a path, a stable rule id, a
//! severity and a bilingual message telling the collective how to fix it.

use std::fmt;

use super::json::{self, Kind};
use super::words;
use crate::i18n::Text;

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
///
/// Its `message` exists where someone reads the explanation (`cfg(explain)`: natively,
/// in the builder's and the register's pages); the donor's widget carries the check and
/// the path only, and links to the builder for the words (issue 22, build.rs).
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
    #[cfg(explain)]
    pub message: Text,
}

impl Problem {
    /// An error at `path`; `words` writes its message, called only where messages exist.
    #[inline]
    pub fn error(path: impl Into<String>, rule: CheckId, words: impl FnOnce() -> Text) -> Problem {
        Problem::new(Severity::Error, path.into(), rule, words)
    }

    /// A warning at `path`, its words as [`Problem::error`]'s.
    #[inline]
    pub fn warning(path: impl Into<String>, rule: CheckId, words: impl FnOnce() -> Text) -> Problem {
        Problem::new(Severity::Warning, path.into(), rule, words)
    }

    #[inline]
    fn new(severity: Severity, path: String, rule: CheckId, words: impl FnOnce() -> Text) -> Problem {
        // Without `explain`, the closure is never called: its sentence is not compiled.
        #[cfg(not(explain))]
        let _ = words;
        Problem {
            path,
            rule,
            severity,
            #[cfg(explain)]
            message: words(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `error payment.transfer.iban [iban-checksum]: French / English` (without
    /// `explain`, up to the rule's id).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() { "(file)" } else { &self.path };
        write!(f, "{severity} {path} [{}]", self.rule)?;
        #[cfg(explain)]
        write!(f, ": {}", self.message)?;
        Ok(())
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

/// A JSON error (syntax, or a type error at `path`) as a problem: its rule and path from
/// its kind, its message from [`words::reader_text`].
pub(crate) fn json_problem(path: &str, e: &json::Error, placed: bool) -> Problem {
    let (rule, path) = match e.kind() {
        Kind::Syntax(_) => (CheckId::JsonSyntax, String::new()),
        Kind::UnknownField { .. } => (CheckId::UnknownField, path.to_owned()),
        Kind::MissingField(key) => (CheckId::MissingField, join_path(path, key)),
        Kind::UnknownVariant { .. } => (CheckId::UnknownValue, path.to_owned()),
        Kind::InvalidType { .. } | Kind::InvalidValue { .. } | Kind::NoVariant { .. } | Kind::DuplicateField(_) => (CheckId::JsonType, path.to_owned()),
    };
    let place = (placed && e.line() > 0).then(|| (e.line(), e.column()));
    Problem::error(path, rule, || words::reader_text(e.kind(), place))
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
    CommunesUrl,
    CommunesKey,
    CommunesCirco,
    CommunesMissing,
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
    LinkGoalMismatch,
}

impl CheckId {
    /// Every id, in the order of `schema/README.md`.
    pub const ALL: [CheckId; 63] = [
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
        CheckId::CommunesUrl,
        CheckId::CommunesKey,
        CheckId::CommunesCirco,
        CheckId::CommunesMissing,
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
        CheckId::LinkGoalMismatch,
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
            CheckId::CommunesUrl => "communes-url",
            CheckId::CommunesKey => "communes-key",
            CheckId::CommunesCirco => "communes-circo",
            CheckId::CommunesMissing => "communes-missing",
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
            CheckId::LinkGoalMismatch => "link-goal-mismatch",
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
