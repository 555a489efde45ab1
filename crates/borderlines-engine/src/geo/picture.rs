//! The map as marks on a screen of a given size: what the page renders and
//! the SVG export writes, computed once here from a selection's
//! [`MapCounts`] and a [`ViewBox`].
//!
//! - Provinces, grouped and coloured by country, in [`draw_order`]; with
//!   shading on, each gets a class 0–5 by its mentions (0: none), on a
//!   logarithmic scale since a few places take most mentions.
//! - Land borders ([`meets`]) drawn stronger than province lines; a border
//!   the selection talks about is highlighted.
//! - Markers for places on the map, their *area* proportional to mentions
//!   (radius 3–14 px), biggest drawn first so small ones stay clickable;
//!   with shading on, provinces are shaded instead of marked. Labels for
//!   the most mentioned markers where they do not overlap.
//!
//! Sizes are screen pixels: the outlines are scaled by a transform, the
//! markers are placed in screen space so they keep their size when zooming.

use super::frame::ViewBox;
use super::outlines::{draw_order, meets, shapes};
use crate::collectors::places::{MapCounts, MapIndex, PlaceCount};
use crate::facets::FacetKind;
use borderlines_extract::PlaceKind;

/// Smallest and largest marker radius, px.
pub const MIN_RADIUS: f64 = 3.0;
pub const MAX_RADIUS: f64 = 14.0;
/// Most labels drawn.
pub const MAX_LABELS: usize = 24;
/// Shade classes (1..=SHADES; 0 is unshaded).
pub const SHADES: u8 = 5;
/// Label font size, px, and the width of one character as estimated.
const LABEL_PX: f64 = 12.0;
const CHAR_PX: f64 = 6.6;

/// One province or river as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapeMark {
    /// Index into [`shapes`].
    pub shape: usize,
    /// Lower-case ISO code of its country ("kp"), or "river".
    pub class: &'static str,
    /// Shade class (0 when shading is off or it has no mention).
    pub shade: u8,
    pub mentions: u32,
    pub docs: u32,
    /// The place it is (index into [`MapIndex::places`]), when mentioned:
    /// a shaded province links to it.
    pub place: Option<u32>,
}

/// One land border as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetMark {
    /// Index into [`meets`].
    pub meet: usize,
    /// Sentences of the selection about it (0: not talked about).
    pub sentences: u32,
}

/// Where a label goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    /// Text anchored at its start (right of the marker) or end (left).
    pub end: bool,
}

/// One place marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub count: PlaceCount,
    /// Screen position and radius, px.
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub label: Option<Label>,
}

/// The map on one screen.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPicture {
    pub width: f64,
    pub height: f64,
    /// The box shown (the asked one grown to the screen's shape).
    pub view: ViewBox,
    /// SVG transform from projected km to the screen.
    pub transform: String,
    /// Screen pixels per projected km.
    pub px_per_km: f64,
    pub shapes: Vec<ShapeMark>,
    pub meets: Vec<MeetMark>,
    /// Markers on screen, biggest first.
    pub markers: Vec<Marker>,
    /// Places with a marker that lie outside the view.
    pub outside: usize,
    /// Largest province mention count (for the shading legend).
    pub max_region: u32,
}

/// Shade class of `n` mentions when the most is `max` (log scale).
pub fn shade_class(n: u32, max: u32) -> u8 {
    if n == 0 || max == 0 {
        return 0;
    }
    let f = (1.0 + f64::from(n)).ln() / (1.0 + f64::from(max)).ln();
    ((f * f64::from(SHADES)).ceil() as u8).clamp(1, SHADES)
}

/// The shade classes in use when the most is `max`, with the mention
/// counts each holds: (class, from, to), lightest first (the legend).
pub fn shade_breaks(max: u32) -> Vec<(u8, u32, u32)> {
    let mut out: Vec<(u8, u32, u32)> = Vec::new();
    // Classes change at most SHADES times: walk the counts by class edges.
    let mut n = 1;
    while n <= max {
        let c = shade_class(n, max);
        // The last count still in class c (binary search: classes rise with n).
        let (mut lo, mut hi) = (n, max);
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            if shade_class(mid, max) == c {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        out.push((c, n, lo));
        n = lo + 1;
    }
    out
}

/// Lays the map out for a screen of `width` × `height` px.
pub fn picture(
    index: &MapIndex,
    counts: &MapCounts,
    view: ViewBox,
    width: f64,
    height: f64,
    shade: bool,
) -> MapPicture {
    let width = if width.is_finite() {
        width.max(50.0)
    } else {
        800.0
    };
    let height = if height.is_finite() {
        height.max(50.0)
    } else {
        800.0
    };
    let view = view.with_aspect(width / height);
    let px_per_km = width / view.w;
    // Which place each shape is, if mentioned.
    let mut shape_place: Vec<Option<u32>> = vec![None; shapes().len()];
    for c in &counts.places {
        if let Some(s) = index.place(c.place).shape {
            if let Some(slot) = shape_place.get_mut(usize::from(s)) {
                *slot = Some(c.place);
            }
        }
    }
    let max_region = shapes()
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.river)
        .filter_map(|(i, _)| counts.region_mentions.get(i).copied())
        .max()
        .unwrap_or(0);
    let shape_marks = draw_order()
        .iter()
        .map(|&i| {
            let s = &shapes()[i];
            let mentions = counts.region_mentions.get(i).copied().unwrap_or(0);
            ShapeMark {
                shape: i,
                class: class_of(s.country, s.river),
                shade: if shade && !s.river {
                    shade_class(mentions, max_region)
                } else {
                    0
                },
                mentions,
                docs: counts.region_docs.get(i).copied().unwrap_or(0),
                place: shape_place[i],
            }
        })
        .collect();
    let meet_marks = (0..meets().len())
        .map(|m| MeetMark {
            meet: m,
            sentences: counts
                .borders
                .iter()
                .find(|b| b.meet == m)
                .map_or(0, |b| b.sentences),
        })
        .collect();
    let max = counts.max_marker_mentions(index);
    let mut markers = Vec::new();
    let mut outside = 0;
    for c in &counts.places {
        let p = index.place(c.place);
        if p.kind == FacetKind::Country {
            continue;
        }
        let Some((x, y)) = p.xy else { continue };
        if shade && p.place_kind == Some(PlaceKind::Province) {
            continue;
        }
        let (sx, sy) = view.to_screen(x, y, width, height);
        if !(-MAX_RADIUS..=width + MAX_RADIUS).contains(&sx)
            || !(-MAX_RADIUS..=height + MAX_RADIUS).contains(&sy)
        {
            outside += 1;
            continue;
        }
        let r = MIN_RADIUS
            + (MAX_RADIUS - MIN_RADIUS) * (f64::from(c.mentions) / f64::from(max)).sqrt();
        markers.push(Marker {
            count: *c,
            x: sx,
            y: sy,
            r,
            label: None,
        });
    }
    // Counts come most mentioned first: the first labels placed win.
    place_labels(index, &mut markers, width, height);
    MapPicture {
        width,
        height,
        view,
        transform: view.transform(width, height),
        px_per_km,
        shapes: shape_marks,
        meets: meet_marks,
        markers,
        outside,
        max_region,
    }
}

fn class_of(country: &str, river: bool) -> &'static str {
    if river {
        return "river";
    }
    match country {
        "KP" => "kp",
        "KR" => "kr",
        "CN" => "cn",
        "RU" => "ru",
        _ => "other",
    }
}

type Rect = (f64, f64, f64, f64);

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Labels the most mentioned markers, right of the marker or else left,
/// where the label overlaps no other label and no bigger marker.
fn place_labels(index: &MapIndex, markers: &mut [Marker], width: f64, height: f64) {
    let mut taken: Vec<Rect> = Vec::new();
    let mut placed = 0;
    let circles: Vec<Rect> = markers
        .iter()
        .map(|m| (m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r))
        .collect();
    for (i, m) in markers.iter_mut().enumerate() {
        if placed >= MAX_LABELS {
            break;
        }
        let w = CHAR_PX * index.place(m.count.place).name.chars().count() as f64;
        let (top, bottom) = (m.y - LABEL_PX * 0.75, m.y + LABEL_PX * 0.35);
        let right = (m.x + m.r + 3.0, top, m.x + m.r + 3.0 + w, bottom);
        let left = (m.x - m.r - 3.0 - w, top, m.x - m.r - 3.0, bottom);
        let free = |r: Rect| {
            r.0 >= 0.0
                && r.2 <= width
                && r.1 >= 0.0
                && r.3 <= height
                && !taken.iter().any(|&t| overlaps(t, r))
                && !circles
                    .iter()
                    .enumerate()
                    .any(|(j, &c)| j != i && overlaps(c, r))
        };
        let choice = if free(right) {
            Some((right, false))
        } else if free(left) {
            Some((left, true))
        } else {
            None
        };
        if let Some((rect, end)) = choice {
            taken.push(rect);
            placed += 1;
            m.label = Some(Label {
                x: if end { rect.2 } else { rect.0 },
                y: m.y + LABEL_PX * 0.35,
                end,
            });
        }
    }
}

/// The tooltip of a place: "Hyesan (city, North Korea): 2 mentions in 1 document".
pub fn place_title(index: &MapIndex, c: &PlaceCount) -> String {
    let p = index.place(c.place);
    let country = index.country_name(&p.country);
    let what = if country.is_empty() || p.kind == FacetKind::Country {
        p.kind_label().to_owned()
    } else {
        format!("{}, {country}", p.kind_label())
    };
    format!(
        "{} ({what}): {} in {}",
        p.name,
        plural(c.mentions, "mention", "mentions"),
        plural(c.docs, "document", "documents")
    )
}

/// "1 document", "2 documents".
pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shade_classes_rise_with_mentions() {
        assert_eq!(shade_class(0, 10), 0);
        assert_eq!(shade_class(10, 10), SHADES);
        assert!(shade_class(1, 100) < shade_class(50, 100));
        assert_eq!(shade_class(1, 1), SHADES);
        assert_eq!(shade_breaks(2), [(4, 1, 1), (5, 2, 2)]);
        let b = shade_breaks(1000);
        assert_eq!(b.len(), usize::from(SHADES));
        assert_eq!((b[0].1, b[4].2), (1, 1000));
        assert!(b.windows(2).all(|w| w[0].2 + 1 == w[1].1));
        assert!(shade_breaks(0).is_empty());
    }
}
