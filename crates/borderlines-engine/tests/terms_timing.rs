//! Timings of the terms view's collectors on a synthetic 5-million-word
//! corpus. Ignored by default; run in release:
//! `cargo test --release -p borderlines-engine --test terms_timing -- --ignored --nocapture`.

use std::sync::Arc;
use std::time::Instant;

use borderlines_core::{parse_document, Corpus};
use borderlines_engine::collectors::kwic::{kwic, KwicOptions, KwicSort};
use borderlines_engine::collectors::terms::{distinctive_terms, term_frequency, TermsOptions};
use borderlines_engine::Engine;
use borderlines_extract::CorpusInsights;
use borderlines_search::SearchIndex;

/// Documents of about 500 words in five blocks, words from a Zipf-like
/// vocabulary of 30,000 made-up words plus a few English ones (a fixed
/// LCG: the same corpus every run).
fn synthetic(words: usize) -> Corpus {
    let syllables = [
        "ka", "to", "ri", "men", "sa", "lo", "ve", "dun", "pi", "gor",
    ];
    let english = [
        "the", "border", "fence", "of", "river", "guards", "and", "mines",
    ];
    let vocab: Vec<String> = (0..30_000u32)
        .map(|mut i| {
            if let Some(w) = english.get(i as usize) {
                return (*w).to_owned();
            }
            let mut w = String::new();
            loop {
                w.push_str(syllables[(i % 10) as usize]);
                i /= 10;
                if i == 0 {
                    break;
                }
            }
            w
        })
        .collect();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as f64 / (1u64 << 31) as f64
    };
    let mut documents = Vec::new();
    let mut made = 0;
    while made < words {
        let mut text = String::from("Synthetic document title\n");
        for _ in 0..5 {
            for _ in 0..100 {
                let r = (30_000f64.powf(next()) as usize).min(29_999);
                text.push_str(&vocab[r]);
                text.push(' ');
            }
            text.push_str(".\n\n");
        }
        made += 503;
        if let Ok(d) = parse_document(&format!("s{}", documents.len()), &text) {
            documents.push(d);
        }
    }
    Corpus { documents }
}

fn ms(t: Instant) -> u128 {
    t.elapsed().as_millis()
}

#[test]
#[ignore]
fn collectors_on_five_million_words() {
    let corpus = Arc::new(synthetic(5_000_000));
    let index = SearchIndex::build(&corpus);
    let insights = CorpusInsights {
        schema_version: 0,
        documents: Vec::new(),
        claims: Vec::new(),
    };
    let e = Engine::new(corpus, index, insights);
    let t = Instant::now();
    let stats = e.term_stats();
    println!("term_stats: {} ms ({} tokens)", ms(t), stats.total_tokens());
    let all = e.select("", 20);
    // A word in about a tenth of the documents.
    let some = e.select("kalosa", 20);
    println!(
        "selection: {} of {} documents",
        some.docs().len(),
        all.docs().len()
    );
    for (name, s) in [("selection", &some), ("everything", &all)] {
        for n in 1..=3 {
            let t = Instant::now();
            let r = distinctive_terms(
                &e,
                s,
                &TermsOptions {
                    ngram: n,
                    ..TermsOptions::default()
                },
            );
            println!(
                "distinctive {name} n={n}: {} ms, {} rows of {}",
                ms(t),
                r.rows.len(),
                r.total
            );
        }
    }
    let t = Instant::now();
    let f = term_frequency(&e, &all, "border");
    println!("term_frequency all docs: {} ms ({} rows)", ms(t), f.len());
    for (term, sort) in [
        ("mines", KwicSort::Document),
        ("mines", KwicSort::Left),
        ("kalosa", KwicSort::Right),
    ] {
        let t = Instant::now();
        let k = kwic(
            &e,
            &all,
            term,
            &KwicOptions {
                sort,
                ..KwicOptions::default()
            },
        );
        println!(
            "kwic {term} {sort:?}: {} ms, {} of {} lines",
            ms(t),
            k.lines.len(),
            k.total
        );
    }
}
