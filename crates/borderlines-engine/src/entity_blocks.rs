//! Entity mentions per paragraph, as facet value ids: for every document,
//! which entities (people, organisations, countries, places, groups) each
//! block mentions, and how often each entity is mentioned in it. Built once
//! per engine, the first time the network view asks
//! ([`crate::Engine::entity_blocks`]), so counting co-occurrences over a
//! selection of thousands of documents walks integers, never strings.
//!
//! The same entity in two documents is one facet value (see
//! [`crate::facets::FacetIndex`]), so it is one node of the network.
//!
//! ```
//! use borderlines_engine::Engine;
//! let e = Engine::from_texts([("a", "Title\nKim Jong Un visited China.\n\nChina replied.")]).unwrap();
//! let blocks = e.entity_blocks();
//! let china = e.facets().resolve(borderlines_engine::facets::FacetKind::Country, "China")[0];
//! assert!(blocks.blocks_of(0).any(|(_, ids)| ids.contains(&china)));
//! assert!(blocks.mentions_of(0).iter().any(|&(id, n)| id == china && n == 2));
//! ```

use borderlines_extract::CorpusInsights;
use rustc_hash::FxHashMap;

use crate::facets::{words, FacetIndex, FacetKind};

/// The facet kinds that are entities (the network's node kinds).
pub const ENTITY_KINDS: [FacetKind; 5] = [
    FacetKind::Person,
    FacetKind::Organisation,
    FacetKind::Country,
    FacetKind::Place,
    FacetKind::Group,
];

/// Per document: the blocks mentioning entities, with the value ids they
/// mention (ascending, once each), and each entity's mention count.
#[derive(Debug, Clone, Default)]
pub struct EntityBlocks {
    /// Document `d`'s blocks are `blocks[doc_blocks[d]..doc_blocks[d + 1]]`.
    doc_blocks: Vec<u32>,
    /// (block index in the document, start in `ids`); a block's ids end
    /// where the next block's start (or at `block_end` for the last one).
    blocks: Vec<(u32, u32)>,
    ids: Vec<u32>,
    /// Document `d`'s counts are `mentions[doc_mentions[d]..doc_mentions[d + 1]]`.
    doc_mentions: Vec<u32>,
    /// (value id, mentions in the document), by value id.
    mentions: Vec<(u32, u32)>,
}

fn idx(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl EntityBlocks {
    /// Reads every document's entity mentions and finds their facet values.
    pub fn build(insights: &CorpusInsights, facets: &FacetIndex) -> EntityBlocks {
        // (kind, folded words) → value id, as the facet index keys values.
        let mut value_of: FxHashMap<(FacetKind, String), u32> = FxHashMap::default();
        for kind in ENTITY_KINDS {
            for &id in facets.values_of(kind) {
                value_of.insert((kind, words(facets.label(id)).join(" ")), id);
            }
        }
        let docs = insights.documents.len();
        let mut out = EntityBlocks {
            doc_blocks: Vec::with_capacity(docs + 1),
            doc_mentions: Vec::with_capacity(docs + 1),
            ..EntityBlocks::default()
        };
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for doc in &insights.documents {
            out.doc_blocks.push(idx(out.blocks.len()));
            out.doc_mentions.push(idx(out.mentions.len()));
            pairs.clear();
            let mentions_start = out.mentions.len();
            for e in &doc.entities {
                let key = (FacetKind::of_entity(e.kind), words(&e.name).join(" "));
                let Some(&id) = value_of.get(&key) else {
                    continue;
                };
                out.mentions.push((id, idx(e.mentions.len())));
                pairs.extend(e.mentions.iter().map(|m| (m.loc.block, id)));
            }
            // Two entities of one document may share a value (rare, but a
            // name can fold to another's words): add their counts.
            let mine = &mut out.mentions[mentions_start..];
            mine.sort_unstable();
            let mut merged: Vec<(u32, u32)> = Vec::with_capacity(mine.len());
            for &(id, n) in mine.iter() {
                match merged.last_mut() {
                    Some((last, total)) if *last == id => *total += n,
                    _ => merged.push((id, n)),
                }
            }
            out.mentions.truncate(mentions_start);
            out.mentions.extend(merged);
            pairs.sort_unstable();
            pairs.dedup();
            let mut current = None;
            for &(block, id) in &pairs {
                if current != Some(block) {
                    out.blocks.push((block, idx(out.ids.len())));
                    current = Some(block);
                }
                out.ids.push(id);
            }
        }
        out.doc_blocks.push(idx(out.blocks.len()));
        out.doc_mentions.push(idx(out.mentions.len()));
        out
    }

    /// Documents covered.
    pub fn len(&self) -> usize {
        self.doc_blocks.len().saturating_sub(1)
    }

    /// Does it cover no document?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The blocks of document `doc` that mention entities: (block index,
    /// value ids ascending). Nothing for an unknown document.
    pub fn blocks_of(&self, doc: u32) -> impl Iterator<Item = (u32, &[u32])> + '_ {
        let d = doc as usize;
        let (start, end) = match (self.doc_blocks.get(d), self.doc_blocks.get(d + 1)) {
            (Some(&s), Some(&e)) => (s as usize, e as usize),
            _ => (0, 0),
        };
        (start..end).map(move |b| {
            let (block, from) = self.blocks[b];
            let to = self
                .blocks
                .get(b + 1)
                .map_or(self.ids.len(), |&(_, next)| next as usize);
            (block, &self.ids[from as usize..to])
        })
    }

    /// Each entity of document `doc` with its mention count, by value id.
    pub fn mentions_of(&self, doc: u32) -> &[(u32, u32)] {
        let d = doc as usize;
        match (self.doc_mentions.get(d), self.doc_mentions.get(d + 1)) {
            (Some(&s), Some(&e)) => &self.mentions[s as usize..e as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Engine;

    #[test]
    fn blocks_list_their_entities_once_and_unknown_documents_nothing() {
        let e = Engine::from_texts([
            ("a", "Title\nKim Jong Un and Kim Jong Un met China's envoy.\n\nNo names here.\n\nChina and Russia."),
            ("b", "Other\nRussia again."),
        ])
        .unwrap();
        let b = e.entity_blocks();
        assert_eq!(b.len(), 2);
        let blocks: Vec<(u32, Vec<&str>)> = b
            .blocks_of(0)
            .map(|(blk, ids)| {
                let mut labels: Vec<&str> = ids.iter().map(|&i| e.facets().label(i)).collect();
                labels.sort_unstable();
                (blk, labels)
            })
            .collect();
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[0].1.contains(&"Kim Jong Un") && blocks[0].1.contains(&"China"));
        assert_eq!(blocks[1].1, ["China", "Russia"]);
        let kim = b
            .mentions_of(0)
            .iter()
            .find(|&&(id, _)| e.facets().label(id) == "Kim Jong Un")
            .unwrap();
        assert_eq!(kim.1, 2);
        assert_eq!(b.blocks_of(7).count(), 0);
        assert!(b.mentions_of(7).is_empty());
    }
}
