//! `circo_don::donation::assess`: everything a donor types, as typed. The input's lines
//! are the fields (mode and method from the first byte); the assessment must never
//! panic, and a quote must respect the law's arithmetic: the gift within the L52-8 cap,
//! the net cost between zero and the gift.
#![no_main]

use circo_don::donation::{assess, Action, AmountField, Inputs, Mode, Outcome};
use circo_don::law::rules::DONOR_CAP;
use circo_don::payment::Method;
use circo_don::money::Cents;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let mut lines = text.split('\n').map(str::to_owned);
    let mut next = || lines.next().unwrap_or_default();
    let mut inputs = Inputs::default()
        .apply(Action::SetMode(if flags & 1 == 0 { Mode::Give } else { Mode::Cost }))
        .apply(Action::SetNotTaxable(flags & 2 != 0))
        .apply(Action::ChooseMethod(Method::ALL[usize::from(flags >> 2) % Method::ALL.len()]));
    for field in [AmountField::Gift, AmountField::Target, AmountField::Income, AmountField::Tax, AmountField::OtherGifts, AmountField::Carried, AmountField::GivenElsewhere] {
        inputs = inputs.apply(Action::Type(field, next()));
    }
    let assessment = assess(&inputs);
    for (_, message) in &assessment.errors {
        assert!(!message.fr.is_empty() && !message.en.is_empty());
    }
    if let Outcome::Quote(q) = &assessment.outcome {
        assert!(q.gift <= DONOR_CAP, "{inputs:?}: {q:?}");
        assert!(q.net_cost >= Cents::ZERO && q.net_cost <= q.gift, "{inputs:?}: {q:?}");
    }
    let _ = assessment.kind();
});
