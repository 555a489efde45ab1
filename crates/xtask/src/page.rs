//! Assembles the single page from `index.html`: the style, the wasm-bindgen
//! glue and a boot script that carries the wasm gzip-compressed as base64,
//! with a Content-Security-Policy that allows exactly those by SHA-256 hash.
//!
//! The wasm stays inside the boot script, so the policy's hash pins the exact
//! code that may run. At startup the boot script decodes the base64, inflates
//! it with the browser's own `DecompressionStream('gzip')` (no JS library) and
//! hands the bytes to `wasm_bindgen.initSync`, which compiles the module and
//! runs the app's `main`. The loading worker (src/load_worker) is started from
//! the glue's own text (the script `#borderlines-glue`) as a Blob and is given
//! the compiled module (`wasm_bindgen::module()`), so it never sees the
//! compressed bytes.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::Result;

/// What precedes the base64 of the compressed wasm in the boot script; the
/// size check (`budget.rs`) finds the wasm again by it.
pub const WASM_VAR: &str = "var w=\"";

/// Fills the template's `{{…}}` slots and computes the CSP.
/// `wasm_gz` is the wasm compressed in the gzip format.
pub fn assemble(template: &str, glue: &str, wasm_gz: &[u8], css: &str) -> Result<String> {
    for (name, text) in [("glue", glue), ("css", css)] {
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
    let csp = format!(
        "default-src 'none'; script-src {} {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
worker-src blob:; base-uri 'none'; form-action 'none'; \
require-trusted-types-for 'script'; trusted-types default",
        sha256_source(glue_script),
        sha256_source(&boot),
        sha256_source(css)
    );
    Ok(template
        .replace("{{CSP}}", &csp)
        .replace("{{CSS}}", css)
        .replace("{{GLUE}}", glue_script)
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

/// The boot script: base64 → bytes (`Uint8Array.fromBase64` where the browser
/// has it, else `atob`), gzip → wasm through a `DecompressionStream` read by a
/// `Response` (a local stream, no fetch: the CSP forbids every fetch), then
/// `initSync`. The two `performance.mark`s let bench/size/startup.mjs split
/// startup into decoding and running. Any failure is written into the page.
fn boot_script(b64: &str) -> String {
    format!(
        "(function(){{{WASM_VAR}{b64}\";\
function fail(e){{document.body.textContent='Borderlines could not start: '+e;throw e;}}\
try{{var z;if(Uint8Array.fromBase64)z=Uint8Array.fromBase64(w);\
else{{var b=atob(w);z=new Uint8Array(b.length);for(var i=0;i<b.length;i++)z[i]=b.charCodeAt(i);}}\
new Response(new Blob([z]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then(function(m){{\
performance.mark('borderlines:wasm-bytes');\
try{{wasm_bindgen.initSync({{module:m}});}}catch(e){{fail(e);}}\
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
<script id=\"borderlines-glue\">{{GLUE}}</script><script>{{BOOT}}</script>";

    #[test]
    fn the_policy_hashes_exactly_the_inline_scripts_and_style() {
        let page = assemble(TEMPLATE, "var glue;\n", b"\x1f\x8b", "p{}").unwrap();
        let boot = page
            .split("<script>")
            .nth(1)
            .unwrap()
            .split("</script>")
            .next()
            .unwrap();
        assert!(page.contains(&sha256_source("var glue;")));
        assert!(page.contains(&sha256_source(boot)));
        assert!(page.contains(&sha256_source("p{}")));
        assert!(page.contains("default-src 'none'"));
        assert!(boot.starts_with("if(window.trustedTypes"));
        assert!(boot.contains(&format!("(function(){{{WASM_VAR}H4s=\"")));
        assert!(page.contains("require-trusted-types-for 'script'; trusted-types default"));
    }

    #[test]
    fn a_closing_tag_in_the_glue_or_style_is_refused() {
        assert!(assemble(TEMPLATE, "'</script>'", b"", "").is_err());
        assert!(assemble(TEMPLATE, "", b"", "</style>").is_err());
    }
}
