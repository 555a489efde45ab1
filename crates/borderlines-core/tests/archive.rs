//! ZIP archives through the loader (tests/fixtures/formats/export.zip,
//! made with Python's zipfile for these tests): files in nested folders read
//! by their extension, one damaged entry, one bomb-like entry (40 MB of
//! zeros packed into 40 KB), one packed with bzip2, an archive inside the
//! archive, an image and macOS metadata. Every readable file becomes a
//! document; every other entry is reported with its reason.

use borderlines_core::formats::archive::{open, ArchiveError, Limits};
use borderlines_core::load::{add_files, is_readable_name};
use borderlines_core::Corpus;

mod common;
use common::fixture;

fn reason<'a>(skipped: &'a [(String, String)], name: &str) -> &'a str {
    skipped
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, why)| why.as_str())
        .unwrap_or_else(|| panic!("{name} not reported in {skipped:#?}"))
}

#[test]
fn an_exported_folder_in_a_zip_becomes_documents_and_bad_entries_are_told() {
    let (corpus, report) = add_files(
        &Corpus::default(),
        [("export.zip".to_owned(), fixture("export.zip"))],
    );
    assert_eq!(
        report.added,
        [
            "fence",
            "towers",
            "feed.csv:2",
            "feed.csv:3",
            "saved.html:1",
            "korean"
        ]
    );
    let titles: Vec<&str> = corpus.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles[0], "Fence Extended Along the Yalu");
    assert_eq!(titles[1], "Three New Watchtowers Near Hoeryong");
    assert_eq!(titles[2], "Gate Shut for Winter");
    assert_eq!(titles[4], "Second fence rises along the Evros river");
    assert_eq!(titles[5], "압록강 국경 지역에 새 철조망 설치");
    assert_eq!(
        corpus.documents[3]
            .file_metadata()
            .and_then(|m| m.url.as_deref()),
        Some("https://wire.example/bridge")
    );
    let skipped = &report.skipped;
    assert!(reason(skipped, "export.zip/export/2024/06/broken.txt").starts_with("damaged"));
    assert!(reason(skipped, "export.zip/export/bomb.txt").contains("zip bomb"));
    assert_eq!(
        reason(skipped, "export.zip/export/old/legacy.txt"),
        "packed with bzip2; only stored and deflated entries are read"
    );
    assert!(reason(skipped, "export.zip/export/inner.zip").contains("archive inside an archive"));
    assert!(reason(skipped, "export.zip").starts_with("1 other file in the archive not read"));
    assert_eq!(skipped.len(), 5, "{skipped:#?}");
    assert!(
        !skipped.iter().any(|(n, _)| n.contains("__MACOSX")),
        "macOS metadata is passed over silently"
    );
    assert!(report.encodings.contains(&(
        "export.zip/export/pages/korean.txt".to_owned(),
        "EUC-KR".to_owned()
    )));
}

#[test]
fn unpacking_stops_at_each_limit() {
    let bytes = fixture("export.zip");
    // The bomb under the default limits: stopped by its ratio after at most
    // 200 × its packed size, never its 40 MB.
    let mut entries = open(&bytes, Limits::default(), |n| n.ends_with("bomb.txt")).unwrap();
    let (name, read) = entries.next().unwrap();
    assert_eq!(name, "export/bomb.txt");
    assert_eq!(read, Err(ArchiveError::Ratio { limit: 200 }));
    assert_eq!(entries.unpacked(), 0);
    // With no ratio limit, the entry limit stops it.
    let loose = Limits {
        max_ratio: u64::MAX,
        max_entry_bytes: 5 * 1024 * 1024,
        ..Limits::default()
    };
    let mut entries = open(&bytes, loose, |n| n.ends_with("bomb.txt")).unwrap();
    assert_eq!(
        entries.next().unwrap().1,
        Err(ArchiveError::EntryTooLarge {
            limit: 5 * 1024 * 1024
        })
    );
    // A total of 400 bytes: the first file fits, the next does not, and
    // nothing more is unpacked.
    let tight = Limits {
        max_total_bytes: 400,
        ..Limits::default()
    };
    let read: Vec<_> = open(&bytes, tight, is_readable_name).unwrap().collect();
    assert!(read[0].1.is_ok() && read[1].1.is_ok(), "{read:?}");
    assert_eq!(read[2].1, Err(ArchiveError::TotalTooLarge { limit: 400 }));
    assert!(read[3..].iter().all(|(_, r)| r.is_err()), "{read:?}");
    // Three entries looked at, then the count is said once.
    let few = Limits {
        max_entries: 3,
        ..Limits::default()
    };
    let read: Vec<_> = open(&bytes, few, is_readable_name).unwrap().collect();
    assert_eq!(read.len(), 3, "{read:?}");
    assert_eq!(
        read[2].1,
        Err(ArchiveError::TooManyEntries {
            found: 12,
            limit: 3
        })
    );
}

#[test]
fn a_cut_or_foreign_archive_is_one_reason_and_the_other_files_are_kept() {
    let bytes = fixture("export.zip");
    let (corpus, report) = add_files(
        &Corpus::default(),
        [
            ("cut.zip".to_owned(), bytes[..bytes.len() / 2].to_vec()),
            ("notes.zip".to_owned(), b"not an archive at all".to_vec()),
            ("empty.zip".to_owned(), {
                let mut end = b"PK\x05\x06".to_vec();
                end.extend([0u8; 18]);
                end
            }),
            (
                "walls.txt".to_owned(),
                b"Walls Rise\nNew fences went up along the Tumen River this spring.".to_vec(),
            ),
        ],
    );
    assert_eq!(report.added, ["walls"]);
    assert_eq!(corpus.documents.len(), 1);
    assert!(reason(&report.skipped, "cut.zip").starts_with("not a ZIP archive"));
    assert!(reason(&report.skipped, "notes.zip").starts_with("not a ZIP archive"));
    assert_eq!(
        reason(&report.skipped, "empty.zip"),
        "the archive holds no files"
    );
}

#[test]
fn the_tables_of_an_archive_are_previewed_for_the_mapping_review() {
    use borderlines_core::formats::preview::archive_previews;
    let previews = archive_previews("export.zip", &fixture("export.zip"), 100);
    let names: Vec<&str> = previews.iter().map(|(n, _)| n.as_str()).collect();
    // Only the table: text, pages, the image and the bomb are not previewed.
    assert_eq!(names, ["export.zip/export/2024/06/feed.csv"]);
    let p = &previews[0].1;
    assert!(p.complete && p.records > 0, "{p:?}");
    assert!(p.mapping.text.is_some(), "a text column is guessed: {p:?}");
    // Not an archive: nothing, and no panic.
    assert!(archive_previews("x.zip", b"PK\x03\x04 not really", 100).is_empty());
}
