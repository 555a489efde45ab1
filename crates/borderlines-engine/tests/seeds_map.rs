//! The map collector, layout and exports over the real seed articles.

mod common;
use common::seeds_engine as engine;

use borderlines_engine::collectors::places::{map_counts, map_csv, MapCounts, CSV_HEADER};
use borderlines_engine::export::csv_row;
use borderlines_engine::geo::frame::ViewBox;
use borderlines_engine::geo::map_svg::{border_lines, map_svg};
use borderlines_engine::geo::outlines::{country_bounds, meets, shape_index};
use borderlines_engine::geo::picture::picture;
use borderlines_engine::Engine;

fn count(e: &Engine, c: &MapCounts, name: &str) -> Option<(u32, u32)> {
    c.places
        .iter()
        .find(|p| e.map_index().place(p.place).name == name)
        .map(|p| (p.mentions, p.docs))
}

fn holds(frame: &ViewBox, iso: &str) -> bool {
    let b = country_bounds(iso);
    frame.contains(b.min_x, b.min_y) && frame.contains(b.max_x, b.max_y)
}

#[test]
fn places_are_counted_by_mentions_and_documents() {
    let e = engine();
    let c = map_counts(&e, &e.select("", 10));
    // 42 in the bodies and one in a headline ("China Fortifies Its Border With North Korea").
    assert_eq!(count(&e, &c, "North Korea"), Some((43, 3)));
    assert_eq!(count(&e, &c, "Tumen River"), Some((2, 1)));
    assert_eq!(count(&e, &c, "Ryanggang"), Some((1, 1)));
    assert_eq!(count(&e, &c, "North Hamgyong"), Some((1, 1)));
    // Most mentioned first.
    assert!(c.places.windows(2).all(|w| w[0].mentions >= w[1].mentions));
    // A province is shaded by its own mentions and its cities'.
    let nh = shape_index("kp-north-hamgyong").unwrap();
    assert_eq!(c.region_mentions[nh], 1);
    let jilin = shape_index("cn-jilin-province").unwrap();
    assert_eq!(
        c.region_mentions[jilin], 2,
        "the city of Tumen lies in Jilin"
    );
    // A filter narrows the counts.
    let fences = map_counts(&e, &e.select("place:\"Tumen River\"", 10));
    assert_eq!(count(&e, &fences, "Tumen River"), Some((2, 1)));
    assert_eq!(count(&e, &fences, "North Korea").map(|c| c.1), Some(1));
}

#[test]
fn the_seeds_frame_holds_the_peninsula_north_east_china_and_the_far_east() {
    let e = engine();
    let c = map_counts(&e, &e.select("", 10));
    for iso in ["KP", "KR", "CN", "RU"] {
        assert!(holds(&c.frame, iso), "{iso} in {:?}", c.frame);
    }
    // One town frames closely, with the country around it.
    let one = Engine::from_texts([("a", "Hyesan\nTraders in Hyesan wait.")]).unwrap();
    let f = map_counts(&one, &one.select("", 10)).frame;
    assert!(f.w < c.frame.w / 4.0 && f.w >= 400.0, "{f:?}");
}

#[test]
fn the_borders_the_text_talks_about_are_placed() {
    let e = engine();
    let c = map_counts(&e, &e.select("", 10));
    let name = |m: usize| format!("{}-{}", meets()[m].a, meets()[m].b);
    let cn_kp = c.borders.iter().find(|b| name(b.meet) == "CN-KP").unwrap();
    assert_eq!(
        cn_kp.passages[0].1.figure.as_deref(),
        Some("at least 489 km"),
        "the 489 km of fences lie on the China–North Korea border"
    );
    let kp_kr = c.borders.iter().find(|b| name(b.meet) == "KP-KR").unwrap();
    let mines = kp_kr.passages[0].1.barrier.as_deref() == Some("mines");
    assert!(
        mines,
        "the southern border mines lie on the inter-Korean line, listed first: {kp_kr:?}"
    );
    let lines = border_lines(&c);
    assert!(
        lines[0].starts_with("China–North Korea border: "),
        "{lines:?}"
    );
    assert!(
        lines[0].ends_with("lengths given: at least 489 km"),
        "{lines:?}"
    );
}

#[test]
fn exports_hold_the_data_behind_and_the_credits() {
    let e = engine();
    let c = map_counts(&e, &e.select("", 10));
    let csv = map_csv(e.map_index(), &c);
    assert!(csv.starts_with(&csv_row(&CSV_HEADER)));
    assert!(
        csv.contains("Tumen River,river,North Korea,42.97,129.90,2,1,yes\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("North Korea,country,North Korea,,,43,3,yes\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("London,city,"),
        "off the map, still in the table"
    );
    let pic = picture(e.map_index(), &c, c.frame, 900.0, 900.0, false);
    assert!(pic.markers.iter().any(|m| m.label.is_some()));
    let svg = map_svg(e.map_index(), &c, &pic, false);
    assert!(svg.contains("Natural Earth") && svg.contains("GeoNames"));
    assert!(svg.contains("Tumen River (river, North Korea): 2 mentions in 1 document"));
    if let Ok(path) = std::env::var("MAP_SVG_OUT") {
        std::fs::write(&path, &svg).unwrap();
        let shaded = picture(e.map_index(), &c, c.frame, 900.0, 900.0, true);
        std::fs::write(
            path.replace(".svg", "-shade.svg"),
            map_svg(e.map_index(), &c, &shaded, true),
        )
        .unwrap();
    }
}
