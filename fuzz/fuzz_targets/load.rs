//! Adding a user's file: the first byte chooses the file name's extension;
//! the rest is the file. Text files go through the `Loader` (twice, for the
//! duplicate check and unique ids), record files through `parsed_of` and
//! `records_of`.
#![no_main]
use borderlines_core::load::{self, LoadOptions, Loader};
use borderlines_core::Corpus;
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "a.txt",
    "a.md",
    "a.csv",
    "a.tsv",
    "a.json",
    "a.jsonl",
    "a.html",
    "a",
    "a.pdf",
    "a.ndjson",
    "a.markdown",
    "a.htm",
    "a.tab",
    "\u{202E}a.txt",
    "a.mhtml",
    "a.zip",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[first as usize % NAMES.len()];
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    if load::is_record_extension(ext) {
        let _ = load::records_of(name, bytes);
        let _ = load::parsed_of(name, bytes, None);
    } else {
        let mut loader = Loader::new(&Corpus::default(), LoadOptions::default());
        loader.add(name.to_owned(), bytes.to_vec());
        loader.add(name.to_owned(), bytes.to_vec());
        let (docs, report) = loader.finish();
        // Every file is accounted for: added or skipped with a reason (an
        // archive's files each count on their own).
        if ext == "zip" {
            assert!(report.added.len() + report.skipped.len() >= 2);
        } else {
            assert_eq!(report.added.len() + report.skipped.len(), 2);
        }
        assert_eq!(docs.len(), report.added.len());
        let (corpus, _) = load::add_documents(&Corpus::default(), report.duplicates);
        let _ = corpus;
    }
});
