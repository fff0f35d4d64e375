//! The donor's side, as data, one reason to change per file:
//!
//! - [`inputs`]: what the donor typed or chose, and [`Inputs::apply`], the one way it
//!   changes;
//! - [`assessment`]: the inputs assessed by the law (field errors, refusals or a
//!   quote), and the payment methods an account offers for the amount;
//! - [`words`]: every sentence and label the donor reads, in French and English;
//! - [`page`]: the page a person reads, for one language, as plain structs that the
//!   widget only renders;
//! - [`bulletin`]: the printable donation form;
//! - [`overview`]: a movement's circos with their progress, sorted, and its totals.
//!
//! Pure: no clock (today is a parameter), no web, no I/O; all of it tested natively.

pub mod assessment;
pub mod bulletin;
pub mod inputs;
pub mod monthly;
pub mod overview;
pub mod page;
pub mod words;

pub use assessment::{assess, decide, default_method, default_preset, initial_inputs, methods_for, offered_methods, Assessment, Outcome, Request};
pub use bulletin::{BulletinGift, Identity, IdentityField};
pub use inputs::{amount_text, Action, AmountField, Inputs, Mode};
pub use page::{account_page, AccountPage};
