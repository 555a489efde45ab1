//! Assembles the single page from `index.html`: the style, the wasm-bindgen
//! glue and a boot script that carries the wasm gzip-compressed as base64,
//! with a Content-Security-Policy that allows exactly those by SHA-256 hash.
//!
//! The wasm stays inside the boot script, so the policy's hash pins the exact
//! code that may run. At startup the boot script decodes the base64, inflates
//! it with the browser's own `DecompressionStream('gzip')` (no JS library) and
//! hands the bytes to `wasm_bindgen.initSync`, which compiles the module and
//! runs the app's `main`. The loading module (crates/borderlines-loader) is
//! a second wasm, stored gzip-compressed as a data pack that nothing decodes
//! at startup; its glue (`#borderlines-loader-glue`) only defines the global
//! `borderlines_loader`. When files are added, the page starts a worker from
//! that glue's text as a Blob and posts it the compressed module
//! (src/load_worker).

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::Result;

/// What precedes the base64 of the compressed wasm in the boot script; the
/// size check (`budget.rs`) finds the wasm again by it.
pub const WASM_VAR: &str = "var w=\"";

/// What goes into the page.
pub struct Parts<'a> {
    /// The explorer's wasm-bindgen glue (defines `wasm_bindgen`).
    pub glue: &'a str,
    /// The explorer's wasm, gzip-compressed.
    pub wasm_gz: &'a [u8],
    /// The loading module's glue (defines `borderlines_loader`).
    pub loader_glue: &'a str,
    /// The loading module's wasm, gzip-compressed: a data pack.
    pub loader_gz: &'a [u8],
    /// The world gazetteer's pack, gzip-compressed: a data pack the loading
    /// module installs before it extracts.
    pub places_gz: &'a [u8],
    /// The terms view's English reference list (the Brown TSV),
    /// gzip-compressed: a data pack the page installs when that view opens.
    pub reference_gz: &'a [u8],
    /// The views split off the explorer's wasm (crates/xtask/src/split.rs),
    /// gzip-compressed: (pack id, bytes), data packs read when a view opens.
    pub split_gz: &'a [(String, Vec<u8>)],
    /// The corpus element (`borderlines_engine::page_corpus`): the seeds.
    pub corpus: &'a str,
    pub css: &'a str,
}

/// The id of the data pack holding the loading module (the page's
/// `src/load_worker/loader_module.rs` reads it).
pub const LOADER_PACK: &str = "borderlines-pack-loader";

/// The id of the data pack holding the world gazetteer. Both packs come
/// after the boot script in the page (index.html): they are read only when
/// files are added, so the wasm starts inflating before the parser reaches
/// them.
pub const PLACES_PACK: &str = "borderlines-pack-places";

/// The id of the data pack holding the English reference list
/// (`src/reference_pack.rs` reads it).
pub const REFERENCE_PACK: &str = "borderlines-pack-reference";

/// Fills the template's `{{…}}` slots and computes the CSP.
pub fn assemble(template: &str, parts: &Parts) -> Result<String> {
    let Parts {
        glue,
        wasm_gz,
        loader_glue,
        loader_gz,
        places_gz,
        reference_gz,
        split_gz,
        corpus,
        css,
    } = *parts;
    for (name, text) in [("glue", glue), ("loader glue", loader_glue), ("css", css)] {
        if text.contains("</script") || text.contains("</style") {
            return Err(format!(
                "{name} contains a closing tag and cannot be inlined"
            ));
        }
    }
    let boot = format!(
        "{TRUSTED_TYPES_POLICY}{}",
        boot_script(&base64::engine::general_purpose::STANDARD.encode(wasm_gz))
    );
    let glue_script = glue.trim_end();
    // The glue's `let borderlines_loader` is a global binding but not a
    // property of the global object, which is how the page reaches it when
    // it runs the loading module on the main thread.
    let loader_script = format!(
        "{}\nself.borderlines_loader=borderlines_loader;",
        loader_glue.trim_end()
    );
    let loader_script = loader_script.as_str();
    let csp = format!(
        "default-src 'none'; script-src {} {} {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
worker-src blob:; base-uri 'none'; form-action 'none'; \
require-trusted-types-for 'script'; trusted-types default",
        sha256_source(glue_script),
        sha256_source(loader_script),
        sha256_source(&boot),
        sha256_source(css)
    );
    // A data pack is a comment (`src/data_packs.rs`): never run, so the
    // policy needs no hash for it, and parsed faster than script text, which
    // matters because the explorer starts only once the page is parsed.
    // Base64 has no `-` or `>`, so it never closes the comment early.
    let pack = |id: &str, gz: &[u8]| {
        format!(
            "<!--{id} {}-->",
            base64::engine::general_purpose::STANDARD.encode(gz)
        )
    };
    let mut packs = format!(
        "{}\n{}\n{}",
        pack(LOADER_PACK, loader_gz),
        pack(PLACES_PACK, places_gz),
        pack(REFERENCE_PACK, reference_gz)
    );
    for (id, gz) in split_gz {
        packs.push('\n');
        packs.push_str(&pack(id, gz));
    }
    Ok(template
        .replace("{{CSP}}", &csp)
        .replace("{{CSS}}", css)
        .replace("{{GLUE}}", glue_script)
        .replace("{{LOADER_GLUE}}", loader_script)
        .replace("{{LOADER_PACK}}", &packs)
        .replace("{{CORPUS}}", corpus)
        .replace("{{BOOT}}", &boot))
}

/// Trusted Types (`require-trusted-types-for 'script'` in the CSP): every
/// string that reaches a script sink goes through this one policy. Leptos
/// builds its views from static HTML templates (`innerHTML` of a
/// `<template>`, our own markup, never document text, which is only ever
/// inserted as text nodes), so HTML passes unless it carries something that
/// runs; the only script URL is the loading worker's `blob:`; and nothing
/// may be compiled from a string (no `createScript`).
const TRUSTED_TYPES_POLICY: &str =
    "if(window.trustedTypes&&trustedTypes.createPolicy){trustedTypes.createPolicy('default',{\
createHTML:function(s){if(/<script|<iframe|<object|<embed|\\son[a-z]+\\s*=|javascript:/i.test(s))\
throw new TypeError('Borderlines refused HTML: '+s.slice(0,80));return s;},\
createScriptURL:function(u){if(/^blob:/.test(u))return u;\
throw new TypeError('Borderlines refused a script URL: '+u);}});}";

/// The global under which the boot script leaves its `inflate` (base64 →
/// gzip → `ArrayBuffer` promise) for the split modules' loader
/// (crates/xtask/src/split.rs), so the page has one way to read a pack.
pub const INFLATE_GLOBAL: &str = "__borderlines_inflate";

/// The boot script: base64 → bytes (`Uint8Array.fromBase64` where the browser
/// has it, else `atob`), gzip → wasm through a `DecompressionStream` (a local
/// stream, no fetch: the CSP forbids every fetch), then `initSync`.
///
/// The stream is a `ReadableStream` holding the bytes, not a `Blob`'s:
/// reading a Blob goes through the browser process, and its answer waited
/// behind the parser's tasks until the whole page (1.45 MB of data packs
/// after this script) was parsed. And it is read by its own reader, chunk
/// by chunk, not by `Response.arrayBuffer()`: the reader's promises settle
/// in microtasks, so the wasm is inflated and `main` runs in the task that
/// ran this script, before the parser reads the packs after it, where a
/// `Response` body was read in tasks of its own that waited behind 2–5 of
/// the parser's (the wasm's bytes ready at 123 instead of 159–171 ms from
/// navigation, 25 runs). The corpus element (`#borderlines-corpus`) is inflated the
/// same way at the same time and its bytes left on the element as
/// `snapshot` for the app (`src/corpus.rs`); if they cannot be inflated, the
/// reason is left as `snapshotError` and the app says the corpus is damaged. The two `performance.mark`s let bench/size/startup.mjs split
/// startup into decoding and running. Any failure is written into the page.
fn boot_script(b64: &str) -> String {
    format!(
        "(function(){{{WASM_VAR}{b64}\";\
function fail(e){{document.body.textContent='Borderlines could not start: '+e;throw e;}}\
function bytes(s){{if(Uint8Array.fromBase64)return Uint8Array.fromBase64(s);\
var b=atob(s),z=new Uint8Array(b.length);for(var i=0;i<b.length;i++)z[i]=b.charCodeAt(i);return z;}}\
function inflate(s){{var u=bytes(s),r=new ReadableStream({{start:function(c){{c.enqueue(u);c.close();}}}})\
.pipeThrough(new DecompressionStream('gzip')).getReader(),parts=[],n=0;\
function next(x){{if(!x.done){{parts.push(x.value);n+=x.value.length;return r.read().then(next);}}\
var o=new Uint8Array(n),at=0;for(var i=0;i<parts.length;i++){{o.set(parts[i],at);at+=parts[i].length;}}return o.buffer;}}\
return r.read().then(next);}}\
self.{INFLATE_GLOBAL}=inflate;\
try{{var c=document.getElementById('borderlines-corpus'),s=c?Promise.resolve().then(function(){{return inflate(c.textContent.trim());}})\
.then(function(b){{c.snapshot=b;}},function(e){{c.snapshotError=String(e);}}):null;\
Promise.all([inflate(w),s]).then(function(r){{\
performance.mark('borderlines:wasm-bytes');\
try{{wasm_bindgen.initSync({{module:r[0]}});}}catch(e){{fail(e);}}\
performance.mark('borderlines:wasm-ready');}},fail);}}catch(e){{fail(e);}}}})();"
    )
}

fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<meta content=\"{{CSP}}\"><style>{{CSS}}</style>\
<script id=\"borderlines-glue\">{{GLUE}}</script><script id=\"borderlines-loader-glue\">{{LOADER_GLUE}}</script>\
{{LOADER_PACK}}{{CORPUS}}<script>{{BOOT}}</script>";

    fn parts<'a>(glue: &'a str, loader_glue: &'a str, css: &'a str) -> Parts<'a> {
        Parts {
            glue,
            wasm_gz: b"\x1f\x8b",
            loader_glue,
            loader_gz: b"\x1f\x8b\x08",
            places_gz: b"\x1f\x8b\x08\x00",
            reference_gz: b"\x1f\x8b\x08\x00\x00",
            split_gz: &[],
            corpus:
                "<script type=\"application/octet-stream\" id=\"borderlines-corpus\">H4sI</script>",
            css,
        }
    }

    #[test]
    fn the_policy_hashes_exactly_the_inline_scripts_and_style() {
        let page = assemble(TEMPLATE, &parts("var glue;\n", "var loader;", "p{}")).unwrap();
        let boot = page
            .split("<script>")
            .nth(1)
            .unwrap()
            .split("</script>")
            .next()
            .unwrap();
        assert!(page.contains(&sha256_source("var glue;")));
        assert!(page.contains(&sha256_source(
            "var loader;\nself.borderlines_loader=borderlines_loader;"
        )));
        assert!(page.contains(&format!("<!--{LOADER_PACK} H4sI-->")));
        assert!(page.contains(&sha256_source(boot)));
        assert!(page.contains(&sha256_source("p{}")));
        assert!(page.contains("default-src 'none'"));
        assert!(boot.starts_with("if(window.trustedTypes"));
        assert!(boot.contains(&format!("(function(){{{WASM_VAR}H4s=\"")));
        assert!(page.contains("require-trusted-types-for 'script'; trusted-types default"));
    }

    #[test]
    fn a_closing_tag_in_the_glue_or_style_is_refused() {
        assert!(assemble(TEMPLATE, &parts("'</script>'", "", "")).is_err());
        assert!(assemble(TEMPLATE, &parts("", "'</script>'", "")).is_err());
        assert!(assemble(TEMPLATE, &parts("", "", "</style>")).is_err());
    }
}
