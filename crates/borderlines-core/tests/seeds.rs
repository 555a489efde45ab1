//! Parsing the real seed articles and made-up scraped texts with other cruft.

use borderlines_core::{parse::parse_bytes, BlockKind, Document, TitleSource};

fn seed(name: &str) -> Document {
    let path = format!("{}/../../seeds/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_bytes(name, &bytes).expect("seed parses")
}

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    parse_bytes(name, &std::fs::read(path).unwrap()).unwrap()
}

fn body(d: &Document) -> String {
    d.blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_001_headline_byline_and_boilerplate() {
    let d = seed("001_a9904e2a1790e04c");
    assert_eq!(
        d.title,
        "China Fortifies Its Border With North Korea: Implications and Consequences"
    );
    assert_eq!(d.title_source, TitleSource::Headline);
    assert_eq!(d.byline.as_deref(), Some("Aqsa Younas Rana"));
    let text = body(&d);
    for cruft in [
        "Advertisment",
        "author-image",
        "New Update",
        "Read Also",
        "Read More",
        "Land Reclamation",
    ] {
        assert!(!text.contains(cruft), "{cruft:?} left in body");
    }
    // The repeated headline is not a body block.
    assert!(!text.contains("Implications and Consequences"));
    let headings: Vec<_> = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "A Confluence of Security Measures",
            "The Implications: Decreased Defection and Economic Strain",
            "Vanishing Defectors and International Concerns"
        ]
    );
    assert_eq!(d.paragraphs().count(), 4);
    assert!(d
        .paragraphs()
        .next()
        .unwrap()
        .starts_with("Recent images reveal"));
    assert!(
        d.boilerplate_removed >= 10,
        "removed {}",
        d.boilerplate_removed
    );
    assert!((330..420).contains(&d.word_count), "{}", d.word_count);
}

#[test]
fn seeds_without_headlines_get_derived_titles() {
    let d = seed("000_072fe782a020354c");
    assert_eq!(d.title_source, TitleSource::Derived);
    assert!(
        d.title
            .starts_with("As the COVID-19 pandemic unfolded in 2020"),
        "{}",
        d.title
    );
    assert!(d.title.ends_with('…'));
    assert_eq!(d.byline, None);
    assert_eq!(d.paragraphs().count(), 10);
    assert!((700..850).contains(&d.word_count), "{}", d.word_count);

    let d = seed("004_facdb78689669bb6");
    assert_eq!(d.title_source, TitleSource::Derived);
    assert!(
        d.title
            .starts_with("Recent reports suggest that North Korea"),
        "{}",
        d.title
    );
    assert_eq!(d.paragraphs().count(), 8);
    // Curly quotes and apostrophes survive decoding.
    assert!(body(&d).contains("Russia’s Far East"));
}

#[test]
fn wire_story_cruft_is_removed_and_structure_kept() {
    let d = fixture("scraped_wire.txt");
    assert_eq!(
        d.title,
        "Satellite Images Show New Walls Along the Yalu River"
    );
    assert_eq!(
        d.byline.as_deref(),
        Some("Min-ji Park and John Smith, Reuters")
    );
    let text = body(&d);
    for cruft in [
        "Skip to",
        "Menu",
        "Listen",
        "Share",
        "Comments",
        "Photo:",
        "Scroll",
        "Story continues",
        "READ MORE",
        "Also read",
        "You may also like",
        "All rights reserved",
    ] {
        assert!(!text.contains(cruft), "{cruft:?} left in {text}");
    }
    assert!(text.contains(
        "Officials in Dandong declined to comment. Smugglers say the crossings are closed."
    ));
    assert_eq!(
        d.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count(),
        1
    );
    assert_eq!(d.paragraphs().count(), 3);
}

#[test]
fn crlf_nbsp_and_markup_tokens() {
    let d = fixture("crlf_nbsp.txt");
    assert_eq!(d.title, "Mines Laid Near the DMZ");
    assert_eq!(d.blocks.len(), 1);
    assert_eq!(d.word_count, 14);
    assert_eq!(d.boilerplate_removed, 3);
}

#[test]
fn hostile_and_huge_inputs_do_not_panic() {
    let html = "<script>alert(1)</script>\n<img src=x onerror=alert(1)> is text, not markup, here.";
    let d = borderlines_core::parse_document("h", html).unwrap();
    assert!(
        body(&d).contains("<script>"),
        "kept verbatim; the UI renders it as text"
    );
    let one_line = "word ".repeat(1_000_000);
    let d = borderlines_core::parse_document("big", &one_line).unwrap();
    assert_eq!(d.word_count, 1_000_000);
    let noise: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let _ = parse_bytes("noise", &noise);
}
