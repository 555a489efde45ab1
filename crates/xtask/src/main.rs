//! Builds Borderlines as one self-contained page, `dist/borderlines.html`:
//!
//! 1. `cargo build --release --target wasm32-unknown-unknown` of the app
//!    (its `build.rs` parses `seeds/` and embeds the corpus);
//! 2. `wasm-bindgen --target no-modules` for the JS glue;
//! 3. `wasm-opt -Oz` (binaryen from npm; Debian's is too old);
//! 4. inlines glue, base64 wasm and `style/*.css` into `index.html` and
//!    writes a Content-Security-Policy that allows exactly those inline
//!    scripts and styles by hash, plus `'wasm-unsafe-eval'` for the module
//!    and `worker-src blob:` for the loading worker started from the glue.
//!
//! Usage: `cargo xtask dist` | `cargo xtask open`.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha256};

type Result<T> = std::result::Result<T, String>;

fn main() {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "dist" => dist().map(|_| ()),
        "open" => dist().and_then(|page| open(&page)),
        _ => Err("usage: cargo xtask <dist|open>".into()),
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

fn dist() -> Result<PathBuf> {
    let root = root();
    let target = target_dir(&root);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(Command::new(&cargo).current_dir(&root).args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "borderlines-app",
        "--bin",
        "borderlines-app",
    ]))?;
    let wasm_in = target.join("wasm32-unknown-unknown/release/borderlines-app.wasm");

    let work = target.join("borderlines-dist");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    run(Command::new("wasm-bindgen")
        .arg(&wasm_in)
        .args([
            "--target",
            "no-modules",
            "--no-typescript",
            "--out-name",
            "borderlines",
            "--out-dir",
        ])
        .arg(&work))?;
    let bg = work.join("borderlines_bg.wasm");
    let opt = work.join("borderlines_opt.wasm");
    let wasm_opt = std::env::var_os("WASM_OPT")
        .map_or_else(|| root.join("node_modules/.bin/wasm-opt"), PathBuf::from);
    run(Command::new(&wasm_opt).arg(&bg).arg("-o").arg(&opt).args([
        "-Oz",
        "--enable-bulk-memory",
        "--enable-bulk-memory-opt",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-reference-types",
        "--enable-multivalue",
        "--enable-mutable-globals",
    ]))?;

    let glue = read_text(&work.join("borderlines.js"))?;
    let wasm = read(&opt)?;
    let css = css(&root)?;
    let template = read_text(&root.join("index.html"))?;
    let page = assemble(&template, &glue, &wasm, &css)?;
    let out_dir = root.join("dist");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    let page_path = out_dir.join("borderlines.html");
    std::fs::write(&page_path, &page).map_err(|e| e.to_string())?;

    println!(
        "dist/borderlines.html: {} bytes ({} gzip); wasm {} bytes before wasm-opt, {} after ({} gzip)",
        page.len(),
        gzip_len(page.as_bytes()),
        read(&bg)?.len(),
        wasm.len(),
        gzip_len(&wasm)
    );
    Ok(page_path)
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

/// Fills the template's `{{…}}` slots and computes the CSP.
fn assemble(template: &str, glue: &str, wasm: &[u8], css: &str) -> Result<String> {
    for (name, text) in [("glue", glue), ("css", css)] {
        if text.contains("</script") || text.contains("</style") {
            return Err(format!(
                "{name} contains a closing tag and cannot be inlined"
            ));
        }
    }
    let b64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    // The glue defines the global `wasm_bindgen`; initSync compiles the inline
    // module synchronously, which runs the app's `main`. The loading worker
    // (src/load_worker) is started from the glue's own text (the script
    // `#borderlines-glue`) as a Blob and gets the compiled module from the app
    // (`wasm_bindgen::module()`).
    // Trusted Types (`require-trusted-types-for 'script'` below): every
    // string that reaches a script sink goes through this one policy.
    // Leptos builds its views from static HTML templates (`innerHTML` of a
    // <template>, our own markup, never document text, which is only ever
    // inserted as text nodes), so HTML passes unless it carries something
    // that runs; the only script URL is the loading worker's blob:; and
    // nothing may be compiled from a string (no createScript).
    let policy =
        "if(window.trustedTypes&&trustedTypes.createPolicy){trustedTypes.createPolicy('default',{\
createHTML:function(s){if(/<script|<iframe|<object|<embed|\\son[a-z]+\\s*=|javascript:/i.test(s))\
throw new TypeError('Borderlines refused HTML: '+s.slice(0,80));return s;},\
createScriptURL:function(u){if(/^blob:/.test(u))return u;\
throw new TypeError('Borderlines refused a script URL: '+u);}});}";
    let boot = format!(
        "{policy}(function(){{var s=\"{b64}\";var b=atob(s);var u=new Uint8Array(b.length);\
for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);\
try{{wasm_bindgen.initSync({{module:u}});}}catch(e){{\
document.body.textContent='Borderlines could not start: '+e;throw e;}}}})();"
    );
    let glue_script = glue.trim_end();
    let csp = format!(
        "default-src 'none'; script-src {} {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
worker-src blob:; base-uri 'none'; form-action 'none'; \
require-trusted-types-for 'script'; trusted-types default",
        sha256_source(glue_script),
        sha256_source(&boot),
        sha256_source(css)
    );
    let page = template
        .replace("{{CSP}}", &csp)
        .replace("{{CSS}}", css)
        .replace("{{GLUE}}", glue_script)
        .replace("{{BOOT}}", &boot);
    Ok(page)
}

fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)
        .and_then(|_| enc.finish())
        .map_or(0, |v| v.len())
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
