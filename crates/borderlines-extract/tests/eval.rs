//! Precision and recall of entity mentions per type on the hand-labelled
//! sample (tests/fixtures/lee, see its README), printed as a table, with a
//! floor asserted so that a regression fails the build.
//!
//! A predicted mention matches a gold one of the same type when their spans
//! overlap ("partial"; one-to-one, greedy in reading order); "strict"
//! requires the exact same span.

use std::collections::BTreeMap;

use borderlines_core::parse::parse_bytes;
use borderlines_extract::{extract, EntityKind};

const TYPES: [&str; 5] = ["PER", "ORG", "COUNTRY", "PLACE", "GROUP"];

fn type_of(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "PER",
        EntityKind::Organisation => "ORG",
        EntityKind::Country => "COUNTRY",
        EntityKind::Place => "PLACE",
        EntityKind::Group => "GROUP",
    }
}

#[derive(Debug, Clone)]
struct Span {
    ty: &'static str,
    block: usize,
    start: usize,
    end: usize,
    text: String,
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds the labels in reading order: each one after the previous, or
/// inside it when the types differ ("US" in "US State Department").
fn locate(blocks: &[String], labels: &str, file: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let (mut b, mut pos) = (0usize, 0usize);
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let (ty, text) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{file}: bad label line {line:?}"));
        let ty = TYPES
            .iter()
            .find(|t| **t == ty)
            .unwrap_or_else(|| panic!("{file}: unknown type {ty}"));
        if let Some(prev) = out.last() {
            if prev.ty == *ty && prev.block == b {
                pos = prev.end;
            }
        }
        let mut found = None;
        'search: for (bi, block) in blocks.iter().enumerate().skip(b) {
            let from = if bi == b { pos } else { 0 };
            let mut at = from;
            while let Some(i) = block.get(at..).and_then(|s| s.find(text)) {
                let s = at + i;
                let e = s + text.len();
                if !is_word_char(block[..s].chars().next_back())
                    && !is_word_char(block[e..].chars().next())
                {
                    found = Some((bi, s, e));
                    break 'search;
                }
                at = s + 1;
            }
        }
        let (bi, s, e) =
            found.unwrap_or_else(|| panic!("{file}: label {text:?} not found in order"));
        out.push(Span {
            ty,
            block: bi,
            start: s,
            end: e,
            text: text.to_owned(),
        });
        b = bi;
        pos = s;
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

fn score(
    gold: &[Span],
    pred: &[Span],
    strict: bool,
    counts: &mut BTreeMap<&'static str, Counts>,
    misses: &mut Vec<String>,
) {
    let mut used = vec![false; gold.len()];
    for p in pred {
        let hit = gold.iter().enumerate().position(|(i, g)| {
            !used[i]
                && g.ty == p.ty
                && g.block == p.block
                && if strict {
                    g.start == p.start && g.end == p.end
                } else {
                    g.start < p.end && p.start < g.end
                }
        });
        match hit {
            Some(i) => {
                used[i] = true;
                counts.entry(p.ty).or_default().tp += 1;
            }
            None => {
                counts.entry(p.ty).or_default().fp += 1;
                if !strict {
                    misses.push(format!("  FP {:<8} {}", p.ty, p.text));
                }
            }
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !used[i] {
            counts.entry(g.ty).or_default().fn_ += 1;
            if !strict {
                misses.push(format!("  FN {:<8} {}", g.ty, g.text));
            }
        }
    }
}

/// Scores one labelled directory, prints its table and errors, and returns
/// overall partial precision and recall with the per-type counts.
fn evaluate(sub: &str, min_files: usize) -> (f64, f64, BTreeMap<&'static str, Counts>) {
    let dir = format!("{}/tests/fixtures/{sub}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= min_files,
        "need at least {min_files} labelled articles in {sub}"
    );
    let mut partial: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut strict: BTreeMap<&'static str, Counts> = BTreeMap::new();
    let mut errors = Vec::new();
    for f in &files {
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        let doc = parse_bytes(&name, &std::fs::read(f).unwrap()).unwrap();
        let blocks: Vec<String> = doc.blocks.iter().map(|b| b.text.clone()).collect();
        let labels = std::fs::read_to_string(f.with_extension("labels")).unwrap();
        let gold = locate(&blocks, &labels, &name);
        let ins = extract(&doc);
        let mut pred: Vec<Span> = ins
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions.iter().map(move |m| Span {
                    ty: type_of(e.kind),
                    block: m.loc.block as usize,
                    start: m.loc.start as usize,
                    end: m.loc.end as usize,
                    text: m.text.clone(),
                })
            })
            .collect();
        pred.sort_by_key(|p| (p.block, p.start));
        if std::env::var("EVAL_DEBUG").is_ok_and(|v| v == name) {
            for g in &gold {
                eprintln!("gold {} {}..{} {}", g.ty, g.start, g.end, g.text);
            }
            for p in &pred {
                eprintln!("pred {} {}..{} {}", p.ty, p.start, p.end, p.text);
            }
        }
        let mut misses = Vec::new();
        score(&gold, &pred, false, &mut partial, &mut misses);
        score(&gold, &pred, true, &mut strict, &mut Vec::new());
        if !misses.is_empty() {
            errors.push(format!("{name}:\n{}", misses.join("\n")));
        }
    }
    println!("\n{sub}: entity mentions on {} hand-labelled articles (partial = overlapping span, strict = exact span)", files.len());
    println!(
        "{:<8} {:>5} {:>5} | {:>9} {:>9} | {:>9} {:>9}",
        "type", "gold", "pred", "P partial", "R partial", "P strict", "R strict"
    );
    let mut total = Counts::default();
    let mut total_s = Counts::default();
    for ty in TYPES {
        let c = partial.get(ty).copied().unwrap_or_default();
        let s = strict.get(ty).copied().unwrap_or_default();
        println!(
            "{:<8} {:>5} {:>5} | {:>9.2} {:>9.2} | {:>9.2} {:>9.2}",
            ty,
            c.tp + c.fn_,
            c.tp + c.fp,
            ratio(c.tp, c.tp + c.fp),
            ratio(c.tp, c.tp + c.fn_),
            ratio(s.tp, s.tp + s.fp),
            ratio(s.tp, s.tp + s.fn_)
        );
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
        total_s.tp += s.tp;
        total_s.fp += s.fp;
        total_s.fn_ += s.fn_;
    }
    let (p, r) = (
        ratio(total.tp, total.tp + total.fp),
        ratio(total.tp, total.tp + total.fn_),
    );
    println!(
        "{:<8} {:>5} {:>5} | {:>9.2} {:>9.2} | {:>9.2} {:>9.2}",
        "all",
        total.tp + total.fn_,
        total.tp + total.fp,
        p,
        r,
        ratio(total_s.tp, total_s.tp + total_s.fp),
        ratio(total_s.tp, total_s.tp + total_s.fn_)
    );
    println!(
        "\nErrors (FP = predicted, not in the labels; FN = labelled, missed):\n{}",
        errors.join("\n")
    );
    (p, r, partial)
}

#[test]
fn entity_precision_and_recall_per_type() {
    // The sample the rules were tuned on.
    let (p, r, partial) = evaluate("lee", 10);
    // Floors: precision first, as the extractor is designed to be.
    assert!(p >= 0.95, "overall precision {p:.2} fell below 0.95");
    assert!(r >= 0.85, "overall recall {r:.2} fell below 0.85");
    for ty in ["PER", "COUNTRY", "ORG", "PLACE"] {
        let c = partial[ty];
        assert!(ratio(c.tp, c.tp + c.fp) >= 0.9, "{ty} precision below 0.9");
    }
}

#[test]
fn entity_precision_and_recall_held_out() {
    // Labelled after tuning, never tuned on: how the rules carry over.
    let (p, r, _) = evaluate("lee_heldout", 5);
    assert!(p >= 0.85, "held-out precision {p:.2} fell below 0.85");
    assert!(r >= 0.60, "held-out recall {r:.2} fell below 0.60");
}
