//! The map collector over the real seed articles.

use std::sync::Arc;

use borderlines_core::load::read_text_dir;
use borderlines_engine::collectors::places::{map_counts, map_csv, MapCounts};
use borderlines_engine::geo::outlines::{meets, shape};
use borderlines_engine::geo::projection::project;
use borderlines_engine::Engine;

/// The seeds, read as the build reads them.
fn engine() -> Engine {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (corpus, skipped) = read_text_dir(&dir).expect("the seeds are readable");
    assert!(skipped.is_empty() && corpus.documents.len() >= 3, "{skipped:?}");
    Engine::build(Arc::new(corpus))
}

fn count(e: &Engine, c: &MapCounts, name: &str) -> Option<(u32, u32)> {
    c.places
        .iter()
        .find(|p| e.map_index().place(p.place).name == name)
        .map(|p| (p.mentions, p.docs))
}

#[test]
fn dump() {
    let e = engine();
    let c = map_counts(&e, &e.select("", 10));
    for p in &c.places {
        let pl = e.map_index().place(p.place);
        println!("{} {:?} {:?} {} {} xy={:?} region={:?}", pl.name, pl.kind, pl.place_kind, p.mentions, p.docs, pl.xy, pl.region);
    }
    for b in &c.borders {
        println!("{:?} {} {} {:?}", (meets()[b.meet].a, meets()[b.meet].b), b.sentences, b.docs, b.passages);
    }
    for (d, doc) in e.corpus().documents.iter().enumerate() {
        for t in e.map_index().talk_of(d as u32) {
            let m = &meets()[t.meet as usize];
            println!("{d} {}-{} {:?}: {}", m.a, m.b, t.figure, &doc.blocks[t.block as usize].text[t.start as usize..t.end as usize]);
        }
    }
    println!("{:?}", c.frame);
    println!("{}", map_csv(e.map_index(), &c));
    let _ = (count, shape("x"), project(0.0, 0.0));
}
