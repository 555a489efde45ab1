//! The corpus a Borderlines page carries: one element holding the engine's
//! snapshot, gzip-compressed and base64-encoded, with the corpus's name:
//!
//! ```html
//! <script type="application/octet-stream" id="borderlines-corpus" data-name="seeds">H4sI…</script>
//! ```
//!
//! A script of a data type is never run, so the page's hash-based CSP is
//! the same whatever corpus it carries. The build (`cargo xtask dist`) puts
//! the seeds there; "Save as page" in the page and `borderlines build` put
//! a user's corpus in place of them, changing nothing else in the page.
//!
//! ```
//! use borderlines_engine::page_corpus::{corpus_element, replace_corpus};
//! let page = format!("<body>{}<script>boot()</script></body>", corpus_element("H4sIseeds", "seeds"));
//! let mine = replace_corpus(&page, &corpus_element("H4sImine", "Tumen notes")).unwrap();
//! assert!(mine.contains("data-name=\"Tumen notes\">H4sImine</script><script>boot()"));
//! ```

use thiserror::Error;

/// The element's id (the boot script and the app find it by it).
pub const CORPUS_ELEMENT_ID: &str = "borderlines-corpus";

/// The name the build gives the seeds.
pub const SEEDS_NAME: &str = "seeds";

/// Longest corpus name kept, in characters.
pub const MAX_NAME_CHARS: usize = 80;

const OPEN: &str = "<script type=\"application/octet-stream\" id=\"borderlines-corpus\"";
const CLOSE: &str = "</script>";

/// Why a page cannot take a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PageCorpusError {
    #[error("this file is not a Borderlines page (it carries no corpus element)")]
    NoCorpusElement,
    #[error("this page carries more than one corpus element")]
    TwoCorpusElements,
    #[error("the page's corpus element is not closed")]
    Unclosed,
}

/// The element carrying `snapshot_gz_base64` (the snapshot, gzip, then
/// base64) under `name` (cut to [`MAX_NAME_CHARS`], markup-escaped).
pub fn corpus_element(snapshot_gz_base64: &str, name: &str) -> String {
    let name: String = name.trim().chars().take(MAX_NAME_CHARS).collect();
    format!(
        "{OPEN} data-name=\"{}\">{snapshot_gz_base64}{CLOSE}",
        escape_attribute(&name)
    )
}

/// `page` with its corpus element replaced by `element`.
pub fn replace_corpus(page: &str, element: &str) -> Result<String, PageCorpusError> {
    let start = page.find(OPEN).ok_or(PageCorpusError::NoCorpusElement)?;
    if page[start + OPEN.len()..].contains(OPEN) {
        return Err(PageCorpusError::TwoCorpusElements);
    }
    let end = page[start..]
        .find(CLOSE)
        .map(|at| start + at + CLOSE.len())
        .ok_or(PageCorpusError::Unclosed)?;
    let mut out = String::with_capacity(page.len() - (end - start) + element.len());
    out.push_str(&page[..start]);
    out.push_str(element);
    out.push_str(&page[end..]);
    Ok(out)
}

/// A name inside a double-quoted attribute: no quote, tag or entity can
/// come out of it.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_replaced_and_nothing_else() {
        let page = format!(
            "<head><meta content=\"x\"></head><body>{}<script id=\"boot\">go()</script></body>",
            corpus_element("AAAA", SEEDS_NAME)
        );
        let mine = replace_corpus(&page, &corpus_element("BBBB", "mine")).unwrap();
        assert_eq!(
            mine,
            page.replace("data-name=\"seeds\">AAAA", "data-name=\"mine\">BBBB")
        );
        // And back: a saved page takes a corpus again.
        assert_eq!(
            replace_corpus(&mine, &corpus_element("AAAA", SEEDS_NAME)).unwrap(),
            page
        );
    }

    #[test]
    fn a_hostile_name_stays_inside_its_attribute() {
        let element = corpus_element("AA", "\"><script>alert(1)</script>&\n");
        assert_eq!(
            element,
            format!("{OPEN} data-name=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;\">AA</script>")
        );
        let long = corpus_element("AA", &"é".repeat(500));
        assert_eq!(long.matches('é').count(), MAX_NAME_CHARS);
    }

    #[test]
    fn a_file_that_is_not_a_page_is_refused() {
        assert_eq!(
            replace_corpus("<html>hello</html>", "x"),
            Err(PageCorpusError::NoCorpusElement)
        );
        let twice = format!("{0}{0}", corpus_element("A", "a"));
        assert_eq!(
            replace_corpus(&twice, "x"),
            Err(PageCorpusError::TwoCorpusElements)
        );
        assert_eq!(
            replace_corpus(&format!("{OPEN}>AAAA"), "x"),
            Err(PageCorpusError::Unclosed)
        );
    }
}
