//! circo-don: the donation widget of a circonscription's campaign account.
//!
//! The crate is a functional core and an imperative shell (see `ARCHITECTURE.md`):
//!
//! - the core — [`builder`], [`money`], [`date`], [`i18n`], [`embed`], [`law`], [`donation`], [`config`], [`payment`], [`register`], [`text_safety`], [`url`] — is
//!   plain Rust with no web dependency, no clock and no I/O;
//! - the shells turn core results into something a person sees: [`widget`] (Yew: live in
//!   the browser on wasm32, prerendered to HTML natively) and [`cli`] (the `circo-don`
//!   command, native only).

#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
pub mod builder;
pub mod config;
pub mod date;
pub mod donation;
pub mod embed;
pub mod i18n;
pub mod law;
pub mod money;
pub mod payment;
#[cfg(any(feature = "register", not(target_arch = "wasm32")))]
pub mod register;
pub mod text_safety;
pub mod url;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod widget;

/// The property tests' settings, shared with the test files (each property asserts the
/// share of its inputs it accepted).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../tests/support/proptest_floor.rs"]
pub(crate) mod proptest_floor;
