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
/// transcript). Within a block the mentions are sorted by where they start,
/// so a piece of a long paragraph finds its own in a binary search instead
/// of scanning (and titling) every mention of the block: one 20 MB line has
/// some 290,000 mentions, and scanning them all for each piece blocked the
/// page for seconds when the document opened.
#[derive(Debug, Default)]
pub struct AnnotationIndex {
    by_block: std::collections::HashMap<u32, BlockMentions>,
}

/// One block's mentions, by start byte, and the longest one's length.
#[derive(Debug, Default)]
struct BlockMentions {
    /// (start, end, which mention), sorted by start.
    spans: Vec<(u32, u32, MentionRef)>,
    longest: u32,
}

impl AnnotationIndex {
    pub fn new(ins: &DocumentInsights) -> Self {
        let mut by_block: std::collections::HashMap<u32, BlockMentions> = Default::default();
        let id = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut add = |loc: borderlines_extract::Loc, r: MentionRef| {
            by_block
                .entry(loc.block)
                .or_default()
                .spans
                .push((loc.start, loc.end, r));
        };
        for (e, entity) in ins.entities.iter().enumerate() {
            for (m, mention) in entity.mentions.iter().enumerate() {
                add(mention.loc, MentionRef::Entity(id(e), id(m)));
            }
        }
        for (i, f) in ins.figures.iter().enumerate() {
            add(f.loc, MentionRef::Figure(id(i)));
        }
        for (i, d) in ins.dates.iter().enumerate() {
            add(d.loc, MentionRef::Date(id(i)));
        }
        for b in by_block.values_mut() {
            b.spans.sort_by_key(|&(start, end, _)| (start, end));
            b.longest = b
                .spans
                .iter()
                .map(|&(s, e, _)| e.saturating_sub(s))
                .max()
                .unwrap_or(0);
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
        let Some(b) = self.by_block.get(&block) else {
            return Vec::new();
        };
        // No mention starting before `range.start - longest` reaches the range.
        let first = b.spans.partition_point(|&(s, _, _)| {
            (s as usize).saturating_add(b.longest as usize) <= range.start
        });
        let mut out = Vec::new();
        for &(s, e, r) in &b.spans[first..] {
            if s as usize >= range.end {
                break;
            }
            let (start, end) = ((s as usize).max(range.start), (e as usize).min(range.end));
            if start >= end {
                continue;
            }
            let Some(annotation) = annotation_of(ins, r) else {
                continue;
            };
            out.push((start - range.start..end - range.start, annotation));
        }
        out
    }
}

/// The look and tooltip of one mention.
fn annotation_of(ins: &DocumentInsights, r: MentionRef) -> Option<Annotation> {
    let (class, title) = match r {
        MentionRef::Entity(e, m) => {
            let entity = ins.entities.get(e as usize)?;
            entity.mentions.get(m as usize)?;
            let class = entity_class(entity.kind);
            (class, format!("{}: {}", label_of(class), entity.name))
        }
        MentionRef::Figure(i) => {
            let f = ins.figures.get(i as usize)?;
            ("ann-figure", format!("Figure: {}", f.describe()))
        }
        MentionRef::Date(i) => {
            let d = ins.dates.get(i as usize)?;
            let state = if d.resolved {
                ""
            } else {
                " (not resolved: no publication date)"
            };
            ("ann-date", format!("Date: {}{state}", d.text))
        }
    };
    Some(Annotation { class, title })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every mention of a block overlapping `range`, found by scanning them all.
    fn scanned(ins: &DocumentInsights, range: Range<usize>) -> Vec<(Range<usize>, String)> {
        let mut out: Vec<(Range<usize>, String)> = Vec::new();
        let locs = ins
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| m.loc))
            .chain(ins.figures.iter().map(|f| f.loc))
            .chain(ins.dates.iter().map(|d| d.loc));
        for loc in locs.filter(|l| l.block == 0) {
            let (s, e) = (
                (loc.start as usize).max(range.start),
                (loc.end as usize).min(range.end),
            );
            if s < e {
                out.push((s - range.start..e - range.start, String::new()));
            }
        }
        out.sort_by_key(|(r, _)| (r.start, r.end));
        out
    }

    #[test]
    fn a_piece_of_a_long_paragraph_gets_exactly_its_own_mentions() {
        let sentence = "Guards of North Korea met Chinese traders near Hyesan on 3 March 2020 and counted 67 defectors. ";
        let text = format!("A Long Line\n{}", sentence.repeat(400));
        let doc = borderlines_core::parse_document("d", &text).unwrap();
        let ins = borderlines_extract::extract(&doc);
        let index = AnnotationIndex::new(&ins);
        let len = doc.blocks[0].text.len();
        assert!(ins.entities.iter().map(|e| e.mentions.len()).sum::<usize>() > 1000);
        for range in [
            0..len,
            0..10,
            5..17,
            1000..1500,
            len - 30..len,
            20_000..20_001,
            len..len,
        ] {
            let mut got: Vec<(Range<usize>, String)> = index
                .annotations(&ins, 0, range.clone())
                .into_iter()
                .map(|(r, _)| (r, String::new()))
                .collect();
            got.sort_by_key(|(r, _)| (r.start, r.end));
            assert_eq!(got, scanned(&ins, range.clone()), "{range:?}");
        }
        assert!(index.annotations(&ins, 7, 0..10).is_empty());
    }
}
