//! `circo_don::config::load` must never panic, whatever the text: the widget runs it
//! on whatever a collective's server returns.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let loaded = circo_don::config::load(text);
        // Every problem renders, and an account comes only without errors.
        for problem in &loaded.problems {
            let _ = problem.to_string();
        }
        if loaded.account().is_some() {
            assert!(!loaded.has_errors());
        }
        if let Some(registry) = loaded.registry() {
            let _ = registry.search(text.get(..text.len().min(16)).unwrap_or(""));
        }
    }
});
