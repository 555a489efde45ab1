//! Speed benchmark: extraction over 10 MB of news text, natively.
//!
//! Run: `cargo run --release -p borderlines-extract --example bench_extract [FILE...]`
//! With no files it repeats the seed articles to 10 MB, split into
//! documents of one article each (the realistic shape) and also as one
//! single 10 MB document. Prints the time of each and the MB/s.

use std::time::Instant;

use borderlines_core::parse::parse_bytes;

use borderlines_extract::{extract, CorpusInsights};

/// Bytes of block text to extract: 10 MB, or `BENCH_MB` megabytes (a
/// smaller run counts instructions under a simulator in reasonable time).
fn target() -> usize {
    let mb = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(10.0);
    (mb * 1024.0 * 1024.0) as usize
}

/// This thread's CPU time in seconds (Linux: /proc/thread-self/stat, in
/// clock ticks of 1/100 s), so that a number measured on a machine shared
/// with other builds is not inflated by waiting for a core.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn cpu_since(start: Option<f64>) -> String {
    match (start, cpu_seconds()) {
        (Some(a), Some(b)) => format!("{:.2} s CPU", b - a),
        _ => "CPU time n/a".into(),
    }
}

/// The timed work, apart so that an instruction counter can select it
/// (`valgrind --tool=callgrind --toggle-collect='*extract_all*'`).
#[inline(never)]
fn extract_all(docs: &[borderlines_core::Document]) -> Vec<borderlines_extract::DocumentInsights> {
    docs.iter().map(extract).collect()
}

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        let mut seeds: Vec<String> = std::fs::read_dir(root)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.path().display().to_string())
                    .collect()
            })
            .unwrap_or_default();
        seeds.sort();
        files = seeds;
    }
    let texts: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    if texts.is_empty() {
        eprintln!("bench_extract: no readable input files");
        std::process::exit(2);
    }
    // Many documents, one article each.
    let mut docs = Vec::new();
    let mut total = 0usize;
    let mut i = 0usize;
    let target = target();
    while total < target {
        let t = &texts[i % texts.len()];
        if let Ok(d) = parse_bytes(&format!("d{i}"), t) {
            total += d.blocks.iter().map(|b| b.text.len()).sum::<usize>();
            docs.push(d);
        }
        i += 1;
    }
    // Warm the embedded gazetteer and dictionaries once (a one-off cost, reported separately).
    let warm = Instant::now();
    let _ = extract(&docs[0]);
    let warm = warm.elapsed();

    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let ins = extract_all(&docs);
    let per_doc = t.elapsed();
    let per_doc_cpu = cpu_since(cpu0);
    // BENCH_DUMP=FILE writes what was extracted, to compare two versions.
    if let Some(path) = std::env::var_os("BENCH_DUMP") {
        let dump: String = ins.iter().map(|d| format!("{d:?}\n")).collect();
        if let Err(e) = std::fs::write(&path, dump) {
            eprintln!("bench_extract: cannot write the dump: {e}");
        }
    }
    let t = Instant::now();
    let corpus = CorpusInsights::from_documents(ins);
    let claims = t.elapsed();

    let mb = |n: usize| n as f64 / (1024.0 * 1024.0);
    println!(
        "first call (gazetteer + dictionaries): {:.1} ms",
        warm.as_secs_f64() * 1e3
    );
    println!(
        "{} documents, {:.2} MB of block text: extract {:.3} s wall ({}; {:.1} MB/s), link claims {:.3} s, {} entities, {} figures",
        docs.len(),
        mb(total),
        per_doc.as_secs_f64(),
        per_doc_cpu,
        mb(total) / per_doc.as_secs_f64(),
        claims.as_secs_f64(),
        corpus.documents.iter().map(|d| d.entities.len()).sum::<usize>(),
        corpus.documents.iter().map(|d| d.figures.len()).sum::<usize>(),
    );
    if std::env::var_os("BENCH_DOCS_ONLY").is_some() {
        return;
    }
    // One single document of the same size: all the blocks in one (built
    // directly, since the parser drops repeated lines).
    let mut big = docs[0].clone();
    big.blocks = docs.iter().flat_map(|d| d.blocks.iter().cloned()).collect();
    let big_len: usize = big.blocks.iter().map(|b| b.text.len()).sum();
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let big_ins = extract(&big);
    let single = t.elapsed();
    let single_cpu = cpu_since(cpu0);

    println!(
        "one document, {:.2} MB: extract {:.3} s wall ({}; {:.1} MB/s), {} entities, {} mentions",
        mb(big_len),
        single.as_secs_f64(),
        single_cpu,
        mb(big_len) / single.as_secs_f64(),
        big_ins.entities.len(),
        big_ins
            .entities
            .iter()
            .map(|e| e.mentions.len())
            .sum::<usize>(),
    );
}
