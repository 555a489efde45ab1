//! Times encoding detection and archive reading on large inputs (native,
//! release): `cargo run --release -p borderlines-core --example encodings_timing`.

use std::time::Instant;

use borderlines_core::encoding::decode;
use borderlines_core::formats::archive::{open, Limits};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formats");
    let read = |name: &str| std::fs::read(format!("{dir}/{name}")).expect("fixture");
    let mb = 20 * 1024 * 1024;
    for (name, what) in [
        ("euc_kr_article.txt", "EUC-KR"),
        ("gb18030_article.txt", "GB18030"),
        ("shift_jis_news.csv", "Shift_JIS"),
    ] {
        let one = read(name);
        let big = one.repeat(mb / one.len());
        let t = Instant::now();
        let d = decode(&big);
        println!(
            "{what:<9} 20 MB: detected {} and decoded in {:?}",
            d.encoding,
            t.elapsed()
        );
    }
    let latin: Vec<u8> = b"Caf\xe9 by the river \x96 \x93closed\x94 when the fence went up. "
        .iter()
        .copied()
        .cycle()
        .take(mb)
        .collect();
    let t = Instant::now();
    let d = decode(&latin);
    println!(
        "cp1252    20 MB: detected {} and decoded in {:?}",
        d.encoding,
        t.elapsed()
    );
    let utf8: Vec<u8> = "Grenzzaun am Fluss, 40 km lang. "
        .bytes()
        .cycle()
        .take(mb)
        .collect();
    let t = Instant::now();
    let d = decode(&utf8);
    println!("UTF-8     20 MB: {} in {:?}", d.encoding, t.elapsed());

    let zip = read("export.zip");
    let t = Instant::now();
    let results: Vec<_> = open(&zip, Limits::default(), |_| true)
        .expect("zip")
        .collect();
    println!(
        "ZIP fixture ({} KB, a 40 MB bomb entry among {} entries): read in {:?}",
        zip.len() / 1024,
        results.len(),
        t.elapsed()
    );
}
