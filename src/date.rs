//! Calendar dates without a clock: the core is always handed today's date.
//!
//! Proleptic Gregorian civil dates, with day arithmetic by the days-from-civil algorithm
//! (H. Hinnant), so no date crate is needed in the widget.

use std::fmt;

use crate::i18n::Lang;

/// A civil date (year, month 1–12, day 1–31), always valid once constructed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

const MONTHS_FR: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// 1970-01-01, the origin of [`Date::to_days`].
    pub const EPOCH: Date = Date { year: 1970, month: 1, day: 1 };

    /// The date, or `None` when it does not exist (31 April, 29 February 2027...).
    /// Years are limited to 1900–9999: nothing in this domain lies outside.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1900..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses the ISO 8601 calendar form `YYYY-MM-DD`, strictly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)? as u8;
        let day = digits(8..10)? as u8;
        Date::new(year, month, day)
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it lies within the supported years.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// The date `n` days later (earlier when negative), if within the supported years.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.to_days() - self.to_days()
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        match (self.to_days() + 3).rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// The first day of the month `n` months earlier (later when negative).
    pub fn first_of_month_minus(self, n: i32) -> Option<Date> {
        let index = self.year * 12 + i32::from(self.month) - 1 - n;
        Date::new(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8, 1)
    }

    /// The date as people read it: `11 juin 2017`, `1er décembre 2028`; `11 June 2017`.
    pub fn format(self, lang: Lang) -> String {
        let m = usize::from(self.month - 1);
        match lang {
            Lang::Fr if self.day == 1 => format!("1er {} {}", MONTHS_FR[m], self.year),
            Lang::Fr => format!("{} {} {}", self.day, MONTHS_FR[m], self.year),
            Lang::En => format!("{} {} {}", self.day, MONTHS_EN[m], self.year),
        }
    }

    /// The month and year as people read them: `février 2031`; `February 2031`.
    pub fn format_month(self, lang: Lang) -> String {
        let m = usize::from(self.month - 1);
        format!("{} {}", lang.pick(MONTHS_FR[m], MONTHS_EN[m]), self.year)
    }
}

impl fmt::Display for Date {
    /// ISO 8601 `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_reads_as_people_write_it() {
        let d = Date::parse_iso("2031-02-28").unwrap();
        assert_eq!((d.format_month(Lang::Fr), d.format_month(Lang::En)), ("février 2031".to_owned(), "February 2031".to_owned()));
    }

    #[test]
    fn iso_round_trip_and_rejections() {
        let d = Date::parse_iso("2017-06-11").unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2017, 6, 11));
        assert_eq!(d.to_string(), "2017-06-11");
        for bad in ["2017-6-11", "2017-02-29", "2017-13-01", "2017-04-31", "abcd-ef-gh", "", "2017-06-11 ", "+017-06-11"] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
        assert!(Date::parse_iso("2028-02-29").is_some());
    }

    #[test]
    fn day_arithmetic_and_weekdays() {
        let epoch = Date::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.to_days(), 0);
        assert_eq!(epoch.weekday(), Weekday::Thursday);
        let first_round = Date::parse_iso("2017-06-11").unwrap();
        assert_eq!(first_round.weekday(), Weekday::Sunday);
        assert_eq!(first_round.add_days(68).unwrap().to_string(), "2017-08-18");
        assert_eq!(Date::parse_iso("2024-08-18").unwrap().days_until(Date::parse_iso("2024-09-06").unwrap()), 19);
        // Every day from 1900 to 2100 survives the round trip and is one day after the last.
        let mut prev = Date::new(1900, 1, 1).unwrap();
        for _ in 0..73_000 {
            let next = prev.add_days(1).unwrap();
            assert_eq!(Date::from_days(next.to_days()), Some(next));
            assert!(next > prev);
            prev = next;
        }
    }

    #[test]
    fn month_steps_and_formatting() {
        let june = Date::parse_iso("2029-06-10").unwrap();
        assert_eq!(june.first_of_month_minus(6).unwrap().to_string(), "2028-12-01");
        assert_eq!(june.first_of_month_minus(0).unwrap(), june.first_of_month());
        assert_eq!(Date::parse_iso("2028-12-01").unwrap().format(Lang::Fr), "1er décembre 2028");
        assert_eq!(Date::parse_iso("2017-06-11").unwrap().format(Lang::Fr), "11 juin 2017");
        assert_eq!(Date::parse_iso("2017-06-11").unwrap().format(Lang::En), "11 June 2017");
    }
}
