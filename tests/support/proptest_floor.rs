//! The settings of every property test in the project, so that each asserts how much of
//! what it drew it accepted. Proptest runs `cases` accepted cases and, by default,
//! tolerates 1 024 inputs rejected by `prop_assume!` and 65 536 draws rejected by
//! `prop_filter` on the way: a property could pass while it rejected most of its inputs.
//! [`accepting`] makes the run fail ("Too many global rejects", "Too many local rejects")
//! once it has rejected more than its floor allows.
//!
//! Included by path from `src/lib.rs` (the unit tests) and from each test file that has
//! properties.

use proptest::test_runner::Config;

/// `cases` accepted cases, failing once fewer than `percent` % of the inputs (and of the
/// filtered draws) were accepted; `100`: not one rejection.
pub fn accepting(cases: u32, percent: u32) -> Config {
    assert!((1..=100).contains(&percent), "a share in percent");
    let rejects = cases * (100 - percent) / percent;
    Config { cases, max_global_rejects: rejects, max_local_rejects: rejects, ..Config::default() }
}

#[test]
fn a_property_that_rejects_more_than_its_floor_fails() {
    use proptest::prelude::*;
    use proptest::test_runner::TestRunner;
    // One input in two rejected, by `prop_assume!` or by a filter: fails at 90 %, passes at 20 %.
    let half = |n: u32| -> Result<(), TestCaseError> {
        prop_assume!(n.is_multiple_of(2));
        Ok(())
    };
    assert!(TestRunner::new(accepting(100, 90)).run(&any::<u32>(), half).is_err());
    assert!(TestRunner::new(accepting(100, 20)).run(&any::<u32>(), half).is_ok());
    let filtered = any::<u32>().prop_filter("even", |n| n.is_multiple_of(2));
    assert!(TestRunner::new(accepting(100, 90)).run(&filtered, |_| Ok(())).is_err());
    // Not one rejection allowed at 100 %: one input in four is one too many.
    assert!(TestRunner::new(accepting(100, 100)).run(&(0u32..4), |n| {
        prop_assume!(n != 0);
        Ok(())
    }).is_err());
    assert!(TestRunner::new(accepting(100, 100)).run(&any::<u32>(), |_| Ok(())).is_ok());
}
