//! What the map shows of a selection: the places it mentions (markers
//! sized by mentions), the provinces shaded by mentions (the choropleth),
//! the countries, the borders it talks about, and the frame that holds
//! them.
//!
//! Per-document tables are built once per engine, on first use
//! ([`MapIndex`], via `Engine::map_index`): each document's places as
//! (place, mentions) pairs, and its sentences about a border
//! ([`crate::geo::border_talk`]). Counting a selection is then one pass
//! over its matching documents' pairs — no strings, no entities.
//!
//! A place is a facet value of kind place or country (so a click filters
//! by exactly what was counted) with coordinates from the gazetteer.
//! Countries get no marker: the gazetteer's point for a country is its
//! capital, which has its own marker when mentioned. A province's shade
//! counts its own mentions and those of every place inside it.
//!
//! ```
//! use std::sync::Arc;
//! use borderlines_engine::collectors::places::map_counts;
//! use borderlines_engine::Engine;
//! let doc = borderlines_core::parse_document("a", "Fences\nNorth Korea built fences near Hyesan and Hyesan again, along the Yalu River.").unwrap();
//! let engine = Engine::build(Arc::new(borderlines_core::Corpus { documents: vec![doc] }));
//! let counts = map_counts(&engine, &engine.select("", 10));
//! let index = engine.map_index();
//! let hyesan = counts.places.iter().find(|c| index.place(c.place).name == "Hyesan").unwrap();
//! assert_eq!((hyesan.mentions, hyesan.docs), (2, 1));
//! ```

use borderlines_extract::{EntityKind, PlaceKind};
use rustc_hash::FxHashMap;

use crate::export::csv;
use crate::facets::{words, FacetKind};
use crate::geo::border_talk::{border_passages, BorderPassage};
use crate::geo::frame::{Bounds, ViewBox};
use crate::geo::outlines::{self, country_bounds, province_at, shape_index, shapes, world};
use crate::geo::projection::project;
use crate::{Engine, Selection};

/// Places this far (km) beyond the drawn provinces still get a marker;
/// farther ones are listed as off the map.
pub const ON_MAP_MARGIN_KM: f64 = 300.0;

/// One place or country the corpus mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPlace {
    /// Its value in the engine's facet index (kind place or country).
    pub facet: u32,
    /// [`FacetKind::Place`] or [`FacetKind::Country`].
    pub kind: FacetKind,
    /// The facet label: what it is called and what a click filters by.
    pub name: String,
    /// City, province, river or region (places only).
    pub place_kind: Option<PlaceKind>,
    /// ISO 3166-1 alpha-2 of its country, or empty.
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Projected position of its marker (km), when it is on the map.
    pub xy: Option<(f64, f64)>,
    /// Its own outline (a province or river) in [`shapes`].
    pub shape: Option<u16>,
    /// The province it is, or lies in, in [`shapes`].
    pub region: Option<u16>,
}

impl MapPlace {
    /// "city", "province", "river", "region" or "country".
    pub fn kind_label(&self) -> &'static str {
        match (self.kind, self.place_kind) {
            (FacetKind::Country, _) => "country",
            (_, Some(PlaceKind::City)) => "city",
            (_, Some(PlaceKind::Province)) => "province",
            (_, Some(PlaceKind::River)) => "river",
            (_, Some(PlaceKind::Region)) => "region",
            (_, Some(PlaceKind::Country)) => "country",
            _ => "place",
        }
    }
}

/// Per-document map tables, built once per engine.
#[derive(Debug, Default)]
pub struct MapIndex {
    places: Vec<MapPlace>,
    /// `entries[doc_start[d]..doc_start[d + 1]]`: document `d`'s (place,
    /// mentions), one per place.
    doc_start: Vec<u32>,
    entries: Vec<(u32, u32)>,
    /// Likewise for its sentences about a border.
    talk_start: Vec<u32>,
    talk: Vec<BorderPassage>,
    /// Names of the mentioned countries by ISO code.
    country_names: FxHashMap<String, String>,
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl MapIndex {
    /// Gathers every document's places and border sentences.
    pub fn build(engine: &Engine) -> MapIndex {
        let facets = engine.facets();
        let mut facet_of: FxHashMap<(FacetKind, Vec<String>), u32> = FxHashMap::default();
        for kind in [FacetKind::Place, FacetKind::Country] {
            for &id in facets.values_of(kind) {
                facet_of.insert((kind, words(facets.label(id))), id);
            }
        }
        let on_map = world().grown(ON_MAP_MARGIN_KM);
        let mut index = MapIndex::default();
        let mut slot_of: FxHashMap<u32, u32> = FxHashMap::default();
        let docs = &engine.all_insights().documents;
        index.doc_start.reserve(docs.len() + 1);
        for (d, ins) in docs.iter().enumerate() {
            index.doc_start.push(u32_of(index.entries.len()));
            index.talk_start.push(u32_of(index.talk.len()));
            let first = index.entries.len();
            for e in &ins.entities {
                let kind = match e.kind {
                    EntityKind::Place => FacetKind::Place,
                    EntityKind::Country => FacetKind::Country,
                    _ => continue,
                };
                let Some(&facet) = facet_of.get(&(kind, words(&e.name))) else {
                    continue;
                };
                let slot = *slot_of.entry(facet).or_insert_with(|| {
                    index.places.push(MapPlace {
                        facet,
                        kind,
                        name: facets.label(facet).to_owned(),
                        place_kind: e.place_kind,
                        country: e.country.clone().unwrap_or_default(),
                        lat: None,
                        lon: None,
                        xy: None,
                        shape: None,
                        region: None,
                    });
                    u32_of(index.places.len() - 1)
                });
                let place = &mut index.places[slot as usize];
                if place.lat.is_none() {
                    place_on_map(place, e, &on_map);
                }
                let n = u32_of(e.mentions.len());
                match index.entries[first..].iter_mut().find(|x| x.0 == slot) {
                    Some(x) => x.1 = x.1.saturating_add(n),
                    None => index.entries.push((slot, n)),
                }
            }
            if let Some(doc) = engine.corpus().documents.get(d) {
                index.talk.extend(border_passages(doc, ins));
            }
        }
        index.doc_start.push(u32_of(index.entries.len()));
        index.talk_start.push(u32_of(index.talk.len()));
        for p in &index.places {
            if p.kind == FacetKind::Country && !p.country.is_empty() {
                index
                    .country_names
                    .entry(p.country.clone())
                    .or_insert_with(|| p.name.clone());
            }
        }
        index
    }

    /// Every place any document mentions.
    pub fn places(&self) -> &[MapPlace] {
        &self.places
    }

    /// Place `i` (see [`PlaceCount::place`]).
    pub fn place(&self, i: u32) -> &MapPlace {
        static NONE: MapPlace = MapPlace {
            facet: u32::MAX,
            kind: FacetKind::Place,
            name: String::new(),
            place_kind: None,
            country: String::new(),
            lat: None,
            lon: None,
            xy: None,
            shape: None,
            region: None,
        };
        self.places.get(i as usize).unwrap_or(&NONE)
    }

    /// The name of a country by its ISO code: the facet label of a
    /// mentioned country, a drawn country's name, else the code.
    pub fn country_name<'a>(&'a self, iso: &'a str) -> &'a str {
        self.country_names
            .get(iso)
            .map(String::as_str)
            .or_else(|| outlines::country_name(iso))
            .unwrap_or(iso)
    }

    /// Document `doc`'s (place, mentions) pairs.
    pub fn of_document(&self, doc: u32) -> &[(u32, u32)] {
        slice(&self.doc_start, &self.entries, doc)
    }

    /// Document `doc`'s sentences about a border.
    pub fn talk_of(&self, doc: u32) -> &[BorderPassage] {
        slice(&self.talk_start, &self.talk, doc)
    }
}

fn slice<'a, T>(start: &[u32], items: &'a [T], doc: u32) -> &'a [T] {
    let d = doc as usize;
    match (start.get(d), start.get(d + 1)) {
        (Some(&a), Some(&b)) => items.get(a as usize..b as usize).unwrap_or(&[]),
        _ => &[],
    }
}

/// Fills a place's coordinates, marker, outline and province from an
/// entity naming it.
fn place_on_map(place: &mut MapPlace, e: &borderlines_extract::Entity, on_map: &Bounds) {
    place.lat = e.lat;
    place.lon = e.lon;
    place.shape = e
        .outline_id
        .as_deref()
        .and_then(shape_index)
        .and_then(|i| u16::try_from(i).ok());
    if place.kind == FacetKind::Country {
        return;
    }
    let xy = match (e.lon, e.lat) {
        (Some(lon), Some(lat)) => project(lon, lat).filter(|&(x, y)| on_map.contains(x, y)),
        _ => None,
    };
    place.xy = xy;
    let own_province = place
        .shape
        .filter(|&s| shapes().get(usize::from(s)).is_some_and(|s| !s.river));
    // Only a city lies in a province: a river or a region ("the Korean
    // Peninsula") spans several, and shades none.
    place.region = own_province.or_else(|| {
        (place.place_kind == Some(PlaceKind::City))
            .then_some(xy)
            .flatten()
            .and_then(|(x, y)| province_at(x, y))
            .and_then(|i| u16::try_from(i).ok())
    });
}

/// One place's count in a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceCount {
    /// Index into [`MapIndex::places`].
    pub place: u32,
    /// Mentions in the selection's documents.
    pub mentions: u32,
    /// Documents of the selection mentioning it.
    pub docs: u32,
}

/// A border the selection talks about.
#[derive(Debug, Clone, PartialEq)]
pub struct BorderCount {
    /// Index into [`outlines::meets`].
    pub meet: usize,
    pub sentences: u32,
    pub docs: u32,
    /// Up to [`BORDER_PASSAGES`] sentences, those giving a length first,
    /// then those naming a barrier: (document, passage).
    pub passages: Vec<(u32, BorderPassage)>,
}

/// Sentences kept per border for the legend.
pub const BORDER_PASSAGES: usize = 3;

/// What the map shows of a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCounts {
    /// Every place and country mentioned, most mentioned first (then by name).
    pub places: Vec<PlaceCount>,
    /// Mentions per shape (index into [`shapes`]) of the shape's own place
    /// and every place inside it; rivers count their own.
    pub region_mentions: Vec<u32>,
    /// Documents per shape, likewise.
    pub region_docs: Vec<u32>,
    /// Borders talked about, most sentences first.
    pub borders: Vec<BorderCount>,
    /// The frame holding the mentioned places on the map and the drawn
    /// provinces of every mentioned drawn country (the whole map when
    /// nothing is).
    pub frame: ViewBox,
}

impl MapCounts {
    /// The largest mention count of a marked place (1 when none).
    pub fn max_marker_mentions(&self, index: &MapIndex) -> u32 {
        self.places
            .iter()
            .filter(|c| index.place(c.place).xy.is_some())
            .map(|c| c.mentions)
            .max()
            .unwrap_or(1)
            .max(1)
    }
}

/// Counts the selection's places, provinces and border sentences.
pub fn map_counts(engine: &Engine, selection: &Selection) -> MapCounts {
    let index = engine.map_index();
    let n_shapes = shapes().len();
    let mut mentions = vec![0u32; index.places.len()];
    let mut docs = vec![0u32; index.places.len()];
    let mut region_mentions = vec![0u32; n_shapes];
    let mut region_docs = vec![0u32; n_shapes];
    let mut region_seen = vec![u32::MAX; n_shapes];
    let mut talk: FxHashMap<usize, BorderCount> = FxHashMap::default();
    for &d in selection.docs() {
        for &(p, n) in index.of_document(d) {
            let i = p as usize;
            mentions[i] = mentions[i].saturating_add(n);
            docs[i] += 1;
            let place = &index.places[i];
            // A place shades its province; a river its own line.
            let river = place.shape.filter(|&s| place.region != Some(s));
            for s in [place.region, river].into_iter().flatten() {
                let s = usize::from(s);
                if s < n_shapes {
                    region_mentions[s] = region_mentions[s].saturating_add(n);
                    if region_seen[s] != d {
                        region_seen[s] = d;
                        region_docs[s] += 1;
                    }
                }
            }
        }
        let mut seen_meets: Vec<u8> = Vec::new();
        for passage in index.talk_of(d) {
            let meet = usize::from(passage.meet);
            let entry = talk.entry(meet).or_insert_with(|| BorderCount {
                meet,
                sentences: 0,
                docs: 0,
                passages: Vec::new(),
            });
            entry.sentences += 1;
            if !seen_meets.contains(&passage.meet) {
                seen_meets.push(passage.meet);
                entry.docs += 1;
            }
            entry.passages.push((d, passage.clone()));
        }
    }
    let mut places: Vec<PlaceCount> = (0..index.places.len())
        .filter(|&i| docs[i] > 0)
        .map(|i| PlaceCount {
            place: u32_of(i),
            mentions: mentions[i],
            docs: docs[i],
        })
        .collect();
    places.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| index.place(a.place).name.cmp(&index.place(b.place).name))
    });
    let mut borders: Vec<BorderCount> = talk
        .into_values()
        .map(|mut b| {
            // Lengths first, then barriers, then reading order (stable).
            b.passages
                .sort_by_key(|p| (p.1.figure.is_none(), p.1.barrier.is_none()));
            b.passages.truncate(BORDER_PASSAGES);
            b
        })
        .collect();
    borders.sort_by(|a, b| b.sentences.cmp(&a.sentences).then(a.meet.cmp(&b.meet)));
    let frame = default_frame(index, &places);
    MapCounts {
        places,
        region_mentions,
        region_docs,
        borders,
        frame,
    }
}

/// The frame of [`MapCounts::frame`].
fn default_frame(index: &MapIndex, places: &[PlaceCount]) -> ViewBox {
    let mut b = Bounds::default();
    for c in places {
        let p = index.place(c.place);
        if p.kind == FacetKind::Country {
            b.add(&country_bounds(&p.country));
            continue;
        }
        if let Some((x, y)) = p.xy {
            b.add_point(x, y);
            if let Some(s) = p.shape.and_then(|s| shapes().get(usize::from(s))) {
                b.add(&s.bounds());
            }
        }
    }
    if b.is_empty() {
        b = world();
    }
    ViewBox::fit(&b, 1.0)
}

/// Header of [`map_csv`].
pub const CSV_HEADER: [&str; 8] = [
    "place",
    "kind",
    "country",
    "lat",
    "lon",
    "mentions",
    "documents",
    "on_map",
];

/// The data behind the map as CSV: one row per place or country the
/// selection mentions, most mentioned first. A country's row has no
/// coordinates (the gazetteer's point for it is its capital's).
pub fn map_csv(index: &MapIndex, counts: &MapCounts) -> String {
    let coord = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.2}"));
    csv(
        &CSV_HEADER,
        counts.places.iter().map(|c| {
            let p = index.place(c.place);
            let country = p.kind == FacetKind::Country;
            let on_map = if country {
                !country_bounds(&p.country).is_empty()
            } else {
                p.xy.is_some()
            };
            vec![
                p.name.clone(),
                p.kind_label().to_owned(),
                index.country_name(&p.country).to_owned(),
                if country { String::new() } else { coord(p.lat) },
                if country { String::new() } else { coord(p.lon) },
                c.mentions.to_string(),
                c.docs.to_string(),
                if on_map { "yes" } else { "no" }.to_owned(),
            ]
        }),
    )
}
