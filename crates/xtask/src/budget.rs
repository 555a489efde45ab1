//! Size budgets of the built page, read from `budgets.toml` at the top of the
//! repository and checked by `cargo xtask budget` (a stage of `.ci/test`).
//!
//! The page is measured as a server or a mail attachment would carry it:
//! gzip at the best level. The wasm is found again in the page (the base64
//! after [`crate::page::WASM_VAR`] in the boot script), inflated and measured
//! alone the same way. Data packs (comments `<!--borderlines-pack-… BASE64-->`,
//! see `src/data_packs.rs`) are measured apart and taken out of the page's
//! figure, as issue 11 budgets them separately.
//!
//! Each budget has a `target` (the goal) and a `limit` (a ratchet just
//! above what the page achieves now): the check fails above a `limit` and
//! prints both, so the distance to the goal is always in sight.

use std::io::{Read, Write};
use std::path::Path;

use base64::Engine;

use crate::page::WASM_VAR;
use crate::Result;

/// Sizes of one built page, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    /// The page without its data packs.
    pub page_raw: usize,
    pub page_gzip: usize,
    /// The wasm module alone, uncompressed and gzipped.
    pub wasm_raw: usize,
    pub wasm_gzip: usize,
    /// Each data pack: id, raw (decoded) bytes, gzip bytes.
    pub packs: Vec<(String, usize, usize)>,
}

/// Gzip size at the best level.
pub fn gzip_len(bytes: &[u8]) -> usize {
    gzip(bytes).len()
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)
        .and_then(|_| enc.finish())
        .unwrap_or_default()
}

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| format!("the wasm in the page does not inflate: {e}"))?;
    Ok(out)
}

fn unbase64(text: &str) -> Result<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| format!("bad base64 in the page: {e}"))
}

/// How a data pack starts: `<!--borderlines-pack-{id} {base64}-->`.
const PACK_OPEN: &str = "<!--borderlines-pack-";

/// Measures a built page.
pub fn measure(page: &str) -> Result<Sizes> {
    let start = page
        .find(WASM_VAR)
        .ok_or("no wasm found in the page's boot script")?
        + WASM_VAR.len();
    let len = page[start..]
        .find('"')
        .ok_or("the wasm's base64 in the boot script is not closed")?;
    let wasm = gunzip(&unbase64(&page[start..start + len])?)?;

    let mut packs = Vec::new();
    let mut without_packs = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find(PACK_OPEN) {
        without_packs.push_str(&rest[..at]);
        let after = &rest[at + PACK_OPEN.len()..];
        let id_end = after.find(' ').ok_or("a data pack's id is not closed")?;
        let body_start = id_end + 1;
        let body_len = after[body_start..]
            .find("-->")
            .ok_or("a data pack is not closed")?;
        let packed = unbase64(&after[body_start..body_start + body_len])?;
        let raw = gunzip(&packed)?;
        packs.push((after[..id_end].to_owned(), raw.len(), gzip_len(&raw)));
        rest = &after[body_start + body_len + "-->".len()..];
    }
    without_packs.push_str(rest);

    Ok(Sizes {
        page_raw: without_packs.len(),
        page_gzip: gzip_len(without_packs.as_bytes()),
        wasm_raw: wasm.len(),
        wasm_gzip: gzip_len(&wasm),
        packs,
    })
}

/// One line of the check: what, the size, the limit and the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub what: String,
    pub size: usize,
    pub limit: Option<usize>,
    pub target: Option<usize>,
}

impl Line {
    pub fn over_limit(&self) -> bool {
        self.limit.is_some_and(|l| self.size > l)
    }
}

fn number(table: &toml::Table, section: &str, key: &str) -> Result<Option<usize>> {
    let Some(sec) = table.get(section) else {
        return Ok(None);
    };
    match sec.get(key) {
        None => Ok(None),
        Some(toml::Value::Integer(n)) => usize::try_from(*n)
            .map(Some)
            .map_err(|_| format!("budgets.toml: [{section}] {key} must be positive")),
        Some(_) => Err(format!(
            "budgets.toml: [{section}] {key} must be a number of bytes"
        )),
    }
}

/// Compares the sizes with the budgets (the text of `budgets.toml`).
pub fn check(sizes: &Sizes, budgets: &str) -> Result<Vec<Line>> {
    let table: toml::Table = budgets.parse().map_err(|e| format!("budgets.toml: {e}"))?;
    let line = |what: &str, size, section: &str, kind: &str| -> Result<Line> {
        Ok(Line {
            what: what.to_owned(),
            size,
            limit: number(&table, section, &format!("limit_{kind}"))?,
            target: number(&table, section, &format!("target_{kind}"))?,
        })
    };
    let mut lines = vec![
        line("page, gzip", sizes.page_gzip, "page", "gzip")?,
        line("page, raw", sizes.page_raw, "page", "raw")?,
        line("wasm, gzip", sizes.wasm_gzip, "wasm", "gzip")?,
        line("wasm, raw", sizes.wasm_raw, "wasm", "raw")?,
    ];
    for (id, _raw, gz) in &sizes.packs {
        // A pack with its own section (`[pack-loader]`) is held to it.
        let own = format!("pack-{id}");
        let section = if table.contains_key(&own) {
            own.as_str()
        } else {
            "pack"
        };
        lines.push(line(&format!("pack {id}, gzip"), *gz, section, "gzip")?);
    }
    Ok(lines)
}

/// Prints the check as a table; an error names every budget exceeded.
pub fn report(lines: &[Line]) -> Result<()> {
    let show = |n: Option<usize>| n.map_or_else(|| "–".to_owned(), |n| n.to_string());
    println!("size budgets (budgets.toml; bytes):");
    println!(
        "  {:<16} {:>10} {:>10} {:>10}",
        "", "size", "limit", "target"
    );
    for l in lines {
        let note = if l.over_limit() {
            "  OVER THE LIMIT"
        } else if l.target.is_some_and(|t| l.size > t) {
            "  (above the target)"
        } else {
            ""
        };
        println!(
            "  {:<16} {:>10} {:>10} {:>10}{note}",
            l.what,
            l.size,
            show(l.limit),
            show(l.target)
        );
    }
    let missed = lines
        .iter()
        .filter(|l| l.target.is_some_and(|t| l.size > t))
        .count();
    if missed > 0 {
        println!(
            "  {missed} size(s) above the target (the goal, not yet reached: bench/size/BREAKDOWN.md says what is left); the check fails only above a limit"
        );
    }
    let over: Vec<&str> = lines
        .iter()
        .filter(|l| l.over_limit())
        .map(|l| l.what.as_str())
        .collect();
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "over budget: {} (see budgets.toml: find the growth, or raise the limit with a reason)",
            over.join(", ")
        ))
    }
}

/// `cargo xtask budget [PAGE]`: measures a built page and checks it.
pub fn run(root: &Path, page: &Path) -> Result<()> {
    let text = std::fs::read_to_string(page).map_err(|e| {
        format!(
            "cannot read {} (run `cargo xtask dist` first): {e}",
            page.display()
        )
    })?;
    let budgets = std::fs::read_to_string(root.join("budgets.toml"))
        .map_err(|e| format!("cannot read budgets.toml: {e}"))?;
    report(&check(&measure(&text)?, &budgets)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_with(wasm: &[u8], packs: &[(&str, &[u8])]) -> String {
        let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(gzip(b));
        let mut page = format!(
            "<html><script>(function(){{{WASM_VAR}{}\";}})()</script>",
            b64(wasm)
        );
        for (id, data) in packs {
            page.push_str(&format!("{PACK_OPEN}{id} {}-->", b64(data)));
        }
        page + "</html>"
    }

    #[test]
    fn finds_the_wasm_and_the_packs_in_the_page() {
        let wasm = vec![7u8; 5000];
        let pack = b"gazetteer ".repeat(300);
        let page = page_with(&wasm, &[("places", &pack)]);
        let sizes = measure(&page).unwrap();
        assert_eq!(sizes.wasm_raw, 5000);
        assert_eq!(sizes.wasm_gzip, gzip_len(&wasm));
        assert_eq!(
            sizes.packs,
            vec![("places".to_owned(), 3000, gzip_len(&pack))]
        );
        let without = page_with(&wasm, &[]);
        assert_eq!(sizes.page_raw, without.len());
    }

    #[test]
    fn a_page_without_wasm_is_an_error() {
        assert!(measure("<html></html>").is_err());
    }

    #[test]
    fn fails_above_a_limit_and_only_there() {
        let sizes = Sizes {
            page_raw: 900,
            page_gzip: 500,
            wasm_raw: 800,
            wasm_gzip: 400,
            packs: vec![],
        };
        let budgets = "[page]\ntarget_gzip = 450\nlimit_gzip = 500\n[wasm]\nlimit_gzip = 399\n";
        let lines = check(&sizes, budgets).unwrap();
        assert_eq!(
            lines[0],
            Line {
                what: "page, gzip".into(),
                size: 500,
                limit: Some(500),
                target: Some(450)
            }
        );
        assert!(!lines[0].over_limit());
        assert!(lines[2].over_limit());
        let err = report(&lines).unwrap_err();
        assert!(
            err.contains("wasm, gzip") && !err.contains("page, gzip"),
            "{err}"
        );
    }

    #[test]
    fn a_budget_that_is_not_a_number_is_an_error() {
        let sizes = Sizes {
            page_raw: 1,
            page_gzip: 1,
            wasm_raw: 1,
            wasm_gzip: 1,
            packs: vec![],
        };
        assert!(check(&sizes, "[page]\nlimit_gzip = \"big\"\n").is_err());
        assert!(check(&sizes, "[page\n").is_err());
    }
}
