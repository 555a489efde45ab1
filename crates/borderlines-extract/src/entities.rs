//! Typed entities and every mention of them, with aliases merged.
//!
//! Three passes over each sentence:
//! 1. Dictionary: longest match against the gazetteer (countries with their
//!    aliases and demonyms, provinces, cities, rivers, regions), well-known
//!    organisations and group nouns ("defectors", "border guards").
//! 2. Capitalised chunks typed by cues: an organisation cue word
//!    ("Ministry", "Bureau", "Institute"), a title before a name ("President",
//!    "leader"), a Korean name shape ("Kim Jong Un"), an appositive
//!    (", an expert on …"), a speech verb ("… said"). A chunk with no cue is
//!    left alone: precision over recall.
//! 3. Short forms: a surname ("Kim", "Silberstein") or a repeated name
//!    becomes a mention of the entity whose full name appeared earlier.
//!
//! Metonymy: a capital acting as a sentence subject ("Pyongyang has
//! constructed") is a mention of its country's government, not the city.
//! Possessives: "China's foreign ministry" is an organisation of China.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::gazetteer_pack::NameForm;
use crate::headline;
use crate::lexicon::*;
use crate::places::{self, PlaceContext, PlaceHit};
use crate::span::Loc;
use crate::tokens::{TokKind, Tokenized};
use crate::word_set::{WordFilter, WordSet};
use borderlines_core::scripts::is_hangul;
use rustc_hash::{FxHashMap, FxHashSet};

/// The type of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Organisation,
    Country,
    /// A city, province, river or region (see [`Entity::place_kind`]).
    Place,
    /// A group of people: "defectors", "border guards", "troops".
    Group,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MentionForm {
    /// The full or canonical name.
    Name,
    /// Another name of the same thing ("U.S.", "N. Korea", "Kim Jong-un").
    Alias,
    /// A nationality adjective or people noun ("North Korean", "Chinese").
    Demonym,
    /// A surname or shortened name after the full name appeared ("Kim").
    Short,
    /// A capital standing for its government ("Pyongyang has constructed").
    Capital,
    /// A descriptive phrase ("China's foreign ministry", "the North").
    Phrase,
}

/// One mention: where it is and its exact text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub loc: Loc,
    pub text: String,
    pub form: MentionForm,
}

/// An entity with all its mentions in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Index in [`crate::DocumentInsights::entities`].
    pub id: u32,
    pub kind: EntityKind,
    /// Canonical name ("Kim Jong Un", "United States", "defectors").
    pub name: String,
    /// For places: city, province, river or region.
    pub place_kind: Option<PlaceKind>,
    /// ISO 3166-1 alpha-2 country the entity is, belongs to or is located in.
    pub country: Option<String>,
    /// Map coordinates for countries and places from the gazetteer.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Gazetteer outline key ([`crate::gazetteer::OUTLINES_JSON`]), if any.
    pub outline_id: Option<String>,
    /// Every mention, in reading order.
    pub mentions: Vec<Mention>,
}

// ------------------------------------------------------------------ dictionary

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    /// Index into KNOWN_ORGS.
    Org(u16, MentionForm),
    /// Index into GROUPS.
    Group(u16),
}

/// Organisations and groups (places are in the gazetteer's fst).
struct Dict {
    map: FxHashMap<String, Vec<Entry>>,
    prefixes: FxHashSet<String>,
    /// Lowercase words that can start a key (group nouns): other lowercase
    /// words skip the lookup entirely.
    lower_starts: WordSet,
    /// Every one-word key or prefix (what a first token must be), as a
    /// filter that turns most words away before they are hashed.
    first_words: WordFilter,
}

fn norm_key(s: &str) -> String {
    // Keys join words by single spaces; hyphens count as spaces and curly
    // apostrophes as straight ones, so surface variants meet.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '-' | ' ' => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    // "People 's" never occurs: possessives attach to the word.
    out.replace(" 's", "'s").trim_end().to_owned()
}

fn dict() -> &'static Dict {
    static D: OnceLock<Dict> = OnceLock::new();
    D.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        let mut add = |k: &str, e: Entry| {
            let k = norm_key(k);
            if k.is_empty() || k.starts_with("the ") {
                return; // "the North" is handled in context, see `the_north_south`.
            }
            let v = map.entry(k).or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        };
        for (i, (name, aliases, _, _)) in KNOWN_ORGS.iter().enumerate() {
            add(name, Entry::Org(i as u16, MentionForm::Name));
            for a in aliases.iter() {
                add(a, Entry::Org(i as u16, MentionForm::Alias));
            }
        }
        for (i, (form, _)) in GROUPS.iter().enumerate() {
            add(form, Entry::Group(i as u16));
        }
        let mut prefixes = FxHashSet::default();
        let mut lower_starts: FxHashSet<String> = FxHashSet::default();
        for k in map.keys() {
            if k.starts_with(|c: char| c.is_lowercase()) {
                lower_starts.insert(k.split(' ').next().unwrap_or("").to_owned());
            }
            let mut end = 0;
            while let Some(p) = k[end..].find(' ') {
                end += p;
                prefixes.insert(k[..end].to_owned());
                end += 1;
            }
            // A possessive inside a key ("Workers' Party") is a prefix point too.
            for (i, c) in k.char_indices() {
                if c == '\'' {
                    prefixes.insert(k[..i].to_owned());
                    prefixes.insert(k[..=i].to_owned());
                    if k[i + 1..].starts_with('s') {
                        prefixes.insert(k[..i + 2].to_owned());
                    }
                }
            }
        }
        let mut first_words = WordFilter::default();
        for k in map.keys().chain(&prefixes) {
            if !k.contains(' ') {
                first_words.add(k);
            }
        }
        Dict {
            map,
            prefixes,
            lower_starts: lower_starts.into_iter().collect(),
            first_words,
        }
    })
}

// ------------------------------------------------------------------ builder

/// Accumulates entities for one document.
pub(crate) struct EntityBuilder {
    entities: Vec<Entity>,
    by_key: FxHashMap<EKey, usize>,
    /// Short forms that may refer back: alias text -> entity index.
    short_forms: FxHashMap<String, usize>,
    /// Short forms registered during the current sentence's scan (entity,
    /// alias): only these can make a second scan of the sentence find more.
    fresh_short_forms: Vec<(usize, String)>,
    /// Mentions already recorded, so a re-scan never duplicates one.
    seen: FxHashSet<(usize, Loc)>,
    /// The places and countries named so far (for same-named places).
    places: PlaceContext,
    /// The dateline: its block, its byte end there, and the byte ranges of
    /// its place names and region.
    dateline: Option<DatelineSpan>,
}

/// A dateline's block, byte end and the byte ranges of its places and region.
type DatelineSpan = (usize, usize, Vec<(usize, usize)>);

/// What a sentence scan reads besides the tokens.
struct ScanCtx<'a> {
    short_forms: &'a FxHashMap<String, usize>,
    known: &'a [Entity],
    places: &'a PlaceContext,
    /// Byte end of the dateline when the block holds it (read title-cased).
    dateline_end: Option<usize>,
    /// Byte ranges of the dateline's places and region (a place cue).
    dateline_places: &'a [(usize, usize)],
    /// The block is in capitals: names are looked up title-cased too.
    caps: bool,
}

/// What makes two mentions the same entity. Gazetteer entries and groups
/// are keyed by index (no allocation per mention), names by their text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum EKey {
    /// A country, by its gazetteer index.
    Country(u32),
    /// A gazetteer place, by index.
    Place(u32),
    /// A group, by its index in GROUPS' canonical names.
    Group(&'static str),
    /// An organisation: lowercase name and country.
    Org(String, Option<&'static str>),
    /// A person: lowercase name with hyphens as spaces.
    Person(String),
    /// A place found by cue words: lowercase name.
    CuePlace(String),
}

/// A mention found in a sentence, before it is attached to an entity.
struct Found {
    tok_start: usize,
    tok_end: usize,
    key: EKey,
    kind: EntityKind,
    name: Cow<'static, str>,
    form: MentionForm,
    place: Option<u32>,
    country: Option<&'static str>,
    /// Bytes of the last token that are not the name (a Korean particle: "북한이").
    trim_end: usize,
}

impl EntityBuilder {
    pub(crate) fn new() -> Self {
        Self {
            entities: Vec::new(),
            by_key: FxHashMap::default(),
            short_forms: FxHashMap::default(),
            fresh_short_forms: Vec::new(),
            seen: FxHashSet::default(),
            places: PlaceContext::default(),
            dateline: None,
        }
    }

    /// The dateline ends at byte `end` of block `block` and names places at
    /// `places` (byte ranges): they need no other cue, are read title-cased
    /// ("TROY") and set the context.
    pub(crate) fn set_dateline(&mut self, block: usize, end: usize, places: Vec<(usize, usize)>) {
        self.dateline = Some((block, end, places));
    }

    pub(crate) fn finish(mut self) -> Vec<Entity> {
        // "the North" alone, with no North Korea named anywhere, is dropped.
        self.entities.retain(|e| {
            e.mentions
                .iter()
                .any(|m| m.form != MentionForm::Phrase || e.kind == EntityKind::Organisation)
        });
        for (i, e) in self.entities.iter_mut().enumerate() {
            e.id = i as u32;
            e.mentions.sort_by_key(|m| (m.loc.block, m.loc.start));
        }
        self.entities
    }

    fn add(&mut self, block: usize, t: &Tokenized, f: Found) -> usize {
        let start = t.toks[f.tok_start].start;
        let end = t.toks[f.tok_end - 1].end - f.trim_end;
        if let Some(p) = f.place {
            self.places.note(Gazetteer::embedded(), p);
        }
        let text = t.text[start..end].to_owned();
        let idx = match self.by_key.get(&f.key) {
            Some(&i) => i,
            None => {
                let g = Gazetteer::embedded();
                let place = f.place.and_then(|p| g.places.get(p as usize));
                let e = Entity {
                    id: 0,
                    kind: f.kind,
                    name: f.name.to_string(),
                    place_kind: place.map(|p| p.kind).filter(|k| *k != PlaceKind::Country),
                    country: f
                        .country
                        .map(str::to_owned)
                        .or_else(|| place.map(|p| p.country.clone()).filter(|c| !c.is_empty())),
                    lat: place.and_then(|p| p.lat),
                    lon: place.and_then(|p| p.lon),
                    outline_id: place.and_then(|p| p.outline_id.clone()),
                    mentions: Vec::new(),
                };
                self.entities.push(e);
                self.by_key.insert(f.key.clone(), self.entities.len() - 1);
                self.register_short_forms(self.entities.len() - 1);
                self.entities.len() - 1
            }
        };
        let m = Mention {
            loc: Loc::new(block, start..end),
            text,
            form: f.form,
        };
        if self.seen.insert((idx, m.loc)) {
            self.entities[idx].mentions.push(m);
        }
        idx
    }

    /// Registers `alias` as a short form of entity `idx`.
    fn add_short_form(&mut self, alias: String, idx: usize) {
        self.fresh_short_forms.push((idx, alias.clone()));
        self.short_forms.insert(alias, idx);
    }

    fn register_short_forms(&mut self, idx: usize) {
        let e = &self.entities[idx];
        let mut aliases: Vec<String> = Vec::new();
        let words: Vec<&str> = e.name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        match e.kind {
            EntityKind::Person if words.len() >= 2 => {
                let short = if KOREAN_SURNAMES.contains(&words[0]) {
                    words[0]
                } else {
                    words[words.len() - 1]
                };
                aliases.push(short.to_owned());
                aliases.push(e.name.clone());
                // "bin Laden" / "Bin Laden" for "Osama bin Laden".
                if words.len() >= 3 && NAME_PARTICLES.contains(&words[words.len() - 2]) {
                    let p = words[words.len() - 2];
                    let mut cap = p.to_owned();
                    cap[..1].make_ascii_uppercase();
                    for particle in [p.to_owned(), cap] {
                        aliases.push(format!("{particle} {short}"));
                    }
                }
            }
            // Organisations and places found by cue words (not in the
            // gazetteer) are recognised again by name.
            EntityKind::Person | EntityKind::Organisation => {
                aliases.push(e.name.clone());
                // "Kmart Corp" is "Kmart" later on.
                if e.kind == EntityKind::Organisation && words.len() >= 2 {
                    if let Some(last) = words.last().filter(|w| is_corp_suffix(w)) {
                        let short = e.name[..e.name.len() - last.len()].trim_end();
                        aliases.push(short.to_owned());
                    }
                }
            }
            EntityKind::Place if e.place_kind.is_none() && e.lat.is_none() => {
                aliases.push(e.name.clone());
            }
            _ => {}
        }
        for alias in aliases {
            self.add_short_form(alias, idx);
        }
    }

    /// Can a second scan of sentence `s` find a short form registered
    /// during its first scan? Only where a token after that entity's first
    /// mention begins one of its new aliases ("Smith" after "John Smith");
    /// a chunk never starts inside a mention, and a short form counts only
    /// after the entity's first mention. Most sentences that name someone
    /// new never name them again, and the second scan was 8% of extraction.
    fn short_form_may_follow(&self, t: &Tokenized, s: usize) -> bool {
        let Some(sent) = t.sents.get(s) else {
            return false;
        };
        self.fresh_short_forms.iter().any(|(idx, alias)| {
            let Some(first) = self.entities.get(*idx).and_then(|e| e.mentions.first()) else {
                return true;
            };
            (sent.tok_start..sent.tok_end).any(|k| {
                let w = t.tok(k);
                t.toks[k].start >= first.loc.end as usize && !w.is_empty() && alias.starts_with(w)
            })
        })
    }

    /// Finds the entities a headline names, located in
    /// [`borderlines_core::TITLE_BLOCK`]. Scanned after the body, so a short
    /// form there ("Kim") resolves to the body's full name. A title-case
    /// headline is read in sentence case (see [`crate::headline`]); and as
    /// capitals prove little in any headline, a name is kept only if the
    /// body names the same entity or the gazetteer or the group list knows
    /// it: "Builds" in "Kim Builds New Fence" is no person.
    pub(crate) fn scan_title(&mut self, title: &str, body: &[Tokenized]) {
        let original = Tokenized::new(title);
        let read = if headline::is_title_case(&original) {
            let capitals = headline::body_capitals(body);
            let n = original.toks.len();
            let mut keep = vec![false; n];
            let mut i = 0;
            while i < n {
                let known = gaz_match(&original, i, n, false)
                    .map(|m| m.0)
                    .max(dict_match(&original, i, n, false).map(|m| m.0));
                match known {
                    Some(j) if j > i => {
                        keep[i..j].iter_mut().for_each(|k| *k = true);
                        i = j;
                    }
                    _ => {
                        keep[i] = capitals.contains(original.tok(i));
                        i += 1;
                    }
                }
            }
            headline::sentence_case(&original, &keep)
        } else {
            title.to_owned()
        };
        let t = Tokenized::new(&read);
        let block = borderlines_core::TITLE_BLOCK as usize;
        let caps = is_caps_block(&t);
        for s in 0..t.sents.len() {
            let found = scan_sentence(
                &t,
                s,
                &ScanCtx {
                    short_forms: &self.short_forms,
                    known: &self.entities,
                    places: &self.places,
                    dateline_end: None,
                    dateline_places: &[],
                    caps,
                },
            );
            for f in found {
                let known = self.by_key.contains_key(&f.key)
                    || matches!(f.key, EKey::Country(_) | EKey::Place(_) | EKey::Group(_));
                if known {
                    self.add(block, &t, f);
                }
            }
        }
        // Mentions quote the headline as written, not as it was read.
        for e in &mut self.entities {
            for m in e.mentions.iter_mut().filter(|m| m.loc.in_title()) {
                m.text = m.loc.text(title).to_owned();
            }
        }
    }

    /// Finds every entity mention in one block.
    pub(crate) fn scan_block(&mut self, block: usize, t: &Tokenized) {
        let dateline = self.dateline.take();
        let here = dateline.as_ref().filter(|d| d.0 == block);
        let dateline_end = here.map(|d| d.1);
        let dateline_places: &[(usize, usize)] = here.map_or(&[], |d| d.2.as_slice());
        let caps = is_caps_block(t);
        for s in 0..t.sents.len() {
            let before = self.entities.len();
            self.fresh_short_forms.clear();
            let found = scan_sentence(
                t,
                s,
                &ScanCtx {
                    short_forms: &self.short_forms,
                    known: &self.entities,
                    places: &self.places,
                    dateline_end,
                    dateline_places,
                    caps,
                },
            );
            for f in found {
                self.add(block, t, f);
            }
            // A name introduced in this sentence can be shortened later in
            // the same sentence ("Kim Jong Un's sister listened while Kim smiled").
            let new_short_forms = self.entities[before..].iter().any(|e| {
                matches!(e.kind, EntityKind::Person | EntityKind::Organisation)
                    || (e.kind == EntityKind::Place && e.lat.is_none())
            });
            if new_short_forms && self.short_form_may_follow(t, s) {
                let again = scan_sentence(
                    t,
                    s,
                    &ScanCtx {
                        short_forms: &self.short_forms,
                        known: &self.entities,
                        places: &self.places,
                        dateline_end,
                        dateline_places,
                        caps,
                    },
                );
                for f in again {
                    let Some(&idx) = self.by_key.get(&f.key) else {
                        continue;
                    };
                    let first = self.entities[idx]
                        .mentions
                        .first()
                        .map(|m| (m.loc.block, m.loc.start));
                    let here = (block as u32, t.toks[f.tok_start].start as u32);
                    if f.form == MentionForm::Short
                        && idx >= before
                        && first.is_some_and(|fm| fm < here)
                    {
                        self.add(block, t, f);
                    }
                }
            }
        }
        self.dateline = dateline;
    }
}

// ------------------------------------------------------------------ sentence scan

fn is_cap_word(t: &Tokenized, i: usize) -> bool {
    t.toks.get(i).is_some_and(|tok| tok.kind == TokKind::Word)
        && t.tok(i).chars().next().is_some_and(char::is_uppercase)
}

/// A block written in capitals (an old wire story, a shouted headline):
/// at least three words of letters and no lowercase letter.
fn is_caps_block(t: &Tokenized) -> bool {
    let mut words = 0;
    for (i, tok) in t.toks.iter().enumerate() {
        if tok.kind == TokKind::Word {
            let w = t.tok(i);
            if w.chars().any(char::is_lowercase) {
                return false;
            }
            words += usize::from(w.chars().any(char::is_alphabetic));
        }
    }
    words >= 3
}

fn is_word(t: &Tokenized, i: usize) -> bool {
    t.toks.get(i).is_some_and(|tok| tok.kind == TokKind::Word)
}

/// Is token `i` a hyphen that glues two words ("Jong-un")?
fn is_joiner(t: &Tokenized, i: usize) -> bool {
    t.tok(i) == "-"
        && !t.toks[i].space_before
        && t.toks
            .get(i + 1)
            .is_some_and(|n| !n.space_before && n.kind == TokKind::Word)
}

/// Longest organisation or group match starting at token `i` (within `end`).
fn dict_match(
    t: &Tokenized,
    i: usize,
    end: usize,
    sentence_start: bool,
) -> Option<(usize, &'static [Entry])> {
    let d = dict();
    if !is_word(t, i) {
        return None;
    }
    let first = t.tok(i);
    let starts_upper = first.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper && !d.lower_starts.contains(first) {
        return None;
    }
    let lower_first = sentence_start && starts_upper;
    // The first word alone must be a key or start one (the loop below stops
    // there otherwise): checked on the word itself, before building keys.
    let opens =
        |w: &str| d.first_words.may_hold(w) && (d.map.contains_key(w) || d.prefixes.contains(w));
    let opens_lowered = || {
        let mut cs = first.chars();
        cs.next().is_some_and(|c| {
            let mut w: String = c.to_lowercase().collect();
            w.push_str(cs.as_str());
            opens(&w)
        })
    };
    let (plain, lowered_opens) = (opens(first), lower_first && opens_lowered());
    if !plain && !lowered_opens {
        return None;
    }
    let mut best: Option<(usize, &'static [Entry])> = None;
    // One key buffer per thread: this runs for most capitalised words, and
    // growing a new String for each was 3% of extraction.
    thread_local! {
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    KEY.with(|buf| {
        let mut fresh = String::new();
        let mut held = buf.try_borrow_mut();
        let key: &mut String = match held.as_deref_mut() {
            Ok(k) => k,
            Err(_) => &mut fresh,
        };
        dict_walk(t, i, end, plain, lowered_opens, key, &mut best);
    });
    best
}

/// The longest dictionary key from token `i` (see [`dict_match`]), built in
/// `key`; `plain` / `lowered_opens`: the word as written / lowercased opens one.
fn dict_walk(
    t: &Tokenized,
    i: usize,
    end: usize,
    plain: bool,
    lowered_opens: bool,
    key: &mut String,
    best: &mut Option<(usize, &'static [Entry])>,
) {
    let d = dict();
    for lowered in [false, true] {
        if (lowered && !lowered_opens) || (!lowered && !plain) {
            continue;
        }
        key.clear();
        let mut j = i;
        while j < end {
            let tok = t.toks[j];
            let w = t.tok(j);
            match tok.kind {
                TokKind::Word => {
                    if j > i {
                        key.push(' ');
                    }
                    if lowered && j == i {
                        let mut cs = w.chars();
                        if let Some(c) = cs.next() {
                            key.extend(c.to_lowercase());
                            key.push_str(cs.as_str());
                        }
                    } else {
                        key.push_str(w);
                    }
                }
                TokKind::Possessive if j > i => key.push_str(&w.replace('’', "'")),
                _ => break,
            }
            if let Some(es) = d.map.get(key.as_str()) {
                // Lowercased keys only ever stand for groups.
                let ok = !lowered || es.iter().all(|e| matches!(e, Entry::Group(_)));
                if ok && best.is_none_or(|(b, _)| j + 1 > b) {
                    *best = Some((j + 1, es.as_slice()));
                }
            }
            if !d.prefixes.contains(key.as_str()) {
                break;
            }
            // Next word: after a space, or glued by a hyphen.
            let next = j + 1;
            if next < end && is_joiner(t, next) {
                j = next + 1;
            } else if next < end
                && (t.toks[next].space_before || t.toks[next].kind == TokKind::Possessive)
            {
                j = next;
            } else {
                break;
            }
        }
    }
}

/// Corporate suffixes: a capitalised name ending in one is an organisation
/// as a whole ("Data Terminal Systems Inc", "Royal Dutch Shell Plc").
const CORP_SUFFIXES: &[&str] = &[
    "Inc",
    "Corp",
    "Co",
    "Cos",
    "Ltd",
    "PLC",
    "Plc",
    "AG",
    "SA",
    "S.A.",
    "NV",
    "N.V.",
    "GmbH",
    "Bhd",
    "LLC",
    "Llc",
    "LP",
    "L.P.",
    "Limited",
    "Incorporated",
    "Corporation",
    "SpA",
    "AB",
    "ASA",
    "Oyj",
    "KK",
    "Pty",
    "BV",
    "B.V.",
    "SAB",
    "Tbk",
    "Berhad",
    "A.G.",
];

/// Is `w` one of [`CORP_SUFFIXES`]? (Asked for every token.)
fn is_corp_suffix(w: &str) -> bool {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| CORP_SUFFIXES.iter().copied().collect())
        .contains(w)
}

/// Organisation names in the sentence `a..b` marked by a corporate suffix
/// or a stock ticker ("Kmart Corp", "Data Terminal Systems Inc <DTSI>",
/// "Archer Daniels Midland Co <ADM.N>"): token ranges of the name.
fn corporate_spans(t: &Tokenized, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for k in a + 1..b {
        let w = t.tok(k);
        let suffix = t.toks[k].kind == TokKind::Word && t.toks[k].space_before && is_corp_suffix(w);
        // "<DTSI>", "<ADM.N>": a ticker right after a capitalised name.
        let ticker = w == "<"
            && (k + 2..(k + 6).min(b)).any(|e| t.tok(e) == ">")
            && t.tok(k + 1).chars().all(|c| c.is_ascii_uppercase());
        if !suffix && !ticker {
            continue;
        }
        let end = if suffix { k + 1 } else { k };
        let mut s = k;
        while s > a {
            let p = s - 1;
            let part = (is_cap_word(t, p) && !is_non_name_cap(t.tok(p)))
                || (p > a && t.tok(p) == "&" && is_cap_word(t, p - 1))
                || (p > a && is_joiner(t, p) && is_cap_word(t, p - 1))
                || (p > a && t.tok(p) == "of" && is_org_cue(t.tok(p - 1)));
            if !part {
                break;
            }
            s = p;
        }
        if s < end.saturating_sub(usize::from(suffix)) && out.last().is_none_or(|l| l.1 <= s) {
            out.push((s, end));
        }
    }
    out
}

/// Words of company names that are no part of a person's name ("PSA
/// International said").
const NOT_IN_PERSON_NAMES: &[&str] = &[
    "International",
    "Holdings",
    "Systems",
    "Technologies",
    "Industries",
    "Energy",
    "Capital",
    "Partners",
    "Motors",
    "Airlines",
    "Resources",
    "Mining",
    "Petroleum",
    "Oil",
    "Gas",
    "Steel",
];

/// Korean particles and endings that follow a name in the same word ("북한이", "평양에서").
const KO_PARTICLES: &[&str] = &[
    "",
    "이",
    "가",
    "은",
    "는",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "에서는",
    "에서도",
    "에는",
    "에도",
    "으로",
    "로",
    "으로는",
    "로는",
    "와",
    "과",
    "와의",
    "과의",
    "도",
    "만",
    "까지",
    "부터",
    "에게",
    "이나",
    "나",
    "이다",
    "이며",
    "산",
    "측",
    "쪽",
    "내",
    "간",
    "과는",
    "와는",
    "에서의",
    "으로의",
    "로의",
    "에서부터",
    "까지의",
    "이라고",
    "라고",
    "인",
    "이었다",
    "였다",
];

/// Longest gazetteer name starting at token `i`: (end token, fst value,
/// bytes of the last token after the name). Title-cased too when `caps`
/// ("TROY" is "Troy"); a Korean name may carry a particle ("북한이").
fn gaz_match(t: &Tokenized, i: usize, end: usize, caps: bool) -> Option<(usize, u64, usize)> {
    if !is_word(t, i) {
        return None;
    }
    let first = t.tok(i);
    let c0 = first.chars().next()?;
    if c0.is_ascii_lowercase() {
        return None;
    }
    let g = Gazetteer::embedded();
    if is_hangul(c0) {
        let mut w = g.walk();
        let mut best = None;
        for (at, c) in first.char_indices() {
            let mut buf = [0u8; 4];
            if !w.push_str(c.encode_utf8(&mut buf)) {
                break;
            }
            let rest = &first[at + c.len_utf8()..];
            if let Some(v) = w.value() {
                if KO_PARTICLES.contains(&rest) {
                    best = Some((i + 1, v, rest.len()));
                }
            }
        }
        return best;
    }
    if !c0.is_uppercase() {
        return None;
    }
    let title =
        |s: &str| caps && s.len() > 1 && !s.contains('.') && !s.chars().any(char::is_lowercase);
    let mut best = None;
    for titled in [false, true] {
        if titled && !title(first) {
            break;
        }
        // The first word from the memo (plain case, the common one).
        let mut w = if titled {
            let mut w = g.walk();
            if !w.push_title(first) {
                continue;
            }
            w
        } else {
            match g.walk_word(first) {
                Some(w) => w,
                None => continue,
            }
        };
        let mut j = i;
        loop {
            if j > i {
                let s = t.tok(j);
                let ok = if titled && title(s) {
                    w.push_title(s)
                } else {
                    w.push_str(s)
                };
                if !ok {
                    break;
                }
            }
            if let Some(v) = w.value() {
                if best.is_none_or(|(b, _, _)| j + 1 > b) {
                    best = Some((j + 1, v, 0));
                }
            }
            let next = j + 1;
            if next >= end {
                break;
            }
            let nt = t.toks[next];
            if is_joiner(t, next) {
                if !w.push_str(" ") {
                    break;
                }
                j = next + 1;
            } else if nt.kind == TokKind::Word && nt.space_before {
                if !w.push_str(" ") {
                    break;
                }
                j = next;
            } else if nt.kind == TokKind::Possessive || (t.tok(next) == "." && !nt.space_before) {
                j = next;
            } else {
                break;
            }
        }
    }
    best
}

/// Words next to a name that say what kind of place it is ("Tumen city").
fn cue_kind_at(t: &Tokenized, i: usize, j: usize) -> Option<PlaceKind> {
    let before = t.low(i.wrapping_sub(1));
    let before2 = t.low(i.wrapping_sub(2));
    let after = t.low(j);
    if after == "city" || after == "town" || (before == "of" && matches!(before2, "city" | "town"))
    {
        Some(PlaceKind::City)
    } else if after == "province" || (before == "of" && before2 == "province") {
        Some(PlaceKind::Province)
    } else if after == "river" {
        Some(PlaceKind::River)
    } else {
        None
    }
}

const PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "at", "near", "into", "of", "outside", "around", "via", "across", "toward",
    "towards", "through", "inside", "between", "and", "visit", "visited", "visiting", "left",
    "reach", "reached",
];

/// The mention of a resolved gazetteer place (a capital standing for its
/// government becomes its country).
fn place_found(t: &Tokenized, i: usize, j: usize, p: u32, form: NameForm) -> Option<Found> {
    let g = Gazetteer::embedded();
    let form = match form {
        NameForm::Name => MentionForm::Name,
        NameForm::Demonym => MentionForm::Demonym,
        NameForm::Alias | NameForm::Abbrev | NameForm::Postal => MentionForm::Alias,
    };
    let pl = g.places.get(p as usize)?;
    if pl.kind == PlaceKind::Country {
        return Some(Found {
            tok_start: i,
            tok_end: j,
            key: EKey::Country(p),
            kind: EntityKind::Country,
            name: Cow::Borrowed(pl.name.as_str()),
            form,
            place: Some(p),
            country: Some(pl.country.as_str()),
            trim_end: 0,
        });
    }
    // A capital acting as a subject stands for its government.
    if pl.kind == PlaceKind::City
        && g.capital(&pl.country) == Some(p)
        && capital_as_government(t, i, j)
    {
        let ci = g.country(&pl.country)?.0 as u32;
        return Some(Found {
            tok_start: i,
            tok_end: j,
            key: EKey::Country(ci),
            kind: EntityKind::Country,
            name: Cow::Borrowed(g.places[ci as usize].name.as_str()),
            form: MentionForm::Capital,
            place: Some(ci),
            country: Some(g.places[ci as usize].country.as_str()),
            trim_end: 0,
        });
    }

    Some(Found {
        tok_start: i,
        tok_end: j,
        key: EKey::Place(p),
        kind: EntityKind::Place,
        name: Cow::Borrowed(pl.name.as_str()),
        form,
        place: Some(p),
        country: None,
        trim_end: 0,
    })
}

fn capital_as_government(t: &Tokenized, i: usize, j: usize) -> bool {
    let prev = t.low(i.wrapping_sub(1));
    if is_joiner(t, j) {
        return false; // "Seoul-based"
    }
    let next = t.tok(j);
    if t.toks.get(j).is_some_and(|x| x.kind == TokKind::Possessive) {
        return GOVERNMENT_NOUNS.contains(&t.low(j + 1));
    }
    if prev == "for" && t.tok(j) == "to" {
        return true;
    }
    if i > 0 && PREPOSITIONS.contains(&prev) {
        return false;
    }
    GOVERNMENT_VERBS.contains(&next)
}

/// "the North" / "the South" standing for the Koreas (kept only when the
/// document also names that country, see [`EntityBuilder::finish`]).
fn the_north_south(t: &Tokenized, i: usize, end: usize) -> Option<Found> {
    if !matches!(t.tok(i), "the" | "The") || i + 1 >= end {
        return None;
    }
    let iso = match t.tok(i + 1) {
        "North" => "KP",
        "South" => "KR",
        _ => return None,
    };
    // "the North Korean regime", "the South China Sea" are something else.
    if is_cap_word(t, i + 2) || is_joiner(t, i + 2) {
        return None;
    }
    let g = Gazetteer::embedded();
    let (ci, p) = g.country(iso)?;
    Some(Found {
        tok_start: i + 1,
        tok_end: i + 2,
        key: EKey::Country(ci as u32),
        kind: EntityKind::Country,
        name: Cow::Borrowed(p.name.as_str()),
        form: MentionForm::Phrase,
        place: Some(ci as u32),
        country: Some(p.country.as_str()),
        trim_end: 0,
    })
}

fn org_found(
    i: usize,
    j: usize,
    name: String,
    country: Option<&'static str>,
    form: MentionForm,
) -> Found {
    let key = EKey::Org(name.to_lowercase(), country);
    Found {
        tok_start: i,
        tok_end: j,
        key,
        kind: EntityKind::Organisation,
        name: Cow::Owned(name),
        form,
        place: None,
        country,
        trim_end: 0,
    }
}

fn person_found(t: &Tokenized, i: usize, j: usize, country: Option<&'static str>) -> Found {
    let name = span_text(t, i, j).to_owned();
    let key = EKey::Person(norm_key(&name).to_lowercase());
    Found {
        tok_start: i,
        tok_end: j,
        key,
        kind: EntityKind::Person,
        name: Cow::Owned(name),
        form: MentionForm::Name,
        place: None,
        country,
        trim_end: 0,
    }
}

fn span_text<'a>(t: &Tokenized<'a>, i: usize, j: usize) -> &'a str {
    &t.text[t.toks[i].start..t.toks[j - 1].end]
}

/// Korean personal name shape: surname + two syllables ("Kim Jong Un",
/// "Kim Jong-un", "Moon Jae-in").
fn korean_name_len(t: &Tokenized, i: usize, end: usize) -> Option<usize> {
    if !is_korean_surname(t.tok(i)) {
        return None;
    }
    let syl = |w: &str| (1..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_alphabetic());
    let a = i + 1;
    if a >= end || !is_cap_word(t, a) || !syl(t.tok(a)) || !t.toks[a].space_before {
        return None;
    }
    // Second syllable: hyphen-glued (any case) or a capitalised word.
    if a + 2 < end && is_joiner(t, a + 1) && syl(t.tok(a + 2)) {
        return Some(a + 3 - i);
    }
    if a + 1 < end && is_cap_word(t, a + 1) && t.toks[a + 1].space_before && syl(t.tok(a + 1)) {
        // Not "Kim Jong Un Party"-like runs: the name ends here.
        return Some(a + 2 - i);
    }
    None
}

fn starts_with_title(t: &Tokenized, i: usize, end: usize) -> Option<usize> {
    // Longest title of up to three words.
    if !starts_title(t.tok(i)) {
        return None;
    }
    let mut best = None;
    let mut s = String::new();
    for k in 0..3 {
        let j = i + k;
        if j >= end || !is_word(t, j) {
            break;
        }
        if k > 0 {
            s.push(' ');
        }
        s.push_str(t.tok(j));
        if is_title(&s) {
            best = Some(j + 1);
        }
    }
    best
}

/// Tokens of the capitalised chunk starting at `i`: capitalised words,
/// inner connectors ("of", "for", "on", "at", "the"), hyphens, and
/// possessives inside a name ("People's Army"). Returns the end.
fn chunk_end(
    t: &Tokenized,
    i: usize,
    end: usize,
    dict_end_at: &FxHashMap<usize, (usize, bool)>,
) -> usize {
    let mut j = i + 1;
    let max = (i + 10).min(end);
    while j < max {
        let w = t.tok(j);
        if is_cap_word(t, j) && t.toks[j].space_before && !is_non_name_cap(w) {
            j += 1;
        } else if is_joiner(t, j) {
            j += 2;
        } else if t.toks[j].kind == TokKind::Possessive && is_cap_word(t, j + 1) {
            // "North Korea's Border Guard…" breaks after a country; "People's Army" goes on.
            let ends_country = dict_end_at.get(&j).is_some_and(|&(_, country)| country);
            if ends_country {
                break;
            }
            j += 1;
        } else if (matches!(w, "of" | "for" | "on" | "at") || NAME_PARTICLES.contains(&w))
            && is_cap_word(t, j + 1)
            && !is_non_name_cap(t.tok(j + 1))
        {
            j += 2;
        } else if w == "of" && t.tok(j + 1) == "the" && is_cap_word(t, j + 2) {
            j += 3;
        } else {
            break;
        }
    }
    j.min(end)
}

fn scan_sentence(t: &Tokenized, s: usize, ctx: &ScanCtx) -> Vec<Found> {
    let (short_forms, known) = (ctx.short_forms, ctx.known);
    let sent = t.sents[s];
    let (a, b) = (sent.tok_start, sent.tok_end);
    let g = Gazetteer::embedded();
    let mut out: Vec<Found> = Vec::new();

    // Pass 1: dictionary. At each position the longer of an organisation or
    // group name and a gazetteer name; places are then resolved by context.
    struct Raw {
        i: usize,
        j: usize,
        org: Option<&'static [Entry]>,
        /// fst value and bytes after the name in the last token.
        gaz: Option<(u64, usize)>,
    }
    let mut raws: Vec<Raw> = Vec::new();
    let corps = corporate_spans(t, a, b);
    let mut corp_found: Vec<Found> = Vec::new();
    let mut i = a;
    while i < b {
        if let Some(&(_, ce)) = corps.iter().find(|c| c.0 == i) {
            let name = span_text(t, i, ce).to_owned();
            corp_found.push(org_found(i, ce, name, None, MentionForm::Name));
            i = ce;
            continue;
        }
        // Most tokens are lowercase words that open no name: no lookups.
        let tok = t.toks[i];
        let lowercase = t
            .text
            .as_bytes()
            .get(tok.start)
            .is_some_and(u8::is_ascii_lowercase);
        if tok.kind != TokKind::Word || (lowercase && !dict().first_words.may_hold(t.tok(i))) {
            i += 1;
            continue;
        }
        let caps = ctx.caps || ctx.dateline_end.is_some_and(|e| t.toks[i].start < e);
        let o = dict_match(t, i, b, i == a);
        let p = gaz_match(t, i, b, caps);
        let j = o.map_or(0, |x| x.0).max(p.map_or(0, |x| x.0));
        if j == 0 {
            i += 1;
            continue;
        }
        raws.push(Raw {
            i,
            j,
            org: o.filter(|x| x.0 == j).map(|x| x.1),
            gaz: p.filter(|x| x.0 == j).map(|x| (x.1, x.2)),
        });
        i = j;
    }
    let place_hits: Vec<PlaceHit> = raws
        .iter()
        .filter_map(|r| {
            r.gaz.map(|(v, _)| PlaceHit {
                start: r.i,
                end: r.j,
                cands: g.entries(v),
            })
        })
        .collect();
    let chosen = places::resolve(
        g,
        t,
        a,
        &place_hits,
        ctx.places,
        ctx.dateline_places,
        &|h: &PlaceHit| cue_kind_at(t, h.start, h.end),
    );
    let mut chosen = chosen.into_iter();
    // dict hit end -> (start, is a country or demonym)
    let mut dict_end_at: FxHashMap<usize, (usize, bool)> = FxHashMap::default();
    let mut covered = vec![false; b - a];
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for f in corp_found {
        hits.push((f.tok_start, f.tok_end));
        for c in &mut covered[f.tok_start - a..f.tok_end - a] {
            *c = true;
        }
        out.push(f);
    }
    for r in &raws {
        let (i, j) = (r.i, r.j);
        let place = if r.gaz.is_some() {
            chosen.next().flatten()
        } else {
            None
        };
        // "Toronto-Dominion Bank": a place glued to a capitalised word that
        // is no place is part of another name.
        let glued =
            is_joiner(t, j) && is_cap_word(t, j + 1) && gaz_match(t, j + 1, b, false).is_none();
        let place = place.filter(|_| !glued);
        let f = if let Some((p, form)) = place {
            place_found(t, i, j, p, form).map(|mut f| {
                f.trim_end = r.gaz.map_or(0, |x| x.1);
                f
            })
        } else {
            match r.org.and_then(|es| es.first()) {
                Some(Entry::Org(o, form)) => {
                    let (name, _, c, _) = KNOWN_ORGS[*o as usize];
                    Some(org_found(
                        i,
                        j,
                        name.to_owned(),
                        (!c.is_empty()).then_some(c),
                        *form,
                    ))
                }
                Some(Entry::Group(gi)) => {
                    let canon = GROUPS[*gi as usize].1;
                    Some(Found {
                        tok_start: i,
                        tok_end: j,
                        key: EKey::Group(canon),
                        kind: EntityKind::Group,
                        name: Cow::Borrowed(canon),
                        form: MentionForm::Name,
                        place: None,
                        country: None,
                        trim_end: 0,
                    })
                }
                _ => None,
            }
        };
        if let Some(f) = f {
            hits.push((i, j));
            dict_end_at.insert(j, (i, f.kind == EntityKind::Country));
            for c in &mut covered[i - a..j - a] {
                *c = true;
            }
            out.push(f);
        }
    }
    // "the North"/"the South".
    for i in a..b {
        if !covered[i - a] && !covered.get(i + 1 - a).copied().unwrap_or(true) {
            if let Some(f) = the_north_south(t, i, b) {
                covered[i + 1 - a] = true;
                dict_end_at.insert(i + 2, (i + 1, true));
                out.push(f);
            }
        }
    }

    // State institutions after a country possessive or demonym:
    // "China's foreign ministry", "the North Korean embassy".
    let mut countries_found: Vec<(usize, usize, Option<&'static str>, Cow<'static, str>)> = out
        .iter()
        .filter(|f| f.kind == EntityKind::Country)
        .map(|f| (f.tok_start, f.tok_end, f.country, f.name.clone()))
        .collect();
    // "the nation's defense ministry": the country named last before it in
    // the sentence (the phrase itself is the mention's start).
    for k in a + 1..b.saturating_sub(1) {
        if matches!(t.low(k), "nation" | "country")
            && t.low(k - 1) == "the"
            && t.toks[k + 1].kind == TokKind::Possessive
        {
            let last = countries_found
                .iter()
                .filter(|c| c.1 < k)
                .max_by_key(|c| c.1)
                .cloned();
            if let Some((_, _, iso, name)) = last {
                countries_found.push((k - 1, k + 1, iso, name));
            }
        }
    }
    for (ci, cj, iso, cname) in countries_found {
        let mut k = cj;
        if t.toks.get(k).is_some_and(|x| x.kind == TokKind::Possessive) {
            k += 1;
        }
        while k < b && k < cj + 4 && STATE_ORG_ADJECTIVES.contains(&t.low(k)) {
            k += 1;
        }
        // Longest state noun of one or two words.
        // Only when a state noun can follow (no allocation otherwise).
        let w1 = t.tok(k);
        if !starts_state_noun(w1) {
            continue;
        }
        let w2 = format!("{} {}", w1, t.tok(k + 1));
        let len = if k + 1 < b && is_state_noun(&w2) {
            2
        } else if k < b && is_state_noun(w1) {
            1
        } else {
            0
        };
        if len > 0 && k + len <= b {
            let noun = span_text(t, k, k + len).to_lowercase();
            let f = org_found(
                ci,
                k + len,
                format!("{cname} {noun}"),
                iso,
                MentionForm::Phrase,
            );
            out.push(f);
        }
    }

    // Pass 2: capitalised chunks.
    let mut i = a;
    while i < b {
        if !is_cap_word(t, i) {
            i += 1;
            continue;
        }
        let mut cs = i;
        let ce = chunk_end(t, i, b, &dict_end_at);
        i = ce;
        // A lowercase particle before a name belongs to it: "bin Laden".
        if cs > a + 1 && NAME_PARTICLES.contains(&t.tok(cs - 1)) && t.toks[cs].space_before {
            cs -= 1;
        }
        // Drop leading function words ("The", "According").
        while cs < ce && is_non_name_cap(t.tok(cs)) {
            cs += 1;
        }
        let mut ce2 = ce;
        // Trailing connectors go ("Ministry of"), a hyphenated tail stays ("Jong-un").
        while ce2 > cs
            && !(ce2 >= 2 && is_joiner(t, ce2 - 2))
            && (!is_cap_word(t, ce2 - 1) || is_non_name_cap(t.tok(ce2 - 1)))
        {
            ce2 -= 1;
        }
        let ce = ce2;
        if cs >= ce {
            continue;
        }
        if let Some(f) = classify_chunk(t, cs, ce, a, b, &hits, &out, short_forms, known) {
            out.push(f);
        }
    }
    // A place inside a person's name is part of the name.
    let people: Vec<(usize, usize)> = out
        .iter()
        .filter(|f| f.kind == EntityKind::Person)
        .map(|f| (f.tok_start, f.tok_end))
        .collect();
    out.retain(|f| {
        f.kind != EntityKind::Place
            || !people
                .iter()
                .any(|&(s, e)| s <= f.tok_start && f.tok_end <= e)
    });
    out
}

#[allow(clippy::too_many_arguments)]
fn classify_chunk(
    t: &Tokenized,
    cs: usize,
    ce: usize,
    sa: usize,
    sb: usize,
    hits: &[(usize, usize)],
    found: &[Found],
    short_forms: &FxHashMap<String, usize>,
    known: &[Entity],
) -> Option<Found> {
    // Leading countries / demonyms ("US Treasury Department", "Chinese President Xi").
    let mut rest = cs;
    let mut lead_country: Option<&'static str> = None;
    while let Some(f) = found
        .iter()
        .find(|f| f.tok_start == rest && f.kind == EntityKind::Country && f.tok_end <= ce)
    {
        lead_country = f.country;
        rest = f.tok_end;
    }
    // A country possessive right before the chunk: "North Korea's Border Guard General Bureau".
    if lead_country.is_none() && cs >= sa + 2 && t.toks[cs - 1].kind == TokKind::Possessive {
        lead_country = found
            .iter()
            .find(|f| f.tok_end == cs - 1 && f.kind == EntityKind::Country)
            .and_then(|f| f.country);
    }
    if rest >= ce {
        return None;
    }
    // Fully a dictionary hit: already found.
    let inside_hit = |x: usize, y: usize| hits.iter().any(|&(i, j)| i <= x && y <= j);
    if inside_hit(rest, ce) {
        return None;
    }
    let words: Vec<&str> = (rest..ce)
        .filter(|&k| is_word(t, k))
        .map(|k| t.tok(k))
        .collect();
    let has_hit = |x: usize, y: usize| hits.iter().any(|&(i, j)| i < y && x < j);

    // Person after a title anywhere in the chunk: "President Xi Jinping",
    // "The Foreign Affairs Minister Alexander Downer", "Interim President
    // Hamid Karzai", or a capitalised role at a sentence start ("Expert John Park").
    let name_ok = |n: usize| {
        let len = ce.saturating_sub(n);
        // A town may end a name ("President Alejandro Toledo"), not start it.
        (1..=5).contains(&len)
            && !has_hit(n, n + 1)
            && !found
                .iter()
                .any(|f| f.tok_start < ce && n < f.tok_end && f.kind != EntityKind::Place)
            && is_cap_word(t, n)
            && (n..ce).all(|k| {
                !is_org_cue(t.tok(k))
                    && (is_cap_word(t, k)
                        || is_joiner(t, k)
                        || (k > n && is_joiner(t, k - 1))
                        || NAME_PARTICLES.contains(&t.tok(k)))
            })
    };
    let role_title = is_role(t.low(rest)) && ce - rest >= 3;
    if role_title && name_ok(rest + 1) {
        return Some(person_found(t, rest + 1, ce, lead_country));
    }
    for k in rest..ce {
        if let Some(mut n) = starts_with_title(t, k, ce) {
            // Stacked titles: "President General Pervez Musharraf".
            while let Some(m) = starts_with_title(t, n, ce) {
                n = m;
            }
            if name_ok(n) {
                return Some(person_found(t, n, ce, lead_country));
            }
        }
    }

    // Organisation by cue word; a lone cue word counts after a country
    // ("Peru's Congress", "the Indian Parliament").
    let cue = words.iter().any(|w| is_org_cue(w))
        || (ORG_OPENERS.contains(&t.tok(rest)) && t.tok(rest + 1) == "of");
    let all_caps_acronym_only = words.len() == 1 && words[0].chars().all(|c| c.is_uppercase());
    let lone_cue = words.len() == 1 && is_org_cue(words[0]);
    if cue && !all_caps_acronym_only && (!lone_cue || lead_country.is_some()) {
        let name = span_text(t, cs, ce).to_owned();
        return Some(org_found(cs, ce, name, lead_country, MentionForm::Name));
    }

    if rest != cs || has_hit(rest, ce) {
        // A Korean name may follow a demonym: "North Korean leader Kim…" is handled below.
        if let Some(n) = korean_name_len(t, rest, ce) {
            if !has_hit(rest, rest + n) {
                return Some(person_found(t, rest, rest + n, lead_country));
            }
        }
        return None;
    }
    // Korean name shape.
    if let Some(n) = korean_name_len(t, cs, ce) {
        return Some(person_found(t, cs, cs + n, None));
    }
    let nwords = words.len();
    let plain =
        (cs..ce).all(|k| is_cap_word(t, k) || is_joiner(t, k) || (k > cs && is_joiner(t, k - 1)));
    // Lowercase role before: "leader Kim Jong Un", "expert Jane Doe".
    let prev = if cs > sa { t.low(cs - 1) } else { "" };
    if plain && (2..=4).contains(&nwords) && is_role(prev) {
        return Some(person_found(t, cs, ce, None));
    }
    // Appositive: "X, an expert on …" / "X, a South Korean news outlet".
    if t.tok(ce) == "," {
        let mut k = ce + 1;
        if matches!(t.tok(k), "a" | "an" | "the") {
            k += 1;
            for step in 0..5 {
                let w = t.low(k + step);
                if k + step >= sb || matches!(w, "," | "." | "who" | "which" | "that") {
                    break;
                }
                let two = format!("{} {}", w, t.low(k + step + 1));
                if plain && (2..=4).contains(&nwords) && PERSON_APPOSITIVES.contains(&w) {
                    return Some(person_found(t, cs, ce, None));
                }
                if ORG_APPOSITIVES.contains(&w) || ORG_APPOSITIVES.contains(&two.as_str()) {
                    let name = span_text(t, cs, ce).to_owned();
                    return Some(org_found(cs, ce, name, None, MentionForm::Name));
                }
            }
        }
    }
    // Speech verb right after or before: "John Smith said", "said John Smith".
    let next = t.tok(ce);
    if plain
        && (2..=3).contains(&nwords)
        && !words.iter().any(|w| NOT_IN_PERSON_NAMES.contains(w))
        && (is_speech_verb(next) || matches!(prev, "said" | "says" | "told"))
    {
        return Some(person_found(t, cs, ce, None));
    }
    // A name with "bin"/"ibn" is a person's ("Osama bin Laden").
    if (2..=5).contains(&nwords)
        && words.iter().skip(1).any(|w| matches!(*w, "bin" | "ibn"))
        && !NAME_PARTICLES.contains(&words[0].to_lowercase().as_str())
    {
        return Some(person_found(t, cs, ce, None));
    }
    // An age in apposition: "Virginie Razzano, 18, who is ranked 72nd".
    if plain
        && (2..=4).contains(&nwords)
        && t.tok(ce) == ","
        && t.toks
            .get(ce + 1)
            .is_some_and(|x| x.kind == TokKind::Number)
        && t.tok(ce + 1)
            .parse::<u32>()
            .is_ok_and(|n| (1..120).contains(&n))
        && matches!(t.tok(ce + 2), "," | ")")
    {
        return Some(person_found(t, cs, ce, None));
    }
    // A role and a comma before, a comma after: "the senate leader, Ramon Puerta,".
    if plain
        && (2..=4).contains(&nwords)
        && cs >= sa + 2
        && t.tok(cs - 1) == ","
        && matches!(t.tok(ce), "," | "said" | "says")
    {
        let before = t.tok(cs - 2);
        if is_role(t.low(cs - 2)) || is_title(before) {
            return Some(person_found(t, cs, ce, None));
        }
    }
    // Places by their cue words: "Dora village", "the republic of Dagestan",
    // "the summer capital Srinagar", "in southern Kashmir", "Hume Highway".
    if plain && (1..=3).contains(&nwords) {
        let next = t.low(ce);
        let last = t.tok(ce - 1);
        let p1 = if cs > sa { t.low(cs - 1) } else { "" };
        let p2 = if cs > sa + 1 { t.low(cs - 2) } else { "" };
        let by_cue = PLACE_AFTER.contains(&next)
            || (nwords >= 2
                && PLACE_AFTER
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(last) && last.starts_with(char::is_uppercase)))
            || (p1 == "of"
                && PLACE_OF
                    .iter()
                    .any(|w| p2 == *w || p2.strip_suffix('s') == Some(w)))
            || p1 == "capital"
            || (COMPASS.contains(&p1) && matches!(p2, "in" | "of" | "across" | "from" | "into"));
        if by_cue {
            let name = span_text(t, cs, ce).to_owned();
            let key = EKey::CuePlace(name.to_lowercase());
            return Some(Found {
                tok_start: cs,
                tok_end: ce,
                key,
                kind: EntityKind::Place,
                name: Cow::Owned(name),
                form: MentionForm::Name,
                place: None,
                country: None,
                trim_end: 0,
            });
        }
    }
    // Short form or repeat of an entity named earlier: "Kim", "Silberstein".
    let text = span_text(t, cs, ce);
    if let Some(&idx) = short_forms.get(text) {
        let e = known.get(idx)?;
        // The known entity's country as the gazetteer's 'static string.
        let country = e
            .country
            .as_deref()
            .and_then(|iso| Gazetteer::embedded().country(iso))
            .map(|(_, p)| p.country.as_str());
        let key = match e.kind {
            EntityKind::Person => EKey::Person(norm_key(&e.name).to_lowercase()),
            EntityKind::Place => EKey::CuePlace(e.name.to_lowercase()),
            _ => EKey::Org(e.name.to_lowercase(), country),
        };
        let form = if text == e.name {
            MentionForm::Name
        } else {
            MentionForm::Short
        };
        return Some(Found {
            tok_start: cs,
            tok_end: ce,
            key,
            kind: e.kind,
            name: Cow::Owned(e.name.clone()),
            form,
            place: None,
            country,
            trim_end: 0,
        });
    }
    None
}
