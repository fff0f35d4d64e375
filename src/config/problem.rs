//! What is wrong with a configuration: a value with a path, a stable rule id, a
//! severity and a bilingual message telling the collective how to fix it.

use std::fmt;

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: a field path such as `payment.transfer.iban` or
    /// `circos[3].payment.transfer.iban`; empty for the whole file.
    pub path: String,
    /// A stable identifier of the rule (`iban-checksum`), for tests, scripts and
    /// documentation. Never changes once published.
    pub rule: &'static str,
    pub severity: Severity,
    /// What is wrong and how to fix it, in French and English, for the collective.
    pub message: Text,
}

impl Problem {
    pub fn error(path: impl Into<String>, rule: &'static str, message: Text) -> Problem {
        Problem { path: path.into(), rule, severity: Severity::Error, message }
    }

    pub fn warning(path: impl Into<String>, rule: &'static str, message: Text) -> Problem {
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
