//! Helpers shared by the fuzz targets: cutting one fuzz input into the
//! several strings a target needs, and the invariants checked on outputs.

use std::ops::Range;

/// Splits `data` at the first `\n`: (head, rest). Without one, the head is
/// empty and everything is the rest.
pub fn head_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&[], data),
    }
}

/// Lossy UTF-8, as most targets read their text.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Panics unless every range lies inside `text` on char boundaries, and the
/// ranges are sorted and disjoint when `disjoint` is set.
pub fn check_ranges(what: &str, text: &str, ranges: &[Range<usize>], disjoint: bool) {
    for r in ranges {
        assert!(
            r.start <= r.end && text.get(r.clone()).is_some(),
            "{what}: range {r:?} is not on char boundaries of a {}-byte text {text:?}",
            text.len()
        );
    }
    if disjoint {
        for w in ranges.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "{what}: ranges {:?} and {:?} overlap or are unsorted",
                w[0],
                w[1]
            );
        }
    }
}

/// Which stored form [`write_binary_seeds`] writes.
#[derive(Debug, Clone, Copy)]
pub enum Stored {
    Snapshot,
    Bundle,
    Index,
    Insights,
}

/// When `BORDERLINES_FUZZ_SEEDS_OUT` names a folder, writes seed inputs of
/// the `kind` form there — built from the texts in `BORDERLINES_FUZZ_SEEDS_IN`
/// (the seeds/ folder), from one short article and from no article — and
/// exits. `fuzz/seed.sh` runs each binary target once this way, so seed
/// snapshots are made by the code under test and never committed.
pub fn write_binary_seeds(kind: Stored) {
    use borderlines_core::{load::read_text_dir, parse_document, Corpus, CorpusBundle};
    use borderlines_engine::Engine;
    use std::sync::Arc;

    let Some(out) = std::env::var_os("BORDERLINES_FUZZ_SEEDS_OUT") else {
        return;
    };
    let out = std::path::PathBuf::from(out);
    let mut corpora = vec![
        (
            "one",
            Corpus {
                documents: vec![parse_document(
                    "one",
                    "Walls Rise on the Yalu\nBy Jin Park\nNorth Korea built 489 km of fences along the Yalu River in March 2020, officials said.\n\"We saw guards,\" Kim said.",
                )
                .expect("the sample parses")],
            },
        ),
        ("none", Corpus::default()),
    ];
    if let Some(dir) = std::env::var_os("BORDERLINES_FUZZ_SEEDS_IN") {
        let (corpus, _) =
            read_text_dir(std::path::Path::new(&dir)).expect("the seeds folder reads");
        corpora.push(("seeds", corpus));
    }
    std::fs::create_dir_all(&out).expect("the seed folder");
    for (name, corpus) in corpora {
        let engine = Engine::build(Arc::new(corpus));
        let bytes = match kind {
            Stored::Snapshot => engine.to_snapshot().expect("snapshot"),
            Stored::Bundle => CorpusBundle::new((**engine.corpus()).clone())
                .to_bytes()
                .expect("bundle"),
            Stored::Index => engine.index().to_bytes(),
            Stored::Insights => engine.all_insights().to_bytes().expect("insights"),
        };
        std::fs::write(out.join(format!("seed-{name}")), bytes).expect("write a seed");
    }
    std::process::exit(0);
}
