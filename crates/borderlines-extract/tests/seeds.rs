//! The three seed articles: every figure and entity the project's brief
//! names, checked on the JSON the CLI and the app see.

use borderlines_core::parse::parse_bytes;
use borderlines_extract::{
    extract, Agreement, CorpusInsights, DocumentInsights, EntityKind, PlaceKind,
};
use serde_json::Value;

fn seed(name: &str) -> borderlines_core::Document {
    let path = format!("{}/../../seeds/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_bytes(name, &bytes).expect("seed parses")
}

const S0: &str = "000_072fe782a020354c";
const S1: &str = "001_a9904e2a1790e04c";
const S4: &str = "004_facdb78689669bb6";

/// The JSON form, as the CLI prints it.
fn json(d: &DocumentInsights) -> Value {
    serde_json::to_value(d).unwrap()
}

fn entity<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("entity {name} missing"))
}

fn mentions(e: &Value) -> Vec<String> {
    e["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap().to_owned())
        .collect()
}

fn figure<'a>(j: &'a Value, text: &str) -> &'a Value {
    j["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == text)
        .unwrap_or_else(|| panic!("figure {text:?} missing"))
}

#[test]
fn seed_000_figures() {
    let j = json(&extract(&seed(S0)));
    let f = figure(&j, "only 67");
    assert_eq!(
        (f["value"].as_f64(), f["min"].as_f64(), f["max"].as_f64()),
        (Some(67.0), Some(67.0), Some(67.0))
    );
    assert_eq!(f["measure"], "defector");
    assert_eq!(f["counts"], "defectors reaching South Korea");
    assert_eq!(f["time"]["year"], 2020);
    let f = figure(&j, "1,047");
    assert_eq!(f["value"].as_f64(), Some(1047.0));
    assert_eq!(f["measure"], "defector");
    assert_eq!(f["time"]["year"], 2019);
    let f = figure(&j, "at least 489 km");
    assert_eq!(
        (
            f["qualifier"].as_str(),
            f["min"].as_f64(),
            f["max"].as_f64()
        ),
        (Some("AtLeast"), Some(489.0), None)
    );
    assert_eq!(
        (f["unit"].as_str(), f["counts"].as_str()),
        (Some("km"), Some("border"))
    );
    let f = figure(&j, "up to 80%");
    assert_eq!(
        (
            f["qualifier"].as_str(),
            f["min"].as_f64(),
            f["max"].as_f64()
        ),
        (Some("AtMost"), None, Some(80.0))
    );
    assert_eq!(
        (f["unit"].as_str(), f["counts"].as_str()),
        (Some("%"), Some("North Koreans"))
    );
    // Years are dates, not figures.
    let texts: Vec<&str> = j["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["only 67", "1,047", "at least 489 km", "up to 80%"]);
    let dates: Vec<&str> = j["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert!(
        dates.contains(&"2019") && dates.contains(&"2020") && dates.contains(&"1990s"),
        "{dates:?}"
    );
}

#[test]
fn seed_000_entities() {
    let d = extract(&seed(S0));
    let j = json(&d);
    let kim = entity(&j, "Kim Jong Un");
    assert_eq!(kim["kind"], "Person");
    assert_eq!(mentions(kim).len(), 3);
    let nk = entity(&j, "North Korea");
    assert_eq!(nk["kind"], "Country");
    let nk_m = mentions(nk);
    // "Pyongyang has constructed" and "for Pyongyang to prevent" stand for the government.
    assert_eq!(nk_m.iter().filter(|m| *m == "Pyongyang").count(), 2);
    assert!(
        nk_m.iter().filter(|m| *m == "North Korea").count() >= 9,
        "{nk_m:?}"
    );
    assert!(!j["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "Pyongyang"));
    let us = entity(&j, "United States");
    assert_eq!(mentions(us), ["US"]);
    let treasury = entity(&j, "US Treasury Department");
    assert_eq!(
        (treasury["kind"].as_str(), treasury["country"].as_str()),
        (Some("Organisation"), Some("US"))
    );
    let bureau = entity(&j, "Border Guard General Bureau");
    assert_eq!(
        (bureau["kind"].as_str(), bureau["country"].as_str()),
        (Some("Organisation"), Some("KP"))
    );
    let fm = entity(&j, "China foreign ministry");
    assert_eq!(
        (fm["kind"].as_str(), fm["country"].as_str()),
        (Some("Organisation"), Some("CN"))
    );
    assert_eq!(mentions(fm), ["China's foreign ministry"]);
    assert_eq!(
        entity(
            &j,
            "Middlebury Institute of International Studies at Monterey"
        )["kind"],
        "Organisation"
    );
    assert_eq!(entity(&j, "Reuters")["kind"], "Organisation");
    assert_eq!(entity(&j, "Benjamin Katzeff Silberstein")["kind"], "Person");
    for c in ["China", "Russia", "South Korea"] {
        assert_eq!(entity(&j, c)["kind"], "Country", "{c}");
    }
    assert_eq!(entity(&j, "London")["place_kind"], "City");
    for g in [
        "defectors",
        "smugglers",
        "activists",
        "border guards",
        "troops",
    ] {
        assert_eq!(entity(&j, g)["kind"], "Group", "{g}");
    }
    assert_eq!(mentions(entity(&j, "defectors")).len(), 6);
    // No spurious people or organisations from capitalised words.
    let people: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, ["Kim Jong Un", "Benjamin Katzeff Silberstein"]);
    assert_eq!(d.top_entities(1)[0].name, "North Korea");
    assert!(d.metadata.sources.iter().any(|s| s.name == "Reuters"));
}

#[test]
fn seed_001_figures_entities_and_quote() {
    let d = extract(&seed(S1));
    let j = json(&d);
    let f = figure(&j, "over a thousand");
    assert_eq!(
        (
            f["qualifier"].as_str(),
            f["min"].as_f64(),
            f["max"].as_f64()
        ),
        (Some("Vague"), Some(1000.0), Some(2000.0))
    );
    assert_eq!(
        (f["measure"].as_str(), f["time"]["year"].as_i64()),
        (Some("defector"), Some(2019))
    );
    let f = figure(&j, "a mere few dozen");
    assert_eq!(
        (f["min"].as_f64(), f["max"].as_f64()),
        (Some(24.0), Some(60.0))
    );
    assert_eq!(f["time"]["text"], "last year");
    let f = figure(&j, "up to 600");
    assert_eq!(
        (
            f["qualifier"].as_str(),
            f["min"].as_f64(),
            f["max"].as_f64()
        ),
        (Some("AtMost"), None, Some(600.0))
    );
    assert_eq!(
        (f["counts"].as_str(), f["time"]["text"].as_str()),
        (Some("North Koreans"), Some("October"))
    );

    let place = |name: &str, kind: PlaceKind| {
        let e = d
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(
            (e.kind, e.place_kind),
            (EntityKind::Place, Some(kind)),
            "{name}"
        );
        assert!(e.lat.is_some() && e.lon.is_some(), "{name} has coordinates");
        e.mentions.len()
    };
    assert_eq!(place("Tumen River", PlaceKind::River), 2);
    assert_eq!(place("Tumen", PlaceKind::City), 2); // "the city of Tumen", "Tumen city"
    place("North Hamgyong", PlaceKind::Province);
    place("Ryanggang", PlaceKind::Province);
    place("Seoul", PlaceKind::City);
    assert_eq!(entity(&j, "UN Security Council")["kind"], "Organisation");
    assert_eq!(entity(&j, "defectors")["kind"], "Group");
    assert_eq!(d.metadata.authors, ["Aqsa Younas Rana"]);
    let q = d
        .quotes
        .iter()
        .find(|q| q.text == "vanished")
        .expect("'vanished' quoted");
    assert_eq!(
        q.speaker.as_deref(),
        Some("a Seoul-based human rights group")
    );
}

#[test]
fn seed_004_figures_entities_quotes_and_source() {
    let d = extract(&seed(S4));
    let j = json(&d);
    let f = figure(&j, "12,000");
    assert_eq!(
        (f["value"].as_f64(), f["counts"].as_str()),
        (Some(12000.0), Some("troops"))
    );
    let f = figure(&j, "around 1,500");
    assert_eq!(f["qualifier"], "Approximate");
    assert_eq!(
        (f["min"].as_f64(), f["max"].as_f64(), f["counts"].as_str()),
        (Some(1350.0), Some(1650.0), Some("troops"))
    );
    let us = entity(&j, "United States");
    assert_eq!(mentions(us), ["U.S.", "U.S."]);
    let kim = entity(&j, "Kim Jong Un");
    assert_eq!(kim["kind"], "Person");
    assert_eq!(entity(&j, "Daily NK")["kind"], "Organisation");
    assert_eq!(entity(&j, "Korean People's Army")["kind"], "Organisation");
    assert_eq!(entity(&j, "Ministry of Defense")["kind"], "Organisation");
    // "the nation's defense ministry" after "North Korea's eastern border region".
    let dm = entity(&j, "North Korea defense ministry");
    assert_eq!(
        (dm["kind"].as_str(), dm["country"].as_str()),
        (Some("Organisation"), Some("KP"))
    );
    let far_east = entity(&j, "Russian Far East");
    assert_eq!(
        (
            far_east["place_kind"].as_str(),
            far_east["country"].as_str()
        ),
        (Some("Region"), Some("RU"))
    );
    let gangwon = d
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == "Gangwon"))
        .unwrap();
    assert_eq!(
        gangwon.country.as_deref(),
        Some("KP"),
        "Gangwon here is North Korea's"
    );
    let nk = entity(&j, "North Korea");
    assert!(
        mentions(nk).contains(&"North".to_owned()),
        "“the North” is North Korea"
    );
    for c in ["Russia", "Ukraine", "South Korea"] {
        assert_eq!(entity(&j, c)["kind"], "Country");
    }
    assert_eq!(entity(&j, "troops")["kind"], "Group");
    let src = d
        .metadata
        .sources
        .iter()
        .find(|s| s.name == "Daily NK")
        .expect("Daily NK is a source");
    assert_eq!(src.evidence, "According to Daily NK");
    let quoted: Vec<(&str, Option<&str>)> = d
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert!(
        quoted.contains(&("groundless", Some("North Korea"))),
        "{quoted:?}"
    );
    assert!(
        quoted.contains(&("hostile state", Some("North Korea parliament"))),
        "{quoted:?}"
    );
    assert!(
        quoted.contains(&("weapons for defense and attack", Some("A senior official"))),
        "{quoted:?}"
    );
    let dates: Vec<&str> = d.dates.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(dates, ["Last week", "Friday", "December 1"]);
    assert_eq!(
        d.themes[0].theme,
        borderlines_extract::Theme::MilitaryEscalation
    );
}

#[test]
fn claims_link_defector_arrivals_across_seeds() {
    let corpus = borderlines_core::Corpus {
        documents: vec![seed(S0), seed(S1), seed(S4)],
    };
    let c = CorpusInsights::build(&corpus);
    let claim = c
        .claims
        .iter()
        .find(|c| c.measure == "defector" && c.year == 2019)
        .expect("2019 defector claim");
    assert_eq!(claim.agreement, Agreement::Consistent);
    let texts: Vec<&str> = claim.figures.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["1,047", "over a thousand"]);
    // Round trip through the compact form the page embeds.
    let bytes = c.to_bytes().unwrap();
    assert_eq!(CorpusInsights::from_bytes(&bytes).unwrap(), c);
    assert!(
        bytes.len() < 64 * 1024,
        "insights for the seeds take {} bytes",
        bytes.len()
    );
}

#[test]
fn spans_for_the_reader_do_not_overlap() {
    let d = extract(&seed(S0));
    let doc = seed(S0);
    for (bi, b) in doc.blocks.iter().enumerate() {
        let spans = d.spans(bi);
        for w in spans.windows(2) {
            assert!(w[0].0.end <= w[1].0.start, "{:?}", w);
        }
        for (r, _) in &spans {
            assert!(b.text.get(r.clone()).is_some(), "span on char boundaries");
        }
    }
    let bi = doc
        .blocks
        .iter()
        .position(|b| b.text.contains("Treasury"))
        .unwrap();
    let texts: Vec<&str> = d
        .spans(bi)
        .iter()
        .map(|(r, _)| &doc.blocks[bi].text[r.clone()])
        .collect();
    // The organisation wins over the country nested in it.
    assert!(
        texts.contains(&"US Treasury Department") && !texts.contains(&"US"),
        "{texts:?}"
    );
    let first = d.spans(1);
    assert!(first
        .iter()
        .any(|(r, k)| &doc.blocks[1].text[r.clone()] == "1,047"
            && *k == borderlines_extract::SpanKind::Figure));
}
