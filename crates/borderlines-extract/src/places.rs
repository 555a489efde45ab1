//! Which place a gazetteer name means, by context. The rules, in order:
//!
//! 1. **"City, Region"**: a city followed by a comma and a region or
//!    country it lies in is that city ("Paris, Texas", "TROY, Mich.",
//!    "Nice, France"); both names are accepted. Postal codes ("TX", "ON")
//!    count only here.
//! 2. **Cues**: a mid-size city (below a million people, not a capital, not
//!    in the Koreas), a city whose name is also a common word ("Nice",
//!    "Mobile", "Reading") and a wire abbreviation ("Mass.", "B.C.") need a
//!    place cue: a locative word before ("in", "near", "from", "the city
//!    of", "northern"), a list after an accepted place ("Karachi and
//!    Quetta"), "-based" after, the dateline, or an earlier mention in the
//!    document. A town of 100,000 people or more whose name is not a common
//!    word also counts when the story is set in its country ("Detroit" in a
//!    story datelined "TROY, Mich."). Matching is case-sensitive, so "a nice
//!    break" never is one.
//! 3. **Same name, several places**: a place mentioned earlier in the
//!    document wins ("in Paris" after "PARIS, Texas"); then one in a country
//!    whose cities, regions or dateline the sentence or document names
//!    ("Georgia" after "ATLANTA" is the state, after "TBILISI" the country;
//!    "Jersey" in a US story is New Jersey) — the sentence first; small
//!    towns after countries, regions, capitals and big cities; then a country
//!    the sentence or document names, or its neighbours ("Georgia accused
//!    Russia"); then countries, big cities, regions, rivers, towns, in that
//!    order, and the more populous place.
//!
//! "New Jersey" never becomes "Jersey": the longest name wins first.

use rustc_hash::FxHashSet;

use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::gazetteer_pack::NameForm;
use crate::lexicon::{COMPASS, PLACE_OF};
use crate::tokens::Tokenized;

/// Words before a name that make it a place ("in Reading", "near Rustenburg").
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "outside",
    "around",
    "across",
    "via",
    "toward",
    "towards",
    "through",
    "inside",
    "between",
    "nearby",
    "throughout",
    "within",
    "off",
    "across",
    "visit",
    "visited",
    "visiting",
    "reach",
    "reached",
    "leave",
    "left",
    "outskirts",
    "downtown",
];

/// What the document has told so far.
#[derive(Default)]
pub(crate) struct PlaceContext {
    /// Countries of cities, regions and the dateline named so far.
    pub strong: FxHashSet<&'static str>,
    /// Countries named as countries (or by demonyms) so far.
    pub weak: FxHashSet<&'static str>,
    /// Places mentioned so far (gazetteer indices).
    pub known: FxHashSet<u32>,
}

impl PlaceContext {
    /// Notes a place the text names.
    pub(crate) fn note(&mut self, g: &'static Gazetteer, place: u32) {
        let Some(p) = g.places.get(place as usize) else {
            return;
        };
        if p.country.is_empty() {
            return;
        }
        if p.kind == PlaceKind::Country {
            self.weak.insert(p.country.as_str());
        } else {
            self.strong.insert(p.country.as_str());
            self.known.insert(place);
        }
    }
}

/// One dictionary hit of a sentence: tokens `start..end` and the places it may name.
pub(crate) struct PlaceHit {
    pub start: usize,
    pub end: usize,
    pub cands: Vec<(u32, NameForm)>,
}

/// Small towns come after everything else unless the context names them:
/// "Paris" is France's capital, not Paris, Texas.
fn class(g: &Gazetteer, p: u32) -> u8 {
    let pl = &g.places[p as usize];
    match pl.kind {
        PlaceKind::City => {
            u8::from(g.capital(&pl.country) != Some(p) && pl.population.unwrap_or(0) < 1_000_000)
        }
        _ => 0,
    }
}

fn rank(g: &Gazetteer, p: u32) -> u8 {
    let pl = &g.places[p as usize];
    match pl.kind {
        PlaceKind::Country => 0,
        PlaceKind::City if pl.population.unwrap_or(0) >= 1_000_000 => 1,
        PlaceKind::City if g.capital(&pl.country) == Some(p) => 1,
        PlaceKind::Province => 2,
        PlaceKind::River => 3,
        PlaceKind::City => 4,
        PlaceKind::Region => 5,
    }
}

/// Is there a place cue before token `i` (sentence starts at `a`)?
fn cue_before(t: &Tokenized, i: usize, a: usize) -> bool {
    if i <= a {
        return false;
    }
    let p1 = t.low(i - 1);
    let p2 = if i >= a + 2 { t.low(i - 2) } else { "" };
    if LOCATIVE.contains(&p1) || COMPASS.contains(&p1) {
        return true;
    }
    if p1 == "of"
        && (PLACE_OF.contains(&p2)
            || matches!(
                p2,
                "mayor"
                    | "governor"
                    | "residents"
                    | "people"
                    | "centre"
                    | "center"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "heart"
                    | "area"
                    | "streets"
                    | "cities"
            ))
    {
        return true;
    }
    false
}

/// Is token `i` listed after an accepted place ("Karachi and Quetta",
/// "Ohio, Pennsylvania and Ill.", "in Paris and nearby Clarksville")?
/// Returns whether it is, and whether the list's first place had a cue of
/// its own ("in Nice and Reading").
fn cue_listed(t: &Tokenized, i: usize, a: usize, accepted_ends: &[(usize, bool)]) -> (bool, bool) {
    if i <= a {
        return (false, false);
    }
    let p1 = t.low(i - 1);
    let p2 = if i >= a + 2 { t.low(i - 2) } else { "" };
    let head = |k: usize| accepted_ends.iter().find(|e| e.0 == k).map(|e| e.1);
    let listed = |k: usize| head(k).is_some();
    if matches!(p1, "and" | "or" | "," | "/" | "&") && i >= a + 2 && listed(i - 1) {
        return (true, head(i - 1) == Some(true));
    }
    let nearby = i >= a + 3 && p1 == "nearby" && p2 == "and" && listed(i - 2);
    (nearby, nearby && head(i - 2) == Some(true))
}

/// "-based" after the name ("Zurich-based").
fn cue_after(t: &Tokenized, j: usize) -> bool {
    t.tok(j) == "-" && !t.toks.get(j).is_some_and(|x| x.space_before) && t.low(j + 1) == "based"
}

/// The place each hit names, or `None` when the context does not allow
/// any (then the hit is not a place). `dateline`: byte ranges of the
/// dateline's place and region when this sentence holds them; `cue_kind`: a
/// kind named next to each hit ("Tumen city").
pub(crate) fn resolve(
    g: &'static Gazetteer,
    t: &Tokenized,
    a: usize,
    hits: &[PlaceHit],
    ctx: &PlaceContext,
    dateline: &[(usize, usize)],
    cue_kind: &dyn Fn(&PlaceHit) -> Option<PlaceKind>,
) -> Vec<Option<(u32, NameForm)>> {
    let n = hits.len();
    // Most sentences name places that are what they are ("China",
    // "Swiss"): one candidate each, needing no cue.
    let plain = hits.iter().all(|h| {
        matches!(h.cands.as_slice(), [(p, f)] if !g.places[*p as usize].needs_cue
            && matches!(f, NameForm::Name | NameForm::Alias | NameForm::Demonym))
    });
    if plain {
        return hits.iter().map(|h| h.cands.first().copied()).collect();
    }
    let mut forced: Vec<Option<(u32, NameForm)>> = vec![None; n];
    // 1. "City, Region" and "City, Country".
    for k in 0..n.saturating_sub(1) {
        let (h, r) = (&hits[k], &hits[k + 1]);
        if r.start != h.end + 1 || t.tok(h.end) != "," {
            continue;
        }
        type Pair = ((u32, NameForm), (u32, NameForm), (u8, u64));
        let mut best: Option<Pair> = None;
        for &(c, cf) in &h.cands {
            let cp = &g.places[c as usize];
            if !matches!(cp.kind, PlaceKind::City | PlaceKind::Province) || cf == NameForm::Postal {
                continue;
            }
            for &(rp, rf) in &r.cands {
                let rpl = &g.places[rp as usize];
                let fits = match rpl.kind {
                    PlaceKind::Province => cp.area == Some(rp),
                    PlaceKind::Country => cp.country == rpl.country && rf != NameForm::Demonym,
                    _ => false,
                };
                if fits {
                    let score = (rank(g, c), u64::MAX - cp.population.unwrap_or(0));
                    if best.is_none_or(|b| score < b.2) {
                        best = Some(((c, cf), (rp, rf), score));
                    }
                }
            }
        }
        if let Some((c, r, _)) = best {
            forced[k] = Some(c);
            forced[k + 1] = Some(r);
        }
    }
    // Countries of the sentence's unambiguous, cue-free hits: (iso, names
    // a city or region rather than a country).
    let own: Vec<Option<(&'static str, bool)>> = hits
        .iter()
        .map(|h| {
            let mut cs = h.cands.iter().map(|&(p, _)| &g.places[p as usize]);
            let first = cs.next()?;
            let iso = first.country.as_str();
            let plain = |p: &crate::gazetteer::Place| !p.needs_cue && !iso.is_empty();
            let strong = h
                .cands
                .iter()
                .any(|&(p, _)| g.places[p as usize].kind != PlaceKind::Country);
            (plain(first) && cs.all(|p| p.country == iso && plain(p))).then_some((iso, strong))
        })
        .collect();
    let mut counts: rustc_hash::FxHashMap<(&'static str, bool), u32> = Default::default();
    for (iso, strong) in own.iter().flatten() {
        *counts.entry((iso, *strong)).or_default() += 1;
    }
    // 2 and 3, in reading order.
    // Where accepted places end, and whether a cue (or a list led by one) carried them.
    let mut accepted_ends: Vec<(usize, bool)> = Vec::new();
    let mut accepted: Vec<u32> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for (k, h) in hits.iter().enumerate() {
        if let Some(f) = forced[k] {
            accepted_ends.push((h.end, true));
            accepted.push(f.0);
            out.push(Some(f));
            continue;
        }
        let at = t.toks[h.start].start;
        let in_dateline = dateline.iter().any(|&(s, e)| s <= at && at < e);
        let (listed, listed_with_cue) = cue_listed(t, h.start, a, &accepted_ends);
        let cue = in_dateline || cue_before(t, h.start, a) || cue_after(t, h.end);
        let kind_wanted = if in_dateline {
            Some(PlaceKind::City)
        } else {
            cue_kind(h)
        };
        // Other hits of the sentence (not this one) make the context.
        let others = |iso: &str, strong: bool| {
            let n = counts.get(&(iso, strong)).copied().unwrap_or(0);
            let mine = own[k].is_some_and(|(i, st)| i == iso && st == strong);
            n > u32::from(mine)
        };
        let best = h
            .cands
            .iter()
            .filter(|&&(p, form)| {
                let pl = &g.places[p as usize];
                let known = ctx.known.contains(&p) || accepted.contains(&p);
                // A sizeable town of a country the story is set in ("Detroit"
                // in a story datelined "TROY, Mich.").
                let local = pl.kind == PlaceKind::City
                    && !pl.common_word
                    && pl.population.unwrap_or(0) >= 100_000
                    && (ctx.strong.contains(pl.country.as_str()) || others(&pl.country, true));
                // A month is a date ("in March"), whatever the gazetteer says.
                if pl.common_word && crate::lexicon::month(t.tok(h.start)).is_some() {
                    return false;
                }
                match form {
                    NameForm::Postal => false,
                    NameForm::Abbrev => cue || listed || (k > 0 && forced[k - 1].is_some()),
                    // A list only carries a place that is not also a common word.
                    _ if pl.common_word => cue || listed_with_cue || known,
                    _ => !pl.needs_cue || cue || listed || known || local,
                }
            })
            .min_by_key(|&&(p, _)| {
                let pl = &g.places[p as usize];
                let iso = pl.country.as_str();
                let near = g.neighbours(iso).iter().any(|nb| {
                    ctx.strong.contains(nb.as_str())
                        || ctx.weak.contains(nb.as_str())
                        || others(nb, true)
                        || others(nb, false)
                });
                (
                    kind_wanted.is_some_and(|k| k != pl.kind),
                    !(ctx.known.contains(&p) || accepted.contains(&p)),
                    !others(iso, true),
                    class(g, p),
                    !others(iso, false),
                    !ctx.strong.contains(iso),
                    !ctx.weak.contains(iso),
                    !near,
                    rank(g, p),
                    u64::MAX - pl.population.unwrap_or(0),
                    p,
                )
            })
            .copied();
        if let Some((p, _)) = best {
            accepted_ends.push((h.end, cue || listed_with_cue));
            accepted.push(p);
        }
        out.push(best);
    }
    out
}
