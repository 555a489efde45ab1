//! Facet filters *are* query text. Clicking a facet value edits the query
//! (`person:"Kim Jong Un"`), excluding one adds `-country:Russia`, and a
//! second value of the same facet joins the first with `OR`; a filter typed
//! by hand is the same thing. Pills are read back from the parsed query:
//! every top-level clause on a facet field is a pill, and removing a pill
//! removes its clause. So the search box, the pills, the facet panel and the
//! link can never disagree: there is one truth, the query.
//!
//! Semantics follow from the query language: within one facet, included
//! values are ORed; different facets (and free words) are ANDed; exclusions
//! always remove.
//!
//! ```
//! use borderlines_engine::facets::FacetKind;
//! use borderlines_engine::filters::{filters, toggle, Filter};
//! let kim = Filter::include(FacetKind::Person, "Kim Jong Un");
//! let q = toggle("defectors", &kim);
//! assert_eq!(q, "defectors person:\"Kim Jong Un\"");
//! let q = toggle(&q, &Filter::include(FacetKind::Person, "Moon Jae-in"));
//! assert_eq!(q, "defectors (person:\"Kim Jong Un\" OR person:\"Moon Jae-in\")");
//! let q = toggle(&q, &Filter::exclude(FacetKind::Country, "Russia"));
//! assert_eq!(filters(&q).len(), 3);
//! assert_eq!(toggle(&q, &kim), "defectors person:\"Moon Jae-in\" -country:Russia");
//! ```

use borderlines_search::{Field, Node, Query, TermKind};

use crate::facets::{words, FacetKind};
use crate::time_bins::parse_date_value;

/// One filter: a facet value, included or excluded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Filter {
    pub kind: FacetKind,
    /// The value as written in the query (a canonical label after a click).
    pub value: String,
    pub excluded: bool,
}

impl Filter {
    /// Keep only documents with this value (ORed with others of its facet).
    pub fn include(kind: FacetKind, value: &str) -> Filter {
        Filter {
            kind,
            value: value.to_owned(),
            excluded: false,
        }
    }

    /// Remove documents with this value.
    pub fn exclude(kind: FacetKind, value: &str) -> Filter {
        Filter {
            excluded: true,
            ..Filter::include(kind, value)
        }
    }

    /// Is this the same facet value (ignoring case, punctuation and polarity)?
    /// Dates compare by the span they name (`2019..2019` is `2019`).
    fn same_value(&self, kind: FacetKind, value: &str) -> bool {
        if self.kind != kind {
            return false;
        }
        if kind == FacetKind::Date {
            if let (Some(a), Some(b)) = (parse_date_value(&self.value), parse_date_value(value)) {
                return a == b;
            }
        }
        words(&self.value) == words(value)
    }

    /// The clause this filter writes into the query.
    fn node(&self) -> Node {
        // Quotes inside a value would end the phrase: they cannot be part of
        // a facet label anyway, so they become spaces.
        let clean: String = self
            .value
            .chars()
            .map(|c| if is_quote(c) { ' ' } else { c })
            .collect();
        let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
        // A date value (`2019..2020`, `2020-03`) is one word too.
        let date_char = |c: char| self.kind == FacetKind::Date && matches!(c, '.' | '-');
        let simple = clean.starts_with(char::is_alphanumeric)
            && clean.chars().all(|c| c.is_alphanumeric() || date_char(c));
        let inner = if simple {
            Node::Term {
                text: clean,
                kind: TermKind::Exact,
            }
        } else {
            Node::Phrase(clean)
        };
        Node::Field(Field::Named(self.kind.field().to_owned()), Box::new(inner))
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// The facet filter a clause is, if it is one (`kind:value` or `-kind:value`).
fn as_filter(n: &Node) -> Option<Filter> {
    let (n, excluded) = match n {
        Node::Not(inner) => (inner.as_ref(), true),
        n => (n, false),
    };
    let Node::Field(Field::Named(name), inner) = n else {
        return None;
    };
    let kind = FacetKind::from_field(name)?;
    let value = match inner.as_ref() {
        Node::Term { text, .. } => text.clone(),
        Node::Phrase(p) => p.clone(),
        _ => return None,
    };
    Some(Filter {
        kind,
        value,
        excluded,
    })
}

/// The included filters an OR group of one facet holds, if it is one.
fn as_or_group(n: &Node) -> Option<Vec<Filter>> {
    let Node::Or(children) = n else { return None };
    let fs: Vec<Filter> = children.iter().map(as_filter).collect::<Option<_>>()?;
    let first = fs.first()?;
    fs.iter()
        .all(|f| !f.excluded && f.kind == first.kind)
        .then_some(fs)
}

/// The top-level clauses of a query (its AND children).
fn clauses(query: &Query) -> Vec<Node> {
    match &query.root {
        None => Vec::new(),
        Some(Node::And(cs)) => cs.clone(),
        Some(n) => vec![n.clone()],
    }
}

/// The query whose top-level clauses are `cs`.
fn query_of(mut cs: Vec<Node>) -> Query {
    let root = match cs.len() {
        0 => None,
        1 => cs.pop(),
        _ => Some(Node::And(cs)),
    };
    Query { root }
}

/// The query text whose top-level clauses are `cs`.
fn from_clauses(cs: Vec<Node>) -> String {
    query_of(cs).to_string()
}

/// The filters (pills) of a query, in the order they are written.
pub fn filters(query_text: &str) -> Vec<Filter> {
    filters_of(&Query::parse(query_text))
}

/// [`filters`] of an already parsed query.
pub fn filters_of(query: &Query) -> Vec<Filter> {
    let mut out = Vec::new();
    for c in clauses(query) {
        if let Some(f) = as_filter(&c) {
            out.push(f);
        } else if let Some(group) = as_or_group(&c) {
            out.extend(group);
        }
    }
    out
}

/// The query with `filter` removed (every clause naming that value with the
/// same polarity); other text is kept as parsed.
pub fn remove(query_text: &str, filter: &Filter) -> String {
    let q = Query::parse(query_text);
    let mut out = Vec::new();
    for c in clauses(&q) {
        if let Some(f) = as_filter(&c) {
            if f.excluded == filter.excluded && f.same_value(filter.kind, &filter.value) {
                continue;
            }
            out.push(c);
        } else if let Some(group) = as_or_group(&c) {
            let kept: Vec<Node> = group
                .iter()
                .filter(|f| filter.excluded || !f.same_value(filter.kind, &filter.value))
                .map(Filter::node)
                .collect();
            match kept.len() {
                0 => {}
                1 => out.extend(kept),
                _ => out.push(Node::Or(kept)),
            }
        } else {
            out.push(c);
        }
    }
    from_clauses(out)
}

/// The query with `filter` added: an inclusion joins the facet's existing
/// inclusions with OR, and replaces an exclusion of the same value (and
/// vice versa). Adding a filter that is already there removes it, so a
/// second click undoes the first.
pub fn toggle(query_text: &str, filter: &Filter) -> String {
    let present = filters(query_text)
        .iter()
        .any(|f| f.excluded == filter.excluded && f.same_value(filter.kind, &filter.value));
    if present {
        return remove(query_text, filter);
    }
    let opposite = Filter {
        excluded: !filter.excluded,
        ..filter.clone()
    };
    let q = Query::parse(&remove(query_text, &opposite));
    let mut cs = clauses(&q);
    if !filter.excluded {
        // Join the facet's existing inclusion (single clause or OR group).
        let at = cs.iter().position(|c| {
            as_filter(c).is_some_and(|f| !f.excluded && f.kind == filter.kind)
                || as_or_group(c).is_some_and(|g| g[0].kind == filter.kind)
        });
        if let Some(at) = at {
            let mut members = match &cs[at] {
                Node::Or(children) => children.clone(),
                other => vec![other.clone()],
            };
            members.push(filter.node());
            cs[at] = Node::Or(members);
            return from_clauses(cs);
        }
        cs.push(filter.node());
    } else {
        cs.push(Node::Not(Box::new(filter.node())));
    }
    from_clauses(cs)
}

/// The query with `filter` in it: like [`toggle`], but a filter already
/// there stays (for links that mean "show me these", never "undo").
pub fn include(query_text: &str, filter: &Filter) -> String {
    let present = filters(query_text)
        .iter()
        .any(|f| f.excluded == filter.excluded && f.same_value(filter.kind, &filter.value));
    if present {
        return query_text.to_owned();
    }
    toggle(query_text, filter)
}

/// The query without any facet filter (free words kept): "clear all".
pub fn clear(query_text: &str) -> String {
    let q = Query::parse(query_text);
    from_clauses(
        clauses(&q)
            .into_iter()
            .filter(|c| as_filter(c).is_none() && as_or_group(c).is_none())
            .collect(),
    )
}

/// The query without the inclusions of one facet: the selection its values
/// are counted in, so that choosing a second value (ORed) shows what it
/// would add rather than what overlaps.
pub fn without_inclusions(query: &Query, kind: FacetKind) -> Query {
    let kept: Vec<Node> = clauses(query)
        .into_iter()
        .filter(|c| {
            let single = as_filter(c).is_some_and(|f| !f.excluded && f.kind == kind);
            let group = as_or_group(c).is_some_and(|g| g[0].kind == kind);
            !single && !group
        })
        .collect();
    query_of(kept)
}

/// Does the query include (not exclude) any value of this facet?
pub fn includes_kind(query: &Query, kind: FacetKind) -> bool {
    filters_of(query)
        .iter()
        .any(|f| !f.excluded && f.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KIM: &str = "Kim Jong Un";

    #[test]
    fn a_click_adds_and_a_second_click_removes() {
        let kim = Filter::include(FacetKind::Person, KIM);
        let q = toggle("", &kim);
        assert_eq!(q, "person:\"Kim Jong Un\"");
        assert_eq!(filters(&q), vec![kim.clone()]);
        assert_eq!(toggle(&q, &kim), "");
    }

    #[test]
    fn including_twice_keeps_the_filter() {
        let seoul = Filter::include(FacetKind::Dateline, "Seoul");
        let q = include("talks", &seoul);
        assert_eq!(q, "talks dateline:Seoul");
        assert_eq!(include(&q, &seoul), q);
        let not_seoul = Filter {
            excluded: true,
            ..seoul.clone()
        };
        assert_eq!(include(&toggle("talks", &not_seoul), &seoul), q);
    }

    #[test]
    fn values_of_one_facet_are_ored_and_facets_anded() {
        let q = toggle("mines", &Filter::include(FacetKind::Country, "China"));
        let q = toggle(&q, &Filter::include(FacetKind::Country, "Russia"));
        let q = toggle(&q, &Filter::include(FacetKind::Year, "2019"));
        assert_eq!(q, "mines (country:China OR country:Russia) year:2019");
        let q = remove(&q, &Filter::include(FacetKind::Country, "china"));
        assert_eq!(q, "mines country:Russia year:2019");
    }

    #[test]
    fn excluding_replaces_including_and_back() {
        let inc = Filter::include(FacetKind::Country, "South Korea");
        let exc = Filter::exclude(FacetKind::Country, "South Korea");
        let q = toggle("", &inc);
        let q = toggle(&q, &exc);
        assert_eq!(q, "-country:\"South Korea\"");
        let q = toggle(&q, &inc);
        assert_eq!(q, "country:\"South Korea\"");
    }

    #[test]
    fn typed_filters_are_pills_too_and_clear_keeps_words() {
        let q = "defectors person:kim -theme:pandemic (tumen OR yalu)";
        let f = filters(q);
        assert_eq!(
            f,
            vec![
                Filter::include(FacetKind::Person, "kim"),
                Filter::exclude(FacetKind::Theme, "pandemic")
            ]
        );
        assert_eq!(clear(q), "defectors (tumen OR yalu)");
        // A field the facets do not know is text, not a pill.
        assert!(filters("title:fence colour:red").is_empty());
    }

    #[test]
    fn counting_a_facet_ignores_its_own_inclusions_only() {
        let q = Query::parse("mines (country:China OR country:Russia) -country:Japan year:2019");
        let without = without_inclusions(&q, FacetKind::Country);
        assert_eq!(without.to_string(), "mines -country:Japan year:2019");
        assert!(includes_kind(&q, FacetKind::Year));
        assert!(!includes_kind(&without, FacetKind::Country));
    }

    #[test]
    fn brushed_ranges_are_ored_pills_and_a_second_brush_undoes() {
        let y19 = Filter::include(FacetKind::Date, "2019");
        let r = Filter::include(FacetKind::Date, "2020-03..2020-06");
        let q = toggle("defectors", &y19);
        assert_eq!(q, "defectors date:2019");
        let q = toggle(&q, &r);
        assert_eq!(q, "defectors (date:2019 OR date:2020-03..2020-06)");
        assert_eq!(filters(&q), vec![y19.clone(), r.clone()]);
        assert_eq!(
            toggle(&q, &Filter::include(FacetKind::Date, "2019..2019")),
            "defectors date:2020-03..2020-06"
        );
        assert_eq!(Query::parse(&q).to_string(), q);
        let q = toggle("", &Filter::include(FacetKind::Date, "1990s"));
        assert_eq!(q, "date:1990s");
    }

    #[test]
    fn hostile_values_stay_one_clause() {
        let f = Filter::include(FacetKind::Source, "a\" OR x:(y \"b");
        let q = toggle("", &f);
        assert_eq!(filters(&q).len(), 1, "{q}");
        assert_eq!(Query::parse(&q).to_string(), q);
    }
}
