//! The figures & claims collector over the real seed articles.

mod common;
use common::seeds_engine as engine;

use borderlines_engine::collectors::figures::{
    claim_groups, figure_refs, figure_rows, rows_of, rows_to_csv, rows_to_json, sort_refs,
    sort_rows, ClaimAgreement, FigureColumn, FigureRow, CSV_HEADER,
};
use borderlines_engine::export::{csv, csv_row};

fn row<'a>(rows: &'a [FigureRow], value: &str) -> &'a FigureRow {
    rows.iter()
        .find(|r| r.value == value)
        .unwrap_or_else(|| panic!("no row {value}"))
}

#[test]
fn the_whole_corpus_has_the_defector_figures_with_their_years() {
    let e = engine();
    let rows = figure_rows(&e, &e.select("", 10));
    let total: usize = e
        .all_insights()
        .documents
        .iter()
        .map(|d| d.figures.len())
        .sum();
    assert_eq!(rows.len(), total, "one row per extracted figure");
    for (value, year) in [("1,047", 2019), ("67", 2020)] {
        let r = row(&rows, value);
        assert_eq!(r.year, Some(year), "{value}");
        assert!(r.counts.contains("defectors"), "{value}: {}", r.counts);
        assert_eq!(r.measure, "defector");
        assert!(
            r.sentence.contains(&r.text),
            "{:?} in {:?}",
            r.text,
            r.sentence
        );
        // The location opens the reader at the figure itself.
        let block = &e.corpus().documents[r.doc as usize].blocks[r.block as usize].text;
        assert_eq!(&block[r.start as usize..r.end as usize], r.text);
        assert_eq!(r.doc_id, e.corpus().documents[r.doc as usize].id);
    }
    let border = row(&rows, "≥ 489 km");
    assert_eq!((border.unit.as_str(), border.sort_value), ("km", 489.0));
    assert_eq!(row(&rows, "up to 80%").unit, "%");
    assert_eq!(row(&rows, "1,350–1,650").sort_value, 1500.0);
    // Sources: a stated one, else the author.
    assert_eq!(row(&rows, "1,047").source, "Reuters");
    assert!(rows.iter().any(|r| r.source == "Daily NK"));
}

#[test]
fn sorting_by_value_descending_puts_the_biggest_first() {
    let e = engine();
    let mut rows = figure_rows(&e, &e.select("", 10));
    let biggest = rows
        .iter()
        .map(|r| r.sort_value)
        .fold(f64::NEG_INFINITY, f64::max);
    sort_rows(&mut rows, FigureColumn::Value, true);
    assert_eq!(rows[0].sort_value, biggest);
    assert_eq!(rows[0].value, "12,000");
    assert!(rows.windows(2).all(|w| w[0].sort_value >= w[1].sort_value));
    sort_rows(&mut rows, FigureColumn::from_key("value").unwrap(), false);
    assert!(rows.windows(2).all(|w| w[0].sort_value <= w[1].sort_value));
}

/// The table sorts positions and builds rows only for what it shows: the
/// rows on screen must be those a sort of every row would put there.
#[test]
fn sorted_positions_give_the_rows_in_the_order_sorted_rows_have() {
    let e = engine();
    let s = e.select("", 10);
    let refs = figure_refs(&e, &s);
    assert_eq!(rows_of(&e, &refs), figure_rows(&e, &s));
    for column in FigureColumn::ALL {
        for descending in [false, true] {
            let mut rows = figure_rows(&e, &s);
            sort_rows(&mut rows, column, descending);
            let mut sorted = refs.clone();
            sort_refs(&e, &mut sorted, column, descending);
            assert_eq!(
                rows_of(&e, &sorted),
                rows,
                "{column:?} descending={descending}"
            );
            assert_eq!(rows_of(&e, &sorted[..5]), rows[..5], "the first five alone");
        }
    }
}

#[test]
fn a_query_keeps_only_the_rows_of_matching_documents() {
    let e = engine();
    let all = figure_rows(&e, &e.select("", 10));
    let s = e.select("fence", 10);
    assert!(!s.docs().is_empty() && s.docs().len() < e.corpus().documents.len());
    let rows = figure_rows(&e, &s);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| s.contains(r.doc)));
    let expected: Vec<&FigureRow> = all.iter().filter(|r| s.contains(r.doc)).collect();
    assert_eq!(rows.iter().collect::<Vec<_>>(), expected);
}

#[test]
fn the_defector_claim_is_consistent_across_two_documents() {
    let e = engine();
    let groups = claim_groups(&e, &e.select("", 10));
    let g = groups
        .iter()
        .find(|g| g.measure == "defector" && g.year == 2019)
        .expect("the 2019 defector claim");
    assert_eq!(g.agreement, ClaimAgreement::Consistent);
    let texts: Vec<&str> = g.figures.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["1,047", "over a thousand"]);
    let docs: Vec<&str> = g.figures.iter().map(|f| f.doc_id.as_str()).collect();
    assert_eq!(docs, ["000_072fe782a020354c", "001_a9904e2a1790e04c"]);
    assert_eq!(
        g.summary,
        "1,047 (doc 000_072fe782a020354c) vs over a thousand (doc 001_a9904e2a1790e04c): consistent"
    );
    // Within one of the two documents, it is a single source.
    let one = claim_groups(&e, &e.select("Daily NK", 10));
    assert!(one
        .iter()
        .all(|g| g.figures.iter().all(|f| f.doc_id.starts_with("004_"))));
}

/// A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => record.push(std::mem::take(&mut field)),
                '\r' if chars.peek() == Some(&'\n') => {
                    chars.next();
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                c => field.push(c),
            }
        }
    }
    assert!(field.is_empty() && record.is_empty(), "ends with a record");
    records
}

#[test]
fn hostile_fields_round_trip_through_csv_defused() {
    let hostile = "=HYPERLINK(\"x\")\r\nsaid \"no\", twice\n";
    let line = csv_row(&[hostile, "plain", "-5", ""]);
    assert_eq!(
        parse_csv(&line),
        [vec![
            format!("'{hostile}"),
            "plain".to_owned(),
            "'-5".to_owned(),
            String::new()
        ]]
    );
    let e = engine();
    let mut rows = figure_rows(&e, &e.select("", 10));
    rows[0].doc_title = hostile.to_owned();
    let parsed = parse_csv(&rows_to_csv(&rows));
    assert_eq!(parsed.len(), rows.len() + 1);
    assert_eq!(parsed[0], CSV_HEADER);
    assert_eq!(parsed[1][1], format!("'{hostile}"));
    assert_eq!(parsed[1][2], rows[0].value);
    assert_eq!(parsed[1][13], rows[0].sentence);
    assert!(parsed.iter().all(|r| r.len() == CSV_HEADER.len()));
    let table = csv(&["a"], [vec!["@SUM(1)".to_owned()]]);
    assert_eq!(parse_csv(&table), [vec!["a"], vec!["'@SUM(1)"]]);
}

#[test]
fn json_parses_back() {
    let e = engine();
    let rows = figure_rows(&e, &e.select("", 10));
    let json: serde_json::Value = serde_json::from_str(&rows_to_json(&rows)).unwrap();
    let array = json.as_array().unwrap();
    assert_eq!(array.len(), rows.len());
    let first = &array[0];
    assert_eq!(first["doc_id"], rows[0].doc_id.as_str());
    assert_eq!(first["value"], rows[0].value.as_str());
    assert_eq!(first["sort_value"], rows[0].sort_value);
    assert_eq!(first["block"], rows[0].block);
}
