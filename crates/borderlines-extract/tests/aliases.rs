//! Alias merging, titles, possessives and metonymy on made-up sentences
//! shaped like wire copy.

use borderlines_core::parse_document;
use borderlines_extract::{extract, DocumentInsights, EntityKind, MentionForm};

fn ins(text: &str) -> DocumentInsights {
    extract(&parse_document("t", text).unwrap())
}

fn mentions(d: &DocumentInsights, name: &str) -> Vec<String> {
    let e = d
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| {
            panic!(
                "{name} missing: {:?}",
                d.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        });
    e.mentions.iter().map(|m| m.text.clone()).collect()
}

#[test]
fn us_spellings_merge() {
    let d = ins("Talks Stall\nThe United States and the U.S. Treasury agree. US officials said America will act, and the USA will wait.");
    assert_eq!(
        mentions(&d, "United States"),
        ["United States", "U.S.", "US", "America", "USA"]
    );
}

#[test]
fn korean_names_and_surname_after_full_name() {
    let d = ins("Leader Speaks\nKim said nothing at first. Later, leader Kim Jong-un spoke, and Kim Jong Un's sister listened while Kim smiled. President Moon Jae-in replied.");
    // The "Kim" before the full name is not linked; the one after is.
    assert_eq!(
        mentions(&d, "Kim Jong-un"),
        ["Kim Jong-un", "Kim Jong Un", "Kim"]
    );
    let kim = d.entities.iter().find(|e| e.name == "Kim Jong-un").unwrap();
    assert_eq!(kim.mentions[2].form, MentionForm::Short);
    assert_eq!(kim.kind, EntityKind::Person);
    assert_eq!(mentions(&d, "Moon Jae-in"), ["Moon Jae-in"]);
}

#[test]
fn north_korea_aliases_and_capital_as_government() {
    let d = ins("Walls\nN. Korea and the DPRK are one. Pyongyang said it would build walls; a rally in Pyongyang followed. Pyongyang's regime denied it, and the North refused.");
    let nk = mentions(&d, "North Korea");
    assert_eq!(nk, ["N. Korea", "DPRK", "Pyongyang", "Pyongyang", "North"]);
    assert_eq!(
        mentions(&d, "Pyongyang"),
        ["Pyongyang"],
        "the rally is in the city"
    );
}

#[test]
fn titles_possessives_and_cue_words() {
    let d = ins("Talks\nChinese President Xi Jinping met Russia's defence ministry and the Ministry of Unification. Expert John Park, an analyst at the Korea Institute for National Unification, said the Workers' Party of Korea would meet. Park added more.");
    assert_eq!(mentions(&d, "Xi Jinping"), ["Xi Jinping"]);
    assert_eq!(
        mentions(&d, "Russia defence ministry"),
        ["Russia's defence ministry"]
    );
    assert_eq!(
        mentions(&d, "Ministry of Unification"),
        ["Ministry of Unification"]
    );
    assert_eq!(
        mentions(&d, "Korea Institute for National Unification"),
        ["Korea Institute for National Unification"]
    );
    assert_eq!(mentions(&d, "John Park"), ["John Park", "Park"]);
    assert_eq!(
        mentions(&d, "Workers' Party of Korea"),
        ["Workers' Party of Korea"]
    );
}

#[test]
fn unknown_capitalised_words_are_left_alone() {
    let d = ins("Shows\nForeign shows such as Squid Game and Crash Landing On You spread. Operation Blue Sky began. Lunar New Year came.");
    let odd: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
        .map(|e| e.name.as_str())
        .collect();
    assert!(odd.is_empty(), "{odd:?}");
}

#[test]
fn an_age_in_apposition_marks_a_person() {
    let d = ins("Tennis\nSeles beat Virginie Razzano, 18, who is ranked 72nd, and Razzano left.");
    assert_eq!(
        mentions(&d, "Virginie Razzano"),
        ["Virginie Razzano", "Razzano"]
    );
}

/// The second scan of a sentence (for a short form of a name the sentence
/// introduces) is skipped unless a later word can begin that short form:
/// it must still run when one does, and for each new name separately.
#[test]
fn short_form_later_in_the_sentence_that_introduces_the_name() {
    let d = ins("Talks\nPresident John Smith met Senator Jane Doe, and Smith said Doe agreed.");
    assert_eq!(mentions(&d, "John Smith"), ["John Smith", "Smith"]);
    assert_eq!(mentions(&d, "Jane Doe"), ["Jane Doe", "Doe"]);
    let d = ins("Talks\nShares of Kmart Corp rose after Kmart said sales grew.");
    assert_eq!(mentions(&d, "Kmart Corp"), ["Kmart Corp", "Kmart"]);
}
