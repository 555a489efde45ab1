//! Property tests where fuzzing is awkward (the fuzz targets in `fuzz/`
//! cover arbitrary bytes): every view state the page can hold survives the
//! link it writes; an engine survives its snapshot; and every mark the
//! engine hands the reader lies on char boundaries of the text it marks.

use std::sync::Arc;

use borderlines_core::{parse_document, Corpus};
use borderlines_engine::time_bins::Unit;
use borderlines_engine::view_state::{NodePin, ParsedFragment, Passage, Sort};
use borderlines_engine::{Engine, View, ViewState};
use proptest::prelude::*;

/// Text a user may type or a link may carry: any printable characters,
/// with the ones the link format treats specially made likely. (No control
/// characters: a link drops them and says so, see `view_state`'s tests.)
fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => "\\PC",
            1 => prop::sample::select(vec!["&", "=", "+", "%", "#", "%20", ";", "@", "|", ":", " ", "é", "北", "😀", "\u{202E}"]).prop_map(str::to_owned),
        ],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

/// Ids and node names: at most `max` chars, not blank.
fn id(max: usize) -> impl Strategy<Value = String> {
    any_text(max)
        .prop_map(move |s| s.chars().take(max).collect::<String>())
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

fn node_key() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["person", "country", "org", "place", "group"]),
        id(40),
    )
        .prop_map(|(kind, name)| format!("{kind}:{name}"))
}

fn sort() -> impl Strategy<Value = Option<Sort>> {
    proptest::option::of(
        ("[a-z]{1,16}", any::<bool>()).prop_map(|(column, descending)| Sort { column, descending }),
    )
}

prop_compose! {
    /// Any state the page can be in (each value within what a link may hold).
    fn any_state()(
        query in any_text(60),
        view in prop::sample::select(View::ALL.to_vec()),
        doc in proptest::option::of(id(200)),
        passage in proptest::option::of((any::<u32>(), proptest::option::of((0u32..5000, 0u32..5000)))
            .prop_map(|(block, r)| Passage { block, range: r.map(|(a, b)| (a.min(b), a.max(b))) })),
        term in proptest::option::of(id(200)),
        figure_sort in sort(),
        term_sort in sort(),
        kwic_sort in sort(),
        kwic_width in 1u8..=20,
        stopwords in any::<bool>(),
        ngram in 1u8..=3,
        min_freq in proptest::option::of(1u16..=1000),
        chart_table in any::<bool>(),
        network_top in proptest::option::of(5u16..=300),
        network_min in proptest::option::of(1u16..=10_000),
        network_edge in proptest::option::of((node_key(), node_key())
            .prop_filter("the first key holds no |", |(a, _)| !a.contains('|'))),
        network_pins in proptest::collection::vec((node_key(), 0u16..=1000, 0u16..=1000)
            .prop_filter("no ; in a pinned key", |(n, _, _)| !n.contains(';'))
            .prop_map(|(node, x, y)| NodePin { node, x, y }), 0..5),
        timeline_unit in proptest::option::of(prop::sample::select(Unit::ALL.to_vec())),
        timeline_bar in proptest::option::of(prop::sample::select(vec!["2019", "2020-03", "2020-03-14", "2019..2020", "1990s", "..2001", "2019-05..2019-07"]).prop_map(str::to_owned)),
        timeline_series in proptest::option::of(id(64)),
        timeline_full_span in any::<bool>(),
        map_box in proptest::option::of((-100_000i32..=100_000, -100_000i32..=100_000, 1i32..=100_000, 1i32..=100_000).prop_map(|(x, y, w, h)| [x, y, w, h])),
        map_shade in any::<bool>(),
    ) -> ViewState {
        ViewState {
            query, view, doc, passage, term, figure_sort, term_sort, kwic_sort, kwic_width,
            stopwords, ngram, min_freq, chart_table, network_top, network_min, network_edge,
            network_pins, timeline_unit, timeline_bar, timeline_series, timeline_full_span,
            map_box, map_shade,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whatever is on screen, the link written for it opens the same view
    /// with nothing to note.
    #[test]
    fn every_view_state_survives_its_link(state in any_state()) {
        let link = state.to_fragment();
        prop_assert_eq!(ViewState::parse_fragment(&link), ParsedFragment { state, notes: vec![] }, "link {}", link);
    }

    /// Whatever a link holds, the state read from it writes a link that
    /// reads back as the same state (the page rewrites the URL from it).
    #[test]
    fn the_state_of_any_link_survives_rewriting(link in any_text(120)) {
        let first = ViewState::parse_fragment(&link).state;
        let again = ViewState::parse_fragment(&first.to_fragment());
        prop_assert_eq!(again, ParsedFragment { state: first, notes: vec![] });
    }
}

/// Bug: a 1,000-character query in a non-Latin script (or any state with
/// long ids and pins) wrote a link longer than the 8 KB a link was read to,
/// so the link opened a different view. The longest values a link may
/// hold, in the widest characters, now make a link that opens the same view.
#[test]
fn the_longest_state_a_link_holds_survives_its_link() {
    let wide = |n: usize| "😀".repeat(n);
    let node = |i: usize| format!("person:{i}{}", wide(190));
    let state = ViewState {
        query: wide(1_000),
        doc: Some(wide(200)),
        term: Some(wide(200)),
        timeline_series: Some(wide(64)),
        timeline_bar: Some(format!("2019{}..2020", "\u{3000}".repeat(54))),
        network_edge: Some((node(0), node(1))),
        network_pins: (0..24)
            .map(|i| NodePin {
                node: node(i),
                x: 1000,
                y: 1000,
            })
            .collect(),
        ..ViewState::default()
    };
    let link = state.to_fragment();
    let back = ViewState::parse_fragment(&link);
    assert!(back.notes.is_empty(), "{:?}", back.notes);
    assert!(
        back.state == state,
        "a {}-byte link opens another view",
        link.len()
    );
}

/// A timeline bar padded with wide spaces (a date value once trimmed) is
/// refused past 64 characters, so a link's values stay bounded.
#[test]
fn an_overlong_timeline_bar_is_noted_not_kept() {
    let link = format!("#tbar=2019{}..2020", "%E3%80%80".repeat(100));
    let p = ViewState::parse_fragment(&link);
    assert_eq!(p.state.timeline_bar, None);
    assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
}

// ---------- snapshots ----------

const WORDS: &[&str] = &[
    "border",
    "fence",
    "guards",
    "Tumen",
    "Yalu",
    "river",
    "China",
    "North",
    "Korea",
    "Kim",
    "Jong",
    "Un",
    "defectors",
    "2019",
    "March",
    "489",
    "km",
    "said",
    "the",
    "of",
    "Rüstung",
    "Grenze",
    "北韓",
    "국경을",
    "naïve",
    "İstanbul",
    "straße",
    "ﬁnance",
    "e\u{301}lan",
    "—",
    "“quoted”",
    ".",
    ",",
    "\n",
    "\n\n",
];

fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop::sample::select(WORDS.to_vec()), 1..60).prop_map(|w| w.join(" "))
}

fn engine_of(texts: &[String]) -> Engine {
    let documents: Vec<_> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| parse_document(&format!("d{i}"), t).ok())
        .collect();
    Engine::build(Arc::new(Corpus { documents }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// An engine opened from its snapshot is the same engine: same bytes
    /// again, same answers.
    #[test]
    fn an_engine_survives_its_snapshot(texts in proptest::collection::vec(article(), 0..5), q in prop::sample::select(WORDS.to_vec())) {
        let engine = engine_of(&texts);
        let bytes = engine.to_snapshot().unwrap();
        let back = Engine::from_snapshot(&bytes).unwrap();
        prop_assert_eq!(back.to_snapshot().unwrap(), bytes);
        prop_assert_eq!(back.corpus(), engine.corpus());
        let (a, b) = (engine.select(q, 10), back.select(q, 10));
        prop_assert_eq!(a.results, b.results);
    }

    /// Every range the reader and the result list mark — snippet, title and
    /// block highlights — lies on char boundaries of the text it marks.
    #[test]
    fn every_highlight_lies_on_char_boundaries(texts in proptest::collection::vec(article(), 1..4), words in proptest::collection::vec(prop::sample::select(WORDS.to_vec()), 1..4), op in 0..4usize) {
        let engine = engine_of(&texts);
        let query = match op {
            0 => words.join(" "),
            1 => format!("\"{}\"", words.join(" ")),
            2 => words.iter().map(|w| format!("{w}*")).collect::<Vec<_>>().join(" OR "),
            _ => words.iter().map(|w| format!("{w}~")).collect::<Vec<_>>().join(" "),
        };
        let selection = engine.select(&query, 20);
        let on_boundaries = |text: &str, r: &std::ops::Range<usize>| r.start < r.end && text.get(r.clone()).is_some();
        for hit in &selection.results.hits {
            let doc = &engine.corpus().documents[hit.doc];
            for r in &hit.title_highlights {
                prop_assert!(on_boundaries(&doc.title, r), "title {:?} {:?} for {}", doc.title, r, query);
            }
            if let Some(s) = &hit.snippet {
                for r in &s.highlights {
                    prop_assert!(on_boundaries(&s.text, r), "snippet {:?} {:?} for {}", s.text, r, query);
                }
            }
        }
        for doc in engine.corpus().documents.iter() {
            let texts: Vec<&str> = std::iter::once(doc.title.as_str()).chain(doc.blocks.iter().map(|b| b.text.as_str())).collect();
            let marks = engine.highlight_all(&selection, texts.iter().copied());
            for (text, ranges) in texts.iter().zip(&marks) {
                for r in ranges {
                    prop_assert!(on_boundaries(text, r), "{:?} {:?} for {}", text, r, query);
                }
            }
        }
    }
}
