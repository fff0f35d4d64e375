//! The law: the rules table and everything computed from it (tax reduction, limits,
//! calendar, the collective's plan). Pure: no clock, no I/O, no web.
//!
//! - [`rules`]: the one table of legal figures, with sources and dates;
//! - [`tax`]: the income-tax reduction of a gift, and the reverse computation;
//! - [`limits`]: who may give, how much, how (refusals name their rule);
//! - [`calendar`]: when the collection opens and closes;
//! - [`monthly`]: a standing order, its window, its cap and its real cost per year;
//! - [`plan`]: the collective's arithmetic;
//! - [`texts`]: the statutory texts every appeal for donations shows.
//!
//! **Architecture Invariant:** no legal number outside `rules.rs`; no clock (today's
//! date is a parameter); no floating point for money.

pub mod calendar;
pub mod limits;
pub mod monthly;
pub mod plan;
pub mod rules;
pub mod tax;
pub mod texts;

pub use calendar::{CollectionState, ElectionDates};
pub use limits::Refusal;
pub use plan::Plan;
pub use rules::{rules, Rule, RuleId};
pub use tax::{position, quote, reverse, Condition, Household, Position, Quote, Step, TaxDue};
