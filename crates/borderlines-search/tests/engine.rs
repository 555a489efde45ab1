//! The engine against a brute-force scan on random small corpora, ranking
//! order on hand-made cases, Unicode search, and regressions (each named
//! after the bug it catches).

use std::collections::BTreeSet;

use borderlines_core::{Block, BlockKind, Corpus, Document, TitleSource};
use borderlines_search::analyze::Analyzer;
use borderlines_search::tokenize::tokenize;
use borderlines_search::{Query, SearchIndex, SearchOptions};
use proptest::prelude::*;

fn doc(id: &str, title: &str, blocks: &[&str]) -> Document {
    Document {
        id: id.to_owned(),
        title: title.to_owned(),
        title_source: TitleSource::Headline,
        byline: None,
        blocks: blocks
            .iter()
            .map(|t| Block {
                kind: BlockKind::Paragraph,
                text: (*t).to_owned(),
            })
            .collect(),
        word_count: 0,
        boilerplate_removed: 0,
        stated: None,
    }
}

fn corpus(docs: Vec<Document>) -> Corpus {
    Corpus { documents: docs }
}

fn opts() -> SearchOptions {
    SearchOptions {
        limit: 1000,
        typo_tolerance: false,
        ..SearchOptions::default()
    }
}

/// Matching documents in ascending order (for set comparisons).
fn found(c: &Corpus, q: &str) -> Vec<usize> {
    let mut v = hits(c, q);
    v.sort_unstable();
    v
}

fn hits(c: &Corpus, q: &str) -> Vec<usize> {
    let index = SearchIndex::build(c);
    index
        .search(c, &Query::parse(q), &opts())
        .hits
        .iter()
        .map(|h| h.doc)
        .collect()
}

// ---------- brute force ----------

const VOCAB: &[&str] = &[
    "border", "borders", "fence", "fences", "river", "guard", "guards", "mine", "tumen", "yalu",
    "kim", "jong",
];

/// Keys of every field/block of a document, one sequence per unit a phrase may not cross.
fn units(d: &Document) -> Vec<Vec<String>> {
    let a = Analyzer::default();
    std::iter::once(d.title.as_str())
        .chain(d.blocks.iter().map(|b| b.text.as_str()))
        .map(|t| {
            let mut keys = Vec::new();
            tokenize(t, |tok| {
                if !tok.joined {
                    keys.push(a.analyze(tok.folded, tok.kind).1);
                }
            });
            keys
        })
        .collect()
}

fn key(w: &str) -> String {
    let folded = borderlines_search::fold::fold(w);
    Analyzer::default()
        .analyze(&folded, borderlines_search::tokenize::TokenKind::Word)
        .1
}

#[derive(Debug, Clone)]
enum Q {
    Term(usize),
    Phrase(usize, usize),
}

fn q_matches(q: &Q, u: &[Vec<String>]) -> bool {
    match q {
        Q::Term(w) => u.iter().flatten().any(|k| *k == key(VOCAB[*w])),
        Q::Phrase(a, b) => u.iter().any(|seq| {
            seq.windows(2)
                .any(|p| p[0] == key(VOCAB[*a]) && p[1] == key(VOCAB[*b]))
        }),
    }
}

fn q_text(q: &Q) -> String {
    match q {
        Q::Term(w) => VOCAB[*w].to_owned(),
        Q::Phrase(a, b) => format!("\"{} {}\"", VOCAB[*a], VOCAB[*b]),
    }
}

fn arb_doc() -> impl Strategy<Value = Document> {
    let words = || {
        proptest::collection::vec(0..VOCAB.len(), 0..12)
            .prop_map(|v| v.iter().map(|&i| VOCAB[i]).collect::<Vec<_>>().join(" "))
    };
    (words(), proptest::collection::vec(words(), 0..4)).prop_map(|(title, blocks)| {
        let title = if title.is_empty() {
            "x".to_owned()
        } else {
            title
        };
        let blocks: Vec<&str> = blocks.iter().map(String::as_str).collect();
        doc("d", &title, &blocks)
    })
}

fn arb_q() -> impl Strategy<Value = Q> {
    prop_oneof![
        (0..VOCAB.len()).prop_map(Q::Term),
        (0..VOCAB.len(), 0..VOCAB.len()).prop_map(|(a, b)| Q::Phrase(a, b))
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// `a b`, `a OR b`, `a -b` and phrases give exactly the documents a scan finds.
    #[test]
    fn results_equal_a_brute_force_scan(docs in proptest::collection::vec(arb_doc(), 1..8), a in arb_q(), b in arb_q(), op in 0..3usize) {
        let c = corpus(docs);
        let text = match op {
            0 => format!("{} {}", q_text(&a), q_text(&b)),
            1 => format!("{} OR {}", q_text(&a), q_text(&b)),
            _ => format!("{} -{}", q_text(&a), q_text(&b)),
        };
        let expect: BTreeSet<usize> = c.documents.iter().enumerate().filter(|(_, d)| {
            let u = units(d);
            let (x, y) = (q_matches(&a, &u), q_matches(&b, &u));
            match op { 0 => x && y, 1 => x || y, _ => x && !y }
        }).map(|(i, _)| i).collect();
        let index = SearchIndex::build(&c);
        let r = index.search(&c, &Query::parse(&text), &opts());
        let got: BTreeSet<usize> = r.hits.iter().map(|h| h.doc).collect();
        prop_assert_eq!(r.total, expect.len());
        prop_assert_eq!(got, expect, "query {}", text);
        // Ranked by score, ties by document order.
        for w in r.hits.windows(2) {
            prop_assert!(w[0].score > w[1].score || (w[0].score == w[1].score && w[0].doc < w[1].doc));
        }
    }

    /// Building at once equals building in two steps with `extend`, and
    /// serialization round-trips.
    #[test]
    fn extend_and_round_trip_equal_a_fresh_build(docs in proptest::collection::vec(arb_doc(), 1..8), split in 0..8usize, q in arb_q()) {
        let c = corpus(docs);
        let split = split.min(c.documents.len());
        let full = SearchIndex::build(&c);
        let mut grown = SearchIndex::build(&corpus(c.documents[..split].to_vec()));
        grown.extend(&c.documents[split..]);
        prop_assert_eq!(grown.to_bytes(), full.to_bytes());
        let back = SearchIndex::from_bytes(&full.to_bytes()).unwrap();
        let query = Query::parse(&q_text(&q));
        prop_assert_eq!(back.search(&c, &query, &opts()), full.search(&c, &query, &opts()));
    }

    /// Arbitrary queries on an arbitrary corpus never panic, and snippet
    /// highlights always fall inside the snippet on char boundaries.
    #[test]
    fn arbitrary_queries_never_panic(docs in proptest::collection::vec(arb_doc(), 1..5), q in "\\PC{0,30}") {
        let c = corpus(docs);
        let index = SearchIndex::build(&c);
        let r = index.search(&c, &Query::parse(&q), &SearchOptions::default());
        for h in &r.hits {
            if let Some(s) = &h.snippet {
                for x in &s.highlights {
                    prop_assert!(x.end <= s.text.len() && s.text.is_char_boundary(x.start) && s.text.is_char_boundary(x.end));
                }
            }
        }
    }

    /// Snippets cut from long blocks (tokenizing resumes at a sync point)
    /// mark exactly the words that match, and are slices of their block.
    #[test]
    fn snippet_highlights_in_long_blocks_are_exact(words in proptest::collection::vec((0..VOCAB.len(), 0..6usize), 40..400), q in 0..VOCAB.len()) {
        let seps = [" ", " ", " ", ", ", "-", "’s "];
        let text: String = words.iter().map(|&(w, s)| format!("{}{}", VOCAB[w], seps[s])).collect();
        let c = corpus(vec![doc("a", "x", &[&text, "tail block"])]);
        let index = SearchIndex::build(&c);
        let r = index.search(&c, &Query::parse(VOCAB[q]), &SearchOptions::default());
        let want = key(VOCAB[q]);
        for h in &r.hits {
            let s = h.snippet.as_ref().unwrap();
            let block = &c.documents[0].blocks[s.block].text;
            prop_assert_eq!(&block[s.offset..s.offset + s.text.len()], s.text.as_str());
            prop_assert!(!s.highlights.is_empty());
            for x in &s.highlights {
                prop_assert_eq!(key(&s.text[x.clone()].to_lowercase()), want.clone());
            }
        }
    }

    /// Corrupt bytes are an error, never a panic.
    #[test]
    fn corrupt_index_bytes_are_rejected_without_panic(cut in 0usize..2000, flip in 0usize..2000) {
        let c = corpus(vec![doc("a", "Border fence", &["The border fence on the Tumen river."])]);
        let mut bytes = SearchIndex::build(&c).to_bytes();
        if flip < bytes.len() { bytes[flip] ^= 0x5a; }
        bytes.truncate(cut);
        if let Ok(index) = SearchIndex::from_bytes(&bytes) {
            let _ = index.search(&c, &Query::parse("border fence"), &SearchOptions::default());
            let _ = index.search(&c, &Query::parse("\"border fence\" b*"), &SearchOptions::default());
        }
    }
}

// ---------- ranking ----------

#[test]
fn title_match_ranks_above_body_match() {
    let c = corpus(vec![
        doc("a", "Other news", &["the fence is long"]),
        doc("b", "Fence news", &["the wall is long"]),
    ]);
    assert_eq!(hits(&c, "fence"), [1, 0]);
}

#[test]
fn more_occurrences_rank_higher() {
    let c = corpus(vec![
        doc("a", "x", &["fence wall wall wall"]),
        doc("b", "x", &["fence fence fence wall"]),
    ]);
    assert_eq!(hits(&c, "fence"), [1, 0]);
}

#[test]
fn shorter_documents_rank_higher_for_the_same_frequency() {
    let c = corpus(vec![
        doc(
            "a",
            "x",
            &["fence and many other words about rivers and walls"],
        ),
        doc("b", "x", &["fence here"]),
    ]);
    assert_eq!(hits(&c, "fence"), [1, 0]);
}

#[test]
fn equal_scores_keep_document_order() {
    let c = corpus(vec![
        doc("a", "x", &["fence"]),
        doc("b", "x", &["fence"]),
        doc("c", "x", &["fence"]),
    ]);
    assert_eq!(hits(&c, "fence"), [0, 1, 2]);
}

#[test]
fn rare_words_weigh_more_than_common_ones() {
    let c = corpus(vec![
        doc("a", "x", &["border border"]),
        doc("b", "x", &["tumen"]),
        doc("c", "x", &["border"]),
        doc("d", "x", &["border"]),
    ]);
    assert_eq!(hits(&c, "border OR tumen")[0], 1);
}

#[test]
fn words_close_together_rank_higher() {
    let filler = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    let far = format!("border {filler} fence");
    let near = format!("border fence {filler}");
    let c = corpus(vec![doc("a", "x", &[&far]), doc("b", "x", &[&near])]);
    assert_eq!(hits(&c, "border fence"), [1, 0]);
}

#[test]
fn stopwords_are_optional_but_never_break_phrases() {
    let c = corpus(vec![
        doc("a", "x", &["the state of the border"]),
        doc("b", "x", &["border state"]),
    ]);
    assert_eq!(hits(&c, "the border").len(), 2);
    assert_eq!(hits(&c, "\"state of the border\""), [0]);
    assert_eq!(hits(&c, "the"), [0]);
}

#[test]
fn explanation_adds_up_to_the_score() {
    let c = corpus(vec![doc(
        "a",
        "Fence news",
        &["the fence on the border", "more border"],
    )]);
    let index = SearchIndex::build(&c);
    let r = index.search(&c, &Query::parse("fence border"), &SearchOptions::default());
    let h = &r.hits[0];
    let sum: f32 = h.explanation.terms.iter().map(|t| t.score).sum();
    assert!(
        (sum * h.explanation.proximity - h.score).abs() < 1e-4,
        "{} vs {}",
        sum,
        h.score
    );
    assert!(h.explanation.terms[0]
        .fields
        .iter()
        .any(|f| f.field == "title"));
}

// ---------- Unicode ----------

#[test]
fn hangul_words_match_with_trailing_particles() {
    let c = corpus(vec![
        doc("a", "x", &["아이들이 학교에 갔다"]),
        doc("b", "x", &["학교를 지었다"]),
        doc("c", "x", &["병원"]),
    ]);
    assert_eq!(found(&c, "학교"), [0, 1]);
    assert_eq!(found(&c, "학교에서"), [0, 1]);
    let index = SearchIndex::build(&c);
    let text = "아이들이 학교에 갔다";
    let r = index.highlight(&Query::parse("학교"), text);
    assert_eq!(&text[r[0].clone()], "학교에");
}

#[test]
fn chinese_and_japanese_match_by_bigrams() {
    let c = corpus(vec![
        doc("a", "x", &["北朝鲜加强边境管控"]),
        doc("b", "x", &["朝鲜半岛"]),
        doc("c", "x", &["東京でニュース"]),
    ]);
    assert_eq!(hits(&c, "边境"), [0]);
    assert_eq!(found(&c, "朝鲜"), [0, 1]);
    assert_eq!(hits(&c, "北朝鲜"), [0]);
    assert_eq!(hits(&c, "ニュース"), [2]);
    assert_eq!(hits(&c, "朝").len(), 2);
}

#[test]
fn diacritics_and_case_fold() {
    let c = corpus(vec![
        doc("a", "x", &["Die Rüstung der Grenze"]),
        doc("b", "x", &["CAFÉ society"]),
    ]);
    assert_eq!(hits(&c, "rustung"), [0]);
    assert_eq!(hits(&c, "RÜSTUNG"), [0]);
    assert_eq!(hits(&c, "cafe"), [1]);
}

#[test]
fn byline_filter_and_metadata_fields() {
    use std::collections::HashMap;
    let mut a = doc("a", "Walls", &["a wall"]);
    a.byline = Some("Jane Doe".into());
    let c = corpus(vec![a, doc("b", "Doe walls", &["a wall by doe"])]);
    assert_eq!(hits(&c, "byline:doe"), [0]);
    assert_eq!(hits(&c, "doe").len(), 2);
    let mut fields: HashMap<String, HashMap<String, Vec<u32>>> = HashMap::new();
    fields
        .entry("entity".into())
        .or_default()
        .insert("kim jong un".into(), vec![1]);
    let index = SearchIndex::build(&c);
    let r = index.search_with(
        &c,
        &Query::parse("wall entity:\"Kim Jong Un\""),
        &opts(),
        &fields,
    );
    assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [1]);
    // Unknown fields search their value as text.
    assert_eq!(hits(&c, "nosuch:walls").len(), 2);
}

#[test]
fn blank_query_lists_every_document_in_order() {
    let c = corpus(vec![doc("a", "x", &["one"]), doc("b", "y", &["two"])]);
    let index = SearchIndex::build(&c);
    let r = index.search(&c, &Query::parse("  "), &SearchOptions::default());
    assert_eq!(r.total, 2);
    assert_eq!(r.hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0, 1]);
}

#[test]
fn paging_returns_consecutive_slices() {
    let docs: Vec<Document> = (0..30)
        .map(|i| doc(&i.to_string(), "x", &[&"fence ".repeat(i + 1)]))
        .collect();
    let c = corpus(docs);
    let index = SearchIndex::build(&c);
    let q = Query::parse("fence");
    let all: Vec<usize> = index
        .search(
            &c,
            &q,
            &SearchOptions {
                limit: 30,
                ..SearchOptions::default()
            },
        )
        .hits
        .iter()
        .map(|h| h.doc)
        .collect();
    let page2: Vec<usize> = index
        .search(
            &c,
            &q,
            &SearchOptions {
                limit: 10,
                offset: 10,
                ..SearchOptions::default()
            },
        )
        .hits
        .iter()
        .map(|h| h.doc)
        .collect();
    assert_eq!(page2, all[10..20]);
}

// ---------- regressions ----------

#[test]
fn prefix_query_sums_every_form_instead_of_preferring_the_bare_stem() {
    // "fortif*" once matched the stem "fortif" exactly and ignored the
    // title's "Fortifies"; every form must count and be highlighted.
    let c = corpus(vec![
        doc("a", "China Fortifies Border", &["new fortifications"]),
        doc("b", "x", &["old fortifications"]),
    ]);
    let index = SearchIndex::build(&c);
    let r = index.search(&c, &Query::parse("fortif*"), &SearchOptions::default());
    assert_eq!(r.hits[0].doc, 0);
    assert!(!r.hits[0].title_highlights.is_empty());
    assert_eq!(r.hits[0].explanation.terms.len(), 2);
}

#[test]
fn fuzzy_prefers_a_transposition_over_two_substitutions() {
    // "defectros" once matched "defection" rather than "defectors".
    let c = corpus(vec![doc("a", "x", &["defection and defectors"])]);
    let index = SearchIndex::build(&c);
    let r = index.search(&c, &Query::parse("defectros"), &SearchOptions::default());
    assert!(r.typo_fallback);
    assert_eq!(r.hits[0].explanation.terms[0].matched, "defectors");
}

#[test]
fn short_fuzzy_words_allow_a_transposition() {
    let c = corpus(vec![doc("a", "x", &["mines laid"])]);
    assert_eq!(hits(&c, "mnies~"), [0]);
}

#[test]
fn typo_fallback_only_when_nothing_matches() {
    let c = corpus(vec![
        doc("a", "x", &["border guards"]),
        doc("b", "x", &["boarder"]),
    ]);
    let index = SearchIndex::build(&c);
    let r = index.search(&c, &Query::parse("border"), &SearchOptions::default());
    assert!(!r.typo_fallback);
    assert_eq!(r.total, 1);
}

#[test]
fn hyphenated_query_matches_spaced_and_joined_forms() {
    let c = corpus(vec![
        doc("a", "x", &["Kim Jong Un spoke"]),
        doc("b", "x", &["Kim Jong-un spoke"]),
        doc("c", "x", &["Jongun spoke"]),
        doc("d", "x", &["Jong spoke, un"]),
    ]);
    assert_eq!(hits(&c, "Jong-un").len(), 3);
    assert_eq!(hits(&c, "\"kim jong un\"").len(), 2);
}

#[test]
fn numbers_with_and_without_separators_meet() {
    let c = corpus(vec![
        doc("a", "x", &["1,047 people"]),
        doc("b", "x", &["1047 people"]),
        doc("c", "x", &["47 people"]),
    ]);
    assert_eq!(hits(&c, "1047").len(), 2);
    assert_eq!(hits(&c, "1,047").len(), 2);
}

#[test]
fn search_with_a_mismatched_corpus_does_not_panic() {
    let c = corpus(vec![doc("a", "x", &["fence"]), doc("b", "x", &["fence"])]);
    let index = SearchIndex::build(&c);
    let smaller = corpus(vec![]);
    let r = index.search(&smaller, &Query::parse("fence"), &SearchOptions::default());
    assert_eq!(r.total, 2);
    assert!(r.hits.iter().all(|h| h.snippet.is_none()));
}

#[test]
fn snippets_can_be_turned_off_without_changing_the_ranking() {
    let c = corpus(vec![
        doc("a", "Fence", &["the fence"]),
        doc("b", "x", &["fence fence"]),
    ]);
    let index = SearchIndex::build(&c);
    let q = Query::parse("fence");
    let with = index.search(&c, &q, &SearchOptions::default());
    let without = index.search(
        &c,
        &q,
        &SearchOptions {
            snippets: false,
            ..SearchOptions::default()
        },
    );
    assert!(without
        .hits
        .iter()
        .all(|h| h.snippet.is_none() && h.title_highlights.is_empty()));
    let order = |r: &borderlines_search::SearchResults| {
        r.hits.iter().map(|h| (h.doc, h.score)).collect::<Vec<_>>()
    };
    assert_eq!(order(&with), order(&without));
}

#[test]
fn an_unfinished_last_word_is_completed_when_nothing_matches() {
    let c = corpus(vec![
        doc("a", "x", &["border guards patrol"]),
        doc("b", "x", &["guards borrowed the gate"]),
    ]);
    let index = SearchIndex::build(&c);
    let r = index.search(&c, &Query::parse("guards bor"), &SearchOptions::default());
    assert!(r.prefix_fallback && !r.typo_fallback);
    assert_eq!(r.total, 2);
    assert_eq!(r.understood, "guards bor*");
    // A complete word that matches is never widened.
    let r = index.search(&c, &Query::parse("border"), &SearchOptions::default());
    assert!(!r.prefix_fallback);
    assert_eq!(r.total, 1);
    // Only a plain last word is completed; then the typo fallback still runs.
    let r = index.search(&c, &Query::parse("bor -guards"), &SearchOptions::default());
    assert_eq!(r.total, 0);
    let r = index.search(&c, &Query::parse("patrl"), &SearchOptions::default());
    assert!(!r.prefix_fallback);
    let off = SearchOptions {
        complete_last_word: false,
        ..SearchOptions::default()
    };
    assert_eq!(index.search(&c, &Query::parse("bor"), &off).total, 0);
}

/// A corpus of many distinct words for every first letter: prefix and fuzzy
/// queries over it can ask for thousands of word forms.
fn wordy_corpus() -> Corpus {
    let letters = "abcdefghijklmnopqrstuvwxyz";
    let words: Vec<String> = letters
        .chars()
        .flat_map(|a| (0..120).map(move |i| format!("{a}{}", to_letters(i))))
        .collect();
    let blocks: Vec<String> = words.chunks(40).map(|c| c.join(" ")).collect();
    let refs: Vec<&str> = blocks.iter().map(String::as_str).collect();
    corpus(vec![doc("w", "Words", &refs)])
}

fn to_letters(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        s.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

#[test]
fn query_bomb_of_repeated_prefixes_is_one_lookup() {
    // Regression: 300 × `d*` in a link blocked the page for ~35 s.
    let c = wordy_corpus();
    let index = SearchIndex::build(&c);
    let q = Query::parse(&vec!["d*"; 300].join(" "));
    let resolved = borderlines_search::plan::resolve(
        &index,
        &q,
        &borderlines_search::plan::NoFields,
        &Default::default(),
    );
    assert_eq!(resolved.leaves.len(), 1, "one leaf for one word");
    assert!(!resolved.limited);
    let once = index.search(&c, &Query::parse("d*"), &opts());
    let many = index.search(&c, &q, &opts());
    assert_eq!(many.matching, once.matching);
    assert!(!many.limited);
}

#[test]
fn query_bomb_of_distinct_prefixes_and_fuzzy_words_is_bounded_and_says_so() {
    // Regression: 150 alternations of prefixes, 90 fuzzy words.
    let c = wordy_corpus();
    let index = SearchIndex::build(&c);
    let prefixes: Vec<String> = "abcdefghijklmnopqrstuvwxyz"
        .chars()
        .flat_map(|a| "abcdef".chars().map(move |b| format!("{a}{b}*")))
        .collect();
    let q = Query::parse(&prefixes.join(" OR "));
    let resolved = borderlines_search::plan::resolve(
        &index,
        &q,
        &borderlines_search::plan::NoFields,
        &Default::default(),
    );
    let forms: usize = resolved.leaves.iter().map(|l| l.alts.len()).sum();
    assert!(
        forms <= borderlines_search::plan::MAX_QUERY_EXPANSIONS,
        "{forms}"
    );
    assert!(resolved.limited);
    let r = index.search(&c, &q, &opts());
    assert!(r.limited && r.total > 0, "a partial answer that says so");
    // Within the budget nothing is said.
    assert!(
        !index
            .search(&c, &Query::parse("ab* OR ba*"), &opts())
            .limited
    );
    let fuzzy = vec!["abcdef~"; 90].join(" ");
    assert!(!index.search(&c, &Query::parse(&fuzzy), &opts()).limited);
}
