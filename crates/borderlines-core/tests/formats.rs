//! The format parsers on real-looking fixtures (tests/fixtures/formats,
//! written for these tests: no copyrighted article text), and their typed
//! errors on malformed input.

use borderlines_core::formats::csv::{self, Delimiter};
use borderlines_core::formats::{html, json, Field, FieldMapping, FormatError};
use borderlines_core::load::{parsed_of, records_of};

mod common;
use common::fixture;

#[test]
fn news_page_keeps_the_article_and_drops_the_rest() {
    let r = html::parse_bytes(&fixture("news_page.html")).unwrap();
    assert_eq!(
        r.title.as_deref(),
        Some("Second fence rises along the Evros river")
    );
    assert_eq!(r.author.as_deref(), Some("Marta Kowalczyk"));
    assert_eq!(r.date.as_deref(), Some("2024-03-12T08:30:00+02:00"));
    assert_eq!(r.source.as_deref(), Some("Northern Ledger"));
    assert_eq!(
        r.url.as_deref(),
        Some("https://ledger.example/world/2024/03/12/evros-second-fence")
    );
    let paragraphs: Vec<&str> = r.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 4, "{}", r.text);
    assert!(paragraphs[0].starts_with("Work crews began raising a second steel barrier"));
    // A paragraph broken over two lines in the markup is one paragraph.
    assert!(paragraphs[2].contains("after the harvest. A spokesperson"));
    assert!(paragraphs[3].starts_with("Rights groups warned"));
    for boilerplate in [
        "cookies",
        "Politics",
        "Advertisement",
        "Share on",
        "morning briefing",
        "Related",
        "First!",
        "Most read",
        "rights reserved",
        "dataLayer",
        "display: none",
        "tracking",
        "not asked",
        "By Marta",
    ] {
        assert!(
            !r.text.contains(boilerplate),
            "{boilerplate:?} left in:\n{}",
            r.text
        );
    }
}

#[test]
fn news_page_without_json_ld_uses_meta_and_markup() {
    let page = String::from_utf8(fixture("news_page.html")).unwrap();
    let start = page.find("<script type=\"application/ld+json\">").unwrap();
    let end = start + page[start..].find("</script>").unwrap() + "</script>".len();
    let page = format!("{}{}", &page[..start], &page[end..])
        .replace(
            "<meta property=\"og:title\" content=\"Second fence rises along the Evros river\">",
            "",
        )
        .replace(
            "<meta property=\"article:published_time\" content=\"2024-03-12T08:30:00+02:00\">",
            "",
        )
        .replace("<meta name=\"author\" content=\"By Marta Kowalczyk\">", "");
    let r = html::parse(&page).unwrap();
    // The <h1> is in the dropped story <header>; <title> less its outlet.
    assert_eq!(
        r.title.as_deref(),
        Some("Second fence rises along the Evros river")
    );
    assert_eq!(r.date.as_deref(), Some("2024-03-12T08:30:00+02:00"));
    assert_eq!(r.author.as_deref(), Some("Marta Kowalczyk"));
}

#[test]
fn csv_with_bom_crlf_and_quoted_multiline_fields() {
    let bytes = fixture("articles.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let p = csv::parse_bytes(&bytes, Delimiter::Auto, None).unwrap();
    assert_eq!(
        p.columns[0], "headline",
        "the BOM is not part of the first name"
    );
    assert_eq!(p.mapping.get(Field::Title), Some("headline"));
    assert_eq!(p.mapping.get(Field::Text), Some("body"));
    assert_eq!(p.mapping.get(Field::Date), Some("published"));
    assert_eq!(p.mapping.get(Field::Source), Some("outlet"));
    assert_eq!(p.mapping.get(Field::Url), Some("link"));
    assert_eq!(p.mapping.get(Field::Author), Some("byline"));
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.records.len(), 3);
    let first = &p.records[0];
    assert_eq!(
        first.text,
        "Crews returned to the riverbank on Monday.\n\nThe contractor said the \"final section\", about 4 km, would be done by June."
    );
    assert_eq!(first.origin, 2);
    assert_eq!(
        p.records[1].source.as_deref(),
        Some("Lakeside Post, evening edition")
    );
    assert_eq!(p.records[1].author, None);
    assert_eq!(p.records[1].origin, 5, "a record's line is where it starts");
    assert_eq!(p.records[2].author.as_deref(), Some("Liis Kask, Jaan Tamm"));
}

#[test]
fn csv_mapping_can_be_overridden() {
    let bytes = fixture("articles.csv");
    let mut mapping =
        FieldMapping::guess(&["headline", "body", "published", "outlet", "link", "byline"]);
    mapping.set(Field::Title, Some("outlet".into()));
    mapping.set(Field::Author, None);
    let p = csv::parse_bytes(&bytes, Delimiter::Comma, Some(&mapping)).unwrap();
    assert_eq!(p.mapping, mapping);
    assert_eq!(p.records[0].title.as_deref(), Some("Baltic Courier"));
    assert_eq!(p.records[0].author, None);
}

#[test]
fn tsv() {
    let p = csv::parse_bytes(&fixture("articles.tsv"), Delimiter::Tab, None).unwrap();
    assert_eq!(p.records.len(), 2);
    assert_eq!(
        p.records[0].title.as_deref(),
        Some("Wall repairs begin in the valley")
    );
    assert_eq!(p.records[1].author, None);
    // Auto finds the tab too.
    assert_eq!(
        csv::parse_bytes(&fixture("articles.tsv"), Delimiter::Auto, None).unwrap(),
        p
    );
}

#[test]
fn ragged_csv_reports_lines_and_keeps_the_good_rows() {
    let p = csv::parse_bytes(&fixture("ragged.csv"), Delimiter::Auto, None).unwrap();
    let titles: Vec<_> = p
        .records
        .iter()
        .filter_map(|r| r.title.as_deref())
        .collect();
    assert_eq!(titles, ["Fence tender awarded", "Third tender"]);
    let messages: Vec<String> = p.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "malformed CSV line 3: expected 3 fields, found 1",
            "malformed CSV line 4: expected 3 fields, found 4"
        ]
    );
}

#[test]
fn json_array_of_objects() {
    let p = json::parse_bytes(&fixture("articles.json"), None).unwrap();
    assert_eq!(
        p.columns,
        [
            "content",
            "creator",
            "pubDate",
            "publisher",
            "title",
            "url",
            "wordCount"
        ]
    );
    assert_eq!(p.records.len(), 2);
    let r = &p.records[0];
    assert_eq!(r.source.as_deref(), Some("Harbour Gazette"));
    assert_eq!(r.author.as_deref(), Some("Eilidh Ross"));
    assert_eq!(r.date.as_deref(), Some("2021-09-30"));
    assert!(r.text.contains("consultation.\n\nCouncillors"));
    assert_eq!(p.records[1].author, None);
}

#[test]
fn json_lines_keep_good_lines_and_report_the_bad_one() {
    let p = json::parse_bytes(&fixture("articles.jsonl"), None).unwrap();
    assert_eq!(p.records.len(), 2);
    assert_eq!(p.records[0].origin, 1);
    assert_eq!(p.records[1].origin, 4);
    assert_eq!(
        p.records[1].title.as_deref(),
        Some("Gap granted for winter")
    );
    assert_eq!(p.mapping.get(Field::Date), Some("time"));
    assert_eq!(p.mapping.get(Field::Source), Some("site"));
    assert_eq!(p.problems.len(), 1);
    assert!(
        matches!(p.problems[0], FormatError::MalformedJson { line: 2, .. }),
        "{:?}",
        p.problems
    );
    assert!(p.problems[0]
        .to_string()
        .starts_with("malformed JSON line 2"));
    // Same through the .jsonl extension.
    let q = parsed_of("feed.jsonl", &fixture("articles.jsonl"), None).unwrap();
    assert_eq!(q.records, p.records);
}

#[test]
fn deeply_nested_json_is_a_typed_error() {
    assert_eq!(
        json::parse_bytes(&fixture("nested.json"), None),
        Err(FormatError::TooDeep {
            line: 1,
            limit: json::MAX_DEPTH
        })
    );
}

#[test]
fn malformed_inputs_are_typed_errors() {
    assert!(matches!(
        json::parse("{\"title\": \"x\", \"text\": }", None),
        Err(FormatError::MalformedJson { line: 1, .. })
    ));
    assert_eq!(json::parse_lines("\n\n", None), Err(FormatError::Empty));
    assert_eq!(
        csv::parse("\u{FEFF}", Delimiter::Auto, None),
        Err(FormatError::Empty)
    );
    assert_eq!(html::parse("<p>   </p>"), Err(FormatError::NoArticleText));
    // Garbage never panics.
    for junk in [
        "\"",
        "[",
        "{",
        "<",
        "<!--",
        "<script>",
        "\0\u{1}\u{2}",
        "a,\"b\n\"c,d",
        "]]]}}}",
    ] {
        let _ = csv::parse(junk, Delimiter::Auto, None);
        let _ = json::parse(junk, None);
        let _ = json::parse_lines(junk, None);
        let _ = html::parse(junk);
    }
}

#[test]
fn records_of_dispatches_by_extension() {
    assert_eq!(
        records_of("a.CSV", &fixture("articles.csv")).unwrap().len(),
        3
    );
    assert_eq!(
        records_of("dir/a.tsv", &fixture("articles.tsv"))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        records_of("a.json", &fixture("articles.json"))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        records_of("a.ndjson", &fixture("articles.jsonl"))
            .unwrap()
            .len(),
        2
    );
    let page = records_of("saved.htm", &fixture("news_page.html")).unwrap();
    assert_eq!(page[0].source.as_deref(), Some("Northern Ledger"));
    assert_eq!(
        records_of("a.pdf", b"%PDF-1.4"),
        Err(FormatError::Unsupported("pdf".into()))
    );
    assert!(matches!(
        records_of("photo.json", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(FormatError::Binary(_))
    ));
    // UTF-16 with a BOM is decoded first.
    let utf16: Vec<u8> = b"\xFF\xFE"
        .iter()
        .copied()
        .chain(
            "title\ttext\nGate\tShut at six.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    assert_eq!(records_of("a.tsv", &utf16).unwrap()[0].text, "Shut at six.");
}

/// Cut and mutated fixtures (a fixed pseudo-random sequence) never panic,
/// in any of the parsers.
#[test]
fn mutated_fixtures_never_panic() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let names = [
        "articles.csv",
        "articles.tsv",
        "articles.json",
        "articles.jsonl",
        "news_page.html",
    ];
    for name in names {
        let original = fixture(name);
        for _ in 0..200 {
            let mut bytes = original.clone();
            let cut = usize::try_from(next() % (bytes.len() as u64 + 1)).unwrap();
            bytes.truncate(cut);
            for _ in 0..(next() % 8) {
                if bytes.is_empty() {
                    break;
                }
                let at = usize::try_from(next() % bytes.len() as u64).unwrap();
                let alphabet = b"\"{}[],\t\n\r<>/\\'x\0\xFF";
                bytes[at] = alphabet[usize::try_from(next() % alphabet.len() as u64).unwrap()];
            }
            for as_name in ["a.csv", "a.tsv", "a.json", "a.jsonl", "a.html"] {
                let _ = parsed_of(as_name, &bytes, None);
            }
        }
    }
}

#[test]
fn a_saved_mhtml_page_is_read_like_the_page_it_holds() {
    use borderlines_core::formats::mhtml;
    let bytes = fixture("saved_page.mhtml");
    let (r, encoding) = mhtml::parse_bytes(&bytes).unwrap();
    assert_eq!(encoding, "UTF-8");
    assert_eq!(
        r.title.as_deref(),
        Some("Watchtowers rise on the Tumen — three new posts near Hoeryong")
    );
    assert_eq!(r.author.as_deref(), Some("Jae-won Seo"));
    assert_eq!(r.date.as_deref(), Some("2024-05-02T07:45:00+02:00"));
    assert_eq!(r.source.as_deref(), Some("Northern Ledger"));
    // The page states no address: the one it was saved from.
    assert_eq!(
        r.url.as_deref(),
        Some("https://ledger.example/world/2024/05/02/tumen-towers")
    );
    let paragraphs: Vec<&str> = r.text.split("\n\n").collect();
    assert!(paragraphs
        .iter()
        .any(|p| p.starts_with("Border guards have finished three new watchtowers")));
    assert!(r
        .text
        .contains("“The lights stay on all night now,” said a trader in Sanhe"));
    for boilerplate in [
        "cookies",
        "Advertisement",
        "Related",
        "All rights reserved",
        "dataLayer",
        "font-family",
        "Politics",
    ] {
        assert!(!r.text.contains(boilerplate), "{boilerplate} in {}", r.text);
    }
    // Through the loader: one document, its stated metadata, its encoding.
    let (corpus, report) = borderlines_core::load::add_files(
        &borderlines_core::Corpus::default(),
        [
            ("saved/tumen.mhtml".to_owned(), bytes.clone()),
            ("copy.MHT".to_owned(), bytes),
        ],
    );
    assert_eq!(report.added, ["tumen.mhtml:1"]);
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(
        report.encodings[0],
        ("saved/tumen.mhtml".to_owned(), "UTF-8".to_owned())
    );
    let doc = &corpus.documents[0];
    assert_eq!(doc.byline.as_deref(), Some("Jae-won Seo"));
    assert_eq!(
        doc.file_metadata().and_then(|m| m.source.as_deref()),
        Some("Northern Ledger")
    );
}

#[test]
fn malformed_mhtml_gets_typed_errors() {
    use borderlines_core::formats::mhtml;
    let bytes = fixture("saved_page.mhtml");
    // Cut before the page's part: no HTML page.
    let at = bytes
        .windows(13)
        .position(|w| w == b"Content-Type:")
        .unwrap();
    let head_only = &bytes[..bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4];
    assert!(at < head_only.len());
    assert_eq!(mhtml::parse_bytes(head_only), Err(FormatError::NoHtmlPart));
    assert!(matches!(
        mhtml::parse_bytes(b"no headers, no blank line"),
        Err(FormatError::MalformedMime { .. })
    ));
    // Cut in the middle of the page: what was read is kept.
    let cut = bytes.windows(9).position(|w| w == b"Satellite").unwrap();
    let (r, _) = mhtml::parse_bytes(&bytes[..cut]).unwrap();
    assert!(
        r.text.contains("\n\nBorder guards have finished"),
        "{}",
        r.text
    );
    assert!(!r.text.contains("Satellite"));
    // Cut before the article: no text, said so.
    let cut = bytes.windows(10).position(|w| w == b"cookie-ban").unwrap();
    assert_eq!(
        mhtml::parse_bytes(&bytes[..cut]),
        Err(FormatError::NoArticleText)
    );
}
