//! How extracted insights look in the reader: each entity, figure and date
//! mention becomes an [`Annotation`] with a CSS class (one style per kind,
//! explained by the legend) and a tooltip naming what it refers to.

use std::ops::Range;

use borderlines_extract::{DocumentInsights, EntityKind};

/// The kinds the reader distinguishes, in legend order: (CSS class, label).
pub const LEGEND: [(&str, &str); 7] = [
    ("ann-person", "Person"),
    ("ann-organisation", "Organisation"),
    ("ann-country", "Country"),
    ("ann-place", "Place"),
    ("ann-group", "Group"),
    ("ann-figure", "Figure"),
    ("ann-date", "Date"),
];

/// One annotated span's look and tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// CSS class from [`LEGEND`].
    pub class: &'static str,
    /// Tooltip: what the span refers to.
    pub title: String,
}

/// The CSS class of an entity kind.
pub fn entity_class(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "ann-person",
        EntityKind::Organisation => "ann-organisation",
        EntityKind::Country => "ann-country",
        EntityKind::Place => "ann-place",
        EntityKind::Group => "ann-group",
    }
}

fn label_of(class: &str) -> &'static str {
    LEGEND
        .iter()
        .find(|(c, _)| *c == class)
        .map_or("", |(_, l)| l)
}

/// One mention the reader may annotate: which entity and mention, figure
/// or date of the document's insights.
#[derive(Debug, Clone, Copy)]
enum MentionRef {
    Entity(u32, u32),
    Figure(u32),
    Date(u32),
}

/// A document's mentions grouped by block, built once when the document is
/// opened, so each chunk the reader renders looks up its own blocks instead
/// of scanning every mention for every block (quadratic on a 300,000-line
/// transcript).
#[derive(Debug, Default)]
pub struct AnnotationIndex {
    by_block: std::collections::HashMap<u32, Vec<MentionRef>>,
}

impl AnnotationIndex {
    pub fn new(ins: &DocumentInsights) -> Self {
        let mut by_block: std::collections::HashMap<u32, Vec<MentionRef>> = Default::default();
        let id = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        for (e, entity) in ins.entities.iter().enumerate() {
            for (m, mention) in entity.mentions.iter().enumerate() {
                by_block
                    .entry(mention.loc.block)
                    .or_default()
                    .push(MentionRef::Entity(id(e), id(m)));
            }
        }
        for (i, f) in ins.figures.iter().enumerate() {
            by_block
                .entry(f.loc.block)
                .or_default()
                .push(MentionRef::Figure(id(i)));
        }
        for (i, d) in ins.dates.iter().enumerate() {
            by_block
                .entry(d.loc.block)
                .or_default()
                .push(MentionRef::Date(id(i)));
        }
        AnnotationIndex { by_block }
    }

    /// Annotations of the bytes `range` of block `block`, in bytes relative
    /// to the start of `range` (a mention across the edge is cut to it), in
    /// no particular order (overlaps are resolved when rendering).
    pub fn annotations(
        &self,
        ins: &DocumentInsights,
        block: u32,
        range: Range<usize>,
    ) -> Vec<(Range<usize>, Annotation)> {
        let Some(refs) = self.by_block.get(&block) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for r in refs {
            let (loc, annotation) = match *r {
                MentionRef::Entity(e, m) => {
                    let Some(entity) = ins.entities.get(e as usize) else {
                        continue;
                    };
                    let Some(mention) = entity.mentions.get(m as usize) else {
                        continue;
                    };
                    let class = entity_class(entity.kind);
                    (
                        mention.loc,
                        (class, format!("{}: {}", label_of(class), entity.name)),
                    )
                }
                MentionRef::Figure(i) => {
                    let Some(f) = ins.figures.get(i as usize) else {
                        continue;
                    };
                    (f.loc, ("ann-figure", format!("Figure: {}", f.describe())))
                }
                MentionRef::Date(i) => {
                    let Some(d) = ins.dates.get(i as usize) else {
                        continue;
                    };
                    let state = if d.resolved {
                        ""
                    } else {
                        " (not resolved: no publication date)"
                    };
                    (d.loc, ("ann-date", format!("Date: {}{state}", d.text)))
                }
            };
            let (start, end) = (
                (loc.start as usize).max(range.start),
                (loc.end as usize).min(range.end),
            );
            if start >= end {
                continue;
            }
            let (class, title) = annotation;
            out.push((
                start - range.start..end - range.start,
                Annotation { class, title },
            ));
        }
        out
    }
}

/// How many mentions of each legend kind the document has, in legend order.
pub fn legend_counts(ins: &DocumentInsights) -> Vec<(&'static str, &'static str, usize)> {
    LEGEND
        .iter()
        .map(|&(class, label)| {
            let n = match class {
                "ann-figure" => ins.figures.len(),
                "ann-date" => ins.dates.len(),
                _ => ins
                    .entities
                    .iter()
                    .filter(|e| entity_class(e.kind) == class)
                    .map(|e| e.mentions.len())
                    .sum(),
            };
            (class, label, n)
        })
        .collect()
}
