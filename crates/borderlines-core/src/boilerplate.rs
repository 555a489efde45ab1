//! Rules that recognise web boilerplate in scraped article text: ad labels,
//! share widgets, cross-links to other stories, markup residue, credits.
//!
//! The rules describe *kinds* of cruft that scrapers leave in any article
//! ("Advertisement", "author-image", "(Read Also: …)", "12 Comments"), never
//! the sentences of particular files, so they carry over to corpora we have
//! not seen. Each removal names its [`Rule`], which the parser counts.

/// Why a line or fragment was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A short interface label: "Advertisement", "Read More", "Share this".
    UiLabel,
    /// CSS/markup residue: a lone hyphenated lowercase token ("author-image").
    MarkupResidue,
    /// A link to another story: "Read Also: …", "(See also: …)".
    CrossLink,
    /// Engagement counters: "12 Comments", "3.4K shares".
    Counter,
    /// Photo credits and copyright lines.
    Credit,
}

/// Interface labels, normalised (lowercase, letters and digits, single spaces).
/// Misspellings seen in the wild ("advertisment") are listed on purpose.
const UI_LABELS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertisements",
    "advertisment",
    "advertisemnt",
    "sponsored",
    "sponsored content",
    "promoted",
    "paid content",
    "paid post",
    "partner content",
    "read more",
    "read also",
    "also read",
    "read next",
    "see also",
    "more",
    "continue reading",
    "keep reading",
    "show more",
    "load more",
    "new update",
    "update",
    "updated",
    "breaking",
    "breaking news",
    "live",
    "live updates",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share via email",
    "tweet",
    "email",
    "print",
    "copy link",
    "link copied",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    "follow us",
    "follow us on",
    "follow",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "newsletter",
    "get the newsletter",
    "click here",
    "related",
    "related articles",
    "related news",
    "related stories",
    "related posts",
    "related topics",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "trending",
    "trending now",
    "most read",
    "most popular",
    "popular",
    "top stories",
    "comments",
    "leave a comment",
    "view comments",
    "show comments",
    "skip to content",
    "skip to main content",
    "menu",
    "back to top",
    "loading",
    "image",
    "photo",
    "file photo",
    "video",
    "watch",
    "listen",
    "listen to this article",
    "audio",
    "advertisement continue reading below",
    "scroll to continue",
    "scroll to continue with content",
    "story continues below",
    "article continues below",
    "article continues below advertisement",
    "continue reading below",
    "tags",
    "topics",
    "author",
    "about the author",
    "author image",
    "author avatar",
    "featured image",
    "thumbnail",
    "gallery",
    "next article",
    "previous article",
    "next story",
    "previous story",
];

/// Phrases that open a cross-link to another story.
const CROSS_LINK_LEADS: &[&str] = &[
    "read also",
    "also read",
    "read more",
    "see also",
    "also see",
    "related",
    "recommended",
    "must read",
    "don't miss",
    "dont miss",
    "more on this",
    "more from",
    "read next",
    "watch",
    "also watch",
    "read",
    "related story",
    "related article",
    "suggested",
    "you may like",
];

/// Words that make a short "N word" line an engagement counter.
const COUNTER_NOUNS: &[&str] = &[
    "comment",
    "comments",
    "share",
    "shares",
    "view",
    "views",
    "like",
    "likes",
    "reaction",
    "reactions",
    "reads",
];

/// What glues labels together in a chain of them.
const LABEL_SEPARATORS: [char; 6] = ['·', '•', '|', '/', '–', '—'];

/// Words in the longest of [`UI_LABELS`].
const MOST_LABEL_WORDS: usize = most_words(UI_LABELS);

const fn most_words(labels: &[&str]) -> usize {
    let (mut most, mut i) = (0, 0);
    while i < labels.len() {
        let bytes = labels[i].as_bytes();
        let (mut words, mut j) = (1, 0);
        while j < bytes.len() {
            words += (bytes[j] == b' ') as usize;
            j += 1;
        }
        if words > most {
            most = words;
        }
        i += 1;
    }
    most
}

/// Characters [`normalise`] keeps: letters, digits and apostrophes.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Whether `tokens` (split at whitespace) hold more words than any of
/// [`UI_LABELS`]: tokens without a character [`normalise`] keeps are none.
fn more_words_than_any_label<'a>(tokens: impl Iterator<Item = &'a str>) -> bool {
    tokens
        .filter(|t| t.chars().any(is_word_char))
        .nth(MOST_LABEL_WORDS)
        .is_some()
}

/// Lowercases and keeps only letters, digits and apostrophes, separated by single spaces.
fn normalise(line: &str) -> String {
    // One pass, one allocation: the parser calls this on most short lines.
    let mut out = String::with_capacity(line.len());
    let mut in_word = false;
    for c in line.chars() {
        if !is_word_char(c) {
            in_word = false;
            continue;
        }
        if !in_word && !out.is_empty() {
            out.push(' ');
        }
        in_word = true;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '’' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Classifies a whole line (already whitespace-cleaned): `Some(rule)` when
/// the line is boilerplate and must go.
pub fn classify_line(line: &str) -> Option<Rule> {
    // A paragraph of prose is never a label, counter, credit or cross-link
    // (each is at most 30 words) and never markup residue (one token): only
    // a chain of labels can be that long. Most of a text's lines are such
    // paragraphs, and normalising them was most of the parser's time.
    if line.split_whitespace().nth(30).is_some()
        && line.chars().any(char::is_alphanumeric)
        && !is_label_chain(line)
    {
        return None;
    }
    let norm = normalise(line);
    if norm.is_empty() {
        // Lines of pure punctuation or symbols ("•", "***", "—") carry nothing.
        return (!line.is_empty()).then_some(Rule::UiLabel);
    }
    if is_markup_residue(line) {
        return Some(Rule::MarkupResidue);
    }
    if UI_LABELS.contains(&norm.as_str()) || is_label_chain(line) {
        return Some(Rule::UiLabel);
    }
    if is_cross_link(line) {
        return Some(Rule::CrossLink);
    }
    if is_counter(&norm) {
        return Some(Rule::Counter);
    }
    if is_credit(line, &norm) {
        return Some(Rule::Credit);
    }
    None
}

/// Words of web page structure that class names and image ids are made of.
const MARKUP_WORDS: &[&str] = &[
    "ad",
    "ads",
    "author",
    "avatar",
    "banner",
    "btn",
    "button",
    "caption",
    "col",
    "container",
    "content",
    "embed",
    "entry",
    "featured",
    "figure",
    "footer",
    "header",
    "icon",
    "image",
    "img",
    "lazy",
    "logo",
    "media",
    "menu",
    "meta",
    "nav",
    "photo",
    "placeholder",
    "player",
    "post",
    "profile",
    "related",
    "responsive",
    "row",
    "share",
    "sidebar",
    "social",
    "tag",
    "thumb",
    "thumbnail",
    "widget",
    "wrapper",
];

/// "Advertisement · Scroll to continue", "Share | Tweet | Email": labels
/// glued together by separators.
fn is_label_chain(line: &str) -> bool {
    // Most lines are prose: their first part, read a word at a time, is
    // already too long for a label (the split below scans the whole line).
    let first_part = line
        .split_whitespace()
        .take_while(|t| !t.contains(LABEL_SEPARATORS));
    if more_words_than_any_label(first_part) {
        return false;
    }
    let mut parts = 0;
    for part in line.split(LABEL_SEPARATORS) {
        parts += 1;
        // Said without normalising the part (a long paragraph's
        // normalisation was a fifth of the parser's time).
        if more_words_than_any_label(part.split_whitespace()) {
            return false;
        }
        let norm = normalise(part);
        if !(norm.is_empty() || UI_LABELS.contains(&norm.as_str())) {
            return false;
        }
    }
    parts > 1
}

/// "author-image", "post_thumbnail", "img-responsive": one token of lowercase
/// ASCII words joined by '-' or '_' that uses the vocabulary of page markup
/// (or an underscore or digit, which prose hyphenation never does), so that a
/// stray "well-known" on its own line is kept.
fn is_markup_residue(line: &str) -> bool {
    let has_joiner = line.contains(['-', '_']);
    let markupish = line.contains('_')
        || line.chars().any(|c| c.is_ascii_digit())
        || line.split(['-', '_']).any(|w| MARKUP_WORDS.contains(&w));
    has_joiner
        && markupish
        && !line.starts_with(['-', '_'])
        && !line.ends_with(['-', '_'])
        && line
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && line.chars().any(|c| c.is_ascii_lowercase())
}

/// Strips an opening bracket and returns the lead phrase's remainder when the
/// text starts with a cross-link lead followed by ':' '|' '-' '–' '—' or '»'.
fn cross_link_rest(text: &str) -> Option<&str> {
    let inner = text.trim_start_matches(['(', '[', '{']).trim_start();
    let lower = inner.to_lowercase();
    for lead in CROSS_LINK_LEADS {
        if let Some(after) = lower.strip_prefix(lead) {
            let after_trim = after.trim_start();
            if after_trim.starts_with([':', '|', '-', '–', '—', '»', '>']) {
                // `lower` may differ in byte length from `inner` only for
                // non-ASCII letters, which no lead contains; map back safely.
                let offset = inner.len().checked_sub(after_trim.len())?;
                return inner.get(offset + 1..);
            }
        }
    }
    None
}

fn is_cross_link(line: &str) -> bool {
    // A whole line that is a cross-link is short: a headline, not a paragraph.
    cross_link_rest(line).is_some() && line.split_whitespace().count() <= 30
}

fn is_counter(norm: &str) -> bool {
    let mut words = norm.split(' ');
    match (words.next(), words.next(), words.next()) {
        (Some(n), Some(noun), None) => {
            n.chars()
                .all(|c| c.is_ascii_digit() || c == 'k' || c == 'm')
                && n.starts_with(|c: char| c.is_ascii_digit())
                && COUNTER_NOUNS.contains(&noun)
        }
        _ => false,
    }
}

fn is_credit(line: &str, norm: &str) -> bool {
    let words = norm.split(' ').count();
    if words > 14 {
        return false;
    }
    let starts = |p: &str| norm.starts_with(p);
    let credit_lead = (starts("photo")
        || starts("image")
        || starts("picture")
        || starts("file photo")
        || starts("illustration")
        || starts("video"))
        && (line.contains(':') || norm.contains(" by ") || norm.contains("credit"));
    let copyright =
        line.starts_with('©') || starts("copyright") || norm.contains("all rights reserved");
    credit_lead || copyright
}

/// Removes cross-links embedded inside a paragraph, such as
/// "… the border. (Read Also: Some Other Story) Meanwhile …".
/// Returns the cleaned text and how many fragments were removed.
pub fn strip_inline_cross_links(text: &str) -> (String, u32) {
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut rest = text;
    // Bytes, not characters: both brackets are ASCII (a char search was a
    // tenth of the parser's time).
    while let Some(open) = rest.bytes().position(|b| b == b'(' || b == b'[') {
        let (before, from_open) = rest.split_at(open);
        let close_char = if from_open.starts_with('(') { ')' } else { ']' };
        match (cross_link_rest(from_open), from_open.find(close_char)) {
            (Some(_), Some(close)) => {
                out.push_str(before.trim_end());
                removed += 1;
                rest = &from_open[close + 1..];
            }
            _ => {
                out.push_str(before);
                out.push_str(&from_open[..1]);
                rest = &from_open[1..];
            }
        }
    }
    out.push_str(rest);
    if removed > 0 {
        out = crate::text::clean_line(&out);
    }
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_chained_are_boilerplate_and_a_long_part_never_a_label() {
        assert!(is_label_chain("Advertisement · Scroll to continue"));
        assert!(is_label_chain("Share | Tweet | Email"));
        // Punctuation-only tokens are no words: still the labels alone.
        assert!(is_label_chain("Share - - - - - - - - - - - - - | Tweet"));
        assert!(!is_label_chain(
            "Share | Guards on the Tumen river fired on two defectors last winter"
        ));
        let longest = UI_LABELS
            .iter()
            .max_by_key(|l| l.split(' ').count())
            .unwrap();
        assert_eq!(longest.split(' ').count(), MOST_LABEL_WORDS);
        assert!(is_label_chain(&format!("{longest} | share")));
    }

    #[test]
    fn ui_labels_in_their_many_spellings() {
        for l in [
            "Advertisment",
            "ADVERTISEMENT",
            "Read More\u{a0}",
            "New Update",
            "Share this article",
            "Skip to main content",
            "Story continues below",
            "•",
            "Listen to this article",
            "Share | Tweet | Email",
            "Advertisement · Scroll to continue",
        ] {
            assert_eq!(
                classify_line(&crate::text::clean_line(l)),
                Some(Rule::UiLabel),
                "{l}"
            );
        }
    }

    #[test]
    fn markup_residue() {
        for l in ["author-image", "post_thumbnail", "img-responsive-2"] {
            assert_eq!(classify_line(l), Some(Rule::MarkupResidue), "{l}");
        }
        for l in ["Jong-un", "North-South", "well-known", "Re-election-ready?"] {
            assert_ne!(classify_line(l), Some(Rule::MarkupResidue), "{l}");
        }
    }

    #[test]
    fn cross_links() {
        for l in [
            "(Read Also: Land Reclamation Warning)",
            "Also read: Why the Yalu matters",
            "RELATED | Satellite images show new walls",
            "[See also - Tumen trade]",
        ] {
            assert_eq!(classify_line(l), Some(Rule::CrossLink), "{l}");
        }
        assert_eq!(
            classify_line("Read the full report on the agency's website."),
            None
        );
        assert_eq!(
            classify_line("Related families were separated at the border."),
            None
        );
    }

    #[test]
    fn counters_and_credits() {
        assert_eq!(classify_line("12 Comments"), Some(Rule::Counter));
        assert_eq!(classify_line("3k shares"), Some(Rule::Counter));
        assert_eq!(
            classify_line("Photo: Reuters/Kim Hong-Ji"),
            Some(Rule::Credit)
        );
        assert_eq!(
            classify_line("© 2023 Example Media. All rights reserved."),
            Some(Rule::Credit)
        );
        assert_eq!(classify_line("12 soldiers crossed"), None);
        assert_eq!(
            classify_line("Photographs smuggled out of the country show the fence."),
            None
        );
    }

    #[test]
    fn real_sentences_survive() {
        for l in [
            "North Korea has denied these allegations.",
            "Share prices fell in Seoul on Friday.",
            "A Confluence of Security Measures",
            "Watch towers now line the river.",
        ] {
            assert_eq!(classify_line(l), None, "{l}");
        }
    }

    #[test]
    fn inline_cross_links_are_cut_out() {
        let (t, n) = strip_inline_cross_links(
            "Walls went up. (Read Also: Other Story) Trade fell (by 80%).",
        );
        assert_eq!(t, "Walls went up. Trade fell (by 80%).");
        assert_eq!(n, 1);
        let (t, n) = strip_inline_cross_links("Unclosed (Read also: oops");
        assert_eq!((t.as_str(), n), ("Unclosed (Read also: oops", 0));
    }
}
