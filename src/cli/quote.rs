//! `circo-don quote` and `circo-don reverse`. (Owned by the law-engine work.)
use super::Output;

pub fn quote(_args: &[String]) -> Output {
    Output::fail(2, "quote: not yet implemented")
}

pub fn reverse(_args: &[String]) -> Output {
    Output::fail(2, "reverse: not yet implemented")
}
