//! Field filters answered by the extracted insights, so the query language
//! reaches beyond the text: `person:kim`, `place:tumen`, `org:treasury`,
//! `country:"south korea"`, `group:defectors`, `entity:pyongyang` (any
//! kind) and `theme:smuggling`. A value matches an entity whose name or any
//! mention contains its words in order, each as a word prefix, so
//! `person:kim` finds "Kim Jong Un" and `country:us` finds "U.S.".

use borderlines_extract::{CorpusInsights, EntityKind, Theme};
use borderlines_search::FieldResolver;

/// What a field name filters on.
enum Target {
    Entity(Option<EntityKind>),
    Theme,
}

fn target(name: &str) -> Option<Target> {
    Some(match name {
        "person" | "people" | "who" => Target::Entity(Some(EntityKind::Person)),
        "org" | "organisation" | "organization" => Target::Entity(Some(EntityKind::Organisation)),
        "country" => Target::Entity(Some(EntityKind::Country)),
        "place" | "where" => Target::Entity(Some(EntityKind::Place)),
        "group" => Target::Entity(Some(EntityKind::Group)),
        "entity" => Target::Entity(None),
        "theme" | "topic" => Target::Theme,
        _ => return None,
    })
}

/// Lowercase alphanumeric words ("U.S." → ["u", "s"], "Jong-un" → ["jong", "un"]).
fn words(text: &str) -> Vec<String> {
    // Dots inside abbreviations go first, so "U.S." and "US" agree.
    text.replace('.', "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
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

/// Answers field filters from a corpus' insights.
pub struct InsightFields<'a> {
    pub insights: &'a CorpusInsights,
}

impl FieldResolver for InsightFields<'_> {
    fn docs(&self, name: &str, value: &str) -> Option<Vec<u32>> {
        let target = target(name)?;
        let needle = words(value);
        let matches = |doc: &borderlines_extract::DocumentInsights| match &target {
            Target::Entity(kind) => doc
                .entities
                .iter()
                .filter(|e| kind.is_none_or(|k| e.kind == k))
                .any(|e| {
                    contains_words(&words(&e.name), &needle)
                        || e.mentions
                            .iter()
                            .any(|m| contains_words(&words(&m.text), &needle))
                }),
            Target::Theme => doc.themes.iter().any(|t| theme_matches(t.theme, &needle)),
        };
        Some(
            self.insights
                .documents
                .iter()
                .enumerate()
                .filter(|(_, d)| matches(d))
                .filter_map(|(i, _)| u32::try_from(i).ok())
                .collect(),
        )
    }
}

fn theme_matches(theme: Theme, needle: &[String]) -> bool {
    let label = words(theme.label());
    // Single words may hit any word of the label ("smuggling" → "Trade and smuggling").
    contains_words(&label, needle)
        || (needle.len() == 1 && label.iter().any(|w| w.starts_with(needle[0].as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use borderlines_core::{parse_document, Corpus};

    fn corpus() -> CorpusInsights {
        let docs = [
            "Leader Kim Jong Un ordered new fences along the Tumen River, near the city of Hoeryong, to stop defectors.",
            "The U.S. Treasury Department sanctioned smugglers who moved goods across the Yalu River into China.",
        ];
        let corpus = Corpus {
            documents: docs
                .iter()
                .enumerate()
                .map(|(i, t)| parse_document(&i.to_string(), t).unwrap())
                .collect(),
        };
        CorpusInsights::build(&corpus)
    }

    #[test]
    fn entity_fields_match_names_and_mentions_by_word_prefix() {
        let ins = corpus();
        let f = InsightFields { insights: &ins };
        assert_eq!(f.docs("person", "kim"), Some(vec![0]));
        assert_eq!(f.docs("person", "jong un"), Some(vec![0]));
        assert_eq!(f.docs("place", "tumen"), Some(vec![0]));
        assert_eq!(f.docs("country", "us"), Some(vec![1]));
        assert_eq!(f.docs("entity", "yalu"), Some(vec![1]));
        assert_eq!(f.docs("person", "tumen"), Some(vec![]));
        assert_eq!(f.docs("person", ""), Some(vec![]));
        assert_eq!(
            f.docs("colour", "red"),
            None,
            "unknown fields fall back to text search"
        );
    }

    #[test]
    fn theme_field_matches_any_label_word() {
        let ins = corpus();
        let f = InsightFields { insights: &ins };
        assert_eq!(f.docs("theme", "smuggling"), Some(vec![1]));
        assert_eq!(f.docs("theme", "trade"), Some(vec![1]));
        assert_eq!(f.docs("theme", "trade and smug"), Some(vec![1]));
        assert_eq!(f.docs("theme", "pandemic"), Some(vec![]));
    }
}
