//! The gazetteer's binary pack: what `data/gazetteer/places.tsv` (written
//! by `scripts/gazetteer/generate.py`) becomes at build time, and what
//! [`crate::Gazetteer::from_pack`] reads.
//!
//! Layout (postcard): a [`PackFile`] holding the records of every place
//! (kind, country, coordinates as deltas, population class, region) and an
//! fst map from every name, alias, demonym and abbreviation to the place(s)
//! it names. Names are not stored twice: a place's name is the fst key that
//! names it. Looking a name up walks the fst: O(length of the name).
//!
//! This file is shared with `build.rs` (`#[path]`), so it uses only serde,
//! postcard and fst, and reports errors as strings.

use serde::{Deserialize, Serialize};

/// Bumped whenever the layout of [`PackFile`] changes.
pub const PACK_VERSION: u32 = 1;

/// How a key names its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameForm {
    /// The place's own name.
    Name = 0,
    /// Another name ("U.S.", "Burma", "북한", "Sao Paulo").
    Alias = 1,
    /// A nationality adjective or people noun ("Swiss", "Canadians").
    Demonym = 2,
    /// A wire-style abbreviation of a region ("Mich.", "B.C."): needs a place cue.
    Abbrev = 3,
    /// A postal code ("TX", "ON"): only after "City,".
    Postal = 4,
}

impl NameForm {
    pub fn from_bits(b: u32) -> Option<Self> {
        Some(match b {
            0 => Self::Name,
            1 => Self::Alias,
            2 => Self::Demonym,
            3 => Self::Abbrev,
            4 => Self::Postal,
            _ => return None,
        })
    }
}

/// A country's extras.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryRec {
    pub iso: String,
    /// Index of its capital city + 1 (0: none found).
    pub capital: u32,
    /// Neighbouring countries (indices into [`PackFile::countries`]).
    pub neighbours: Vec<u16>,
}

/// The whole pack. Places are sorted by name and stored column by column
/// (each column compresses on its own); names are not stored twice: a
/// place's name is the key that names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackFile {
    pub version: u32,
    pub attribution: String,
    pub countries: Vec<CountryRec>,
    /// Per place, bits 0–2: kind (0 country, 1 province, 2 city, 3 river,
    /// 4 region); bit 3: needs a place cue; bit 4: has coordinates; bit 5:
    /// they are in hundredths of a degree (else tenths); bit 6: the name is
    /// also a common word or a person's name.
    pub bits: Vec<u8>,
    /// Per place, index into [`PackFile::countries`] + 1 (0: none).
    pub country: Vec<u16>,
    /// Per place, latitude and longitude in tenths or hundredths of a degree.
    pub lat: Vec<i16>,
    pub lon: Vec<i16>,
    /// Per place, ⌊2·log2(population)⌋ for cities (0: unknown).
    pub pop: Vec<u8>,
    /// Per place, the first-level region a city lies in: its position
    /// among its country's regions, in place order, + 1 (0: none).
    pub area: Vec<u16>,
    /// The places each key names, keys in order, each key's run together:
    /// `zigzag(place − previous entry's place) << 4 | form << 1 | more`,
    /// `more` set when the next entry belongs to the same key.
    pub entries: Vec<u32>,
    /// Outline keys of the regional map's provinces and rivers: (place, key).
    pub outlines: Vec<(u32, String)>,
    /// Names as written where they differ from their key ("Saint-Denis").
    pub displays: Vec<(u32, String)>,
    /// Every key in byte order, front-coded: bytes shared with the previous
    /// key (one byte), the rest, then a 0 byte. Built into an fst on decoding.
    pub keys: Vec<u8>,
}

/// Reads [`PackFile::keys`] back, in order.
pub fn decode_keys(keys: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let shared = usize::from(keys[i]);
        let end = keys[i + 1..]
            .iter()
            .position(|&b| b == 0)
            .ok_or("a key is not closed")?
            + i
            + 1;
        let prev = out.last().map_or(&[][..], Vec::as_slice);
        if shared > prev.len() {
            return Err(format!(
                "key {} shares more than its predecessor",
                out.len()
            ));
        }
        let mut k = prev[..shared].to_vec();
        k.extend_from_slice(&keys[i + 1..end]);
        out.push(k);
        i = end + 1;
    }
    Ok(out)
}

/// Decodes [`PackFile::entries`] into (place, form, run start) triples.
pub fn decode_entries(entries: &[u32]) -> Vec<(u32, u32, bool)> {
    let mut out = Vec::with_capacity(entries.len());
    let mut prev: i64 = 0;
    let mut start = true;
    for &e in entries {
        let z = i64::from(e >> 4);
        let delta = (z >> 1) ^ -(z & 1);
        prev += delta;
        out.push((
            prev.clamp(0, i64::from(u32::MAX)) as u32,
            (e >> 1) & 7,
            start,
        ));
        start = e & 1 == 0;
    }
    out
}

/// The key a name is stored and looked up under: words separated by one
/// space, hyphens as spaces, curly apostrophes straight.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '-' | ' ' | '\u{2010}' | '\u{2013}' => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
    out.trim_end().to_owned()
}

fn kind_bits(k: &str) -> Option<u8> {
    Some(match k {
        "C" => 0,
        "P" => 1,
        "T" => 2,
        "R" => 3,
        "G" => 4,
        _ => return None,
    })
}

fn coord(s: &str, scale: f64) -> Result<Option<i16>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let v: f64 = s.parse().map_err(|_| format!("bad coordinate {s:?}"))?;
    Ok(Some((v * scale).round() as i16))
}

/// Countries whose places keep coordinates to a hundredth of a degree (the
/// regional map's); elsewhere a tenth is enough for a marker.
const FINE: &[&str] = &["KP", "KR", "CN", "RU", "JP", "MN"];

/// Builds the pack from the generator's TSV (see `data/gazetteer/README.md`).
pub fn build_pack(tsv: &str) -> Result<Vec<u8>, String> {
    use std::collections::{BTreeMap, HashMap};

    let mut attribution = String::new();
    let mut rows: Vec<Vec<&str>> = tsv
        .lines()
        .filter(|l| {
            if let Some(a) = l.strip_prefix("# ") {
                if attribution.is_empty() {
                    attribution = a.to_owned();
                }
            }
            !l.starts_with('#') && !l.trim().is_empty()
        })
        .map(|l| l.split('\t').collect())
        .collect();
    let col = |r: &Vec<&str>, i: usize| -> String { r.get(i).copied().unwrap_or("").to_owned() };
    // Places in name order (then kind, country, population) keep the
    // entries' deltas small.
    rows.sort_by_cached_key(|r| {
        (
            name_key(&col(r, 2)),
            col(r, 0),
            col(r, 1),
            std::cmp::Reverse(col(r, 5).parse::<u64>().unwrap_or(0)),
            col(r, 7),
        )
    });
    // Countries first: their indices are used by every record.
    let mut country_idx: HashMap<String, u16> = HashMap::new();
    let mut countries: Vec<CountryRec> = Vec::new();
    for r in rows.iter().filter(|r| r.first() == Some(&"C")) {
        let iso = col(r, 1);
        country_idx.insert(iso.clone(), countries.len() as u16);
        countries.push(CountryRec {
            iso,
            capital: 0,
            neighbours: Vec::new(),
        });
    }
    for r in rows.iter().filter(|r| r.first() == Some(&"C")) {
        let me = country_idx[&col(r, 1)];
        countries[me as usize].neighbours = col(r, 14)
            .split(',')
            .filter_map(|n| country_idx.get(n).copied())
            .collect();
    }
    // Region keys ("US.TX") of provinces → their position among their country's regions.
    let mut area_idx: HashMap<String, u16> = HashMap::new();
    let mut per_country: HashMap<String, u16> = HashMap::new();
    for r in rows.iter().filter(|r| r.first() == Some(&"P")) {
        let n = per_country.entry(col(r, 1)).or_insert(0);
        *n += 1;
        if !col(r, 7).is_empty() {
            area_idx.entry(col(r, 7)).or_insert(*n);
        }
    }
    let mut keys: BTreeMap<String, Vec<(u32, NameForm)>> = BTreeMap::new();
    let mut add = |key: &str, place: usize, form: NameForm| {
        let k = name_key(key);
        if k.is_empty() {
            return;
        }
        let v = keys.entry(k).or_default();
        if !v.iter().any(|e| e.0 == place as u32) {
            v.push((place as u32, form));
        }
    };
    let n = rows.len();
    let (mut bits_col, mut country_col, mut pop_col, mut area_col) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut lat_col, mut lon_col) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut capitals: Vec<(u16, String)> = Vec::new();
    let (mut outlines, mut displays) = (Vec::new(), Vec::new());
    for (i, r) in rows.iter().enumerate() {
        let kind = kind_bits(r[0]).ok_or_else(|| format!("line {i}: unknown kind {:?}", r[0]))?;
        let name = col(r, 2);
        let iso = col(r, 1);
        let fine = FINE.contains(&iso.as_str());
        let scale = if fine { 100.0 } else { 10.0 };
        let mut bits = kind;
        if col(r, 6).contains('c') {
            bits |= 8;
        }
        if col(r, 6).contains('w') {
            bits |= 64;
        }
        let (lat, lon) = match (coord(&col(r, 3), scale)?, coord(&col(r, 4), scale)?) {
            (Some(a), Some(o)) => {
                bits |= 16 | if fine { 32 } else { 0 };
                (a, o)
            }
            _ => (0, 0),
        };
        let pop = col(r, 5)
            .parse::<u64>()
            .ok()
            .filter(|p| *p > 0)
            .map_or(0, |p| ((p as f64).log2() * 2.0).floor() as u8);
        let area = if kind == 1 {
            0
        } else {
            area_idx.get(&col(r, 7)).copied().unwrap_or(0)
        };
        let country = country_idx.get(&iso).map_or(0, |c| c + 1);
        if kind == 0 && !col(r, 13).is_empty() {
            capitals.push((country.saturating_sub(1), col(r, 13)));
        }
        add(&name, i, NameForm::Name);
        if !col(r, 8).is_empty() {
            outlines.push((i as u32, col(r, 8)));
        }
        if name_key(&name) != name {
            displays.push((i as u32, name.clone()));
        }
        for (c, form) in [
            (9, NameForm::Alias),
            (10, NameForm::Demonym),
            (11, NameForm::Abbrev),
            (12, NameForm::Postal),
        ] {
            for a in col(r, c).split('|').filter(|a| !a.is_empty()) {
                add(a, i, form);
            }
        }
        bits_col.push(bits);
        country_col.push(country);
        lat_col.push(lat);
        lon_col.push(lon);
        pop_col.push(pop);
        area_col.push(area);
    }
    // Capitals: the most populous city of that name in that country.
    for (c, cap) in capitals {
        let iso = &countries[c as usize].iso;
        let best = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r[0] == "T" && col(r, 2) == cap && &col(r, 1) == iso)
            .max_by_key(|(_, r)| col(r, 5).parse::<u64>().unwrap_or(0));
        if let Some((i, _)) = best {
            countries[c as usize].capital = i as u32 + 1;
        }
    }
    let mut entries: Vec<u32> = Vec::new();
    let mut prev: i64 = 0;
    let mut key_bytes: Vec<u8> = Vec::new();
    let mut prev_key: &[u8] = &[];
    for (k, v) in &keys {
        let k = k.as_bytes();
        if k.contains(&0) {
            return Err(format!("key {:?} holds a NUL", String::from_utf8_lossy(k)));
        }
        let shared = k
            .iter()
            .zip(prev_key)
            .take(255)
            .take_while(|(a, b)| a == b)
            .count();
        key_bytes.push(shared as u8);
        key_bytes.extend_from_slice(&k[shared..]);
        key_bytes.push(0);
        prev_key = k;
        for (n, &(place, form)) in v.iter().enumerate() {
            let delta = i64::from(place) - prev;
            prev = i64::from(place);
            let z = ((delta << 1) ^ (delta >> 63)) as u32;
            let more = u32::from(n + 1 < v.len());
            entries.push((z << 4) | ((form as u32) << 1) | more);
        }
    }
    let pack = PackFile {
        version: PACK_VERSION,
        attribution,
        countries,
        bits: bits_col,
        country: country_col,
        lat: lat_col,
        lon: lon_col,
        pop: pop_col,
        area: area_col,
        entries,
        outlines,
        displays,
        keys: key_bytes,
    };
    postcard::to_allocvec(&pack).map_err(|e| e.to_string())
}
