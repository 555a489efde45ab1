//! Saved news pages (`.html`/`.htm`): the article's text, title, byline,
//! date and outlet, from the markup and its metadata, as one [`Record`].
//!
//! The page is parsed with html5ever (through `scraper`'s tree), the HTML
//! parser of the Servo project, which builds the same tree a browser would
//! from the same tag soup. The markup is only read: nothing is run,
//! fetched or inserted anywhere, and the output is plain text.
//!
//! - Title: JSON-LD `NewsArticle` `headline`, then `og:title`, then the
//!   article's `<h1>`, then `<title>` (less a " | Outlet" suffix).
//! - Date: `article:published_time`, JSON-LD `datePublished`, then the first
//!   `<time datetime>` in the article.
//! - Author: JSON-LD `author`, `<meta name="author">`, then an element whose
//!   class or `rel` says byline/author.
//! - Outlet: `og:site_name`, then JSON-LD `publisher`.
//! - Text: the `<article>` with the most text, else `<main>`, else `<body>`,
//!   without script/style/nav/header/footer/aside/form/noscript and without
//!   elements whose class or id says nav, menu, share, related, comment,
//!   advert, cookie, newsletter, byline and the like; paragraphs separated by blank
//!   lines. JSON-LD `articleBody` when the markup has no text.
//!
//! Work is bounded by the input size ([`MAX_FILE_BYTES`]); the tree is
//! walked without recursion, so deeply nested markup cannot exhaust the
//! stack.
//!
//! ```
//! use borderlines_core::formats::html::parse;
//! let page = r#"<html><head><title>Fence news | Wire</title></head><body>
//!   <nav><a href="/">Home</a></nav>
//!   <article><h1>Fence extended</h1><p>Crews added forty kilometres.</p><p>Work ends in May.</p></article>
//!   <div class="related-links"><p>More stories</p></div></body></html>"#;
//! let record = parse(page).unwrap();
//! assert_eq!(record.title.as_deref(), Some("Fence extended"));
//! assert_eq!(record.text, "Fence extended\n\nCrews added forty kilometres.\n\nWork ends in May.");
//! ```

use scraper::node::Element;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::records::{clean, Record};
use super::FormatError;
use crate::load::MAX_FILE_BYTES;

/// Elements whose content is never article text.
const DROP_TAGS: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template",
    "iframe", "svg", "button", "select", "textarea", "object", "embed", "canvas", "dialog", "menu",
    "head",
];

/// Words in a class or id that mark boilerplate (compared whole, after
/// splitting on spaces, `-` and `_`, so "header" is not "ad").
const DROP_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsored",
    "promo",
    "cookie",
    "cookies",
    "consent",
    "newsletter",
    "subscribe",
    "signup",
    "sidebar",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "paywall",
    "byline",
];

/// Elements that end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "address",
    "body",
];

/// Deepest nesting of elements read (see [`check_depth`]).
pub const MAX_DEPTH: usize = 400;

/// Elements that never nest (void) or that the parser closes by itself
/// when a sibling starts: not counted as depth.
const FLAT_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "rb", "rt", "rp", "html", "head", "body", "colgroup", "caption",
];

/// Most `<article>` elements compared when choosing the main one.
const MAX_ARTICLES: usize = 16;

/// Largest JSON-LD block read.
const MAX_JSON_LD: usize = 1024 * 1024;

/// Reads the bytes of a web page, decoded as [`decode_page`] does.
pub fn parse_bytes(bytes: &[u8]) -> Result<Record, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    parse(&decode_page(bytes).text)
}

/// A page's bytes as text: the charset its `<meta>` declares is taken when
/// the bytes are not UTF-8 (see [`crate::encoding::decode_declared`]).
pub fn decode_page(bytes: &[u8]) -> crate::encoding::Decoded {
    crate::encoding::decode_declared(bytes, declared_charset(bytes).as_deref())
}

/// The charset a page declares in its first 1024 bytes (`<meta
/// charset="euc-kr">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=euc-kr">`), as browsers prescan for it.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?;
    (!label.is_empty()).then(|| label.to_owned())
}

/// Extracts the article of a saved web page.
pub fn parse(page: &str) -> Result<Record, FormatError> {
    if page.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: page.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    check_depth(page)?;
    let html = Html::parse_document(page);
    let meta = Meta::read(&html);
    let ld = json_ld_article(&html);
    let root = main_root(&html);
    let paragraphs = root.map(paragraphs_of).unwrap_or_default();
    let h1 = root.and_then(|r| first_text(r, "h1"));
    let mut text = paragraphs.join("\n\n");
    if text.is_empty() {
        text = ld.get("articleBody").unwrap_or_default();
    }
    if text.trim().is_empty() {
        return Err(FormatError::NoArticleText);
    }
    let source = meta.site_name.clone().or_else(|| ld.get("publisher"));
    let title = ld
        .get("headline")
        .or_else(|| meta.og_title.clone())
        .or(h1)
        .or_else(|| {
            meta.title
                .as_deref()
                .map(|t| strip_site(t, source.as_deref()))
        });
    let date = meta
        .published
        .clone()
        .or_else(|| ld.get("datePublished"))
        .or_else(|| root.and_then(first_time));
    let author = ld
        .get("author")
        .or_else(|| meta.author.clone())
        .or_else(|| root.and_then(byline));
    let url = meta.url.clone().or_else(|| ld.get("url"));
    Ok(Record {
        title: title.and_then(|t| clean(collapse(&t))),
        text,
        date: date.and_then(clean),
        source: source.and_then(|s| clean(collapse(&s))),
        url: url.and_then(clean),
        author: author.and_then(|a| clean(collapse(&a))),
        origin: 1,
    })
}

/// Refuses markup nested deeper than [`MAX_DEPTH`], by one linear scan of
/// the tags before parsing: html5ever checks the stack of open elements at
/// each tag, so 50,000 nested `<div>`s would take minutes.
fn check_depth(page: &str) -> Result<(), FormatError> {
    let b = page.as_bytes();
    let (mut i, mut depth, mut line) = (0usize, 0usize, 1usize);
    let name_at = |from: usize| -> (String, usize) {
        let end = b[from..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |n| from + n);
        (page.get(from..end).unwrap_or("").to_ascii_lowercase(), end)
    };
    // Index just past the `>` closing the tag that starts before `from`
    // (quoted attribute values may hold `>`), counting lines.
    let skip_tag = |mut j: usize, line: &mut usize| -> (usize, bool) {
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (_, b'\n') => *line += 1,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => return (j + 1, j > 0 && b[j - 1] == b'/'),
                _ => {}
            }
            j += 1;
        }
        (j, false)
    };
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'<' if b.get(i + 1) == Some(&b'!') => {
                let end = if page[i..].starts_with("<!--") {
                    "-->"
                } else {
                    ">"
                };
                let stop = page[i..].find(end).map_or(b.len(), |n| i + n + end.len());
                line += b[i..stop].iter().filter(|&&c| c == b'\n').count();
                i = stop;
            }
            b'<' if b.get(i + 1) == Some(&b'/') => {
                let (name, end) = name_at(i + 2);
                if !name.is_empty() && !FLAT_TAGS.contains(&name.as_str()) {
                    depth = depth.saturating_sub(1);
                }
                i = skip_tag(end, &mut line).0;
            }
            b'<' if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, end) = name_at(i + 1);
                let (next, self_closing) = skip_tag(end, &mut line);
                i = next;
                if matches!(
                    name.as_str(),
                    "script" | "style" | "textarea" | "title" | "xmp"
                ) {
                    // Raw text: skip to its end tag.
                    let close = format!("</{name}");
                    let stop = b[i..]
                        .windows(close.len())
                        .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
                        .map_or(b.len(), |n| i + n);
                    line += b[i..stop].iter().filter(|&&c| c == b'\n').count();
                    i = stop;
                } else if !self_closing && !FLAT_TAGS.contains(&name.as_str()) {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(FormatError::MarkupTooDeep {
                            line,
                            limit: MAX_DEPTH,
                        });
                    }
                }
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// What `<head>` says.
#[derive(Default)]
struct Meta {
    title: Option<String>,
    og_title: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

impl Meta {
    fn read(html: &Html) -> Meta {
        let mut m = Meta::default();
        for node in html.root_element().descendants() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            let e = el.value();
            match e.name() {
                "title" if m.title.is_none() => m.title = Some(el.text().collect()),
                "meta" => {
                    let key = e.attr("property").or_else(|| e.attr("name")).unwrap_or("");
                    let Some(content) = e.attr("content").map(str::to_owned) else {
                        continue;
                    };
                    let slot = match key.to_ascii_lowercase().as_str() {
                        "og:title" | "twitter:title" => &mut m.og_title,
                        "og:site_name" | "application-name" => &mut m.site_name,
                        "article:published_time"
                        | "datepublished"
                        | "date"
                        | "pubdate"
                        | "dc.date"
                        | "dc.date.issued"
                        | "sailthru.date" => &mut m.published,
                        "author" | "article:author" | "dc.creator" | "byl" => &mut m.author,
                        "og:url" => &mut m.url,
                        _ => continue,
                    };
                    slot.get_or_insert(content);
                }
                "link"
                    if e.attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
                {
                    if let Some(href) = e.attr("href") {
                        m.url.get_or_insert(href.to_owned());
                    }
                }
                _ => {}
            }
        }
        // "By Ana Ruiz" in a meta author is a byline; keep the name.
        m.author = m.author.map(|a| strip_by(&a).to_owned());
        m
    }
}

/// The JSON-LD article object of the page, if any.
#[derive(Default)]
struct LdArticle(Option<serde_json::Map<String, Value>>);

impl LdArticle {
    /// A field as text: strings as they are, `{"name": …}` objects by name,
    /// lists joined with ", ".
    fn get(&self, key: &str) -> Option<String> {
        fn text(v: &Value, depth: usize) -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o.get("name").and_then(|n| text(n, depth + 1)),
                Value::Array(items) if depth == 0 => {
                    let parts: Vec<String> = items.iter().filter_map(|i| text(i, 1)).collect();
                    (!parts.is_empty()).then(|| parts.join(", "))
                }
                _ => None,
            }
        }
        self.0.as_ref()?.get(key).and_then(|v| text(v, 0))
    }
}

fn json_ld_article(html: &Html) -> LdArticle {
    for node in html.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        if el.value().name() != "script"
            || !el
                .value()
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let body: String = el.text().collect();
        if body.len() > MAX_JSON_LD {
            continue;
        }
        // serde_json stops at 128 levels of nesting by itself.
        let Ok(value) = serde_json::from_str::<Value>(&body) else {
            continue;
        };
        if let Some(found) = find_article(value, 0) {
            return LdArticle(Some(found));
        }
    }
    LdArticle(None)
}

/// An object whose `@type` is an article kind, in a list or `@graph`.
fn find_article(value: Value, depth: usize) -> Option<serde_json::Map<String, Value>> {
    if depth > 3 {
        return None;
    }
    match value {
        Value::Array(items) => items.into_iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(mut o) => {
            let is_article = |t: &Value| {
                t.as_str()
                    .is_some_and(|s| s.ends_with("Article") || s == "BlogPosting" || s == "Report")
            };
            let typed = match o.get("@type") {
                Some(Value::Array(types)) => types.iter().any(is_article),
                Some(t) => is_article(t),
                None => false,
            };
            if typed {
                return Some(o);
            }
            o.remove("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// The element holding the article: the `<article>` with the most text,
/// else `<main>` or `role="main"`, else `<body>`.
fn main_root(html: &Html) -> Option<ElementRef<'_>> {
    let mut best_article: Option<(usize, ElementRef<'_>)> = None;
    let mut main = None;
    let mut body = None;
    // Each candidate's text is measured: bounded, so that thousands of
    // nested <article>s cannot make the work quadratic.
    let mut articles_left = MAX_ARTICLES;
    for node in html.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        match el.value().name() {
            "article" if articles_left > 0 && !dropped(el.value()) => {
                articles_left -= 1;
                let len = paragraphs_of(el).iter().map(String::len).sum();
                if best_article.is_none_or(|(l, _)| len > l) {
                    best_article = Some((len, el));
                }
            }
            "main" if main.is_none() => main = Some(el),
            _ if main.is_none() && el.value().attr("role") == Some("main") => main = Some(el),
            "body" if body.is_none() => body = Some(el),
            _ => {}
        }
    }
    best_article
        .filter(|(len, _)| *len > 0)
        .map(|(_, el)| el)
        .or(main)
        .or(body)
}

/// Is this element boilerplate by its tag, class, id or hiding?
fn dropped(e: &Element) -> bool {
    if DROP_TAGS.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary")
    ) {
        return true;
    }
    [e.attr("class"), e.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| DROP_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d)))
        })
}

/// The text of `root` as paragraphs, without boilerplate, walked without
/// recursion.
fn paragraphs_of(root: ElementRef<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let p = collapse(current);
        if !p.is_empty() {
            out.push(p);
        }
        current.clear();
    };
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) if node.id() != root.id() && dropped(e) => {
                        skipping = Some(node.id());
                    }
                    Node::Element(e) if BLOCK_TAGS.contains(&e.name()) => {
                        flush(&mut current, &mut out);
                    }
                    Node::Text(t) => current.push_str(t),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none() {
                    if let Node::Element(e) = node.value() {
                        if BLOCK_TAGS.contains(&e.name()) {
                            flush(&mut current, &mut out);
                        }
                    }
                }
            }
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Text of the first `tag` under `root` (outside boilerplate).
fn first_text(root: ElementRef<'_>, tag: &str) -> Option<String> {
    root.descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == tag)
        .map(|e| collapse(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty())
}

/// `datetime` of the first `<time>` under `root`.
fn first_time(root: ElementRef<'_>) -> Option<String> {
    root.descendants()
        .filter_map(ElementRef::wrap)
        .find_map(|e| {
            (e.value().name() == "time")
                .then(|| e.value().attr("datetime"))
                .flatten()
        })
        .map(str::to_owned)
}

/// An author from an element marked as the byline (`rel="author"`, or a
/// class saying byline/author), without a leading "By".
fn byline(root: ElementRef<'_>) -> Option<String> {
    let elements = || root.descendants().filter_map(ElementRef::wrap);
    elements()
        .find(|e| {
            let v = e.value();
            v.attr("rel") == Some("author") || v.attr("itemprop") == Some("author")
        })
        .or_else(|| {
            elements().find(|e| {
                e.value().attr("class").is_some_and(|c| {
                    c.split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '_')
                        .any(|w| {
                            w.eq_ignore_ascii_case("byline") || w.eq_ignore_ascii_case("author")
                        })
                })
            })
        })
        .map(|e| strip_by(&collapse(&e.text().collect::<String>())).to_owned())
        .filter(|a| !a.is_empty() && a.len() < 200)
}

fn strip_by(s: &str) -> &str {
    let t = s.trim();
    ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim()
}

/// "Fence extended | Wire" → "Fence extended" when the outlet is "Wire".
fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{}", site.trim())) {
                return head.trim().to_owned();
            }
        }
    }
    title
}

/// Runs of whitespace (including non-breaking spaces) become one space;
/// the ends are trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{A0}') {
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_are_whole_words() {
        let page = r#"<body><div class="article-header"><p>Kept header words.</p></div>
            <div class="ad-slot"><p>Buy now</p></div><div id="share_bar"><p>Share</p></div>
            <p class="shadow">Kept shadow.</p></body>"#;
        let r = parse(page).unwrap();
        assert_eq!(r.text, "Kept header words.\n\nKept shadow.");
    }

    #[test]
    fn deep_nesting_is_refused_quickly_and_real_depth_is_read() {
        let page = format!("<body>\n{}<p>Deep text.</p></body>", "<div>".repeat(50_000));
        assert_eq!(
            parse(&page),
            Err(FormatError::MarkupTooDeep {
                line: 2,
                limit: MAX_DEPTH
            })
        );
        // Closed elements, unclosed paragraphs and list items, raw text with
        // tags in it and comments do not add up.
        let page = format!(
            "<body>{}<script>{}</script><!-- {} -->{}<div><div>Deep text.</div></div></body>",
            "<div></div><br><img src='a>b'/>".repeat(5_000),
            "<div>".repeat(1_000),
            "<div>".repeat(1_000),
            "<p>Para<li>item".repeat(1_000),
        );
        assert!(parse(&page).unwrap().text.contains("Deep text."));
        let page = format!("<body>{}Deep span.</body>", "<span>".repeat(MAX_DEPTH - 2));
        assert!(parse(&page).unwrap().text.contains("Deep span."));
    }

    #[test]
    fn empty_pages_are_typed_errors() {
        assert_eq!(parse(""), Err(FormatError::NoArticleText));
        assert_eq!(
            parse("<html><body><nav>Home</nav><script>var a = 1;</script></body></html>"),
            Err(FormatError::NoArticleText)
        );
    }

    #[test]
    fn json_ld_in_a_graph_and_article_body_fallback() {
        let page = r#"<head><script type="application/ld+json">{"@graph": [{"@type": "WebSite"},
            {"@type": ["NewsArticle"], "headline": "Gate shut", "articleBody": "The gate closed.",
             "author": [{"@type": "Person", "name": "Ana Ruiz"}], "publisher": {"name": "Wire"}}]}</script></head>
            <body><nav>Home</nav></body>"#;
        let r = parse(page).unwrap();
        assert_eq!(r.title.as_deref(), Some("Gate shut"));
        assert_eq!(r.text, "The gate closed.");
        assert_eq!(r.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(r.source.as_deref(), Some("Wire"));
    }
}
