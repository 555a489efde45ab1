//! Splits the explorer's wasm where the views that are not shown at start
//! begin (`src/views/lazy_views.rs`) and where the Export menu's writers do
//! (`src/components/export_menu.rs`), `wasm_split` split points, with
//! `wasm_split_cli_support`, the library cargo-leptos uses for `--split`.
//!
//! The library writes the main module (for wasm-bindgen), one module per
//! split point and per piece of code shared between split points, and an ES
//! module (`__wasm_split.js`) that fetches them. The page has no network and
//! no modules (it opens from file://), so [`link_script`] rewrites that ES
//! module into a classic script that takes each module from the page's data
//! packs instead (`borderlines-pack-split-…`, inflated by the browser's
//! `DecompressionStream`), and [`link_glue`] points the wasm-bindgen glue's
//! import of it at that script. Both check every rewrite they make: a new
//! version of the library that writes its module differently fails the
//! build instead of the page.

use std::path::{Path, PathBuf};

use crate::{page, Result};

/// What the split made.
pub struct Split {
    /// The main module, to go through wasm-bindgen like an unsplit one.
    pub main: PathBuf,
    /// The split modules: (name of their pack, file).
    pub parts: Vec<(String, PathBuf)>,
    /// The link module, as the library wrote it (an ES module).
    pub link_module: String,
}

/// The prefix of each split module's data pack id.
pub const PACK_PREFIX: &str = "borderlines-pack-split-";

/// The global the link script defines and the glue imports from.
const LINK_GLOBAL: &str = "__borderlines_split";

/// The import module name the split points use (the library's default).
const LINK_NAME: &str = "./__wasm_split.js";

/// Splits `input` (built with `-C link-arg=--emit-relocs`) into `out_dir`.
pub fn split(input: &Path, out_dir: &Path) -> Result<Split> {
    let wasm = std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let _ = std::fs::remove_dir_all(out_dir);
    let main = out_dir.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&wasm);
    opts.output_dir = out_dir;
    opts.main_out_path = &main;
    opts.link_name = LINK_NAME;
    let split =
        wasm_split_cli_support::transform(opts).map_err(|e| format!("wasm split: {e:#}"))?;
    let mut parts = Vec::new();
    for path in split.split_modules {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("odd split module name {}", path.display()))?
            .to_owned();
        parts.push((name, path));
    }
    parts.sort();
    let link_module = std::fs::read_to_string(out_dir.join(LINK_NAME))
        .map_err(|e| format!("cannot read the split's link module: {e}"))?;
    Ok(Split {
        main,
        parts,
        link_module,
    })
}

/// Replaces `from` by `to` in `text`, failing unless it occurs `times`
/// times (`None`: at least once).
fn replace_checked(text: &str, from: &str, to: &str, times: Option<usize>) -> Result<String> {
    let n = text.matches(from).count();
    let ok = times.map_or(n > 0, |t| n == t);
    if !ok {
        return Err(format!(
            "the split's JavaScript has {n} occurrence(s) of {from:?} (expected {})",
            times.map_or("some".into(), |t| t.to_string())
        ));
    }
    Ok(text.replace(from, to))
}

/// The link module as a classic script defining [`LINK_GLOBAL`]: modules
/// come from data packs, the main module's exports from `wasm_bindgen`.
pub fn link_script(link_module: &str) -> Result<String> {
    let js = replace_checked(
        link_module,
        "import { initSync } from \"./main.js\";",
        "",
        Some(1),
    )?;
    let js = replace_checked(
        &js,
        "initSync(undefined, undefined)",
        "wasm_bindgen.initSync(undefined, undefined)",
        Some(1),
    )?;
    let js = replace_checked(&js, "fetch(new URL(", "splitPack(", None)?;
    let js = replace_checked(&js, ", import.meta.url))", ")", None)?;
    let js = replace_checked(
        &js,
        "WebAssembly.instantiateStreaming(src, imports)",
        "src.then(function(b){return WebAssembly.instantiate(b, imports);})",
        None,
    )?;
    let mut exported = Vec::new();
    let mut body = String::new();
    for line in js.lines() {
        if let Some(rest) = line.strip_prefix("export const ") {
            let name = rest.split([' ', '=']).next().unwrap_or_default();
            exported.push(name.to_owned());
            body.push_str("const ");
            body.push_str(rest);
        } else {
            body.push_str(line);
        }
        body.push('\n');
    }
    if exported.is_empty() || body.contains("import.meta") || body.contains("export ") {
        return Err("the split's link module has no loaders, or module syntax left".into());
    }
    Ok(format!(
        "var {LINK_GLOBAL}=(function(){{\n{}\n{body}return {{{}}};\n}})();",
        split_pack_script(),
        exported.join(",")
    ))
}

/// Reads a split module from its data pack once the page is parsed (the
/// packs close the body): `"./NAME.wasm"` → the inflated bytes. The base64
/// and gzip are undone by the boot script's own `inflate`, which it
/// publishes as [`page::INFLATE_GLOBAL`] (split modules load only after the
/// boot script ran: a view's tab is clicked, an export asked for).
fn split_pack_script() -> String {
    format!(
        "function splitPack(file){{\
var id='{PACK_PREFIX}'+file.replace(/^\\.\\//,'').replace(/\\.wasm$/,'')+' ';\
return new Promise(function(ok){{if(document.readyState==='loading')\
document.addEventListener('DOMContentLoaded',function(){{ok();}},{{once:true}});else ok();}}).then(function(){{\
var w=document.createTreeWalker(document,NodeFilter.SHOW_COMMENT),n;\
while((n=w.nextNode())){{if(n.data.startsWith(id))return {inflate}(n.data.slice(id.length).trim());}}\
throw new Error('Borderlines: the page has no '+id.trim());}});}}",
        inflate = page::INFLATE_GLOBAL,
    )
}

/// The glue with its imports of the link module pointed at [`LINK_GLOBAL`].
pub fn link_glue(glue: &str) -> Result<String> {
    replace_checked(
        glue,
        &format!("require(\"{LINK_NAME}\")"),
        LINK_GLOBAL,
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of the library's link module (wasm_split_cli_support 0.2.4,
    /// web target), shortened to one chunk and one split point.
    const LINK_MODULE: &str = r#"import { initSync } from "./main.js";

let sharedImports = undefined;
function getSharedImports() {
    if (sharedImports === undefined) {
        const { memory } = initSync(undefined, undefined);
    }
    return sharedImports;
}
const __chunk_6 = makeLoad(() => {
    const src = fetch(new URL("./chunk_6.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_map_view_1 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_map_view_1.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_6]));
"#;

    #[test]
    fn the_link_module_becomes_a_classic_script_reading_packs() {
        let script = link_script(LINK_MODULE).expect("rewritten");
        assert!(script.starts_with("var __borderlines_split=(function(){"));
        assert!(script.ends_with("return {__wasm_split_load_map_view_1};\n})();"));
        assert!(!script.contains("import {") && !script.contains("import.meta"));
        assert!(!script.contains("export ") && !script.contains("fetch("));
        assert!(script.contains("splitPack(\"./split_map_view_1.wasm\")"));
        assert!(script.contains("wasm_bindgen.initSync(undefined, undefined)"));
        assert!(script.contains("WebAssembly.instantiate(b, imports)"));
    }

    #[test]
    fn a_link_module_written_differently_fails_the_build() {
        let changed = LINK_MODULE.replace("instantiateStreaming", "instantiateSomehow");
        assert!(link_script(&changed).is_err());
        let no_import = LINK_MODULE.replace("import { initSync } from \"./main.js\";", "");
        assert!(link_script(&no_import).is_err());
    }

    #[test]
    fn the_glue_imports_the_link_script_global() {
        let glue = "const import1 = require(\"./__wasm_split.js\");\nreturn {\"./__wasm_split.js\": import1};";
        let linked = link_glue(glue).expect("linked");
        assert!(linked.starts_with("const import1 = __borderlines_split;"));
        assert!(link_glue("no import here").is_err());
    }
}
