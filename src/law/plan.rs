//! The collective's arithmetic (docs/law.md §7): how many gifts of the average size are
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
    /// The same, rounded to the nearest (3 000 / 37 = 81,08 → 81: docs/law.md's "about 81").
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
        if n == 0 {
            // Something remains but no average gift to count it in gifts.
            return if fr {
                format!("Il manque {} ; indiquez un don moyen pour compter les dons nécessaires.", self.remaining.format(lang))
            } else {
                format!("{} missing; give an average gift to count the gifts needed.", self.remaining.format(lang))
            };
        }
        let total = gifts(n, lang);
        let Some(tenths) = self.donors_per_day_tenths else {
            return if fr {
                format!("Il manque {} ({total} de {avg}) ; plus aucun jour de collecte.", self.remaining.format(lang))
            } else {
                format!("{} missing ({total} of {avg}); no collection day left.", self.remaining.format(lang))
            };
        };
        // The rate with its noun, agreed with the number shown. `tenths` is at least 1
        // here (n ≥ 1 gift over a positive number of days, rounded up).
        let whole = tenths / 10;
        let rate = match (tenths, tenths % 10, fr) {
            (..=9, _, true) => "moins d’un don".to_string(),
            (..=9, _, false) => "fewer than one gift".to_string(),
            (10, _, true) => "un don".to_string(),
            (10, _, false) => "one gift".to_string(),
            (11..=14, _, true) => "un peu plus d’un don".to_string(),
            (11..=14, _, false) => "a little over one gift".to_string(),
            (_, 0, _) => gifts(whole, lang),
            (_, 1..=4, true) => format!("un peu plus de {}", gifts(whole, lang)),
            (_, 1..=4, false) => format!("a little over {}", gifts(whole, lang)),
            (_, _, true) => format!("un peu moins de {}", gifts(whole + 1, lang)),
            (_, _, false) => format!("a little under {}", gifts(whole + 1, lang)),
        };
        let days = self.days_left;
        let when = match (until, fr) {
            (Some(d), true) => format!("d’ici le {}", d.format(lang)),
            (Some(d), false) => format!("until {}", d.format(lang)),
            (None, true) => format!("pendant {days} {}", if days > 1 { "jours" } else { "jour" }),
            (None, false) => format!("for {days} {}", if days > 1 { "days" } else { "day" }),
        };
        let mut first = rate;
        if let Some(c) = first.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        if fr {
            format!("{first} par jour de {avg} {when} ({total}).")
        } else {
            format!("{first} a day of {avg} {when} ({total}).")
        }
    }
}

/// « 1 don », « 2 dons »; "1 gift", "2 gifts" (French: singular below 2).
fn gifts(n: i64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{n} {}", if n > 1 { "dons" } else { "don" }),
        Lang::En => format!("{n} {}", if n == 1 { "gift" } else { "gifts" }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(e: i64) -> Cents {
        Cents::from_euros(e)
    }

    // docs/law.md §7: 3 000 €, 37 € average, 35 days → about 81 donors, a little over 2 a day.
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
    }

    /// Every count agrees with its noun, and no rate reads « 0 don » or « plus de 0 ».
    #[test]
    fn sentences_agree_in_number_in_both_languages() {
        let until = Date::parse_iso("2017-06-11");
        let avg = eur(37);
        for n in 0..200i64 {
            for days in 1..100i64 {
                let p = plan(Cents::new(n * avg.get()), Cents::ZERO, avg, days);
                assert_eq!(p.donors_needed, n);
                for s in [p.sentence(until), p.sentence(None)] {
                    for text in [&s.fr, &s.en] {
                        let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '(' || c == ')').collect();
                        for w in words.windows(2) {
                            let noun = w[1].trim_end_matches(['.', ',', ';']);
                            let Ok(k) = w[0].parse::<i64>() else { continue };
                            assert!(k > 0 || !matches!(noun, "don" | "dons" | "gift" | "gifts"), "{n}/{days}: {text}");
                            let plural = matches!(noun, "dons" | "gifts" | "jours" | "days");
                            let singular = matches!(noun, "don" | "gift" | "jour" | "day");
                            assert!(!(k == 1 && plural || k > 1 && singular), "{n}/{days}: {text}");
                        }
                        assert!(!text.contains("de 0 ") && !text.contains("over 0 ") && !text.contains("under 1 "), "{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn fewer_than_one_a_day_and_exactly_one() {
        let p = plan(eur(37), Cents::ZERO, eur(37), 10);
        assert_eq!(p.donors_per_day_tenths, Some(1));
        assert_eq!(p.sentence(None).fr, "Moins d’un don par jour de 37\u{A0}€ pendant 10 jours (1 don).");
        assert_eq!(p.sentence(None).en, "Fewer than one gift a day of €37 for 10 days (1 gift).");
        let p = plan(eur(37 * 3), Cents::ZERO, eur(37), 3);
        assert_eq!(p.sentence(None).fr, "Un don par jour de 37\u{A0}€ pendant 3 jours (3 dons).");
        assert_eq!(p.sentence(None).en, "One gift a day of €37 for 3 days (3 gifts).");
        let p = plan(eur(37 * 4), Cents::ZERO, eur(37), 3);
        assert_eq!(p.sentence(None).fr, "Un peu plus d’un don par jour de 37\u{A0}€ pendant 3 jours (4 dons).");
        let p = plan(eur(37), Cents::ZERO, eur(37), 1);
        assert_eq!(p.sentence(None).en, "One gift a day of €37 for 1 day (1 gift).");
        let p = plan(eur(37), Cents::ZERO, eur(37), 0);
        assert_eq!(p.sentence(None).fr, "Il manque 37\u{A0}€ (1 don de 37\u{A0}€) ; plus aucun jour de collecte.");
        let p = plan(eur(37), Cents::ZERO, Cents::ZERO, 5);
        assert!(!p.sentence(None).fr.contains("0 don") && p.sentence(None).en.contains("average gift"));
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
