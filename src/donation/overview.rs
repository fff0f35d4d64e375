//! A movement's overview: every circo of a registry with its progress (goal, raised and
//! as of when, what is missing, how many gifts of the circo's average gift would close
//! it), sorted by what is missing (or by department, or by name), and the movement's
//! totals. The live widget and the prerender (`circo-don render REGISTRY`) draw the same
//! [`OverviewPage`].
//!
//! Where a circo's figures come from ([`figures`]): an inline account's own `goal`; for a
//! link, the registry's `goal` when the movement publishes it there (it wins: the page
//! then fetches nothing for that circo, and `check` warns when the linked file says
//! otherwise, [`crate::config::Entry::check_linked_goal`]), else the linked file's once
//! read ([`Linked`]). A circo without a goal is listed without progress.

use crate::config::model::Goal;
use crate::config::{normalize, Entry, Registry, Target};
use crate::i18n::Lang;
use crate::law::plan;
use crate::money::Cents;

use super::words::{goal_progress_in, say, Arg};

/// What the shell knows of a linked file's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Linked {
    /// Not read yet (being fetched).
    Pending,
    /// Read and valid: its goal, if it has one.
    Read(Option<Goal>),
    /// Could not be fetched, or refused (see the console, or `check`).
    Failed,
}

/// A circo's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figures {
    Progress(Progress),
    /// The circo publishes no goal.
    NoGoal,
    Pending,
    Failed,
    /// An inline account with errors: no payment details, no figures.
    Unavailable,
}

/// A circo's progress towards its goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub goal: Cents,
    pub raised: Cents,
    pub as_of: Option<crate::date::Date>,
    /// `goal − raised`, never negative.
    pub missing: Cents,
    /// Gifts of the circo's average gift that would close it, rounded up, when the
    /// circo states its average gift and something is missing.
    pub gifts: Option<(i64, Cents)>,
    /// Whole percent raised, at most 100.
    pub percent: u8,
}

impl Progress {
    pub fn of(goal: &Goal) -> Progress {
        let missing = (goal.target - goal.raised).max(Cents::ZERO);
        let gifts = goal.average_gift.filter(|_| missing > Cents::ZERO).map(|a| (plan::gifts_needed(missing, a), a));
        let percent = plan::percent_raised(goal.target, goal.raised).min(100) as u8;
        Progress { goal: goal.target, raised: goal.raised, as_of: goal.as_of, missing, gifts, percent }
    }
}

/// The figures of `entry`, given what is known of its linked file (ignored for an
/// inline entry, and for a link whose figures the registry publishes: those win).
pub fn figures(entry: &Entry, linked: Option<&Linked>) -> Figures {
    let goal = match (&entry.target, &entry.goal) {
        (Target::Inline(account), _) => account.goal.as_ref(),
        (Target::Invalid, _) => return Figures::Unavailable,
        (Target::Link(_), Some(published)) => Some(published),
        (Target::Link(_), None) => match linked {
            Some(Linked::Read(goal)) => goal.as_ref(),
            Some(Linked::Failed) => return Figures::Failed,
            None | Some(Linked::Pending) => return Figures::Pending,
        },
    };
    goal.map_or(Figures::NoGoal, |g| Figures::Progress(Progress::of(g)))
}

/// Whether the overview needs `entry`'s linked file for its figures.
pub fn needs_file(entry: &Entry) -> bool {
    matches!(entry.target, Target::Link(_)) && entry.goal.is_none()
}

/// The overview's orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Most missing first, then circos without figures; ties by department.
    #[default]
    Missing,
    /// By department, then circo number.
    Department,
    /// By name, ignoring case and accents.
    Name,
}

impl SortBy {
    pub const ALL: [SortBy; 3] = [SortBy::Missing, SortBy::Department, SortBy::Name];

    /// Its value in the page's `<select>`.
    pub fn key(self) -> &'static str {
        match self {
            SortBy::Missing => "missing",
            SortBy::Department => "department",
            SortBy::Name => "name",
        }
    }

    pub fn from_key(key: &str) -> SortBy {
        SortBy::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default()
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            SortBy::Missing => lang.pick("Ce qui manque", "What is missing"),
            SortBy::Department => lang.pick("Département", "Department"),
            SortBy::Name => lang.pick("Nom", "Name"),
        }
    }
}

/// Departments in their usual order: `01` … `19`, `2A`, `2B`, `21` … `95`, `971` …, then
/// the others (`ZZ`, French people abroad).
fn department_key(code: &str) -> (u32, u8) {
    match code {
        "2A" => (20, 1),
        "2B" => (20, 2),
        _ => (code.parse().unwrap_or(u32::MAX), 0),
    }
}

/// `rows` (an entry with its figures) in the order `by`; a stable sort. One insertion
/// sort by one key for the three orders, not three instances of std's sort: the widget
/// carries no other sort, and a registry has hundreds of circos, not millions.
pub fn sort(rows: &mut Vec<(&Entry, Figures)>, by: SortBy) {
    let key = |(e, f): &(&Entry, Figures)| {
        let missing = match (by, f) {
            (SortBy::Missing, Figures::Progress(p)) => Some(std::cmp::Reverse(p.missing)),
            (SortBy::Missing, _) => None,
            _ => Some(std::cmp::Reverse(Cents::ZERO)),
        };
        let name = if by == SortBy::Name { normalize(&e.name) } else { String::new() };
        (missing.is_none(), missing, name, department_key(&e.department), e.department.clone(), e.number)
    };
    let mut sorted: Vec<(_, (&Entry, Figures))> = Vec::with_capacity(rows.len());
    for row in rows.drain(..) {
        let k = key(&row);
        // After its equals: stable.
        let at = sorted.partition_point(|(other, _)| *other <= k);
        sorted.insert(at, (k, row));
    }
    rows.extend(sorted.into_iter().map(|(_, row)| row));
}

/// The movement's totals over the circos whose figures are known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub raised: Cents,
    pub goal: Cents,
    /// Circos with a goal, and how many of them reached it.
    pub with_goal: usize,
    pub reached: usize,
    /// Circos whose figures are still being read.
    pub pending: usize,
}

pub fn totals<'a>(figures: impl IntoIterator<Item = &'a Figures>) -> Totals {
    let mut t = Totals::default();
    for f in figures {
        match f {
            Figures::Progress(p) => {
                t.raised = t.raised + p.raised;
                t.goal = t.goal + p.goal;
                t.with_goal += 1;
                t.reached += usize::from(p.missing == Cents::ZERO);
            }
            Figures::Pending => t.pending += 1,
            _ => {}
        }
    }
    t
}

/// The overview as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewPage {
    pub heading: String,
    /// The movement's totals, one sentence.
    pub totals: String,
    pub sort_label: String,
    /// `(key, label, selected)` for each order.
    pub sorts: Vec<(&'static str, &'static str, bool)>,
    pub rows: Vec<RowView>,
    /// Some circo's figures are still being read.
    pub pending: bool,
}

/// One circo of the overview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowView {
    pub slug: String,
    /// `Name (75-01)`.
    pub label: String,
    /// The circo's own page, when the registry names one (as written: the shell resolves it).
    pub page: Option<String>,
    pub page_label: &'static str,
    /// What the figures say: the progress, or why there is none.
    pub figures: String,
    /// What is missing and how many gifts would close it, or that the goal is reached.
    pub missing: Option<String>,
    pub percent: Option<u8>,
    /// `progress`, `reached`, `no-goal`, `pending`, `failed` or `unavailable`: for styles and tests.
    pub state: &'static str,
}

/// The overview of `registry`: `linked(entry)` says what is known of a linked file
/// (consulted only for links whose figures the registry does not publish).
pub fn overview_page<'r>(registry: &'r Registry, linked: impl Fn(&'r Entry) -> Option<&'r Linked>, by: SortBy, lang: Lang) -> OverviewPage {
    let mut rows: Vec<(&Entry, Figures)> = registry.entries.iter().map(|e| (e, figures(e, if needs_file(e) { linked(e) } else { None }))).collect();
    sort(&mut rows, by);
    let t = totals(rows.iter().map(|(_, f)| f));
    OverviewPage {
        heading: lang.pick("Où manque l’argent", "Where money is missing").to_owned(),
        totals: totals_in(&t, lang),
        sort_label: lang.pick("Trier par", "Sort by").to_owned(),
        sorts: SortBy::ALL.into_iter().map(|s| (s.key(), s.label(lang), s == by)).collect(),
        pending: t.pending > 0,
        rows: rows.iter().map(|(e, f)| row(e, f, lang)).collect(),
    }
}

/// Keeps the rows the donor's search found: `choices` are the chooser's (slug and label,
/// every match, [`super::page::chooser_page`]). The rows keep the overview's order, at
/// most [`super::page::MAX_CHOICES`], each labelled as the chooser labels it (with the
/// towns that made it match).
pub fn keep_found(page: &mut OverviewPage, choices: &[(String, String)]) {
    page.rows.retain_mut(|r| match choices.iter().find(|c| c.0 == r.slug) {
        Some(c) => {
            r.label.clone_from(&c.1);
            true
        }
        None => false,
    });
    page.rows.truncate(super::page::MAX_CHOICES);
}

fn row(e: &Entry, f: &Figures, lang: Lang) -> RowView {
    let (state, figures, missing, percent) = match f {
        Figures::Progress(p) => {
            let missing = match p.gifts {
                _ if p.missing == Cents::ZERO => say(lang, "Objectif atteint.", "Goal reached.", &[]),
                Some((1, average)) => say(lang, "Il manque {}, soit 1 don de {}.", "{} missing: 1 gift of {}.", &[Arg::M(p.missing), Arg::M(average)]),
                Some((n, average)) => say(lang, "Il manque {}, soit {} dons de {}.", "{} missing: {} gifts of {}.", &[Arg::M(p.missing), Arg::N(n), Arg::M(average)]),
                None => say(lang, "Il manque {}.", "{} missing.", &[Arg::M(p.missing)]),
            };
            let state = if p.missing == Cents::ZERO { "reached" } else { "progress" };
            (state, goal_progress_in(p.raised, p.goal, p.as_of, lang), Some(missing), Some(p.percent))
        }
        Figures::NoGoal => ("no-goal", lang.pick("Pas d’objectif publié.", "No goal published.").to_owned(), None, None),
        Figures::Pending => ("pending", lang.pick("Chiffres en cours de chargement…", "Loading the figures…").to_owned(), None, None),
        Figures::Failed => ("failed", lang.pick("Chiffres indisponibles : le fichier de cette circonscription n’a pas pu être lu.", "Figures unavailable: this circonscription’s file could not be read.").to_owned(), None, None),
        Figures::Unavailable => ("unavailable", lang.pick("Informations de don indisponibles pour le moment.", "Donation details unavailable for now.").to_owned(), None, None),
    };
    RowView {
        slug: e.slug.clone(),
        label: [e.name.as_str(), " (", &e.slug, ")"].concat(),
        page: e.page.clone(),
        page_label: lang.pick("Sa page", "Its page"),
        figures,
        missing,
        percent,
        state,
    }
}

/// « 4 240 € collectés sur 9 000 € ; 1 circonscription sur 3 a atteint son objectif. »
pub fn totals_in(t: &Totals, lang: Lang) -> String {
    let (raised, goal, n) = (Arg::M(t.raised), Arg::M(t.goal), Arg::N(t.with_goal as i64));
    let mut line = match t.reached {
        _ if t.with_goal == 0 => say(lang, "Aucune circonscription ne publie encore d’objectif.", "No circonscription publishes a goal yet.", &[]),
        0 if t.with_goal == 1 => say(lang, "{} collectés sur {} ; la circonscription qui a un objectif ne l’a pas encore atteint.", "{} raised of {}; the circonscription with a goal has not reached it yet.", &[raised, goal]),
        0 => say(lang, "{} collectés sur {} ; aucune des {} circonscriptions avec un objectif ne l’a encore atteint.", "{} raised of {}; none of the {} circonscriptions with a goal has reached it yet.", &[raised, goal, n]),
        1 => say(lang, "{} collectés sur {} ; 1 circonscription sur {} a atteint son objectif.", "{} raised of {}; 1 circonscription of {} has reached its goal.", &[raised, goal, n]),
        r => say(lang, "{} collectés sur {} ; {} circonscriptions sur {} ont atteint leur objectif.", "{} raised of {}; {} circonscriptions of {} have reached their goal.", &[raised, goal, Arg::N(r as i64), n]),
    };
    if t.pending > 0 {
        line.push(' ');
        line.push_str(&match t.pending {
            1 => say(lang, "Chiffres d’une circonscription en cours de chargement.", "Figures of one circonscription still loading.", &[]),
            n => say(lang, "Chiffres de {} circonscriptions en cours de chargement.", "Figures of {} circonscriptions still loading.", &[Arg::N(n as i64)]),
        });
    }
    line
}
