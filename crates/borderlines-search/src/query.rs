//! The query language and its forgiving parser.
//!
//! | syntax | meaning |
//! | --- | --- |
//! | `border guards` | every word must match (stopwords are optional), ranked |
//! | `"border guards"` | exact phrase (stemmed, stopwords kept) |
//! | `fortif*` | prefix |
//! | `defectros~` | fuzzy: edit distance 1 (≤ 5 letters) or 2 (longer words keep their first letter); a swap is one edit |
//! | `tumen OR yalu`, `tumen \| yalu` | either; binds tighter than the implicit AND |
//! | `-russia`, `NOT russia` | exclusion |
//! | `(tumen OR yalu) fence` | grouping |
//! | `title:fortifies`, `byline:rana`, `body:…` | field filter; any other `name:` is a metadata field (see [`crate::FieldResolver`]) |
//!
//! Parsing never fails: an unclosed quote runs to the end, an unclosed
//! parenthesis closes at the end, a stray `)`, `OR` or `-` is ignored.
//! [`Query`]'s `Display` shows how the query was understood, in the same
//! language, so that `parse(display(parse(s))) == parse(s)`.
//!
//! ```
//! use borderlines_search::Query;
//! let q = Query::parse("(tumen OR yalu) fence -russia \"border guards");
//! assert_eq!(q.to_string(), "(tumen OR yalu) fence -russia \"border guards\"");
//! assert_eq!(Query::parse(&q.to_string()), q);
//! ```

use std::fmt;

/// A field a query part is restricted to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Byline,
    Body,
    /// A metadata field (entities, source, date …) answered by a [`crate::FieldResolver`].
    Named(String),
}

impl Field {
    fn from_name(name: &str) -> Field {
        match name {
            "title" => Field::Title,
            "byline" | "author" | "by" => Field::Byline,
            "body" | "text" => Field::Body,
            other => Field::Named(other.to_owned()),
        }
    }

    /// The name written before the colon.
    pub fn name(&self) -> &str {
        match self {
            Field::Title => "title",
            Field::Byline => "byline",
            Field::Body => "body",
            Field::Named(n) => n,
        }
    }
}

/// How a single word is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// Same stem (and automatic typo tolerance when nothing matches).
    Exact,
    /// Any word starting with the text (`fortif*`).
    Prefix,
    /// Within a small edit distance (`defectros~`).
    Fuzzy,
}

/// A node of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// One word as typed (it may still hold several tokens, like "Jong-un").
    Term { text: String, kind: TermKind },
    /// Words that must appear in this order, next to each other.
    Phrase(String),
    /// All children must match.
    And(Vec<Node>),
    /// Any child may match.
    Or(Vec<Node>),
    /// Documents the child does not match.
    Not(Box<Node>),
    /// The child, looked for in one field only.
    Field(Field, Box<Node>),
}

/// A parsed query; see the [module docs](self) for the language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Query {
    /// `None` for a blank query.
    pub root: Option<Node>,
}

/// Deeper parentheses are read as if absent (keeps recursion bounded).
const MAX_DEPTH: usize = 24;
/// Longer queries are cut (keeps work bounded on pasted text); see
/// [`Query::is_cut`].
pub const MAX_QUERY_CHARS: usize = 2000;

impl Query {
    /// Whether [`Query::parse`] reads only the first [`MAX_QUERY_CHARS`]
    /// characters of `input` (the page says so).
    pub fn is_cut(input: &str) -> bool {
        input.chars().nth(MAX_QUERY_CHARS).is_some()
    }

    /// Parses a query. Never fails; see the [module docs](self).
    pub fn parse(input: &str) -> Query {
        let input = match input.char_indices().nth(MAX_QUERY_CHARS) {
            Some((i, _)) => &input[..i],
            None => input,
        };
        let lexemes = lex(input);
        let mut p = Parser {
            lex: &lexemes,
            at: 0,
        };
        let children = p.parse_and(0);
        Query {
            root: and(children).map(|n| clamp(n, 0, false)),
        }
    }

    /// Is the query blank?
    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    Open,
    Close,
    Phrase(String),
    Word(String, TermKind),
    Or,
    Minus,
    FieldPrefix(Field),
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn lex(input: &str) -> Vec<Lex> {
    let mut out = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '(' {
            chars.next();
            out.push(Lex::Open);
        } else if c == ')' {
            chars.next();
            out.push(Lex::Close);
        } else if is_quote(c) {
            chars.next();
            let mut text = String::new();
            for (_, c) in chars.by_ref() {
                if is_quote(c) {
                    break;
                }
                text.push(c);
            }
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if has_alnum(&text) {
                out.push(Lex::Phrase(text));
            }
        } else {
            let mut end = i;
            while let Some(&(j, c)) = chars.peek() {
                if c.is_whitespace() || c == '(' || c == ')' || is_quote(c) {
                    break;
                }
                end = j + c.len_utf8();
                chars.next();
            }
            let glued = chars.peek().is_some_and(|&(_, c)| c == '(' || is_quote(c));
            lex_word(&input[i..end], glued, &mut out);
        }
    }
    out
}

/// Splits a word into its prefixes (`-`, `name:`), operator or term.
fn lex_word(word: &str, glued: bool, out: &mut Vec<Lex>) {
    match word {
        "OR" | "|" | "||" => return out.push(Lex::Or),
        "AND" | "&&" | "&" | "+" => return,
        "NOT" => return out.push(Lex::Minus),
        _ => {}
    }
    let mut rest = word;
    let mut prefixes = Vec::new();
    loop {
        if let Some(r) = rest.strip_prefix('-') {
            rest = r.trim_start_matches('-');
            prefixes.push(Lex::Minus);
        } else if let Some((name, r)) = field_prefix(rest) {
            prefixes.push(Lex::FieldPrefix(Field::from_name(&name)));
            rest = r;
        } else {
            break;
        }
    }
    let mut kind = TermKind::Exact;
    let mut core = rest;
    let mut first = true;
    while let Some(c) = core.chars().last().filter(|c| matches!(c, '*' | '~')) {
        if first {
            kind = if c == '*' {
                TermKind::Prefix
            } else {
                TermKind::Fuzzy
            };
            first = false;
        }
        core = &core[..core.len() - 1];
    }
    if has_alnum(core) {
        out.extend(prefixes);
        out.push(Lex::Word(core.to_owned(), kind));
    } else if core.is_empty()
        && (glued || prefixes.iter().any(|p| matches!(p, Lex::FieldPrefix(_))))
    {
        // "-(" / "title:(" / "title: word": the prefixes apply to what follows.
        out.extend(prefixes);
    }
}

/// `name:` at the start of a word, with a name of ASCII letters or `_`.
fn field_prefix(word: &str) -> Option<(String, &str)> {
    let colon = word.find(':')?;
    let name = &word[..colon];
    let ok = name.len() >= 2
        && name.len() <= 32
        && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
    ok.then(|| (name.to_ascii_lowercase(), &word[colon + 1..]))
}

struct Parser<'a> {
    lex: &'a [Lex],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Lex> {
        self.lex.get(self.at)
    }

    /// Juxtaposed clauses until a `)` (left for the caller) or the end.
    fn parse_and(&mut self, depth: usize) -> Vec<Node> {
        let mut out = Vec::new();
        while let Some(l) = self.peek() {
            match l {
                Lex::Close if depth > 0 => break,
                Lex::Close | Lex::Or => self.at += 1,
                _ => {
                    let start = self.at;
                    if let Some(n) = self.parse_or(depth) {
                        out.push(n);
                    }
                    if self.at == start {
                        self.at += 1;
                    }
                }
            }
        }
        out
    }

    fn parse_or(&mut self, depth: usize) -> Option<Node> {
        let first = self.parse_unary(depth);
        let mut alts: Vec<Node> = first.into_iter().collect();
        while self.peek() == Some(&Lex::Or) {
            while self.peek() == Some(&Lex::Or) {
                self.at += 1;
            }
            match self.parse_unary(depth) {
                Some(n) => alts.push(n),
                None => break,
            }
        }
        or(alts)
    }

    fn parse_unary(&mut self, depth: usize) -> Option<Node> {
        let mut negated = false;
        let mut field = None;
        loop {
            match self.peek() {
                Some(Lex::Minus) => negated = !negated,
                Some(Lex::FieldPrefix(f)) => field = Some(f.clone()),
                _ => break,
            }
            self.at += 1;
        }
        let mut node = self.parse_atom(depth)?;
        if let Some(f) = field {
            node = field_node(f, node);
        }
        Some(if negated { not(node) } else { node })
    }

    fn parse_atom(&mut self, depth: usize) -> Option<Node> {
        match self.peek()? {
            Lex::Open => {
                self.at += 1;
                if depth >= MAX_DEPTH {
                    // Read as if absent: the enclosing loop goes on after it.
                    return None;
                }
                let children = self.parse_and(depth + 1);
                if self.peek() == Some(&Lex::Close) {
                    self.at += 1;
                }
                and(children)
            }
            Lex::Phrase(p) => {
                let n = Node::Phrase(p.clone());
                self.at += 1;
                Some(n)
            }
            Lex::Word(w, k) => {
                let n = Node::Term {
                    text: w.clone(),
                    kind: *k,
                };
                self.at += 1;
                Some(n)
            }
            _ => None,
        }
    }
}

/// Keeps the query within what it is shown as: `Display` writes a
/// parenthesis for every OR inside an AND and every compound inside an OR,
/// a negation or a field, so a query read from at most [`MAX_DEPTH`] levels
/// of parentheses can be shown with more; read back, the deeper ones would
/// be ignored and the query would change. A part that would be shown more
/// than `MAX_DEPTH` parentheses deep is replaced by its first word or phrase
/// (with its negation and field). `open` counts the parentheses open around
/// `n`; `in_and` mirrors `write_node`.
fn clamp(n: Node, open: usize, in_and: bool) -> Node {
    match n {
        Node::And(cs) => Node::And(cs.into_iter().map(|c| clamp(c, open, true)).collect()),
        Node::Or(cs) => {
            let open = open + usize::from(in_and);
            if open > MAX_DEPTH {
                return first_unit(Node::Or(cs));
            }
            Node::Or(cs.into_iter().map(|c| clamp_grouped(c, open)).collect())
        }
        Node::Not(c) => not(clamp_grouped(*c, open)),
        Node::Field(f, c) => field_node(f, clamp_grouped(*c, open)),
        leaf => leaf,
    }
}

/// [`clamp`] for a child written by `write_grouped`.
fn clamp_grouped(n: Node, open: usize) -> Node {
    match n {
        Node::And(_) | Node::Or(_) if open + 1 > MAX_DEPTH => first_unit(n),
        Node::And(_) | Node::Or(_) => clamp(n, open + 1, false),
        n => clamp(n, open, false),
    }
}

/// The first word or phrase of `n`, with the negations and field around it.
fn first_unit(n: Node) -> Node {
    match n {
        Node::And(cs) | Node::Or(cs) => match cs.into_iter().next() {
            Some(c) => first_unit(c),
            // The parser never builds an empty AND or OR.
            None => Node::Phrase(String::new()),
        },
        Node::Not(c) => not(first_unit(*c)),
        Node::Field(f, c) => field_node(f, first_unit(*c)),
        leaf => leaf,
    }
}

/// Builds a conjunction, flattening nested ones.
fn and(children: Vec<Node>) -> Option<Node> {
    let mut flat = Vec::with_capacity(children.len());
    for c in children {
        match c {
            Node::And(cs) => flat.extend(cs),
            c => flat.push(c),
        }
    }
    match flat.len() {
        0 => None,
        1 => flat.pop(),
        _ => Some(Node::And(flat)),
    }
}

/// Builds a disjunction, flattening nested ones.
fn or(children: Vec<Node>) -> Option<Node> {
    let mut flat = Vec::with_capacity(children.len());
    for c in children {
        match c {
            Node::Or(cs) => flat.extend(cs),
            c => flat.push(c),
        }
    }
    match flat.len() {
        0 => None,
        1 => flat.pop(),
        _ => Some(Node::Or(flat)),
    }
}

/// Negation with double negations cancelled.
fn not(n: Node) -> Node {
    match n {
        Node::Not(inner) => *inner,
        n => Node::Not(Box::new(n)),
    }
}

/// A field restriction in normal form: the innermost field wins and the
/// negation goes outside, as the parser reads `-title:x`.
fn field_node(f: Field, n: Node) -> Node {
    match n {
        Node::Field(g, inner) => Node::Field(g, inner),
        Node::Not(inner) => not(field_node(f, *inner)),
        n => Node::Field(f, Box::new(n)),
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.root {
            Some(n) => write_node(n, f, false),
            None => Ok(()),
        }
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_node(self, f, false)
    }
}

/// Words the parser reads as operators, not terms.
fn is_operator_word(text: &str) -> bool {
    matches!(text, "OR" | "|" | "||" | "AND" | "&&" | "&" | "+" | "NOT")
}

fn write_node(n: &Node, f: &mut fmt::Formatter<'_>, in_and: bool) -> fmt::Result {
    match n {
        Node::Term { text, kind } => {
            // On its own, an operator word is a term only as a double
            // negation ("NOT -OR" searches for "OR"): shown so, it reads
            // back as the same query.
            if *kind == TermKind::Exact && is_operator_word(text) {
                f.write_str("NOT -")?;
            }
            write_term(text, *kind, f)
        }
        Node::Phrase(p) => write!(f, "\"{p}\""),
        Node::And(cs) => {
            for (i, c) in cs.iter().enumerate() {
                if i > 0 {
                    f.write_str(" ")?;
                }
                write_node(c, f, true)?;
            }
            Ok(())
        }
        Node::Or(cs) => {
            if in_and {
                f.write_str("(")?;
            }
            for (i, c) in cs.iter().enumerate() {
                if i > 0 {
                    f.write_str(" OR ")?;
                }
                write_grouped(c, f)?;
            }
            if in_and {
                f.write_str(")")?;
            }
            Ok(())
        }
        Node::Not(c) => {
            f.write_str("-")?;
            write_operand(c, f)
        }
        Node::Field(field, c) => {
            write!(f, "{}:", field.name())?;
            write_operand(c, f)
        }
    }
}

/// Writes a child that must read as one unit (parenthesised when compound).
/// A term's text and its kind's mark.
fn write_term(text: &str, kind: TermKind, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(text)?;
    match kind {
        TermKind::Exact => Ok(()),
        TermKind::Prefix => f.write_str("*"),
        TermKind::Fuzzy => f.write_str("~"),
    }
}

/// The operand of `-` or `field:`, where any word is a term (`-OR`,
/// `title:OR`).
fn write_operand(n: &Node, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match n {
        Node::Term { text, kind } => write_term(text, *kind, f),
        n => write_grouped(n, f),
    }
}

fn write_grouped(n: &Node, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match n {
        Node::And(_) | Node::Or(_) => {
            f.write_str("(")?;
            write_node(n, f, false)?;
            f.write_str(")")
        }
        n => write_node(n, f, false),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_query_over_the_limit_is_cut_and_says_so() {
        let long = "w ".repeat(MAX_QUERY_CHARS);
        assert!(Query::is_cut(&long));
        assert!(!Query::is_cut(&long[..MAX_QUERY_CHARS]));
        // The cut query parses like its first MAX_QUERY_CHARS characters.
        assert_eq!(Query::parse(&long), Query::parse(&long[..MAX_QUERY_CHARS]));
    }

    use super::*;

    /// Regression (found by the property test): "NOT -OR(" is the term "OR"
    /// (a double negation), which was shown as "OR" and read back as nothing.
    #[test]
    fn a_double_negated_operator_word_is_shown_as_a_query_that_reads_back() {
        // The second is the fuzzer's crash-9895402c (query target).
        for text in ["NOT -OR(", "-(( ---OR ", "NOT -AND", "a NOT -|", "NOT -NOT"] {
            let q = Query::parse(text);
            let shown = q.to_string();
            assert_eq!(Query::parse(&shown), q, "{text:?} shown as {shown:?}");
            assert_eq!(Query::parse(&shown).to_string(), shown);
        }
    }
    use proptest::prelude::*;

    fn shows(input: &str) -> String {
        Query::parse(input).to_string()
    }

    #[test]
    fn reads_the_language() {
        assert_eq!(shows("defectors 2019"), "defectors 2019");
        assert_eq!(shows("\"border guards\""), "\"border guards\"");
        assert_eq!(shows("fortif*"), "fortif*");
        assert_eq!(shows("defectros~"), "defectros~");
        assert_eq!(shows("mines -russia"), "mines -russia");
        assert_eq!(shows("mines NOT russia"), "mines -russia");
        assert_eq!(shows("tumen OR yalu fence"), "(tumen OR yalu) fence");
        assert_eq!(shows("title:fortifies"), "title:fortifies");
        assert_eq!(shows("Title: fortifies"), "title:fortifies");
        assert_eq!(
            shows("title:(a OR b) -byline:\"x y\""),
            "title:(a OR b) -byline:\"x y\""
        );
        assert_eq!(shows("a AND b"), "a b");
        assert_eq!(shows("(a b) OR c"), "(a b) OR c");
    }

    #[test]
    fn malformed_queries_read_as_meant() {
        assert_eq!(shows("\"border guards"), "\"border guards\"");
        assert_eq!(shows("(tumen OR yalu fence"), "(tumen OR yalu) fence");
        assert_eq!(shows("tumen) yalu"), "tumen yalu");
        assert_eq!(shows("OR a OR"), "a");
        assert_eq!(shows("a - b"), "a b");
        assert_eq!(shows("--a"), "-a");
        assert_eq!(shows("- -a"), "-a");
        assert_eq!(shows("()"), "");
        assert_eq!(shows("\"\""), "");
        assert_eq!(shows("* ~ -"), "");
        assert_eq!(shows("10:30 http://x"), "10:30 http://x");
        assert_eq!(shows("“curly quotes”"), "\"curly quotes\"");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = "(".repeat(900) + "a" + &")".repeat(900);
        assert_eq!(shows(&deep), "a");
        let negs = "NOT ".repeat(401) + "a";
        assert_eq!(shows(&negs), "-a");
    }

    /// Bug (found by fuzzing): `a b OR (c d OR (…))` is shown with twice
    /// as many parentheses (`a (b OR (c (d OR …)))`); reading back ignored
    /// those past 24, so from about 24 levels on the query read back was
    /// not the one shown.
    #[test]
    fn a_deeply_nested_query_reads_back_as_shown() {
        for levels in [1, 12, 13, 24, 25, 40] {
            let mut text = "z".to_owned();
            for i in 0..levels {
                text = format!("a{i} b{i} OR ({text})");
            }
            let q = Query::parse(&text);
            let shown = q.to_string();
            assert_eq!(Query::parse(&shown), q, "{levels} levels shown as {shown}");
            assert_eq!(Query::parse(&shown).to_string(), shown);
        }
        // Within the limit nothing is lost.
        let q = Query::parse("a b OR (c d OR (e f OR g))");
        assert_eq!(q.to_string(), "a (b OR (c (d OR (e (f OR g)))))");
    }

    proptest! {
        #[test]
        fn parse_display_parse_is_stable(s in "[a-zA-Z0-9 \"()*~:|\\-ÄéOR]{0,40}") {
            let q = Query::parse(&s);
            let again = Query::parse(&q.to_string());
            prop_assert_eq!(&again, &q, "displayed as {}", q);
        }

        #[test]
        fn never_panics_on_arbitrary_text(s in "\\PC{0,80}") {
            let q = Query::parse(&s);
            prop_assert_eq!(Query::parse(&q.to_string()), q);
        }
    }
}
