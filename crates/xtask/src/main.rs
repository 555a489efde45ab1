//! Builds Borderlines as one self-contained page, `dist/borderlines.html`,
//! and checks its size:
//!
//! 1. `cargo build --release --target wasm32-unknown-unknown` of the app
//!    (its `build.rs` parses `seeds/` and embeds the corpus), then of the
//!    loading module (`crates/borderlines-loader`), each on its own so
//!    each gets its own features;
//! 2. `wasm-bindgen --target no-modules` for each one's JS glue;
//! 3. `wasm-opt -Oz` (binaryen from npm; Debian's is too old);
//! 4. compresses both wasm modules (gzip, by zopfli) and inlines the glues,
//!    the style, the boot script carrying the app's wasm as base64 and the
//!    loading module as a data pack into `index.html`, with a
//!    Content-Security-Policy that allows exactly those scripts by hash
//!    (see `page.rs`);
//! 5. prints the sizes against `budgets.toml` (`budget.rs`).
//!
//! Usage: `cargo xtask dist` | `cargo xtask open` | `cargo xtask budget [PAGE]`
//! (checks a built page against `budgets.toml`, failing above a limit).
//! `SIZE_NAMES=1 cargo xtask dist` also writes the optimised wasm with its
//! names kept, `$CARGO_TARGET_DIR/borderlines-dist/borderlines_named.wasm`,
//! for `bench/size/breakdown.mjs`.

mod budget;
mod page;
mod split;

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;

pub(crate) type Result<T> = std::result::Result<T, String>;

fn main() {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "dist" => dist().map(|_| ()),
        "open" => dist().and_then(|page| open(&page)),
        "budget" => {
            let root = root();
            let page = std::env::args()
                .nth(2)
                .map_or_else(|| root.join("dist/borderlines.html"), PathBuf::from);
            budget::run(&root, &page)
        }
        _ => Err("usage: cargo xtask <dist|open|budget [PAGE]>".into()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}

/// The workspace root of the checkout we were run from. Read at run time:
/// `cargo run` sets CARGO_MANIFEST_DIR, while `env!()` would bake in the
/// path of whichever clone first built this binary into a shared target dir.
fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
        || std::env::current_dir().unwrap_or_default(),
        |d| Path::new(&d).join("../.."),
    );
    manifest_dir.canonicalize().unwrap_or(manifest_dir)
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("{cmd:?} failed with {status}"))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// One wasm module of the page, built and optimised: its glue and its wasm.
struct Module {
    glue: String,
    wasm: Vec<u8>,
    /// The modules split off it (`split.rs`), optimised: (pack name, wasm).
    parts: Vec<(String, Vec<u8>)>,
    /// Before wasm-opt, for the printed sizes.
    unoptimised: usize,
}

/// How one wasm module of the page is built.
struct Spec<'a> {
    package: &'a str,
    /// `--bin NAME` or `--lib`.
    target: &'a [&'a str],
    /// The file cargo makes: `artifact`.wasm.
    artifact: &'a str,
    /// The cargo profile.
    profile: &'a str,
    /// wasm-opt's level (`WASM_OPT_LEVEL` overrides the explorer's).
    opt_level: &'a str,
    /// The glue's file name and the global it defines.
    out_name: &'a str,
    global: &'a str,
    /// Split at its `wasm_split` split points (`split.rs`).
    split: bool,
}

/// Builds a module for wasm32, runs wasm-bindgen (no-modules glue) and
/// wasm-opt. Each module is its own cargo invocation, so each gets its own
/// features (the loader's html5ever never reaches the explorer's module).
fn build_module(root: &Path, spec: &Spec) -> Result<Module> {
    let Spec {
        package,
        target,
        artifact,
        profile,
        opt_level,
        out_name,
        global,
        split,
    } = *spec;
    let target_dir = target_dir(root);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = Command::new(&cargo);
    if split {
        // Added to .cargo/config.toml's flags (cargo joins the two lists):
        // the split points on, and the relocations the splitter reads.
        build.env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "--cfg borderlines_split -C link-arg=--emit-relocs",
        );
    }
    run(build
        .current_dir(root)
        .args([
            "build",
            "--profile",
            profile,
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            package,
        ])
        .args(target))?;
    let wasm_in = target_dir.join(format!("wasm32-unknown-unknown/{profile}/{artifact}.wasm"));
    let work = target_dir.join("borderlines-dist");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let split = if split {
        Some(split::split(
            &wasm_in,
            &work.join(format!("{out_name}-split")),
        )?)
    } else {
        None
    };
    let bindgen_in = split.as_ref().map_or(wasm_in.clone(), |s| s.main.clone());
    let mut bindgen = Command::new("wasm-bindgen");
    if split.is_some() {
        // The split modules import the function table, which wasm-bindgen
        // otherwise stops exporting.
        bindgen.arg("--keep-lld-exports");
    }
    run(bindgen
        .arg(&bindgen_in)
        .args([
            "--target",
            "no-modules",
            "--no-modules-global",
            global,
            "--no-typescript",
            "--out-name",
            out_name,
            "--out-dir",
        ])
        .arg(&work))?;
    let bg = work.join(format!("{out_name}_bg.wasm"));
    let opt = work.join(format!("{out_name}_opt.wasm"));
    let wasm_opt = std::env::var_os("WASM_OPT")
        .map_or_else(|| root.join("node_modules/.bin/wasm-opt"), PathBuf::from);
    let level = opt_level.to_owned();
    run(Command::new(&wasm_opt)
        .arg(&bg)
        .arg("-o")
        .arg(&opt)
        .arg(&level)
        .args(WASM_OPT_FLAGS))?;
    if std::env::var_os("SIZE_NAMES").is_some() {
        // Same passes, names kept: for bench/size/breakdown.mjs only.
        run(Command::new(&wasm_opt)
            .arg(&bg)
            .arg("-g")
            .arg("-o")
            .arg(work.join(format!("{out_name}_named.wasm")))
            .arg(&level)
            .args(WASM_OPT_FLAGS))?;
    }
    let mut glue = read_text(&work.join(format!("{out_name}.js")))?;
    let mut parts = Vec::new();
    if let Some(split) = &split {
        // The link script first: the glue reads its global when it runs.
        glue = format!(
            "{}\n{}",
            split::link_script(&split.link_module)?,
            split::link_glue(&glue)?
        );
        for (name, path) in &split.parts {
            let part_opt = path.with_extension("opt.wasm");
            run(Command::new(&wasm_opt)
                .arg(path)
                .arg("-o")
                .arg(&part_opt)
                .arg(&level)
                .args(WASM_OPT_FLAGS))?;
            parts.push((name.clone(), read(&part_opt)?));
        }
    }
    Ok(Module {
        glue,
        parts,
        wasm: read(&opt)?,
        unoptimised: read(&bg)?.len(),
    })
}

fn dist() -> Result<PathBuf> {
    let root = root();
    // WASM_OPT_LEVEL=-O3 (say) tries another optimisation level.
    let app_level = std::env::var("WASM_OPT_LEVEL").unwrap_or_else(|_| "-Oz".into());
    let app = build_module(
        &root,
        &Spec {
            package: "borderlines-app",
            target: &["--bin", "borderlines-app"],
            artifact: "borderlines-app",
            profile: "release",
            opt_level: &app_level,
            out_name: "borderlines",
            global: "wasm_bindgen",
            split: true,
        },
    )?;
    // Built for speed, not size (the `loader` profile in Cargo.toml): it is
    // started only when files are added, and its speed is the user's wait.
    let loader = build_module(
        &root,
        &Spec {
            package: "borderlines-loader",
            target: &["--lib"],
            artifact: "borderlines_loader",
            profile: "loader",
            opt_level: "-O3",
            out_name: "borderlines_loader",
            global: "borderlines_loader",
            split: false,
        },
    )?;
    let css = css(&root)?;
    let template = read_text(&root.join("index.html"))?;
    let seeds = seeds_snapshot(&root)?;
    let started = std::time::Instant::now();
    let wasm_gz = compress(&app.wasm)?;
    let loader_gz = compress(&loader.wasm)?;
    let seeds_gz = compress(&seeds)?;
    let places_gz = compress(borderlines_extract::gazetteer::pack_bytes())?;
    let reference_gz = compress(borderlines_engine::reference::BROWN_TSV.as_bytes())?;
    let split_gz = app
        .parts
        .iter()
        .map(|(name, wasm)| Ok((format!("{}{name}", split::PACK_PREFIX), compress(wasm)?)))
        .collect::<Result<Vec<_>>>()?;
    let compress_time = started.elapsed();
    let corpus = borderlines_engine::page_corpus::corpus_element(
        &base64::engine::general_purpose::STANDARD.encode(&seeds_gz),
        borderlines_engine::page_corpus::SEEDS_NAME,
    );
    let page = page::assemble(
        &template,
        &page::Parts {
            glue: &app.glue,
            wasm_gz: &wasm_gz,
            loader_glue: &loader.glue,
            loader_gz: &loader_gz,
            places_gz: &places_gz,
            reference_gz: &reference_gz,
            split_gz: &split_gz,
            corpus: &corpus,
            css: &css,
        },
    )?;
    let out_dir = root.join("dist");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let page_path = out_dir.join("borderlines.html");
    std::fs::write(&page_path, &page).map_err(|e| e.to_string())?;

    println!(
        "dist/borderlines.html: {} bytes ({} gzip); explorer's wasm {} bytes before wasm-opt, {} after ({} gzip; {} in the page by zopfli); loading module's wasm {} before wasm-opt, {} after ({} in the page); compressing {:.1} s",
        page.len(),
        budget::gzip_len(page.as_bytes()),
        app.unoptimised,
        app.wasm.len(),
        budget::gzip_len(&app.wasm),
        wasm_gz.len(),
        loader.unoptimised,
        loader.wasm.len(),
        loader_gz.len(),
        compress_time.as_secs_f64()
    );
    // Printed here, enforced by `cargo xtask budget` (its own CI stage), so a
    // page over budget is still built and tested.
    let budgets = read_text(&root.join("budgets.toml"))?;
    if let Err(e) = budget::report(&budget::check(&budget::measure(&page)?, &budgets)?) {
        println!("  {e}");
    }
    Ok(page_path)
}

/// The features rustc's wasm32 target emits, for wasm-opt. Its level is -Oz:
/// -Os and -O3 give the same gzip size within 0.2 % (bench/size/BREAKDOWN.md).
const WASM_OPT_FLAGS: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// The wasm (or a snapshot) in the gzip format the boot script inflates, by zopfli: about 4 %
/// smaller than zlib's best level for the same decoder, at a few seconds per
/// build (its optimisation levels are set in the workspace's Cargo.toml so
/// the debug-built xtask does not crawl).
fn compress(wasm: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(wasm.len() / 2);
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(5).unwrap_or(std::num::NonZeroU64::MIN),
        ..zopfli::Options::default()
    };
    zopfli::compress(options, zopfli::Format::Gzip, wasm, &mut out)
        .map_err(|e| format!("cannot compress: {e}"))?;
    Ok(out)
}

/// The seeds (`seeds/*.txt`) read, indexed and extracted into the engine's
/// snapshot: the corpus the built page carries.
fn seeds_snapshot(root: &Path) -> Result<Vec<u8>> {
    let dir = root.join("seeds");
    let (corpus, skipped) = borderlines_core::load::read_text_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for (file, why) in skipped {
        println!("  skipping seed {file}: {why}");
    }
    borderlines_engine::Engine::build(std::sync::Arc::new(corpus))
        .to_snapshot()
        .map_err(|e| format!("the seeds' snapshot: {e}"))
}

/// All of style/*.css, in name order.
fn css(root: &Path) -> Result<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("style"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    files.sort();
    files.iter().map(|p| read_text(p)).collect()
}

/// Opens the page in the desktop's browser when there is a desktop.
fn open(page: &Path) -> Result<()> {
    let url = format!("file://{}", page.display());
    let has_display =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if (has_display || cfg!(target_os = "macos"))
        && Command::new(opener)
            .arg(&url)
            .status()
            .is_ok_and(|s| s.success())
    {
        println!("opened {url}");
    } else {
        println!("no desktop to open a browser here; open this file in any browser:\n  {url}");
    }
    Ok(())
}
