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

/// Annotations of one block of the document, in no particular order
/// (overlaps are resolved when rendering).
pub fn block_annotations(ins: &DocumentInsights, block: usize) -> Vec<(Range<usize>, Annotation)> {
    let b = u32::try_from(block).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    for e in &ins.entities {
        let class = entity_class(e.kind);
        for m in e.mentions.iter().filter(|m| m.loc.block == b) {
            out.push((
                m.loc.range(),
                Annotation {
                    class,
                    title: format!("{}: {}", label_of(class), e.name),
                },
            ));
        }
    }
    for f in ins.figures.iter().filter(|f| f.loc.block == b) {
        out.push((
            f.loc.range(),
            Annotation {
                class: "ann-figure",
                title: format!("Figure: {}", f.describe()),
            },
        ));
    }
    for d in ins.dates.iter().filter(|d| d.loc.block == b) {
        let state = if d.resolved {
            ""
        } else {
            " (not resolved: no publication date)"
        };
        out.push((
            d.loc.range(),
            Annotation {
                class: "ann-date",
                title: format!("Date: {}{state}", d.text),
            },
        ));
    }
    out
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
