//! A movement's registry, as the widget reads it: the first line of the input is what a
//! donor types in the circo search box, the rest the registry's text. Loading, search,
//! lookup by slug and the problems of each entry must never panic; every entry found
//! is one of the registry's.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (query, file) = text.split_once('\n').unwrap_or(("", text));
    let loaded = circo_don::config::load(file);
    let Some(registry) = loaded.registry() else { return };
    for entry in registry.search(query) {
        assert!(registry.entries.iter().any(|e| e.slug == entry.slug));
        for problem in loaded.problems_of(entry) {
            let _ = problem.to_string();
        }
    }
    if let Some(entry) = registry.find(query) {
        assert!(entry.slug.eq_ignore_ascii_case(&circo_don::config::slug(&entry.department, entry.number)));
    }
    // Each entry's slug finds it back.
    for entry in &registry.entries {
        assert_eq!(registry.find(&entry.slug).map(|e| e.index), Some(entry.index));
    }
});
