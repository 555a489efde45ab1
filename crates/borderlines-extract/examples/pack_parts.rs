//! Writes the gazetteer pack's parts to a directory to measure them:
//! `cargo run -p borderlines-extract --example pack_parts -- DIR`.
use borderlines_extract::gazetteer_pack::PackFile;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let bytes = borderlines_extract::gazetteer::pack_bytes();
    let pack: PackFile = match postcard::from_bytes(bytes) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pack_parts: {e}");
            std::process::exit(1);
        }
    };
    let w = |name: &str, b: Vec<u8>| {
        if let Err(e) = std::fs::write(format!("{dir}/{name}"), b) {
            eprintln!("pack_parts: {name}: {e}");
        }
    };
    let enc = |v: &dyn erased::Enc| v.enc();
    w("pack.bin", bytes.to_vec());
    w("keys.bin", pack.keys.clone());
    w("entries.bin", enc(&pack.entries));
    w("bits.bin", pack.bits.clone());
    w("country.bin", enc(&pack.country));
    w("lat.bin", enc(&pack.lat));
    w("lon.bin", enc(&pack.lon));
    w("pop.bin", pack.pop.clone());
    w("area.bin", enc(&pack.area));
    let t = std::time::Instant::now();
    let g = borderlines_extract::Gazetteer::from_pack(bytes);
    println!(
        "{} places, {} entries; decoded in {:.1} ms ({})",
        pack.bits.len(),
        pack.entries.len(),
        t.elapsed().as_secs_f64() * 1e3,
        if g.is_ok() { "ok" } else { "error" }
    );
}

mod erased {
    pub trait Enc {
        fn enc(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Enc for T {
        fn enc(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap_or_default()
        }
    }
}
