//! World places by context (src/places.rs), datelines, company names and
//! capitals: each rule as a reader would notice it.

use borderlines_core::parse::parse_document;
use borderlines_extract::{extract, DocumentInsights, Entity, EntityKind, MentionForm, PlaceKind};

fn ins(text: &str) -> DocumentInsights {
    extract(&parse_document("t", text).expect("parses"))
}

/// (name, kind, country) of every entity.
fn all(i: &DocumentInsights) -> Vec<(String, EntityKind, Option<String>)> {
    i.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind, e.country.clone()))
        .collect()
}

fn named<'a>(i: &'a DocumentInsights, text: &str) -> Vec<&'a Entity> {
    i.entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.text == text))
        .collect()
}

fn one<'a>(i: &'a DocumentInsights, text: &str) -> &'a Entity {
    let v = named(i, text);
    assert_eq!(v.len(), 1, "{text:?} in {:?}", all(i));
    v[0]
}

#[test]
fn new_jersey_is_never_the_island_and_jersey_follows_its_story() {
    let i = ins("NEWARK, N.J., June 14 (AP) — New Jersey Governor Phil Murphy signed a bill on Monday, a year after a similar measure stalled in Trenton.");
    let nj = one(&i, "New Jersey");
    assert_eq!(
        (nj.name.as_str(), nj.country.as_deref()),
        ("New Jersey", Some("US"))
    );
    assert!(
        !all(&i).iter().any(|e| e.2.as_deref() == Some("JE")),
        "{:?}",
        all(&i)
    );
    // The island, by its dateline and alone.
    let i = ins("ST HELIER, Jersey, Oct 2 (Reuters) - The island of Jersey will tighten rules on offshore trusts, its chief minister said on Friday.");
    assert!(named(&i, "Jersey")
        .iter()
        .all(|e| e.country.as_deref() == Some("JE")));
    // "Jersey" in a story set in the United States is New Jersey.
    let i = ins("TRENTON, N.J., May 3 (AP) — Commuters from Philadelphia into Jersey faced delays on Monday after a signal failure, officials said.");
    let j = one(&i, "Jersey");
    assert_eq!(
        (j.name.as_str(), j.country.as_deref()),
        ("New Jersey", Some("US"))
    );
}

#[test]
fn georgia_is_the_state_or_the_country_by_its_neighbours_and_dateline() {
    let i = ins("ATLANTA, Ga., Jan 5 (Reuters) - Delta said it would add flights as demand in Georgia recovered. Georgia's governor welcomed the announcement.");
    for e in named(&i, "Georgia") {
        assert_eq!(
            (e.place_kind, e.country.as_deref()),
            (Some(PlaceKind::Province), Some("US"))
        );
    }
    let i = ins("TBILISI, Aug 8 (Reuters) - Georgia accused Russia on Saturday of bombing villages near South Ossetia.");
    let g = one(&i, "Georgia");
    assert_eq!(
        (g.kind, g.country.as_deref()),
        (EntityKind::Country, Some("GE"))
    );
    let i =
        ins("Georgia accused Russia on Saturday of bombing villages, and asked Europe for help.");
    assert_eq!(one(&i, "Georgia").kind, EntityKind::Country);
}

#[test]
fn a_city_followed_by_its_region_is_that_city() {
    let i = ins("PARIS, Texas, May 21 (AP) — Tornadoes damaged dozens of homes in Paris and nearby Clarksville, the sheriff said.");
    for e in named(&i, "PARIS").into_iter().chain(named(&i, "Paris")) {
        assert_eq!(
            (e.name.as_str(), e.country.as_deref()),
            ("Paris", Some("US"))
        );
    }
    let i = ins(
        "France's finance minister said on Tuesday that growth would slow, after talks in Paris.",
    );
    assert_eq!(one(&i, "Paris").country.as_deref(), Some("FR"));
    let i = ins("The plant near Decatur, Ill., will open next year.");
    let d = one(&i, "Decatur");
    assert_eq!(d.country.as_deref(), Some("US"));
    assert_eq!(one(&i, "Ill.").name, "Illinois");
}

#[test]
fn common_word_cities_need_a_capital_and_a_place_cue() {
    let i = ins("Forecasters said it was a nice break. Nice weather returned on Friday, and reading the maps was easy.");
    assert!(
        !all(&i).iter().any(|e| e.1 == EntityKind::Place),
        "{:?}",
        all(&i)
    );
    let i = ins("Hurricane warnings were posted from Mobile to Pensacola, and police in Nice and Reading said they were ready.");
    for (city, iso) in [
        ("Mobile", "US"),
        ("Pensacola", "US"),
        ("Nice", "FR"),
        ("Reading", "GB"),
    ] {
        let e = one(&i, city);
        assert_eq!(
            (e.kind, e.country.as_deref()),
            (EntityKind::Place, Some(iso)),
            "{city}"
        );
    }
    let i = ins("Reading the figures too closely was a mistake, analysts said.");
    assert!(named(&i, "Reading").is_empty(), "{:?}", all(&i));
    // A month is a date, never the English town of March.
    let i = ins("Prices rose in March and fell in May, traders in London said.");
    assert!(named(&i, "March").is_empty() && named(&i, "May").is_empty());
}

#[test]
fn mid_size_towns_need_a_cue_unless_the_story_is_set_in_their_country() {
    let i = ins("Rustenburg said the strike had ended.");
    assert!(named(&i, "Rustenburg").is_empty(), "{:?}", all(&i));
    let i = ins("The strike at mines near Rustenburg had ended.");
    assert_eq!(one(&i, "Rustenburg").country.as_deref(), Some("ZA"));
    let i = ins("TROY, Mich., April 2 (Reuters) - The retailer, based in this Detroit suburb, said jobs would go.");
    assert_eq!(one(&i, "Detroit").country.as_deref(), Some("US"));
}

#[test]
fn every_place_carries_its_country_and_wire_abbreviations_are_regions() {
    let i = ins("Kmart said it would close stores in Ohio, Pennsylvania and Ill., while senators from N.Y. and Mass. complained, and owners in Ont. and B.C. welcomed the move.");
    for (abbr, name, iso) in [
        ("Ill.", "Illinois", "US"),
        ("N.Y.", "New York", "US"),
        ("Mass.", "Massachusetts", "US"),
        ("Ont.", "Ontario", "CA"),
        ("B.C.", "British Columbia", "CA"),
    ] {
        let e = one(&i, abbr);
        assert_eq!((e.name.as_str(), e.country.as_deref()), (name, Some(iso)));
    }
    for e in i.entities.iter().filter(|e| e.kind == EntityKind::Place) {
        assert!(e.country.is_some(), "{} has a country", e.name);
    }
}

#[test]
fn demonyms_are_country_mentions_kept_apart_from_names() {
    let i = ins("Swiss bank officials met Canadian and Saudi envoys in Switzerland; South Korean and Kuwaiti delegates joined.");
    let ch = one(&i, "Swiss");
    assert_eq!(
        (ch.kind, ch.country.as_deref()),
        (EntityKind::Country, Some("CH"))
    );
    let forms: Vec<MentionForm> = ch.mentions.iter().map(|m| m.form).collect();
    assert_eq!(forms, [MentionForm::Demonym, MentionForm::Name]);
    for (d, iso) in [
        ("Canadian", "CA"),
        ("Saudi", "SA"),
        ("South Korean", "KR"),
        ("Kuwaiti", "KW"),
    ] {
        assert_eq!(one(&i, d).country.as_deref(), Some(iso), "{d}");
    }
    let json = serde_json::to_string(&i).expect("serialises");
    assert!(json.contains("\"form\":\"Demonym\"") && json.contains("\"form\":\"Name\""));
}

#[test]
fn historical_and_short_names_map_to_their_country() {
    let i = ins("Officials in Burma, the former Soviet Union and West Germany answered, as did the UAE and the U.K.");
    for (n, iso) in [
        ("Burma", "MM"),
        ("Soviet Union", "RU"),
        ("West Germany", "DE"),
        ("UAE", "AE"),
        ("U.K.", "GB"),
    ] {
        assert_eq!(one(&i, n).country.as_deref(), Some(iso), "{n}");
    }
}

#[test]
fn company_names_are_organisations_as_a_whole() {
    let i = ins("DAYTON, Ohio, March 9 - Data Terminal Systems Inc <DTSI> said it agreed to sell its retail division. Royal Dutch Shell Plc and Anglo American Plc said output fell, and Swiss bank UBS AG said profit rose.");
    for name in [
        "Data Terminal Systems Inc",
        "Royal Dutch Shell Plc",
        "Anglo American Plc",
        "UBS AG",
    ] {
        assert_eq!(one(&i, name).kind, EntityKind::Organisation, "{name}");
    }
    assert!(
        !all(&i).iter().any(|e| e.1 == EntityKind::Person),
        "{:?}",
        all(&i)
    );
    assert!(named(&i, "Dutch").is_empty() && named(&i, "American").is_empty());
    // "Archer Daniels Midland Co <ADM.N>": the ticker marks it too.
    let i = ins("Shares of Archer Daniels Midland <ADM.N> rose 2 percent.");
    assert_eq!(
        one(&i, "Archer Daniels Midland").kind,
        EntityKind::Organisation
    );
}

#[test]
fn all_capital_text_is_read_case_normalised() {
    // A shouted block (old wire copy, a headline kept as text).
    let d = borderlines_core::Document {
        id: "caps".into(),
        title: "t".into(),
        title_source: borderlines_core::TitleSource::Derived,
        byline: None,
        blocks: vec![borderlines_core::Block {
            kind: borderlines_core::BlockKind::Paragraph,
            text: "OPEC MINISTERS TO MEET IN VIENNA AS SAUDI ARABIA SEEKS DEEPER CUTS".into(),
        }],
        word_count: 11,
        boilerplate_removed: 0,
        stated: None,
    };
    let i = extract(&d);
    assert_eq!(one(&i, "VIENNA").name, "Vienna");
    assert_eq!(one(&i, "SAUDI ARABIA").country.as_deref(), Some("SA"));
}

#[test]
fn datelines_become_metadata_with_place_country_date_and_agency() {
    let i = ins("TROY, Mich., April 2 (Reuters) - Kmart Corp said it would close 45 stores by the end of 1987.");
    let d = i.metadata.dateline.as_ref().expect("a dateline");
    assert_eq!(d.text, "TROY, Mich., April 2 (Reuters)");
    assert_eq!(
        (d.place.as_deref(), d.country.as_deref()),
        (Some("Troy"), Some("US"))
    );
    assert_eq!(d.date.map(|x| x.iso()), Some("1987-04-02".into()));
    assert!(d.year_inferred);
    assert_eq!(d.agency.as_deref(), Some("Reuters"));
    let e = i.entity(d.entity.expect("an entity")).expect("exists");
    assert_eq!(e.name, "Troy");
    // No stated date: the dateline dates the story, marked as not stated.
    let p = i.metadata.published.as_ref().expect("a date");
    assert_eq!((p.date.iso(), p.stated), ("1987-04-02".into(), false));

    let i = ins("BEIJING/TOKYO, March 3 (Reuters) - China and Japan agreed to resume talks.");
    let d = i.metadata.dateline.as_ref().expect("a dateline");
    assert_eq!(d.places, ["Beijing", "Tokyo"]);
    assert_eq!(
        d.date.map(|x| (x.year, x.month, x.day)),
        Some((None, Some(3), Some(3)))
    );
    assert!(!d.year_inferred);

    let i = ins("WASHINGTON — The Senate voted 68-32 on Wednesday to approve a highway bill.");
    let d = i.metadata.dateline.as_ref().expect("a dateline");
    assert_eq!(
        (d.place.as_deref(), d.country.as_deref(), d.date),
        (Some("Washington"), Some("US"), None)
    );

    let i = ins("North Korea built fences along the border in 2020, officials said.");
    assert!(i.metadata.dateline.is_none());
}

#[test]
fn korean_place_names_are_found_before_their_particles() {
    let i = ins(
        "북한이 압록강과 두만강 일대의 국경 경비를 강화했다. 양강도 혜산에서는 경비대원이 늘었다.",
    );
    for (name, en, iso) in [
        ("북한", "North Korea", "KP"),
        ("압록강", "Yalu River", "KP"),
        ("두만강", "Tumen River", "KP"),
        ("양강도", "Ryanggang", "KP"),
        ("혜산", "Hyesan", "KP"),
    ] {
        let e = one(&i, name);
        assert_eq!(
            (e.name.as_str(), e.country.as_deref()),
            (en, Some(iso)),
            "{name}"
        );
    }
}

/// The headline is a located block: its names are marked like the body's.
fn in_title(i: &DocumentInsights) -> Vec<(String, String)> {
    i.entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .filter(|m| m.loc.in_title())
                .map(|m| (e.name.clone(), m.text.clone()))
        })
        .collect()
}

#[test]
fn a_headline_names_entities_in_its_own_block() {
    let text = "Kim Builds New Fence Along China Border\n\nNorth Korean leader Kim Jong Un ordered a second fence along the Yalu River, officials said. The border with China is now lit at night.";
    let doc = parse_document("t", text).expect("parses");
    assert_eq!(
        doc.title_source,
        borderlines_core::TitleSource::Headline,
        "{doc:?}"
    );
    let i = extract(&doc);
    let marked = in_title(&i);
    assert!(
        marked.contains(&("Kim Jong Un".into(), "Kim".into())),
        "{marked:?}"
    );
    assert!(
        marked.contains(&("China".into(), "China".into())),
        "{marked:?}"
    );
    // Every located title mention is the title's own text.
    for e in &i.entities {
        for m in e.mentions.iter().filter(|m| m.loc.in_title()) {
            assert_eq!(m.loc.text(&doc.title), m.text);
        }
    }
    // Headline capitals prove nothing: no new person or organisation.
    assert!(
        !i.entities
            .iter()
            .any(|e| e.mentions.iter().all(|m| m.loc.in_title())
                && matches!(e.kind, EntityKind::Person | EntityKind::Organisation)),
        "{:?}",
        all(&i)
    );
}

#[test]
fn a_place_named_only_in_the_headline_is_found() {
    let text = "Floods Hit Sinuiju As Rains Continue\n\nHeavy rain fell for a third day on Tuesday and the river rose above its banks, residents said.";
    let i = ins(text);
    assert!(
        in_title(&i).iter().any(|(name, _)| name == "Sinuiju"),
        "{:?}",
        all(&i)
    );
}

#[test]
fn a_title_derived_from_the_first_sentence_is_not_counted_twice() {
    let text = "North Korea fortified its border with China in 2020, satellite images show, and the work went on through the winter months that followed.";
    let doc = parse_document("t", text).expect("parses");
    assert_eq!(doc.title_source, borderlines_core::TitleSource::Derived);
    assert!(in_title(&extract(&doc)).is_empty());
}

#[test]
fn an_all_capital_headline_is_read_case_normalised() {
    let text = "PYONGYANG SEALS BORDER WITH CHINA\n\nThe crossing at Sinuiju closed on Monday, traders said.";
    let doc = parse_document("t", text).expect("parses");
    assert_eq!(
        doc.title_source,
        borderlines_core::TitleSource::Headline,
        "{doc:?}"
    );
    let marked = in_title(&extract(&doc));
    for (name, as_written) in [("Pyongyang", "PYONGYANG"), ("China", "CHINA")] {
        assert!(
            marked.contains(&(name.into(), as_written.into())),
            "{marked:?}"
        );
    }
}
