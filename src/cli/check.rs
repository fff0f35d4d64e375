//! `circo-don check` and `circo-don schema`. (Owned by the configuration work.)
use super::Output;

pub fn check(_args: &[String]) -> Output {
    Output::fail(2, "check: not yet implemented")
}

pub fn schema(_args: &[String]) -> Output {
    Output::fail(2, "schema: not yet implemented")
}
