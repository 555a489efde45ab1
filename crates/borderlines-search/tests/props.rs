//! Property tests of the query language and the highlighter over text
//! built from the language's own pieces and from characters that change
//! length when folded (the fuzz targets in `fuzz/` cover arbitrary bytes).

use borderlines_core::{parse_document, Corpus};
use borderlines_search::{Query, SearchIndex, SearchOptions};
use proptest::prelude::*;

/// Pieces of the query language, and the characters that trip parsers up.
const QUERY_PIECES: &[&str] = &[
    "border",
    "guards",
    "fortif",
    "Kim",
    "Jong-un",
    "2019",
    "10:30",
    "http://x",
    "Rüstung",
    "İSTANBUL",
    "straße",
    "ﬁnance",
    "북한",
    "北韓",
    "e\u{301}",
    "OR",
    "AND",
    "NOT",
    "or",
    "|",
    "-",
    "--",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "„",
    "«",
    "»",
    "*",
    "~",
    ":",
    "title:",
    "byline:",
    "body:",
    "author:",
    "person:",
    "country:",
    "date:",
    "year:",
    "Title:",
    "x_y:",
    " ",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{3000}",
    "\n",
];

fn query_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop::sample::select(QUERY_PIECES.to_vec()), 0..24)
        .prop_map(|p| p.concat())
}

/// Words whose folded or lowercased form differs in length from the
/// original (İ, ẞ, ligatures, combining marks, final sigma), and plain ones.
const TEXT_WORDS: &[&str] = &[
    "border",
    "guards",
    "fence",
    "Fences",
    "İstanbul",
    "İSTANBUL",
    "ẞTRASSE",
    "straße",
    "ﬁnance",
    "ﬃx",
    "ΟΔΟΣ",
    "οδός",
    "e\u{301}lan",
    "élan",
    "Kim",
    "Jong-un",
    "Jong",
    "Un’s",
    "北韓",
    "국경을",
    "Ǆemal",
    "ǅemal",
    "ﬀ",
    "K",
    "Å",
    "—",
    "“quoted”",
    "2019",
    "10:30",
    ".",
    ",",
];

fn words_text(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    proptest::collection::vec(prop::sample::select(TEXT_WORDS.to_vec()), range)
        .prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A query shown to the user reads back as the same query, and shows
    /// the same again.
    #[test]
    fn query_display_reparses_as_the_same_query(text in query_text()) {
        let q = Query::parse(&text);
        let shown = q.to_string();
        let again = Query::parse(&shown);
        prop_assert_eq!(&again, &q, "{:?} was shown as {:?}", text, shown);
        prop_assert_eq!(again.to_string(), shown);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every mark the highlighter gives — for text it indexed and for text
    /// it never saw — lies on char boundaries, sorted and disjoint; so do
    /// the snippet and title marks of every hit.
    #[test]
    fn highlights_lie_on_char_boundaries(
        docs in proptest::collection::vec((words_text(1..6), words_text(0..40)), 1..4),
        other in words_text(0..30),
        query in prop_oneof![words_text(1..3), query_text(), words_text(1..3).prop_map(|w| format!("\"{w}\"")), words_text(1..2).prop_map(|w| format!("{w}* {w}~"))],
    ) {
        let documents = docs
            .iter()
            .enumerate()
            .filter_map(|(i, (title, body))| parse_document(&i.to_string(), &format!("{title}\n{body}")).ok())
            .collect();
        let corpus = Corpus { documents };
        let index = SearchIndex::build(&corpus);
        let query = Query::parse(&query);
        let marks_ok = |text: &str, ranges: &[std::ops::Range<usize>]| {
            ranges.iter().all(|r| r.start < r.end && text.get(r.clone()).is_some())
                && ranges.windows(2).all(|w| w[0].end <= w[1].start)
        };
        let h = index.highlighter(&query);
        for text in corpus.documents.iter().flat_map(|d| std::iter::once(d.title.as_str()).chain(d.blocks.iter().map(|b| b.text.as_str()))).chain([other.as_str()]) {
            let ranges = h.ranges(text);
            prop_assert!(marks_ok(text, &ranges), "{:?} in {:?}", ranges, text);
        }
        let options = SearchOptions { snippet_len: 40, ..SearchOptions::default() };
        for hit in index.search(&corpus, &query, &options).hits {
            let doc = &corpus.documents[hit.doc];
            prop_assert!(marks_ok(&doc.title, &hit.title_highlights), "{:?} in title {:?}", hit.title_highlights, doc.title);
            if let Some(s) = &hit.snippet {
                prop_assert!(marks_ok(&s.text, &s.highlights), "{:?} in snippet {:?}", s.highlights, s.text);
            }
        }
    }
}
