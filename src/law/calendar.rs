//! When gifts may be collected (Code électoral L52-4, L52-12). Clock-free: today's date
//! is always a parameter.

use super::rules;
use crate::date::{Date, Weekday};

/// One election's dates, as the law reads them (the configuration's `model::Election`
/// carries these and the election's kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElectionDates {
    pub first_round: Date,
    pub second_round: Option<Date>,
    /// Dissolution or start of a by-election: collection opens on that date instead.
    pub trigger: Option<Date>,
}

impl ElectionDates {
    /// The last polling day: the second round if any, else the first.
    pub fn last_round(&self) -> Date {
        self.second_round.map_or(self.first_round, |s| s.max(self.first_round))
    }
}

fn earliest() -> Date {
    Date::new(1900, 1, 1).unwrap_or_else(|| unreachable!())
}

fn latest() -> Date {
    Date::new(9999, 12, 31).unwrap_or_else(|| unreachable!())
}

/// The first day gifts may be collected (L52-4): the first day of the 6th month before
/// the month of the election (first round in June 2029 → 1 December 2028), or the
/// triggering event (dissolution, by-election) when there is one.
pub fn collection_opens(election: &ElectionDates) -> Date {
    match election.trigger {
        Some(t) => t,
        None => election
            .first_round
            .first_of_month_minus(rules::COLLECTION_MONTHS_BEFORE as i32)
            .unwrap_or_else(earliest),
    }
}

/// The campaign-account filing deadline (L52-12): the 10th Friday after the first round,
/// at 18:00 (11 June 2017 → 18 August 2017; 30 June 2024 → 6 September 2024). On that
/// day gifts are still possible until 18:00, so the day counts as open.
pub fn filing_deadline(first_round: Date) -> Date {
    let mut first_friday = first_round.add_days(1).unwrap_or_else(latest);
    while first_friday.weekday() != Weekday::Friday {
        match first_friday.add_days(1) {
            Some(d) => first_friday = d,
            None => return latest(),
        }
    }
    first_friday
        .add_days(7 * (i64::from(rules::FILING_NTH_FRIDAY) - 1))
        .unwrap_or_else(latest)
}

/// Where the collection stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollectionState {
    /// Before the opening (L52-4).
    NotYetOpen { opens: Date },
    /// From the opening to the last polling day included. `days_to_first_round` is
    /// negative between the rounds; `next_round` is the next (or current) polling day,
    /// the second round when `second_round_next`.
    Open { days_to_first_round: i64, next_round: Date, days_to_next_round: i64, second_round_next: bool },
    /// From the day after the last round until the filing deadline, 18:00 (L52-4, L52-12).
    AfterPolling { until: Date },
    /// After the filing deadline.
    Closed { since: Date },
}

/// The collection state on `today` (L52-4, L52-12).
pub fn state_on(election: &ElectionDates, today: Date) -> CollectionState {
    let opens = collection_opens(election);
    let last = election.last_round();
    let deadline = filing_deadline(election.first_round);
    if today < opens {
        CollectionState::NotYetOpen { opens }
    } else if today <= last {
        let next_round = if today <= election.first_round { election.first_round } else { last };
        CollectionState::Open {
            days_to_first_round: today.days_until(election.first_round),
            next_round,
            days_to_next_round: today.days_until(next_round),
            second_round_next: next_round != election.first_round,
        }
    } else if today <= deadline {
        CollectionState::AfterPolling { until: deadline }
    } else {
        CollectionState::Closed { since: deadline }
    }
}

/// The collection state of an account on `today`: the legal window (L52-4, L52-12),
/// and no gift before the mandataire's designation or the association's declaration
/// (L52-4, L52-6: gifts go only through them), even once the window has opened.
pub fn state_for(election: &ElectionDates, designated_on: Date, today: Date) -> CollectionState {
    match state_on(election, today) {
        CollectionState::Open { .. } | CollectionState::AfterPolling { .. } if today < designated_on => {
            CollectionState::NotYetOpen { opens: designated_on }
        }
        CollectionState::NotYetOpen { opens } => CollectionState::NotYetOpen { opens: opens.max(designated_on) },
        state => state,
    }
}

impl CollectionState {
    /// Whether payment details may be offered: only while gifts can be collected.
    pub fn accepts_gifts(&self) -> bool {
        matches!(self, CollectionState::Open { .. } | CollectionState::AfterPolling { .. })
    }

    /// A stable name of the state, for styling and tests.
    pub fn slug(&self) -> &'static str {
        match self {
            CollectionState::NotYetOpen { .. } => "not-open",
            CollectionState::Open { .. } => "open",
            CollectionState::AfterPolling { .. } => "after-polling",
            CollectionState::Closed { .. } => "closed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn legislative_2017() -> ElectionDates {
        ElectionDates { first_round: d("2017-06-11"), second_round: Some(d("2017-06-18")), trigger: None }
    }

    #[test]
    fn filing_deadlines_from_law_md() {
        assert_eq!(filing_deadline(d("2017-06-11")), d("2017-08-18"));
        assert_eq!(filing_deadline(d("2024-06-30")), d("2024-09-06"));
        // A Friday first round counts from the next Friday.
        assert_eq!(filing_deadline(d("2024-07-05")), d("2024-09-13"));
        assert_eq!(filing_deadline(d("9999-12-01")), d("9999-12-31"));
    }

    #[test]
    fn opening_six_months_before_or_at_the_trigger() {
        let e = ElectionDates { first_round: d("2029-06-10"), second_round: Some(d("2029-06-17")), trigger: None };
        assert_eq!(collection_opens(&e), d("2028-12-01"));
        let snap = ElectionDates { first_round: d("2024-06-30"), second_round: Some(d("2024-07-07")), trigger: Some(d("2024-06-09")) };
        assert_eq!(collection_opens(&snap), d("2024-06-09"));
        assert_eq!(state_on(&snap, d("2024-06-08")), CollectionState::NotYetOpen { opens: d("2024-06-09") });
        assert!(matches!(state_on(&snap, d("2024-06-09")), CollectionState::Open { days_to_first_round: 21, .. }));
    }

    #[test]
    fn every_state_with_fixed_dates() {
        let e = legislative_2017();
        let s = state_on(&e, d("2016-11-30"));
        assert_eq!(s, CollectionState::NotYetOpen { opens: d("2016-12-01") });

        let s = state_on(&e, d("2017-05-30"));
        assert_eq!(s, CollectionState::Open { days_to_first_round: 12, next_round: d("2017-06-11"), days_to_next_round: 12, second_round_next: false });
        assert!(matches!(state_on(&e, d("2016-12-01")), CollectionState::Open { .. }));

        assert!(matches!(state_on(&e, d("2017-06-11")), CollectionState::Open { days_to_next_round: 0, second_round_next: false, .. }));
        let s = state_on(&e, d("2017-06-14"));
        assert_eq!(s, CollectionState::Open { days_to_first_round: -3, next_round: d("2017-06-18"), days_to_next_round: 4, second_round_next: true });
        assert!(matches!(state_on(&e, d("2017-06-18")), CollectionState::Open { days_to_next_round: 0, .. }));

        let s = state_on(&e, d("2017-06-19"));
        assert_eq!(s, CollectionState::AfterPolling { until: d("2017-08-18") });
        // The deadline day itself is still open until 18:00.
        assert_eq!(state_on(&e, d("2017-08-18")), CollectionState::AfterPolling { until: d("2017-08-18") });

        let s = state_on(&e, d("2017-08-19"));
        assert_eq!(s, CollectionState::Closed { since: d("2017-08-18") });
    }

    #[test]
    fn single_round_ends_polling_on_the_first_round() {
        let e = ElectionDates { first_round: d("2017-06-11"), second_round: None, trigger: None };
        assert_eq!(state_on(&e, d("2017-06-12")), CollectionState::AfterPolling { until: d("2017-08-18") });
        assert!(matches!(state_on(&e, d("2017-06-10")), CollectionState::Open { days_to_next_round: 1, .. }));
    }

    #[test]
    fn no_collection_before_the_mandataire_is_designated() {
        // A by-election whose window opened on its trigger date (2026-10-05).
        let e = ElectionDates { first_round: d("2026-12-06"), second_round: Some(d("2026-12-13")), trigger: Some(d("2026-10-05")) };
        let designated = d("2026-11-01");
        assert_eq!(state_for(&e, designated, d("2026-10-20")), CollectionState::NotYetOpen { opens: designated });
        assert!(!state_for(&e, designated, d("2026-10-20")).accepts_gifts());
        assert!(state_for(&e, designated, designated).accepts_gifts());
        // Before the legal opening, the later of the two dates is announced.
        assert_eq!(state_for(&e, designated, d("2026-09-01")), CollectionState::NotYetOpen { opens: designated });
        let early = d("2026-09-01");
        assert_eq!(state_for(&e, early, d("2026-09-02")), CollectionState::NotYetOpen { opens: d("2026-10-05") });
        // After polling, gifts are still possible until the filing deadline.
        let after = state_for(&e, designated, d("2026-12-20"));
        assert_eq!((after.slug(), after.accepts_gifts()), ("after-polling", true));
    }
}
