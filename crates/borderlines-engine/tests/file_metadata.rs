//! Documents read from a table or a JSON export carry what their file
//! states — date, outlet, author — and the views treat it as stated: the
//! timeline counts stated publication dates, the Source and Year facets list
//! the file's values, claims name the file's outlet, and `source:` filters
//! on it. A bad row is reported and costs only itself.

use std::sync::Arc;

use borderlines_core::load::{add_files, add_files_with, ChosenMapping, LoadOptions};
use borderlines_core::Corpus;
use borderlines_engine::collectors::facet_counts::facet_counts;
use borderlines_engine::collectors::figures::claim_groups;
use borderlines_engine::collectors::timeline::{timeline, TimelineOptions};
use borderlines_engine::facets::FacetKind;
use borderlines_engine::time_bins::Unit;
use borderlines_engine::Engine;
use borderlines_extract::SourceKind;

const NEWS_CSV: &str = "\
headline,body,published,outlet,link,author
Fence extended on the Tumen,\"Crews added 40 km of fence along the Tumen River this spring.

Officials said 1,047 defectors reached South Korea in 2019.\",2021-03-04,Border Wire,https://e.test/a,Ana Reporter
Gate shut for winter,\"Guards shut the gate at Namyang before the snow came.\",2021-11-20T08:00:00Z,Yalu Times,https://e.test/b,Bo Writer
\"Broken row\",only two fields
Crossings fall again,\"Over a thousand defectors reached South Korea in 2019, the ministry said.\",\"5 January 2022\",Border Wire,https://e.test/c,
";

fn engine_of(files: Vec<(String, Vec<u8>)>) -> Engine {
    let (corpus, report) = add_files(&Corpus::default(), files);
    assert!(!report.added.is_empty(), "{report:?}");
    Engine::build(Arc::new(corpus))
}

fn news() -> Vec<(String, Vec<u8>)> {
    vec![("news.csv".to_owned(), NEWS_CSV.as_bytes().to_vec())]
}

#[test]
fn one_document_per_row_with_stable_ids_and_the_bad_row_reported() {
    let (corpus, report) = add_files(&Corpus::default(), news());
    assert_eq!(report.added, ["news.csv:2", "news.csv:5", "news.csv:7"]);
    assert_eq!(
        report.skipped,
        [(
            "news.csv".to_owned(),
            "malformed CSV line 6: expected 6 fields, found 2".to_owned()
        )]
    );
    let first = &corpus.documents[0];
    assert_eq!(first.title, "Fence extended on the Tumen");
    assert_eq!(first.byline.as_deref(), Some("Ana Reporter"));
    assert_eq!(first.blocks.len(), 2, "paragraphs kept apart");
    let stated = first.file_metadata().unwrap();
    assert_eq!(stated.url.as_deref(), Some("https://e.test/a"));
    // Adding the same file again: the same rows are duplicates, reported
    // with their line.
    let (_, again) = add_files(&corpus, news());
    assert!(again.added.is_empty());
    assert!(again.skipped[1]
        .1
        .starts_with("line 2: same text as the document “news.csv:2”"));
    // A second file of the same name gets ids of its own.
    let (both, report) = add_files(
        &corpus,
        vec![(
            "other/news.csv".to_owned(),
            b"title,text\nNew story,Something else entirely happened at the river.\n".to_vec(),
        )],
    );
    assert_eq!(report.added, ["news.csv:2-2"]);
    assert_eq!(both.documents.len(), 4);
}

#[test]
fn stated_dates_reach_the_timeline_and_the_year_facet() {
    let e = engine_of(news());
    let ins = e.insights(0).unwrap();
    let published = ins.metadata.published.as_ref().unwrap();
    assert!(published.stated);
    assert_eq!(published.date.iso(), "2021-03-04");
    assert!(published.evidence.contains("stated in the file"));
    assert_eq!(
        e.insights(1)
            .unwrap()
            .metadata
            .published
            .as_ref()
            .unwrap()
            .date
            .iso(),
        "2021-11-20",
        "an ISO time keeps its day"
    );
    assert_eq!(
        e.insights(2)
            .unwrap()
            .metadata
            .published
            .as_ref()
            .unwrap()
            .date
            .iso(),
        "2022-01-05"
    );
    let t = timeline(
        &e,
        &e.select("", 10),
        &TimelineOptions {
            unit: Some(Unit::Year),
            ..TimelineOptions::default()
        },
    );
    assert_eq!(t.stated_docs, 3);
    assert_eq!(t.bin("2021").unwrap().published_stated, 2);
    assert_eq!(t.bin("2022").unwrap().published_stated, 1);
    assert!(
        t.publication_note().contains("3 stated"),
        "{}",
        t.publication_note()
    );
    let sel = e.select("", 10);
    let years = facet_counts(&e, &sel)
        .into_iter()
        .find(|p| p.kind == FacetKind::Year)
        .unwrap();
    let labels: Vec<&str> = years
        .values
        .iter()
        .map(|v| e.facets().label(v.id))
        .collect();
    assert!(
        labels.contains(&"2021") && labels.contains(&"2022"),
        "{labels:?}"
    );
}

#[test]
fn stated_outlets_and_authors_are_sources_and_claims_name_them() {
    let e = engine_of(news());
    let sources = &e.insights(0).unwrap().metadata.sources;
    assert_eq!(sources[0].name, "Border Wire");
    assert_eq!(sources[0].kind, SourceKind::File);
    assert_eq!(e.insights(0).unwrap().metadata.authors, ["Ana Reporter"]);
    let sel = e.select("", 10);
    let panel = facet_counts(&e, &sel)
        .into_iter()
        .find(|p| p.kind == FacetKind::Source)
        .unwrap();
    let counts: Vec<(&str, u32)> = panel
        .values
        .iter()
        .map(|v| (e.facets().label(v.id), v.count))
        .collect();
    assert_eq!(counts[0], ("Border Wire", 2), "{counts:?}");
    assert!(counts.contains(&("Yalu Times", 1)), "{counts:?}");
    assert!(counts.contains(&("Ana Reporter", 1)), "{counts:?}");
    // The source field filters on it.
    assert_eq!(e.select("source:\"Yalu Times\"", 10).docs(), [1]);
    // The defector figures of 2019 in two rows are one claim, each figure
    // named by its file's outlet.
    let claims = claim_groups(&e, &sel);
    let defectors = claims
        .iter()
        .find(|c| c.measure == "defector" && c.year == 2019)
        .expect("a claim about defectors in 2019");
    let named: Vec<&str> = defectors
        .figures
        .iter()
        .map(|f| f.source.as_str())
        .collect();
    assert_eq!(named, ["Border Wire", "Border Wire"]);
}

#[test]
fn a_chosen_mapping_replaces_the_guess() {
    // The user maps "outlet" to nothing and "author" to source.
    let columns: Vec<String> = ["headline", "body", "published", "outlet", "link", "author"]
        .map(str::to_owned)
        .to_vec();
    let mut mapping = borderlines_core::formats::FieldMapping::guess(&columns);
    mapping.source = Some("author".into());
    mapping.author = None;
    let options = LoadOptions {
        mappings: vec![ChosenMapping { columns, mapping }],
        ..LoadOptions::default()
    };
    let (corpus, report) = add_files_with(&Corpus::default(), news(), options);
    assert_eq!(report.added.len(), 3);
    let m = corpus.documents[0].file_metadata().unwrap();
    assert_eq!(m.source.as_deref(), Some("Ana Reporter"));
    assert_eq!(m.author, None);
    assert_eq!(corpus.documents[0].byline, None);
}

#[test]
fn json_and_json_lines_records_carry_their_metadata_and_bad_lines_are_listed() {
    let json = br#"{"articles": [
        {"title": "Posts went up", "content": "New posts went up along the Yalu.", "datePublished": "2020-06-01", "publisher": {"name": "River Daily"}},
        {"title": "No body here", "content": ""}
    ]}"#;
    let jsonl = b"{\"headline\": \"Night crossing\", \"text\": \"Three people crossed near Hyesan.\", \"date\": \"2019\"}\n\
                  {broken\n\
                  {\"headline\": \"Morning patrol\", \"text\": \"Guards walked the fence at dawn.\", \"source\": \"Wire\"}\n";
    let (corpus, report) = add_files(
        &Corpus::default(),
        vec![
            ("feed.json".to_owned(), json.to_vec()),
            ("lines.jsonl".to_owned(), jsonl.to_vec()),
        ],
    );
    assert_eq!(
        report.added,
        [
            "feed.json:1",
            "feed.json:2",
            "lines.jsonl:1",
            "lines.jsonl:3"
        ]
    );
    assert_eq!(report.skipped.len(), 1);
    assert!(
        report.skipped[0].1.starts_with("malformed JSON line 2"),
        "{:?}",
        report.skipped
    );
    assert_eq!(
        corpus.documents[1].blocks[0].text, "No body here",
        "a headline alone is kept"
    );
    let e = Engine::build(Arc::new(corpus));
    let p = e.insights(0).unwrap().metadata.published.clone().unwrap();
    assert_eq!((p.date.iso(), p.stated), ("2020-06-01".to_owned(), true));
    assert_eq!(
        e.insights(0).unwrap().metadata.sources[0].name,
        "River Daily"
    );
    let p = e.insights(2).unwrap().metadata.published.clone().unwrap();
    assert_eq!((p.date.iso(), p.stated), ("2019".to_owned(), true));
}
