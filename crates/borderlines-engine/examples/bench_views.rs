//! Times what opening the figures and terms tabs asks of the engine on a
//! large corpus, natively: the collectors each view's memos call. The page
//! does the same work in wasm, plus building the DOM (see bench/ui, "tab
//! switch").
//!
//! `cargo run --release -p borderlines-engine --example bench_views -- ~/.cache/borderlines/bench/corpus.json`

mod common;
use common::*;
use std::time::Instant;

use borderlines_engine::collectors::figures::{
    claim_groups, figure_refs, figure_rows, rows_of, sort_refs, sort_rows, FigureColumn,
};
use borderlines_engine::collectors::kwic::{kwic, KwicOptions};
use borderlines_engine::collectors::terms::{distinctive_terms, term_frequency, TermsOptions};

/// The least of five runs of `f`, in milliseconds, and its last result.
fn best<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut least = f64::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        let r = std::hint::black_box(f());
        least = least.min(ms(t));
        out = Some(r);
    }
    (least, out.expect("ran"))
}

fn main() {
    let engine = bench_engine();
    let tokens = engine.corpus().word_count();
    println!("| query | docs | every figure row built (n) | positions + 200 rows | sorted by source: rows / positions + 200 | claim groups (n) | distinctive terms | term frequency | kwic |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for q in ["", "president"] {
        let s = engine.select(q, 25);
        let (rows_ms, rows) = best(|| figure_rows(&engine, &s));
        let (refs_ms, _) = best(|| {
            let refs = figure_refs(&engine, &s);
            rows_of(&engine, &refs[..refs.len().min(200)])
        });
        let (sorted_rows_ms, _) = best(|| {
            let mut rows = figure_rows(&engine, &s);
            sort_rows(&mut rows, FigureColumn::Source, false);
            rows
        });
        let (sorted_refs_ms, _) = best(|| {
            let mut refs = figure_refs(&engine, &s);
            sort_refs(&engine, &mut refs, FigureColumn::Source, false);
            rows_of(&engine, &refs[..refs.len().min(200)])
        });
        let (claims_ms, claims) = best(|| claim_groups(&engine, &s));
        let options = TermsOptions {
            limit: 100,
            ..TermsOptions::for_corpus(tokens)
        };
        let (terms_ms, terms) = best(|| distinctive_terms(&engine, &s, &options));
        let term = terms
            .rows
            .first()
            .map(|r| r.label.clone())
            .unwrap_or_default();
        let (freq_ms, _) = best(|| term_frequency(&engine, &s, &term));
        let (kwic_ms, _) = best(|| kwic(&engine, &s, &term, &KwicOptions::default()));
        println!(
            "| `{q}` | {} | {rows_ms:.1} ({}) | {refs_ms:.1} | {sorted_rows_ms:.1} / {sorted_refs_ms:.1} | {claims_ms:.1} ({}) | {terms_ms:.1} | {freq_ms:.1} (`{term}`) | {kwic_ms:.1} |",
            s.docs().len(),
            rows.len(),
            claims.len()
        );
    }
}
