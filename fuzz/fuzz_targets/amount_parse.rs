//! `circo_don::money::parse_amount` reads whatever a donor types or pastes: it must
//! never panic, never accept a text holding a hidden character, and an amount it
//! accepts must read back from its own formatting.
#![no_main]

use circo_don::i18n::Lang;
use circo_don::money::{parse_amount, AmountError, MAX_TYPED_AMOUNT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let result = parse_amount(text);
    let hidden = circo_don::text_safety::first_hidden(text);
    match result {
        Ok(cents) => {
            assert!(hidden.is_none(), "accepted a hidden character: {text:?}");
            assert!(cents.get() >= 0 && cents <= MAX_TYPED_AMOUNT, "{text:?} -> {cents:?}");
            for lang in [Lang::Fr, Lang::En] {
                assert_eq!(parse_amount(&cents.format(lang)), Ok(cents), "{text:?}");
            }
        }
        Err(e) => {
            if let Some(c) = hidden {
                assert_eq!(e, AmountError::Hidden(c), "{text:?}");
            }
            let m = e.message();
            assert!(!m.fr.is_empty() && !m.en.is_empty());
        }
    }
});
