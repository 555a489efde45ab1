//! The drawn geography: province outlines of North and South Korea,
//! Liaoning, Jilin, Heilongjiang, Primorye and Khabarovsk Krai (Natural
//! Earth admin-1, public domain) and the region's main rivers, projected
//! once at build time (see the crate's `build.rs`) to whole kilometres; and
//! the land borders where provinces of two countries meet.
//!
//! Only these provinces exist in the gazetteer, so a country is drawn as
//! the provinces of it that the map has (China as its three north-eastern
//! provinces, Russia as two), and only borders between drawn provinces can
//! be found: China–North Korea, North Korea–Russia, North Korea–South
//! Korea and part of China–Russia. Mongolia, Japan and the rest of China
//! and Russia are not drawn.
//!
//! ```
//! use borderlines_engine::geo::outlines::{meet, shape, shapes};
//! assert!(shapes().iter().any(|s| s.id == "river-tumen"));
//! assert!(shape("kp-north-hamgyong").is_some());
//! assert!(meet("KP", "CN").is_some_and(|m| m.km > 500));
//! ```

use super::frame::Bounds;

/// A province (closed rings) or a river (open lines). Rivers that form a
/// border (Yalu, Tumen, Ussuri) are drawn along that border as the build
/// found it; the others follow the gazetteer's hand-entered courses.
#[derive(Debug)]
pub struct Shape {
    /// The gazetteer's outline key (`kp-chagang`, `river-yalu`).
    pub id: &'static str,
    /// ISO 3166-1 alpha-2 of its country; empty for rivers.
    pub country: &'static str,
    pub river: bool,
    /// `[min_x, min_y, max_x, max_y]`, km.
    pub bbox: [i16; 4],
    /// Points in km (x east, y south).
    pub rings: &'static [&'static [[i16; 2]]],
}

/// Where the provinces of two countries meet: a land border as drawn.
#[derive(Debug)]
pub struct Meet {
    /// ISO codes, in alphabetical order.
    pub a: &'static str,
    pub b: &'static str,
    /// Length of the drawn lines, km (of simplified outlines: shorter than
    /// the true border).
    pub km: u32,
    pub lines: &'static [&'static [[i16; 2]]],
}

include!(concat!(env!("OUT_DIR"), "/outlines.rs"));

/// The countries the map draws, with the gazetteer's names for them.
pub const MAP_COUNTRIES: [(&str, &str); 4] = [
    ("CN", "China"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("RU", "Russia"),
];

/// Rivers that form (part of) a border, by the two countries' ISO codes
/// (alphabetical): the Yalu and the Tumen between China and North Korea,
/// the last stretch of the Tumen between North Korea and Russia, the Amur
/// and the Ussuri between China and Russia.
pub const BORDER_RIVERS: [(&str, &str, &[&str]); 3] = [
    ("CN", "KP", &["river-yalu", "river-tumen"]),
    ("KP", "RU", &["river-tumen"]),
    ("CN", "RU", &["river-amur", "river-ussuri"]),
];

/// Every shape: provinces first by key, rivers among them (see [`Shape::river`]).
pub fn shapes() -> &'static [Shape] {
    SHAPES
}

/// The shape with this outline key.
pub fn shape(id: &str) -> Option<&'static Shape> {
    SHAPES.iter().find(|s| s.id == id)
}

/// The index in [`shapes`] of the shape with this key.
pub fn shape_index(id: &str) -> Option<usize> {
    SHAPES.iter().position(|s| s.id == id)
}

/// Every drawn land border.
pub fn meets() -> &'static [Meet] {
    MEETS
}

/// Where `a` and `b` (ISO codes, any order) meet, if the map draws it.
pub fn meet(a: &str, b: &str) -> Option<&'static Meet> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    MEETS.iter().find(|m| m.a == a && m.b == b)
}

/// The gazetteer name of a drawn country.
pub fn country_name(iso: &str) -> Option<&'static str> {
    MAP_COUNTRIES.iter().find(|c| c.0 == iso).map(|c| c.1)
}

impl Shape {
    /// Its extent.
    pub fn bounds(&self) -> Bounds {
        let [x0, y0, x1, y1] = self.bbox.map(f64::from);
        let mut b = Bounds::default();
        b.add_point(x0, y0);
        b.add_point(x1, y1);
        b
    }

    /// The area of its extent, km² (to order enclaves after their rings).
    pub fn bbox_area(&self) -> i64 {
        let [x0, y0, x1, y1] = self.bbox.map(i64::from);
        (x1 - x0) * (y1 - y0)
    }

    /// Is the projected point inside the province (even–odd over its
    /// rings)? Rivers contain nothing.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        if self.river || !self.bounds().contains(x, y) {
            return false;
        }
        let mut inside = false;
        for ring in self.rings {
            let n = ring.len();
            for i in 0..n {
                let [ax, ay] = ring[i].map(f64::from);
                let [bx, by] = ring[(i + 1) % n].map(f64::from);
                if (ay > y) != (by > y) && x < ax + (y - ay) * (bx - ax) / (by - ay) {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// The extent of every drawn province.
pub fn world() -> Bounds {
    let mut b = Bounds::default();
    for s in SHAPES.iter().filter(|s| !s.river) {
        b.add(&s.bounds());
    }
    b
}

/// The extent of a drawn country's provinces (empty for others).
pub fn country_bounds(iso: &str) -> Bounds {
    let mut b = Bounds::default();
    for s in SHAPES.iter().filter(|s| !s.river && s.country == iso) {
        b.add(&s.bounds());
    }
    b
}

/// The province a projected point lies in: the smallest holding it, since
/// outlines are outer rings only (Gyeonggi's ring holds Seoul).
pub fn province_at(x: f64, y: f64) -> Option<usize> {
    SHAPES
        .iter()
        .enumerate()
        .filter(|(_, s)| s.contains(x, y))
        .min_by_key(|(_, s)| s.bbox_area())
        .map(|(i, _)| i)
}

/// Shape indices in drawing order: rivers last, provinces largest first,
/// so an enclave (Seoul in Gyeonggi) is drawn over the ring around it.
pub fn draw_order() -> &'static [usize] {
    static ORDER: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| {
        let mut order: Vec<usize> = (0..SHAPES.len()).collect();
        order.sort_by_key(|&i| (SHAPES[i].river, std::cmp::Reverse(SHAPES[i].bbox_area())));
        order
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::projection::project;

    fn at(lon: f64, lat: f64) -> Option<&'static str> {
        let (x, y) = project(lon, lat)?;
        province_at(x, y).map(|i| SHAPES[i].id)
    }

    #[test]
    fn every_outline_is_here_and_names_its_country() {
        let outlines = borderlines_extract::outlines().expect("outlines parse");
        assert_eq!(outlines.len(), SHAPES.len());
        for s in SHAPES {
            assert!(outlines.contains_key(s.id), "{}", s.id);
            assert!(
                s.river || MAP_COUNTRIES.iter().any(|c| c.0 == s.country),
                "{}",
                s.id
            );
            assert!(s.rings.iter().all(|r| r.len() >= 2), "{}", s.id);
        }
        let g = borderlines_extract::Gazetteer::embedded();
        for (iso, name) in MAP_COUNTRIES {
            assert_eq!(g.country(iso).map(|(_, p)| p.name.as_str()), Some(name));
        }
    }

    #[test]
    fn cities_fall_in_their_provinces() {
        assert_eq!(at(129.78, 41.8), Some("kp-north-hamgyong")); // Chongjin
        assert_eq!(at(125.75, 39.03), Some("kp-pyongyang"));
        assert_eq!(at(126.98, 37.57), Some("kr-seoul"));
        assert_eq!(at(124.39, 40.13), Some("cn-liaoning")); // Dandong
        assert_eq!(at(129.5, 42.89), Some("cn-jilin-province")); // Yanji
        assert_eq!(at(131.89, 43.12), Some("ru-primorye")); // Vladivostok
        assert_eq!(at(133.0, 37.5), None, "the Sea of Japan");
    }

    #[test]
    fn the_tumen_runs_between_china_or_russia_and_north_korea() {
        let tumen = shape("river-tumen").unwrap();
        // Every point of the river is within a few km of both a North
        // Korean province and a Chinese or Russian one.
        assert!(tumen.rings.iter().map(|r| r.len()).sum::<usize>() >= 6);
        for line in tumen.rings {
            let near = |x: f64, y: f64, country: &[&str]| {
                SHAPES
                    .iter()
                    .filter(|s| country.contains(&s.country))
                    .any(|s| {
                        (-20..=20).step_by(4).any(|dx| {
                            (-20..=20)
                                .step_by(4)
                                .any(|dy| s.contains(x + f64::from(dx), y + f64::from(dy)))
                        })
                    })
            };
            for p in line.iter() {
                let [x, y] = p.map(f64::from);
                assert!(near(x, y, &["KP"]), "{p:?} near North Korea");
                assert!(near(x, y, &["CN", "RU"]), "{p:?} near China or Russia");
            }
        }
    }

    #[test]
    fn land_borders_are_found_where_countries_meet() {
        let cn_kp = meet("KP", "CN").expect("China–North Korea");
        let kp_kr = meet("KR", "KP").expect("the inter-Korean line");
        let kp_ru = meet("KP", "RU").expect("the short Tumen border");
        // Drawn lengths of simplified outlines: the true borders are
        // 1,416 km, 238 km and 17 km long.
        assert!((900..1700).contains(&cn_kp.km), "{}", cn_kp.km);
        assert!((150..330).contains(&kp_kr.km), "{}", kp_kr.km);
        assert!(kp_ru.km < 80, "{}", kp_ru.km);
        assert!(
            meet("KR", "CN").is_none(),
            "South Korea touches no drawn Chinese province"
        );
    }
}
