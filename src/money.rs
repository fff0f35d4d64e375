//! Money: integer cents from the moment an amount is parsed. `f64` never touches money.
//!
//! Parsing of what people type (French and English forms) and locale formatting live
//! here too.

use std::fmt;
use std::ops::{Add, Sub};

/// An amount of money in euro cents. Signed so that differences are expressible; every
/// amount a person enters is checked to be non-negative when parsed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(i64);

impl Cents {
    pub const ZERO: Cents = Cents(0);

    pub const fn new(cents: i64) -> Cents {
        Cents(cents)
    }

    pub const fn from_euros(euros: i64) -> Cents {
        Cents(euros * 100)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    /// True when the amount is a whole number of euros.
    pub const fn is_whole_euros(self) -> bool {
        self.0 % 100 == 0
    }

    pub fn saturating_sub(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0))
    }

    pub fn max(self, other: Cents) -> Cents {
        if self >= other { self } else { other }
    }

    pub fn min(self, other: Cents) -> Cents {
        if self <= other { self } else { other }
    }
}

impl Add for Cents {
    type Output = Cents;
    fn add(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_add(rhs.0))
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_sub(rhs.0))
    }
}

impl fmt::Display for Cents {
    /// A neutral, unambiguous form for logs and errors (`1234.56 EUR`); people see
    /// the localized form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02} EUR", abs / 100, abs % 100)
    }
}
