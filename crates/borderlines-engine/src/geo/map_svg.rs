//! The map as a self-contained SVG file: the same [`MapPicture`] the page
//! draws, with fixed colours (light), a legend, the borders the text talks
//! about, and the credits (Natural Earth, GeoNames), written through
//! [`crate::svg`] so document text can only become character data.
//!
//! ```
//! use std::sync::Arc;
//! use borderlines_engine::collectors::places::map_counts;
//! use borderlines_engine::geo::{map_svg::map_svg, picture::picture};
//! use borderlines_engine::Engine;
//! let doc = borderlines_core::parse_document("a", "Fences\nNorth Korea fenced its border with China near Hyesan.").unwrap();
//! let engine = Engine::build(Arc::new(borderlines_core::Corpus { documents: vec![doc] }));
//! let counts = map_counts(&engine, &engine.select("", 10));
//! let pic = picture(engine.map_index(), &counts, counts.frame, 800.0, 800.0, false);
//! let svg = map_svg(engine.map_index(), &counts, &pic, false);
//! assert!(svg.contains("Natural Earth") && svg.contains("GeoNames") && svg.contains(">Hyesan<"));
//! ```

use super::outlines::{country_name, meets, MAP_COUNTRIES};
use super::paths::{meet_path, shape_path};
use super::picture::{place_title, plural, shade_breaks, MapPicture, SHADES};
use crate::collectors::places::{MapCounts, MapIndex};
use crate::svg::{Document, Tag};

/// Credits shown on the map and written into its exports.
pub const CREDITS: [&str; 2] = [
    "Outlines: Natural Earth admin-1 (public domain); border rivers drawn along the border, other rivers approximate. Places: GeoNames (geonames.org), CC BY 4.0.",
    "Albers equal-area conic projection, standard parallels 36° N and 50° N, central meridian 128° E.",
];

const SEA: &str = "#eef4f8";
const PROVINCE_LINE: &str = "#ffffff";
const BORDER: &str = "#56606b";
const TALKED: &str = "#c62f24";
const RIVER: &str = "#3f7fc0";
const MARKER: &str = "#1f5fa8";
const UNSHADED: &str = "#e7eaed";
/// Light to dark, one per shade class.
pub const SHADE_COLOURS: [&str; SHADES as usize] =
    ["#e9e1f2", "#cdb9e3", "#ab8fcf", "#8663b6", "#5e3a92"];

/// Fill of a country's provinces.
pub fn country_colour(class: &str) -> &'static str {
    match class {
        "kp" => "#f2d7c2",
        "kr" => "#cfe1f1",
        "cn" => "#efe8bf",
        "ru" => "#d6e9cf",
        _ => UNSHADED,
    }
}

/// "China–North Korea".
pub fn border_name(meet: usize) -> String {
    meets().get(meet).map_or_else(String::new, |m| {
        format!(
            "{}–{}",
            country_name(m.a).unwrap_or(m.a),
            country_name(m.b).unwrap_or(m.b)
        )
    })
}

/// One line per border the selection talks about: "China–North Korea
/// border: 20 sentences in 2 documents; lengths given: at least 489 km".
pub fn border_lines(counts: &MapCounts) -> Vec<String> {
    counts
        .borders
        .iter()
        .map(|b| {
            let mut figures: Vec<&str> = b
                .passages
                .iter()
                .filter_map(|p| p.1.figure.as_deref())
                .collect();
            figures.dedup();
            let lengths = if figures.is_empty() {
                String::new()
            } else {
                format!("; lengths given: {}", figures.join(", "))
            };
            format!(
                "{} border: {} in {}{lengths}",
                border_name(b.meet),
                plural(b.sentences, "sentence", "sentences"),
                plural(b.docs, "document", "documents")
            )
        })
        .collect()
}

/// The SVG file of a laid-out map.
pub fn map_svg(index: &MapIndex, counts: &MapCounts, pic: &MapPicture, shade: bool) -> String {
    let title = if shade {
        "Provinces shaded by mentions in the selection"
    } else {
        "Places mentioned in the selection"
    };
    let mut doc = Document::new(pic.width, pic.height, title);
    doc.push(
        Tag::new("defs").child(
            Tag::new("clipPath").attr("id", "map-plot").child(
                Tag::new("rect")
                    .num("width", pic.width)
                    .num("height", pic.height),
            ),
        ),
    );
    doc.push(
        Tag::new("rect")
            .num("width", pic.width)
            .num("height", pic.height)
            .attr("fill", SEA),
    );
    let mut geo = Tag::new("g").attr("transform", &pic.transform);
    // Provinces, then land borders, then rivers on top (a border river
    // shows along its highlighted border).
    for s in pic.shapes.iter().filter(|s| s.class != "river") {
        let fill = if shade {
            match s.shade {
                0 => UNSHADED,
                c => SHADE_COLOURS[usize::from(c - 1).min(SHADE_COLOURS.len() - 1)],
            }
        } else {
            country_colour(s.class)
        };
        geo = geo.child(
            Tag::new("path")
                .attr("d", shape_path(s.shape))
                .attr("fill", fill)
                .attr("stroke", PROVINCE_LINE)
                .num("stroke-width", 0.8)
                .attr("vector-effect", "non-scaling-stroke"),
        );
    }
    for m in &pic.meets {
        let talked = m.sentences > 0;
        geo = geo.child(
            Tag::new("path")
                .attr("d", meet_path(m.meet))
                .attr("fill", "none")
                .attr("stroke", if talked { TALKED } else { BORDER })
                .num("stroke-width", if talked { 4.0 } else { 1.6 })
                .attr("stroke-linecap", "round")
                .attr("vector-effect", "non-scaling-stroke"),
        );
    }
    for s in pic.shapes.iter().filter(|s| s.class == "river") {
        geo = geo.child(
            Tag::new("path")
                .attr("d", shape_path(s.shape))
                .attr("fill", "none")
                .attr("stroke", RIVER)
                .num("stroke-width", if s.mentions > 0 { 2.2 } else { 1.1 })
                .attr("vector-effect", "non-scaling-stroke"),
        );
    }
    let mut marks = Tag::new("g").attr("clip-path", "url(#map-plot)").child(geo);
    for m in &pic.markers {
        marks = marks.child(
            Tag::new("circle")
                .num("cx", m.x)
                .num("cy", m.y)
                .num("r", m.r)
                .attr("fill", MARKER)
                .attr("fill-opacity", "0.72")
                .attr("stroke", "#ffffff")
                .num("stroke-width", 1.0)
                .title(&place_title(index, &m.count)),
        );
    }
    for m in &pic.markers {
        if let Some(l) = m.label {
            marks = marks.child(
                Tag::new("text")
                    .num("x", l.x)
                    .num("y", l.y)
                    .attr("text-anchor", if l.end { "end" } else { "start" })
                    .attr("fill", "#1d2733")
                    .attr("stroke", "#ffffff")
                    .attr("stroke-width", "3")
                    .attr("paint-order", "stroke")
                    .text(&index.place(m.count.place).name),
            );
        }
    }
    doc.push(marks);
    if shade {
        for (c, from, to) in shade_breaks(pic.max_region) {
            let label = if from == to {
                plural(from, "mention", "mentions")
            } else {
                format!("{from}–{to} mentions")
            };
            doc.legend(&label, SHADE_COLOURS[usize::from(c - 1)]);
        }
    } else {
        for (iso, name) in MAP_COUNTRIES {
            doc.legend(name, country_colour(&iso.to_ascii_lowercase()));
        }
        doc.legend("Place (area ∝ mentions)", MARKER);
    }
    doc.legend("Border the text talks about", TALKED);
    for line in border_lines(counts) {
        doc.credit(&line);
    }
    for c in CREDITS {
        doc.credit(c);
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn border_names_read_as_countries() {
        let i = meets()
            .iter()
            .position(|m| m.a == "CN" && m.b == "KP")
            .unwrap();
        assert_eq!(border_name(i), "China–North Korea");
        assert_eq!(border_name(usize::MAX), "");
    }
}
