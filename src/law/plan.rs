//! The collective's arithmetic (LAW.md §7): how many gifts of the average size are
//! still needed, and how many a day.

use super::tax::{self, Household, Method};
use crate::date::Date;
use crate::i18n::{Lang, Text};
use crate::money::Cents;

/// A collection plan. Counts are whole gifts; rates are in tenths of a gift a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub target: Cents,
    pub raised: Cents,
    /// `target − raised`, never negative.
    pub remaining: Cents,
    /// Gifts of the average size still needed, rounded up (3 000 € at 37 € → 82).
    pub donors_needed: i64,
    /// The same, rounded to the nearest (3 000 / 37 = 81,08 → 81: LAW.md's "about 81").
    pub donors_about: i64,
    /// Gifts needed per day, in tenths, rounded up (82 gifts in 35 days → 24, i.e.
    /// 2,4 a day); `None` when no day is left.
    pub donors_per_day_tenths: Option<i64>,
    /// Share of the target already raised, in whole percent rounded down (100 when the
    /// target is zero or reached; may exceed 100).
    pub percent_raised: i64,
    /// What the average gift really costs a donor whose household is not known (the
    /// quote's conditions apply).
    pub net_cost_of_average: Cents,
    pub average_gift: Cents,
    pub days_left: i64,
}

/// Plans the rest of a collection: `days_left` counts the days gifts may still come in
/// (zero or negative: none). Never divides by zero: a zero average gift needs no count.
pub fn plan(target: Cents, raised: Cents, average_gift: Cents, days_left: i64) -> Plan {
    let target = target.max(Cents::ZERO);
    let raised = raised.max(Cents::ZERO);
    let remaining = (target - raised).max(Cents::ZERO);
    let avg = average_gift.get();
    let (donors_needed, donors_about) = if avg > 0 {
        let r = remaining.get();
        ((r + avg - 1) / avg, (2 * r + avg) / (2 * avg))
    } else {
        (0, 0)
    };
    let donors_per_day_tenths = (days_left > 0).then(|| (donors_needed * 10 + days_left - 1) / days_left);
    let percent_raised = if target.get() == 0 {
        100
    } else {
        i64::try_from(i128::from(raised.get()) * 100 / i128::from(target.get())).unwrap_or(i64::MAX)
    };
    let net_cost_of_average = tax::quote(average_gift.max(Cents::ZERO), &Household::default(), Method::Card).net_cost;
    Plan {
        target,
        raised,
        remaining,
        donors_needed,
        donors_about,
        donors_per_day_tenths,
        percent_raised,
        net_cost_of_average,
        average_gift,
        days_left,
    }
}

impl Plan {
    /// True when nothing remains to raise.
    pub fn reached(&self) -> bool {
        self.remaining == Cents::ZERO
    }

    /// How many more donors each member of a collective of `members` people must
    /// convince, rounded to the nearest, if every member gives too (LAW.md §7: 20
    /// people, 82 gifts → about 3 each). `None` for an empty collective.
    pub fn each_member_convinces(&self, members: u32) -> Option<i64> {
        let m = i64::from(members);
        (m > 0).then(|| {
            let others = (self.donors_needed - m).max(0);
            (2 * others + m) / (2 * m)
        })
    }

    /// One line for the collective, with the end date when known:
    /// « Un peu plus de 2 dons par jour de 37 € d’ici le 11 juin 2017 (82 dons). ».
    pub fn sentence(&self, until: Option<Date>) -> Text {
        Text::new(self.describe(until, Lang::Fr), self.describe(until, Lang::En))
    }

    fn describe(&self, until: Option<Date>, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let avg = self.average_gift.format(lang);
        if self.reached() {
            return if fr {
                format!("Objectif atteint : {} collectés sur {}.", self.raised.format(lang), self.target.format(lang))
            } else {
                format!("Target reached: {} raised of {}.", self.raised.format(lang), self.target.format(lang))
            };
        }
        let n = self.donors_needed;
        let Some(tenths) = self.donors_per_day_tenths else {
            return if fr {
                format!("Il manque {} ({n} dons de {avg}) ; plus aucun jour de collecte.", self.remaining.format(lang))
            } else {
                format!("{} missing ({n} gifts of {avg}); no collection day left.", self.remaining.format(lang))
            };
        };
        let whole = tenths / 10;
        let rate = match (tenths % 10, fr) {
            (0, true) => format!("{whole}"),
            (0, false) => format!("{whole}"),
            (1..=4, true) => format!("un peu plus de {whole}"),
            (1..=4, false) => format!("a little over {whole}"),
            (_, true) => format!("un peu moins de {}", whole + 1),
            (_, false) => format!("a little under {}", whole + 1),
        };
        let (gifts_fr, gifts_en) = if tenths <= 10 { ("don", "gift") } else { ("dons", "gifts") };
        let when = match (until, fr) {
            (Some(d), true) => format!("d’ici le {}", d.format(lang)),
            (Some(d), false) => format!("until {}", d.format(lang)),
            (None, true) => format!("pendant {} jours", self.days_left),
            (None, false) => format!("for {} days", self.days_left),
        };
        let mut first = rate;
        if let Some(c) = first.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        if fr {
            format!("{first} {gifts_fr} par jour de {avg} {when} ({n} dons).")
        } else {
            format!("{first} {gifts_en} a day of {avg} {when} ({n} gifts).")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    // LAW.md §7: 3 000 €, 37 € average, 35 days → about 81 donors, a little over 2 a day.
    #[test]
    fn law_md_collective_arithmetic() {
        let p = plan(eur(3000), Cents::ZERO, eur(37), 35);
        assert_eq!(p.donors_about, 81);
        assert_eq!(p.donors_needed, 82);
        assert_eq!(p.donors_per_day_tenths, Some(24));
        assert_eq!(p.percent_raised, 0);
        assert_eq!(p.net_cost_of_average, eur(13));
        let until = Date::parse_iso("2017-06-11");
        assert_eq!(p.sentence(until).fr, "Un peu plus de 2 dons par jour de 37\u{A0}€ d’ici le 11 juin 2017 (82 dons).");
        assert_eq!(p.sentence(until).en, "A little over 2 gifts a day of €37 until 11 June 2017 (82 gifts).");
        assert!(p.sentence(None).en.contains("for 35 days"));
        assert_eq!(p.each_member_convinces(20), Some(3));
        assert_eq!(p.each_member_convinces(0), None);
        assert_eq!(p.each_member_convinces(100), Some(0));
    }

    #[test]
    fn progress() {
        let p = plan(eur(3000), eur(1500), eur(37), 10);
        assert_eq!((p.remaining, p.percent_raised, p.donors_needed), (eur(1500), 50, 41));
        assert_eq!(p.donors_per_day_tenths, Some(41));
    }

    #[test]
    fn zero_or_negative_days_and_zero_average() {
        for days in [0, -5] {
            let p = plan(eur(3000), eur(100), eur(37), days);
            assert_eq!(p.donors_per_day_tenths, None);
            assert!(p.sentence(None).en.contains("no collection day left"));
        }
        let p = plan(eur(3000), Cents::ZERO, Cents::ZERO, 10);
        assert_eq!((p.donors_needed, p.donors_per_day_tenths), (0, Some(0)));
    }

    #[test]
    fn target_reached_or_zero() {
        let p = plan(eur(3000), eur(3100), eur(37), 10);
        assert!(p.reached());
        assert_eq!((p.remaining, p.donors_needed, p.percent_raised), (Cents::ZERO, 0, 103));
        assert!(p.sentence(None).fr.starts_with("Objectif atteint"));
        let z = plan(Cents::ZERO, Cents::ZERO, eur(37), 0);
        assert_eq!(z.percent_raised, 100);
        assert!(z.reached());
    }
}
