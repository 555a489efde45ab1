//! Facets: the values a document can be filtered by (people, organisations,
//! countries, places, groups, themes, sources, years, language), gathered
//! once from the insights into a [`FacetIndex`]: value → documents and
//! document → values. Field filters (`person:kim`) and facet counts are
//! answered from it, so neither scans documents' entities per query.
//!
//! ```
//! use borderlines_engine::facets::{FacetIndex, FacetKind};
//! let doc = borderlines_core::parse_document("a", "Leader Kim Jong Un ordered fences along the Tumen River in 2020.").unwrap();
//! let corpus = borderlines_core::Corpus { documents: vec![doc] };
//! let insights = borderlines_extract::CorpusInsights::build(&corpus);
//! let facets = FacetIndex::build(&insights);
//! let kim = facets.resolve(FacetKind::Person, "kim");
//! assert_eq!(facets.value(kim[0]).unwrap().label, "Kim Jong Un");
//! assert_eq!(facets.docs_of(&kim), vec![0]);
//! ```

use std::borrow::Cow;

use borderlines_extract::{CorpusInsights, DocumentInsights, EntityKind};
use rustc_hash::FxHashMap;

/// What a facet filters on. Its [`FacetKind::field`] is the query field
/// that means the same thing (`person:`, `year:` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Person,
    Organisation,
    Country,
    Place,
    Group,
    Theme,
    Source,
    /// The place a wire story is datelined ("SEOUL, Nov 3 (Reuters) -"),
    /// resolved: where the story was filed.
    Dateline,
    Year,
    Language,
    /// A span of time (`date:2019..2020`): a brushed range of the timeline.
    /// Not a panel (not in [`FacetKind::ALL`]) and holds no values; the
    /// `date:` field is answered from the documents' dates
    /// ([`crate::doc_dates`]). It is a kind so that brushed ranges are
    /// pills, ORed with each other, like facet values.
    Date,
}

impl FacetKind {
    /// Every kind, in the order the facet panel shows them.
    pub const ALL: [FacetKind; 10] = [
        FacetKind::Person,
        FacetKind::Organisation,
        FacetKind::Country,
        FacetKind::Place,
        FacetKind::Group,
        FacetKind::Theme,
        FacetKind::Source,
        FacetKind::Dateline,
        FacetKind::Year,
        FacetKind::Language,
    ];

    /// The query field name (`person:kim`); also the `data-facet` hook.
    pub fn field(self) -> &'static str {
        match self {
            FacetKind::Person => "person",
            FacetKind::Organisation => "org",
            FacetKind::Country => "country",
            FacetKind::Place => "place",
            FacetKind::Group => "group",
            FacetKind::Theme => "theme",
            FacetKind::Source => "source",
            FacetKind::Dateline => "dateline",
            FacetKind::Year => "year",
            FacetKind::Language => "lang",
            FacetKind::Date => "date",
        }
    }

    /// The panel's heading.
    pub fn label(self) -> &'static str {
        match self {
            FacetKind::Person => "People",
            FacetKind::Organisation => "Organisations",
            FacetKind::Country => "Countries",
            FacetKind::Place => "Places",
            FacetKind::Group => "Groups",
            FacetKind::Theme => "Themes",
            FacetKind::Source => "Sources",
            FacetKind::Dateline => "Datelines",
            FacetKind::Year => "Years",
            FacetKind::Language => "Language",
            FacetKind::Date => "Dates",
        }
    }

    /// One value's kind, for a pill ("Person: Kim Jong Un").
    pub fn label_one(self) -> &'static str {
        match self {
            FacetKind::Person => "Person",
            FacetKind::Organisation => "Organisation",
            FacetKind::Country => "Country",
            FacetKind::Place => "Place",
            FacetKind::Group => "Group",
            FacetKind::Theme => "Theme",
            FacetKind::Source => "Source",
            FacetKind::Dateline => "Dateline",
            FacetKind::Year => "Year",
            FacetKind::Language => "Language",
            FacetKind::Date => "Date",
        }
    }

    /// The kind a query field names, accepting the synonyms people type.
    pub fn from_field(name: &str) -> Option<FacetKind> {
        Some(match name.to_lowercase().as_str() {
            "person" | "people" | "who" => FacetKind::Person,
            "org" | "organisation" | "organization" => FacetKind::Organisation,
            "country" => FacetKind::Country,
            "place" | "where" => FacetKind::Place,
            "group" => FacetKind::Group,
            "theme" | "topic" => FacetKind::Theme,
            "source" | "outlet" => FacetKind::Source,
            "dateline" | "filed" => FacetKind::Dateline,
            "year" | "when" => FacetKind::Year,
            "lang" | "language" => FacetKind::Language,
            "date" => FacetKind::Date,
            _ => return None,
        })
    }

    /// The facet kind of an extracted entity's kind.
    pub fn of_entity(kind: EntityKind) -> FacetKind {
        match kind {
            EntityKind::Person => FacetKind::Person,
            EntityKind::Organisation => FacetKind::Organisation,
            EntityKind::Country => FacetKind::Country,
            EntityKind::Place => FacetKind::Place,
            EntityKind::Group => FacetKind::Group,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One value of one facet, with the documents that have it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetValue {
    pub kind: FacetKind,
    /// The canonical value: what the panel shows, what a click puts in the
    /// query and what `data-value` carries.
    pub label: String,
    /// The label's words, folded (see [`words`]).
    words: Vec<String>,
    /// Other ways documents write it ("Kim" for "Kim Jong Un"), as words.
    aliases: Vec<Vec<String>>,
    /// Documents having this value, ascending.
    pub docs: Vec<u32>,
}

/// Every facet value of a corpus, built once from its insights.
#[derive(Debug, Clone, Default)]
pub struct FacetIndex {
    values: Vec<FacetValue>,
    /// Value ids per kind (indexed by `FacetKind as usize`).
    by_kind: [Vec<u32>; 11],
    /// Value ids per document, ascending.
    doc_values: Vec<Vec<u32>>,
    /// Each value's place in alphabetical order (case-folded): the tie
    /// break of facet lists, computed once so sorting compares integers.
    alpha_rank: Vec<u32>,
}

/// The words of a label as the one tokenizer cuts them
/// (`borderlines_core::tokenize`), lowercased and without inner
/// punctuation: "U.S." → ["us"] (so "U.S." and "US" agree), "Jong-un" →
/// ["jong", "un"], "1,047" → ["1047"], "don't" → ["dont"].
pub fn words(text: &str) -> Vec<String> {
    borderlines_core::tokenize::words(text)
        .map(|(_, w)| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect()
}

/// Do the `needle` words occur in order in `hay`, each as a word prefix?
fn contains_words(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && hay.len() >= needle.len()
        && hay
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(h, n)| h.starts_with(n.as_str())))
}

/// Collects (kind, label, aliases) for every value one document has.
/// Borrowed where it can be: opening a large corpus runs this for every
/// document.
fn document_values(doc: &DocumentInsights) -> Vec<(FacetKind, Cow<'_, str>, Vec<&str>)> {
    let mut out = Vec::new();
    for e in &doc.entities {
        // Distinct forms only: a long report names "China" thousands of times.
        // Every form as written, repeats too (a long report names "China"
        // thousands of times): the builder reads each form once per value.
        let aliases: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        out.push((
            FacetKind::of_entity(e.kind),
            Cow::Borrowed(e.name.as_str()),
            aliases,
        ));
    }
    for t in &doc.themes {
        out.push((FacetKind::Theme, Cow::Borrowed(t.theme.label()), Vec::new()));
    }
    for s in &doc.metadata.sources {
        out.push((
            FacetKind::Source,
            Cow::Borrowed(s.name.as_str()),
            Vec::new(),
        ));
    }
    for a in &doc.metadata.authors {
        out.push((FacetKind::Source, Cow::Borrowed(a.as_str()), Vec::new()));
    }
    // Datelines: every place of the dateline ("BEIJING/TOKYO"), resolved,
    // with the words as written ("TROY") as an alias.
    // A place the gazetteer does not know is kept as written, title-cased.
    if let Some(d) = &doc.metadata.dateline {
        let written = d.text.split(',').next().unwrap_or("").trim();
        // `place` is the first of `places` when resolved: `places` holds all.
        let mut places: Vec<String> = d.places.clone();
        if places.is_empty() && !written.is_empty() {
            places.push(title_case(written));
        }
        places.sort_unstable();
        places.dedup();
        for p in places {
            out.push((FacetKind::Dateline, Cow::Owned(p), vec![written]));
        }
    }
    // Years: the stated publication year, and every year the text mentions.
    let stated = doc
        .metadata
        .published
        .as_ref()
        .filter(|p| p.stated)
        .and_then(|p| p.date.year);
    let mut years: Vec<_> = stated
        .into_iter()
        .chain(doc.dates.iter().filter_map(|d| d.date.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    for year in years {
        out.push((FacetKind::Year, Cow::Owned(year.to_string()), Vec::new()));
    }
    let lang = &doc.metadata.language.code;
    if !lang.is_empty() {
        out.push((
            FacetKind::Language,
            Cow::Borrowed(lang.as_str()),
            Vec::new(),
        ));
    }
    out
}

/// "LITTLE ROCK" → "Little Rock": a place as a wire dateline shouts it.
/// First letters stay as written (a dateline's are capitals already): the
/// uppercase table would cost the page kilobytes for nothing.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Gathers facet values document by document, so a large corpus can be
/// indexed in slices between frames (see [`crate::snapshot::SnapshotOpener`]).
#[derive(Debug, Default)]
pub struct FacetIndexBuilder {
    ids: FxHashMap<(FacetKind, Vec<String>), u32>,
    /// Each label as written → its value (`None`: it has no words), per
    /// kind: a label met in a thousand documents is split into words once.
    labels: Vec<FxHashMap<Box<str>, Option<u32>>>,
    /// The forms already read as each value's aliases (as written): a form
    /// read once is never added again, so it need not be split again. (A
    /// map like `labels`, not a set: one more map type is ~1 KB of wasm.)
    forms_seen: Vec<FxHashMap<Box<str>, Option<u32>>>,
    /// Each value's case-folded label, made as the value is first seen so
    /// `finish` only sorts.
    folded: Vec<String>,
    index: FacetIndex,
}

impl FacetIndexBuilder {
    /// A builder expecting about `documents` documents.
    pub fn with_capacity(documents: usize) -> Self {
        Self {
            index: FacetIndex {
                doc_values: Vec::with_capacity(documents),
                ..FacetIndex::default()
            },
            ..Self::default()
        }
    }

    /// The value `label` names (made if new), or `None` if it has no words.
    fn value_of(&mut self, kind: FacetKind, label: &str) -> Option<u32> {
        if self.labels.len() <= kind.index() {
            self.labels
                .resize_with(kind.index() + 1, FxHashMap::default);
        }
        if let Some(&known) = self.labels[kind.index()].get(label) {
            return known;
        }
        let key_words = words(label);
        let id = (!key_words.is_empty()).then(|| {
            let index = &mut self.index;
            let next = u32::try_from(index.values.len()).unwrap_or(u32::MAX);
            let (folded, forms_seen) = (&mut self.folded, &mut self.forms_seen);
            *self
                .ids
                .entry((kind, key_words.clone()))
                .or_insert_with(|| {
                    folded.push(label.to_lowercase());
                    forms_seen.push(FxHashMap::default());
                    index.values.push(FacetValue {
                        kind,
                        label: label.to_owned(),
                        words: key_words,
                        aliases: Vec::new(),
                        docs: Vec::new(),
                    });
                    index.by_kind[kind.index()].push(next);
                    next
                })
        });
        self.labels[kind.index()].insert(label.into(), id);
        id
    }

    /// Adds the next document's values (documents come in corpus order).
    pub fn add(&mut self, doc: &DocumentInsights) {
        let d = u32::try_from(self.index.doc_values.len()).unwrap_or(u32::MAX);
        let mut mine: Vec<u32> = Vec::new();
        for (kind, label, aliases) in document_values(doc) {
            let Some(id) = self.value_of(kind, &label) else {
                continue;
            };
            let value = &mut self.index.values[id as usize];
            let seen = &mut self.forms_seen[id as usize];
            for alias in aliases {
                // The label itself has the value's words: never an alias.
                if alias == label || seen.contains_key(alias) {
                    continue;
                }
                seen.insert(alias.into(), None);
                let w = words(alias);
                if !w.is_empty() && w != value.words && !value.aliases.contains(&w) {
                    value.aliases.push(w);
                }
            }
            if value.docs.last() != Some(&d) {
                value.docs.push(d);
            }
            mine.push(id);
        }
        mine.sort_unstable();
        mine.dedup();
        self.index.doc_values.push(mine);
    }

    /// The finished index: values ranked alphabetically.
    pub fn finish(self) -> FacetIndex {
        let mut index = self.index;
        let folded = self.folded;
        let mut order: Vec<u32> = (0..index.values.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        // Ties by id: the same ranks as a stable sort, without its buffer.
        order
            .sort_unstable_by(|&a, &b| folded[a as usize].cmp(&folded[b as usize]).then(a.cmp(&b)));
        index.alpha_rank = vec![0; index.values.len()];
        for (rank, id) in order.into_iter().enumerate() {
            index.alpha_rank[id as usize] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        index
    }
}

impl FacetIndex {
    /// Gathers every value of every document. Values are keyed by kind and
    /// folded label, so "Kim Jong Un" in two documents is one value.
    pub fn build(insights: &CorpusInsights) -> FacetIndex {
        let mut builder = FacetIndexBuilder::with_capacity(insights.documents.len());
        for doc in &insights.documents {
            builder.add(doc);
        }
        builder.finish()
    }

    /// The place of value `id` in alphabetical order.
    pub fn alpha_rank(&self, id: u32) -> u32 {
        self.alpha_rank
            .get(id as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// The label of value `id` ("" for an unknown id).
    pub fn label(&self, id: u32) -> &str {
        self.value(id).map_or("", |v| v.label.as_str())
    }

    /// The value with this id.
    pub fn value(&self, id: u32) -> Option<&FacetValue> {
        self.values.get(id as usize)
    }

    /// Ids of every value of one kind.
    pub fn values_of(&self, kind: FacetKind) -> &[u32] {
        &self.by_kind[kind.index()]
    }

    /// Number of distinct values (ids are `0..value_count()`).
    pub fn value_count(&self) -> usize {
        self.values.len()
    }

    /// Value ids of one document, ascending.
    pub fn of_document(&self, doc: u32) -> &[u32] {
        self.doc_values.get(doc as usize).map_or(&[], Vec::as_slice)
    }

    /// Documents in the index.
    pub fn len(&self) -> usize {
        self.doc_values.len()
    }

    /// Has it no documents?
    pub fn is_empty(&self) -> bool {
        self.doc_values.is_empty()
    }

    /// The values a filter `kind:text` means. A value whose label is
    /// exactly `text` (folded) is meant alone, so a clicked facet filters
    /// exactly what its count promised; otherwise every value whose label
    /// or any alias holds the words of `text` in order, each as a word
    /// prefix (`person:kim` → "Kim Jong Un", "Kim Yo Jong"). Themes also
    /// match on any word of their label (`theme:smuggling`).
    pub fn resolve(&self, kind: FacetKind, text: &str) -> Vec<u32> {
        let needle = words(text);
        if needle.is_empty() {
            return Vec::new();
        }
        let of_kind = self.values_of(kind);
        let exact: Vec<u32> = of_kind
            .iter()
            .copied()
            .filter(|&id| self.values[id as usize].words == needle)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        of_kind
            .iter()
            .copied()
            .filter(|&id| {
                let v = &self.values[id as usize];
                contains_words(&v.words, &needle)
                    || v.aliases.iter().any(|a| contains_words(a, &needle))
                    || (kind == FacetKind::Theme
                        && needle.len() == 1
                        && v.words.iter().any(|w| w.starts_with(needle[0].as_str())))
            })
            .collect()
    }

    /// The union of these values' documents, ascending.
    pub fn docs_of(&self, values: &[u32]) -> Vec<u32> {
        let mut docs: Vec<u32> = values
            .iter()
            .filter_map(|&id| self.value(id))
            .flat_map(|v| v.docs.iter().copied())
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use borderlines_core::{parse_document, Corpus};

    pub(crate) fn small() -> FacetIndex {
        let docs = [
            "Leader Kim Jong Un ordered new fences along the Tumen River, near the city of Hoeryong, to stop defectors in 2020.",
            "The U.S. Treasury Department sanctioned smugglers who moved goods across the Yalu River into China in 2019.",
        ];
        facets_of(&docs)
    }

    /// The facets of texts parsed as documents "0", "1", ….
    fn facets_of(texts: &[&str]) -> FacetIndex {
        let corpus = Corpus {
            documents: texts
                .iter()
                .enumerate()
                .map(|(i, t)| parse_document(&i.to_string(), t).unwrap())
                .collect(),
        };
        FacetIndex::build(&borderlines_extract::CorpusInsights::build(&corpus))
    }

    fn labels(f: &FacetIndex, ids: &[u32]) -> Vec<String> {
        ids.iter()
            .map(|&i| f.value(i).unwrap().label.clone())
            .collect()
    }

    #[test]
    fn filters_match_names_and_mentions_by_word_prefix() {
        let f = small();
        let docs = |k, v| f.docs_of(&f.resolve(k, v));
        assert_eq!(docs(FacetKind::Person, "kim"), vec![0]);
        assert_eq!(docs(FacetKind::Person, "jong un"), vec![0]);
        assert_eq!(docs(FacetKind::Place, "tumen"), vec![0]);
        assert_eq!(docs(FacetKind::Country, "us"), vec![1]);
        assert_eq!(docs(FacetKind::Person, "tumen"), Vec::<u32>::new());
        assert_eq!(docs(FacetKind::Person, ""), Vec::<u32>::new());
        assert_eq!(docs(FacetKind::Year, "2019"), vec![1]);
        assert_eq!(docs(FacetKind::Year, "20"), vec![0, 1]);
        assert_eq!(docs(FacetKind::Language, "en"), vec![0, 1]);
    }

    /// The builder reads a label or a form once per value (it remembers
    /// both): a value met again in later documents keeps its documents and
    /// still gains the forms only those documents use.
    #[test]
    fn a_value_met_again_keeps_its_documents_and_gains_new_forms() {
        let docs = [
            "Kim Jong Un inspected the fence on the Tumen River.",
            "Kim Jong Un spoke. Later, Kim visited the Tumen River again.",
            "The Tumen River froze, and Kim Jong Un said nothing.",
        ];
        let f = facets_of(&docs);
        let kim = f.resolve(FacetKind::Person, "kim jong un");
        assert_eq!(labels(&f, &kim), ["Kim Jong Un"]);
        assert_eq!(f.docs_of(&kim), vec![0, 1, 2]);
        let tumen = f.resolve(FacetKind::Place, "tumen");
        assert_eq!(f.docs_of(&tumen), vec![0, 1, 2]);
        // Each document lists each value once.
        for d in 0..3 {
            let mut mine = f.doc_values[d].clone();
            mine.dedup();
            assert_eq!(mine, f.doc_values[d]);
        }
    }

    #[test]
    fn datelines_are_values_resolved_or_as_written() {
        let docs = [
            "TROY, Mich., April 2 (Reuters) - Shares of the carmaker rose on Tuesday after strong sales.",
            "BEIJING/TOKYO, March 3 (Reuters) - Both governments said talks would resume in June.",
            "SMALLVILLE, Kan., May 5 (AP) - The county fair opened on Friday with record crowds.",
            "Seoul said on Monday that the talks would resume.",
        ];
        let f = facets_of(&docs);
        let mut values = labels(&f, f.values_of(FacetKind::Dateline));
        values.sort();
        assert_eq!(values, ["Beijing", "Smallville", "Tokyo", "Troy"]);
        let docs = |v| f.docs_of(&f.resolve(FacetKind::Dateline, v));
        assert_eq!(docs("troy"), vec![0]);
        assert_eq!(docs("tokyo"), vec![1]);
        assert_eq!(docs("SMALLVILLE"), vec![2]);
        assert_eq!(docs("seoul"), Vec::<u32>::new(), "named, not datelined");
        assert_eq!(FacetKind::from_field("dateline"), Some(FacetKind::Dateline));
    }

    #[test]
    fn themes_match_any_label_word() {
        let f = small();
        let docs = |v| f.docs_of(&f.resolve(FacetKind::Theme, v));
        assert_eq!(docs("smuggling"), vec![1]);
        assert_eq!(docs("trade"), vec![1]);
        assert_eq!(docs("trade and smug"), vec![1]);
        assert_eq!(docs("pandemic"), Vec::<u32>::new());
    }

    #[test]
    fn an_exact_label_means_that_value_alone() {
        let f = small();
        let places = labels(&f, f.values_of(FacetKind::Place));
        assert!(places.iter().any(|p| p == "Tumen River"), "{places:?}");
        let exact = f.resolve(FacetKind::Place, "Tumen River");
        assert_eq!(labels(&f, &exact), ["Tumen River"]);
        // "river" alone is a prefix filter over every river.
        assert!(f.resolve(FacetKind::Place, "river").len() >= 2);
    }

    #[test]
    fn each_document_lists_its_values_once() {
        let f = small();
        assert_eq!(f.len(), 2);
        for d in 0..2 {
            let v = f.of_document(d);
            assert!(v.windows(2).all(|w| w[0] < w[1]));
            assert!(v.iter().all(|&id| f.value(id).unwrap().docs.contains(&d)));
        }
    }
}
