//! Projects the gazetteer's province and river outlines once, at build
//! time, into integer kilometres (see `src/geo/projection.rs`), and finds
//! where provinces of two countries meet (the land borders drawn with a
//! stronger stroke). The page then never parses the outlines' JSON nor
//! projects them: it embeds a few kilobytes of `i16` pairs.
//!
//! Writes `$OUT_DIR/outlines.rs` (`SHAPES`, `MEETS`), included by
//! `src/geo/outlines.rs`.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/geo/projection.rs"]
#[allow(dead_code)]
mod projection;

/// Two provinces of different countries meet where their simplified
/// outlines run within this many km of each other (each was simplified to
/// 0.04°, about 4 km, on its own, so shared edges drift apart by up to ~9 km).
const MEET_TOLERANCE_KM: f64 = 10.0;

type Pt = (f64, f64);

struct Shape {
    id: String,
    country: String,
    river: bool,
    rings: Vec<Vec<Pt>>,
}

fn country_of(id: &str) -> String {
    match id.split('-').next().unwrap_or("") {
        "kp" => "KP",
        "kr" => "KR",
        "cn" => "CN",
        "ru" => "RU",
        _ => "",
    }
    .to_owned()
}

fn dist_to_segment(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

fn near(p: Pt, rings: &[&Vec<Pt>]) -> bool {
    rings.iter().any(|r| {
        r.windows(2)
            .any(|w| dist_to_segment(p, w[0], w[1]) <= MEET_TOLERANCE_KM)
    })
}

/// Runs of `ring`'s segments lying along `other` (both ends and the middle
/// within the tolerance), as polylines.
fn meets(ring: &[Pt], other: &[&Vec<Pt>]) -> Vec<Vec<Pt>> {
    let on: Vec<bool> = ring
        .windows(2)
        .map(|w| {
            let mid = ((w[0].0 + w[1].0) / 2.0, (w[0].1 + w[1].1) / 2.0);
            near(w[0], other) && near(w[1], other) && near(mid, other)
        })
        .collect();
    let mut runs: Vec<Vec<Pt>> = Vec::new();
    let mut current: Option<Vec<Pt>> = None;
    for (i, &is_on) in on.iter().enumerate() {
        if is_on {
            let run = current.get_or_insert_with(|| vec![ring[i]]);
            run.push(ring[i + 1]);
        } else if let Some(run) = current.take() {
            runs.push(run);
        }
    }
    if let Some(run) = current.take() {
        // A closed ring: a run reaching the end continues a run at the start.
        let closed = ring.first() == ring.last();
        if closed && on.first() == Some(&true) && runs.first().is_some() {
            let mut joined = run;
            joined.extend(runs.remove(0).into_iter().skip(1));
            runs.push(joined);
        } else {
            runs.push(run);
        }
    }
    runs
}

fn ints(line: &[Pt]) -> Vec<(i16, i16)> {
    let mut out: Vec<(i16, i16)> = Vec::with_capacity(line.len());
    for &(x, y) in line {
        let p = (x.round() as i16, y.round() as i16);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

fn write_lines(out: &mut String, lines: &[Vec<Pt>]) {
    out.push_str("&[");
    for line in lines {
        out.push_str("&[");
        for (x, y) in ints(line) {
            let _ = write!(out, "[{x},{y}],");
        }
        out.push_str("],");
    }
    out.push(']');
}

fn length(line: &[Pt]) -> f64 {
    line.windows(2)
        .map(|w| ((w[0].0 - w[1].0).powi(2) + (w[0].1 - w[1].1).powi(2)).sqrt())
        .sum()
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let source = Path::new(&manifest).join("../../data/gazetteer/outlines.json");
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=src/geo/projection.rs");
    let text = std::fs::read_to_string(&source).expect("data/gazetteer/outlines.json is readable");
    let json: serde_json::Value = serde_json::from_str(&text).expect("outlines.json is JSON");
    let outlines = json["outlines"].as_object().expect("outlines.json has \"outlines\"");
    let mut shapes: Vec<Shape> = Vec::new();
    for (id, rings) in outlines {
        let rings = rings
            .as_array()
            .expect("an outline is a list of lines")
            .iter()
            .map(|ring| {
                ring.as_array()
                    .expect("a line is a list of points")
                    .iter()
                    .filter_map(|p| {
                        let lon = p.get(0)?.as_f64()?;
                        let lat = p.get(1)?.as_f64()?;
                        projection::project(lon, lat)
                    })
                    .collect::<Vec<Pt>>()
            })
            .filter(|r| r.len() >= 2)
            .collect();
        shapes.push(Shape {
            id: id.clone(),
            country: country_of(id),
            river: id.starts_with("river-"),
            rings,
        });
    }
    let mut out = String::from("// Generated by build.rs from data/gazetteer/outlines.json: do not edit.\n");
    out.push_str("pub(crate) static SHAPES: &[Shape] = &[\n");
    for s in &shapes {
        let all: Vec<Pt> = s.rings.iter().flatten().copied().collect();
        let min_x = all.iter().map(|p| p.0).fold(f64::MAX, f64::min).floor();
        let min_y = all.iter().map(|p| p.1).fold(f64::MAX, f64::min).floor();
        let max_x = all.iter().map(|p| p.0).fold(f64::MIN, f64::max).ceil();
        let max_y = all.iter().map(|p| p.1).fold(f64::MIN, f64::max).ceil();
        let _ = write!(
            out,
            "Shape {{ id: {:?}, country: {:?}, river: {}, bbox: [{min_x},{min_y},{max_x},{max_y}], rings: ",
            s.id, s.country, s.river
        );
        write_lines(&mut out, &s.rings);
        out.push_str(" },\n");
    }
    out.push_str("];\n");
    let countries = ["CN", "KP", "KR", "RU"];
    out.push_str("pub(crate) static MEETS: &[Meet] = &[\n");
    for (i, a) in countries.iter().enumerate() {
        for b in &countries[i + 1..] {
            let of = |c: &str| -> Vec<&Vec<Pt>> {
                shapes
                    .iter()
                    .filter(|s| !s.river && s.country == c)
                    .flat_map(|s| s.rings.iter())
                    .collect()
            };
            let (ra, rb) = (of(a), of(b));
            let lines: Vec<Vec<Pt>> = ra.iter().flat_map(|r| meets(r, &rb)).collect();
            if lines.is_empty() {
                continue;
            }
            let km: f64 = lines.iter().map(|l| length(l)).sum();
            let _ = write!(out, "Meet {{ a: {a:?}, b: {b:?}, km: {}, lines: ", km.round() as u32);
            write_lines(&mut out, &lines);
            out.push_str(" },\n");
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("outlines.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
