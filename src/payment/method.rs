//! How a gift is paid. What the law makes of each method (only cash gives no tax
//! reduction, and is capped per gift) is the law's (`law::tax::qualifies`,
//! `law::limits`); what a donor reads of it is `donation::words::method_name`.

/// A payment method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Cheque,
    Transfer,
    Card,
    DirectDebit,
    Cash,
}

impl Method {
    pub const ALL: [Method; 5] = [Method::Cheque, Method::Transfer, Method::Card, Method::DirectDebit, Method::Cash];

    /// The command-line / JSON name, and the widget's element ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Cheque => "cheque",
            Method::Transfer => "transfer",
            Method::Card => "card",
            Method::DirectDebit => "direct-debit",
            Method::Cash => "cash",
        }
    }

    /// Parses [`Method::as_str`] names and their French forms.
    pub fn parse(s: &str) -> Option<Method> {
        match s.to_ascii_lowercase().as_str() {
            "cheque" | "check" | "chèque" => Some(Method::Cheque),
            "transfer" | "virement" => Some(Method::Transfer),
            "card" | "carte" => Some(Method::Card),
            "direct-debit" | "prelevement" | "prélèvement" => Some(Method::DirectDebit),
            "cash" | "especes" | "espèces" => Some(Method::Cash),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back() {
        for m in Method::ALL {
            assert_eq!(Method::parse(m.as_str()), Some(m));
        }
        assert_eq!(Method::parse("Virement"), Some(Method::Transfer));
        assert_eq!(Method::parse("espèces"), Some(Method::Cash));
        assert_eq!(Method::parse("bitcoin"), None);
    }
}
