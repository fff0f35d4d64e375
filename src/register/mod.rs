//! The mandataire's register: the campaign account's movements, from the bank's
//! statements to the gifts (issue 24). Plain Rust like the law: no web crate, no clock,
//! no file system; the register page (`registre.html`, its own wasm with the `register`
//! feature) and the command line hand it the files' bytes.
//!
//! - [`statement`] reads the statements French banks give their customers (ISO 20022
//!   CAMT.053, OFX 1.x and 2.x, CSV exports) into one [`statement::Statement`] type, and
//!   merges re-imported or overlapping statements without counting an entry twice;
//! - [`file`] seals the register with a passphrase into the file the mandataire keeps
//!   (Argon2id and XChaCha20-Poly1305, format in `schema/register-file.md`);
//! - [`model`]: what each credit is (a gift, a deposit split into cheques, not a gift and
//!   why), the gifts entered by hand, the donors; matches are proposals to confirm;
//! - [`provider`] reads a card-payment provider's CSV export of its payments into the
//!   parts its batch payout is split into;
//! - [`checks`]: the law's checks of the gifts and donors, from the rules table;
//! - [`outputs`]: the list of donors (CSV), the summary, the goal's new figures;
//! - [`session`] is what the register page edits, [`words`] every sentence it shows.

pub mod statement;
pub mod file;
pub mod checks;
pub mod model;
pub mod provider;
pub mod outputs;
pub mod session;
pub mod words;
