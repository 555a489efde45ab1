//! Searches the three real seed articles with every kind of query.

use borderlines_core::{load::read_text_dir, Corpus};
use borderlines_search::{Query, SearchIndex, SearchOptions, SearchResults};

/// The seeds, read as the build reads them.
fn seeds() -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (corpus, skipped) = read_text_dir(&dir).expect("the seeds are readable");
    assert!(
        skipped.is_empty() && corpus.documents.len() >= 3,
        "{skipped:?}"
    );
    corpus
}

fn run(q: &str) -> (Corpus, SearchResults) {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let r = index.search(&corpus, &Query::parse(q), &SearchOptions::default());
    (corpus, r)
}

/// Doc ids of the hits, best first.
fn ids(q: &str) -> Vec<String> {
    let (c, r) = run(q);
    r.hits
        .iter()
        .map(|h| c.documents[h.doc].id[..3].to_owned())
        .collect()
}

/// All highlighted words of the hits' snippets, lowercased.
fn marked(q: &str) -> Vec<String> {
    let (_, r) = run(q);
    let mut v: Vec<String> = r
        .hits
        .iter()
        .filter_map(|h| h.snippet.as_ref())
        .flat_map(|s| {
            s.highlights
                .iter()
                .map(|x| s.text[x.clone()].to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn dump() {
    for q in [
        "defectors 2019",
        "\"border guards\"",
        "fortif*",
        "defectros",
        "Jong-un",
        "China's",
        "1047",
        "title:fortifies",
        "mines -russia",
        "(tumen OR yalu) fence",
    ] {
        let (c, r) = run(q);
        println!(
            "== {q} → {} total={} fallback={}",
            r.understood, r.total, r.typo_fallback
        );
        for h in &r.hits {
            let s = h.snippet.as_ref().unwrap();
            println!(
                "  {} {:.3} [{}] {:?} | {}",
                c.documents[h.doc].id,
                h.score,
                h.explanation,
                s.highlights
                    .iter()
                    .map(|x| &s.text[x.clone()])
                    .collect::<Vec<_>>(),
                s.text
            );
        }
    }
}

#[test]
fn terms_all_must_match() {
    let mut found = ids("defectors 2019");
    found.sort();
    assert_eq!(found, ["000", "001"]);
    assert!(marked("defectors 2019").contains(&"2019".to_owned()));
}

#[test]
fn phrase() {
    let (_, r) = run("\"border guards\"");
    assert!(r.total >= 1);
    assert!(marked("\"border guards\"")
        .iter()
        .any(|m| m.starts_with("border guard")));
}

#[test]
fn prefix_finds_fortifies_and_fortifications() {
    let (_, r) = run("fortif*");
    assert_eq!(r.total, 2);
    let m = marked("fortif*");
    assert!(m.contains(&"fortifications".to_owned()), "{m:?}");
    let index = SearchIndex::build(&seeds());
    let text = "They fortify the fortified border.";
    let marks: Vec<&str> = index
        .highlight(&Query::parse("fortif*"), text)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(marks, ["fortify", "fortified"]);
}

#[test]
fn typo_falls_back_to_fuzzy() {
    let (_, r) = run("defectros");
    assert!(r.typo_fallback);
    assert_eq!(r.understood, "defectros~");
    assert!(r.total >= 2);
    assert!(marked("defectros").contains(&"defectors".to_owned()));
}

#[test]
fn hyphenated_name_finds_spaced_name() {
    // The seeds write "Kim Jong Un"; the query uses a hyphen.
    let (_, r) = run("Jong-un");
    assert!(r.total >= 2, "{r:?}");
    assert!(marked("Jong-un").contains(&"jong un".to_owned()));
}

#[test]
fn possessive_finds_bare_word() {
    let (_, china) = run("China's");
    let (_, bare) = run("China");
    assert_eq!(china.total, bare.total);
    assert!(china.total >= 2);
}

#[test]
fn number_without_separator_finds_1_047() {
    assert_eq!(ids("1047"), ["000"]);
    assert!(marked("1047").contains(&"1,047".to_owned()));
}

#[test]
fn title_filter() {
    assert_eq!(ids("title:fortifies"), ["001"]);
    let (_, r) = run("title:fortifies");
    assert!(!r.hits[0].title_highlights.is_empty());
}

#[test]
fn exclusion() {
    let with = ids("mines");
    let without = ids("mines -russia");
    assert!(!with.is_empty());
    assert!(without.len() < with.len() || !with.contains(&"004".to_owned()));
    assert!(!without.contains(&"004".to_owned()));
}

#[test]
fn grouped_or() {
    let (_, r) = run("(tumen OR yalu) fence");
    assert_eq!(r.understood, "(tumen OR yalu) fence");
    assert!(ids("(tumen OR yalu) fence").contains(&"001".to_owned()));
}

#[test]
fn index_round_trips_and_reports_its_size() {
    let corpus = seeds();
    let index = SearchIndex::build(&corpus);
    let bytes = index.to_bytes();
    println!(
        "seed index: {} bytes for {} words",
        bytes.len(),
        corpus.word_count()
    );
    let back = SearchIndex::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    let q = Query::parse("border");
    assert_eq!(
        back.search(&corpus, &q, &SearchOptions::default()),
        index.search(&corpus, &q, &SearchOptions::default())
    );
}
