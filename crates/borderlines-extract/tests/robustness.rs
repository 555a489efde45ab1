//! Hostile input returns promptly and never panics.

use std::time::{Duration, Instant};

use borderlines_core::{
    parse::parse_bytes, parse_document, Block, BlockKind, Document, TitleSource,
};
use borderlines_extract::{extract, CorpusInsights};

fn doc_of(text: &str) -> Document {
    // Built directly (not parsed) so that extraction sees the raw shape,
    // e.g. one 5 MB block.
    Document {
        id: "x".into(),
        title: "x".into(),
        title_source: TitleSource::Derived,
        byline: None,
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            text: text.to_owned(),
        }],
        word_count: 0,
        boilerplate_removed: 0,
        stated: None,
    }
}

fn timed(label: &str, d: &Document) {
    let t = Instant::now();
    let ins = extract(d);
    let took = t.elapsed();
    eprintln!("{label}: {took:?}");
    // Generous bound: debug builds on a shared machine; the release
    // benchmark (examples/bench_extract.rs) measures real speed.
    assert!(took < Duration::from_secs(60), "{label} took {took:?}");
    // Every location is inside its block and on char boundaries.
    for e in &ins.entities {
        for m in &e.mentions {
            let b = d
                .block_text(m.loc.block)
                .expect("mention in a block or the title");
            assert!(b.get(m.loc.range()).is_some(), "{label}: bad mention range");
        }
    }
    for f in &ins.figures {
        assert!(d.blocks[f.loc.block as usize]
            .text
            .get(f.loc.range())
            .is_some());
    }
    for b in 0..d.blocks.len() {
        let _ = ins.spans(b);
    }
    serde_json::to_string(&ins).expect("serialises");
}

fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

#[test]
fn empty_and_tiny() {
    let empty = Document {
        blocks: vec![],
        ..doc_of("")
    };
    let ins = extract(&empty);
    assert!(ins.entities.is_empty() && ins.figures.is_empty());
    timed("empty block", &doc_of(""));
    for s in [
        "'", "\"", "“", "‘x", "$", "-", "1,", ".5", "U.", "'s", "’s", "Kim", "the", "1990s", "May",
        "—", "\u{FFFD}",
    ] {
        timed(s, &doc_of(s));
    }
}

#[test]
fn one_five_megabyte_line() {
    let unit = "North Korea's Border Guard General Bureau said up to 600 defectors crossed the Yalu River on Friday \"without papers\" ";
    let text: String = unit.repeat(5_000_000 / unit.len());
    timed("5 MB line", &doc_of(&text));
    // And with no sentence ends or spaces at all.
    timed("5 MB word", &doc_of(&"a".repeat(5_000_000)));
}

#[test]
fn random_bytes_decoded_lossily() {
    let mut seed = 7u64;
    let bytes: Vec<u8> = (0..2_000_000).map(|_| lcg(&mut seed) as u8).collect();
    if let Ok(d) = parse_bytes("r", &bytes) {
        timed("random bytes", &d);
    }
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    timed("random lossy", &doc_of(&lossy));
}

#[test]
fn ten_megabytes_of_text_numbers_and_capitals() {
    let seed_text = std::fs::read_to_string(format!(
        "{}/../../seeds/000_072fe782a020354c.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    // Many blocks (the parser would drop repeats, so build the document).
    let mut d = parse_document("big", &seed_text).unwrap();
    let one = d.blocks.clone();
    let mut size = 0;
    while size < 10_000_000 {
        for b in &one {
            size += b.text.len();
            d.blocks.push(b.clone());
        }
    }
    timed("10 MB", &d);
    let numbers: String = (0..1_500_000u32)
        .map(|i| format!("{} ", i.wrapping_mul(7919) % 100_000))
        .collect();
    timed("all numbers", &doc_of(&numbers));
    let caps = seed_text.to_uppercase().repeat(300);
    timed("all capitals", &doc_of(&caps));
    let titles: String = "President Minister Kim Lee Park Ministry Of The Council ".repeat(100_000);
    timed("capitalised words", &doc_of(&titles));
    let quotes: String = "\"' “‘ ' \" ".repeat(300_000);
    timed("quote marks", &doc_of(&quotes));
    let c = CorpusInsights::from_documents(vec![
        extract(&doc_of(&numbers)),
        extract(&doc_of(&numbers)),
    ]);
    let _ = c.claims.len();
}

#[test]
fn mutated_fragments_of_real_articles_never_panic() {
    // Cheap fuzzing without a fuzzer: random slices of real text with
    // tricky characters spliced in (quotes, hyphens, digits, dots, symbols).
    let dir = format!("{}/tests/fixtures/lee", env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for e in std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        if e.path().extension().is_some_and(|x| x == "txt") {
            text.push_str(&std::fs::read_to_string(e.path()).unwrap());
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let tricky = [
        '"', '“', '”', '‘', '’', '\'', '-', '–', '.', ',', '0', '1', '9', '$', '%', 'A', 'K', ' ',
        '\u{FFFD}', 'é', '한', '(', ')', 's',
    ];
    let mut seed = 42u64;
    for _ in 0..6_000 {
        let a = (lcg(&mut seed) as usize) % chars.len();
        let len = (lcg(&mut seed) as usize) % 400;
        let mut piece: Vec<char> = chars[a..(a + len).min(chars.len())].to_vec();
        for _ in 0..(lcg(&mut seed) % 12) {
            let at = if piece.is_empty() {
                0
            } else {
                (lcg(&mut seed) as usize) % piece.len()
            };
            let c = tricky[(lcg(&mut seed) as usize) % tricky.len()];
            piece.insert(at, c);
        }
        let s: String = piece.into_iter().collect();
        let d = doc_of(&s);
        let ins = extract(&d);
        for b in 0..d.blocks.len() {
            for (r, _) in ins.spans(b) {
                assert!(
                    d.blocks[b].text.get(r).is_some(),
                    "span off a char boundary in {s:?}"
                );
            }
        }
        for q in &ins.quotes {
            assert!(d.blocks[q.loc.block as usize]
                .text
                .get(q.loc.range())
                .is_some());
        }
    }
}
