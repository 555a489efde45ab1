//! ZIP archives: the end record, the central directory, each entry's
//! method, encryption flag and data, under limits small enough for fuzzing;
//! then the loader, which reads the entries by extension.
#![no_main]
use borderlines_core::formats::archive::{open, Limits};
use borderlines_core::load::{add_files, is_readable_name};
use borderlines_core::Corpus;
use libfuzzer_sys::fuzz_target;

const LIMITS: Limits = Limits {
    max_entries: 64,
    max_entry_bytes: 1 << 20,
    max_total_bytes: 4 << 20,
    max_ratio: 200,
};

fuzz_target!(|data: &[u8]| {
    if let Ok(entries) = open(data, LIMITS, is_readable_name) {
        let mut total = 0u64;
        let mut seen = 0usize;
        for (_, read) in entries {
            seen += 1;
            if let Ok(bytes) = read {
                // Never more than the limits allow, whatever the archive says.
                assert!(bytes.len() as u64 <= LIMITS.max_entry_bytes);
                total += bytes.len() as u64;
                assert!(total <= LIMITS.max_total_bytes);
            }
        }
        assert!(seen as u64 <= LIMITS.max_entries + 1);
    }
    // Through the loader (default limits): every entry is added or told.
    if data.len() <= 16 * 1024 {
        let (_, report) = add_files(&Corpus::default(), [("a.zip".to_owned(), data.to_vec())]);
        assert!(!report.added.is_empty() || !report.skipped.is_empty());
    }
});
