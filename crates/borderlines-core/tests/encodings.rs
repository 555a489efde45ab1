//! Legacy encodings detected on real-looking files (tests/fixtures/formats,
//! written for these tests): EUC-KR and GB18030 articles, a Shift_JIS CSV
//! export, each read through the loader, which names the encoding chosen.

use borderlines_core::encoding::decode;
use borderlines_core::load::{add_files, parsed_of};
use borderlines_core::Corpus;

mod common;
use common::fixture;

#[test]
fn an_euc_kr_article_is_read_as_korean() {
    let bytes = fixture("euc_kr_article.txt");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    let read = decode(&bytes);
    assert_eq!(read.encoding, "EUC-KR");
    let (corpus, report) = add_files(&Corpus::default(), [("압록강.txt".to_owned(), bytes)]);
    let doc = &corpus.documents[0];
    assert_eq!(doc.title, "압록강 국경 지역에 새 철조망 설치");
    assert!(doc.blocks[0]
        .text
        .contains("혜산 인근에서는 감시 초소가 세 곳 더 늘어났다."));
    assert!(
        doc.blocks[1].text.contains("“국경 통제가") || doc.blocks[1].text.contains("\"국경 통제가")
    );
    assert_eq!(
        report.encodings,
        [("압록강.txt".to_owned(), "EUC-KR".to_owned())]
    );
}

#[test]
fn a_gb18030_article_keeps_its_four_byte_characters() {
    let bytes = fixture("gb18030_article.txt");
    let read = decode(&bytes);
    // chardetng names simplified Chinese "GBK"; encoding_rs decodes GBK
    // with the GB18030 decoder, four-byte sequences included.
    assert!(
        matches!(read.encoding, "GBK" | "gb18030"),
        "{}",
        read.encoding
    );
    assert!(read.text.starts_with("图们江沿岸边境围栏延长四十公里"));
    assert!(
        read.text.contains("一位姓𠮷田的研究人员"),
        "U+20BB7 survives"
    );
    assert!(!read.text.contains('\u{FFFD}'));
    let (corpus, report) = add_files(&Corpus::default(), [("tumen.txt".to_owned(), bytes)]);
    assert_eq!(corpus.documents[0].title, "图们江沿岸边境围栏延长四十公里");
    assert_eq!(report.encodings[0].1, read.encoding);
}

#[test]
fn a_shift_jis_csv_export_becomes_documents() {
    let bytes = fixture("shift_jis_news.csv");
    let parsed = parsed_of("news.csv", &bytes, None).unwrap();
    assert_eq!(parsed.encoding, "Shift_JIS");
    assert_eq!(parsed.records.len(), 2);
    assert_eq!(
        parsed.records[0].title.as_deref(),
        Some("国境の川で新たなフェンス")
    );
    assert_eq!(parsed.records[1].source.as_deref(), Some("北方通信"));
    let (corpus, report) = add_files(&Corpus::default(), [("news.csv".to_owned(), bytes)]);
    assert_eq!(report.added, ["news.csv:2", "news.csv:3"]);
    assert_eq!(corpus.documents[1].title, "監視塔が三基増設");
    assert_eq!(
        report.encodings,
        [("news.csv".to_owned(), "Shift_JIS".to_owned())]
    );
}

#[test]
fn utf8_and_utf16_files_are_named_too() {
    let text = "Grenzzaun\nDer Zaun wurde im Sommer entlang des Flusses verlängert.";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let (corpus, report) = add_files(
        &Corpus::default(),
        [
            ("a.txt".to_owned(), text.as_bytes().to_vec()),
            ("b.txt".to_owned(), utf16),
            ("c.md".to_owned(), no_bom),
        ],
    );
    let names: Vec<&str> = report.encodings.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(names, ["UTF-8", "UTF-16LE", "UTF-16BE"]);
    // b and c are the same text as a: duplicates, decoded all the same.
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(report.duplicates.len(), 2);
    assert_eq!(
        report.duplicates[1].blocks[0].text,
        corpus.documents[0].blocks[0].text
    );
}
