//! Quoted words and phrases — straight, curly and single quotes — with the
//! speaker or source the sentence gives.
//!
//! Pairs are found on the characters of a block (not tokens) so that an
//! apostrophe in "China's" never opens a quote: an opening mark follows a
//! space, bracket or the block start and precedes a letter; a closing mark
//! follows a non-space. The speaker comes from an attribution in the
//! sentence — "X said", "said X", "according to X", "as per X", "X stated
//! that" — and failing that from the first entity named before the quote
//! (the sentence's subject, e.g. "North Korea has dismissed … as
//! “groundless”"), marked as such.

use serde::{Deserialize, Serialize};

use crate::lexicon::is_speech_verb;
use crate::span::Loc;
use crate::tokens::{TokKind, Tokenized};

/// How the speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attribution {
    /// A speech verb or "according to" names the speaker.
    Explicit,
    /// No attribution: the first entity of the sentence before the quote.
    Subject,
    /// "he said" / "she said": the last person named before the quote.
    Pronoun,
    /// Nobody is named.
    None,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted text, without its quote marks.
    pub loc: Loc,
    pub text: String,
    /// A short phrase (up to four words: 'vanished', “hostile state”) rather than a statement.
    pub is_phrase: bool,
    pub speaker: Option<String>,
    /// The speaker's entity id, when the speaker is a recognised entity.
    pub speaker_entity: Option<u32>,
    pub attribution: Attribution,
    /// The sentence the quote opens in.
    pub sentence: Loc,
}

/// An entity mention in the block, as the quote finder needs it.
pub(crate) struct MentionRef<'a> {
    pub start: usize,
    pub end: usize,
    pub entity: u32,
    pub name: &'a str,
    /// A person, organisation or country named (not a demonym or group).
    pub subject_like: bool,
    pub person: bool,
}

/// Longest quotation considered, in bytes; an unmatched mark stops here.
const MAX_QUOTE: usize = 3_000;
/// Candidate closing marks tried per opening mark.
const MAX_CANDIDATES: usize = 12;

fn closing_for(c: char) -> Option<&'static [char]> {
    match c {
        '"' => Some(&['"']),
        '“' => Some(&['”', '"']),
        '‘' => Some(&['’']),
        '\'' => Some(&['\'', '’']),
        '«' => Some(&['»']),
        _ => None,
    }
}

/// Finds the quotes of one block. `mentions` must be sorted by start.
/// `earlier_person` is the last person named in earlier blocks, for "he said".
pub(crate) fn find(
    block: usize,
    t: &Tokenized,
    mentions: &[MentionRef],
    earlier_person: Option<(&str, u32)>,
) -> Vec<Quote> {
    let text = t.text;
    let mut out = Vec::new();
    let mut pos = 0;
    // Every byte that can begin a quote mark, found once (memchr's word-at-a-
    // time scan: this was the costliest loop of extraction outside names).
    let leads = lead_bytes(text.as_bytes());
    // Every mark that can close a quote, in order: double and single apart,
    // so apostrophes never crowd out a closing double quote.
    let mut double: Vec<(usize, char)> = Vec::new();
    let mut single_marks: Vec<(usize, char)> = Vec::new();
    // '"' and '\'' are ASCII; ” ’ are E2 80 9D / E2 80 99; » is C2 BB.
    for &p in &leads {
        match text.as_bytes()[p] {
            b'"' => double.push((p, '"')),
            b'\'' => single_marks.push((p, '\'')),
            _ => match text.get(p..).and_then(|r| r.chars().next()) {
                Some(c @ ('”' | '»')) => double.push((p, c)),
                Some('’') => single_marks.push((p, '’')),
                _ => {}
            },
        }
    }
    let mut next_lead = 0;
    while pos < text.len() {
        // The next lead byte at or after `pos` (ASCII, or the first byte
        // of “ ‘ «), then decode that one char.
        next_lead += leads[next_lead..].partition_point(|&p| p < pos);
        let Some(&i) = leads.get(next_lead) else {
            break;
        };
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            pos = i + 1;
            continue;
        };
        if closing_for(c).is_none() {
            pos = i + c.len_utf8();
            continue;
        }
        let after_open = i + c.len_utf8();
        pos = after_open;
        let prev = text[..i].chars().next_back();
        let next = text[after_open..].chars().next();
        let opens = prev
            .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | ':'))
            && next.is_some_and(|n| {
                n.is_alphanumeric() || (c != '\'' && c != '‘' && !n.is_whitespace())
            });
        if !opens {
            continue;
        }
        let closers = closing_for(c).unwrap_or(&[]);
        let limit = after_open + MAX_QUOTE;
        let single = matches!(c, '\'' | '‘');
        // Look at the next few candidate closing marks only: bounded work per
        // opening mark even in a text made of quote marks.
        let marks = if single { &single_marks } else { &double };
        let from = marks.partition_point(|&(p, _)| p < after_open);
        let close = marks[from..]
            .iter()
            .take(MAX_CANDIDATES)
            .take_while(|&&(p, _)| p < limit)
            .find(|&&(p, d)| {
                if !closers.contains(&d) {
                    return false;
                }
                let before = text[..p].chars().next_back();
                let after = text[p + d.len_utf8()..].chars().next();
                let before_ok = before.is_some_and(|b| !b.is_whitespace()) && p > after_open;
                // A single quote closes only before a non-letter ("'vanished' following"),
                // so the apostrophe of "don't" or "Korea's" does not end it.
                before_ok && (!single || !after.is_some_and(char::is_alphanumeric))
            });
        let close = close.map(|&(p, d)| (p - after_open, d));
        let Some((k, d)) = close else { continue };
        let (qs, qe) = (after_open, after_open + k);
        let inner = text[qs..qe].trim_end_matches([',', '.', ';', ':']);
        if inner.is_empty() || (single && inner.split_whitespace().count() > 12) {
            continue;
        }
        let qe = qs + inner.len();
        pos = after_open + k + d.len_utf8();
        let si = t.sents.partition_point(|s| s.start <= i);
        let Some(si) = si.checked_sub(1) else {
            continue;
        };
        let s = t.sents[si];
        let (speaker, speaker_entity, attribution) = speaker_of(t, si, i, mentions, earlier_person);
        out.push(Quote {
            loc: Loc::new(block, qs..qe),
            text: inner.to_owned(),
            is_phrase: inner.split_whitespace().count() <= 4,
            speaker,
            speaker_entity,
            attribution,
            sentence: Loc::new(block, s.start..s.end),
        });
    }
    out
}

/// Positions of the bytes that can begin a quote mark: `"`, `'`, and the
/// lead bytes 0xE2 (“ ” ‘ ’) and 0xC2 (« »), in order.
fn lead_bytes(bytes: &[u8]) -> Vec<usize> {
    let mut out: Vec<usize> = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).collect();
    let latin: Vec<usize> = memchr::memchr_iter(0xC2, bytes).collect();
    if !latin.is_empty() {
        out.extend(latin);
        out.sort_unstable();
    }
    out
}

fn mention_ending_near(
    mentions: &[MentionRef],
    t: &Tokenized,
    tok: usize,
    within: usize,
) -> Option<usize> {
    // The last mention ending within `within` tokens before token `tok`
    // (mentions are sorted by start, so only those starting before count).
    let lo = tok.saturating_sub(within);
    (lo..tok).rev().find_map(|k| {
        let end = t.toks[k].end;
        let upto = mentions.partition_point(|m| m.start < end);
        let from = upto.saturating_sub(8);
        (from..upto).rev().find(|&i| {
            let m = &mentions[i];
            m.end == end || (t.toks[k].kind == TokKind::Possessive && m.end == t.toks[k].start)
        })
    })
}

fn speaker_of(
    t: &Tokenized,
    si: usize,
    quote_at: usize,
    mentions: &[MentionRef],
    earlier_person: Option<(&str, u32)>,
) -> (Option<String>, Option<u32>, Attribution) {
    let s = t.sents[si];
    let lo = mentions.partition_point(|m| m.start < s.start);
    let hi = mentions.partition_point(|m| m.start < s.end);
    let in_sentence: Vec<&MentionRef> =
        mentions[lo..hi].iter().filter(|m| m.end <= s.end).collect();
    let as_entity = |m: &MentionRef| {
        (
            Some(m.name.to_owned()),
            Some(m.entity),
            Attribution::Explicit,
        )
    };
    for k in s.tok_start..s.tok_end {
        // ASCII-lowered: every word compared below is ASCII.
        let lw = t.low(k);
        // "according to X", "as per X"
        let after = if (lw == "according" && t.tok(k + 1) == "to")
            || (lw == "as" && t.tok(k + 1) == "per")
        {
            Some(k + 2)
        } else {
            None
        };
        if let Some(a) = after {
            let a_byte = t.toks.get(a).map_or(usize::MAX, |x| x.start);
            if let Some(m) = in_sentence.iter().find(|m| m.start == a_byte) {
                return as_entity(m);
            }
            if let Some(p) = phrase(t, a, s.tok_end) {
                // Prefer an entity named inside the phrase ("an unnamed source in North Korea" stays a phrase).
                return (Some(p), None, Attribution::Explicit);
            }
        }
        if t.toks[k].kind == TokKind::Word && is_speech_verb(lw) {
            // "…," he said: the last person named before the quote.
            if k > s.tok_start && matches!(t.low(k - 1), "he" | "she") {
                let upto = mentions.partition_point(|m| m.start < quote_at);
                let last = mentions[..upto]
                    .iter()
                    .rev()
                    .find(|m| m.person)
                    .map(|m| (m.name.to_owned(), m.entity));
                if let Some((name, id)) =
                    last.or_else(|| earlier_person.map(|(n, id)| (n.to_owned(), id)))
                {
                    return (Some(name), Some(id), Attribution::Pronoun);
                }
            }
            // "X said" (allowing "has", "had", an adverb in between).
            if let Some(mi) = mention_ending_near(mentions, t, k, 3) {
                let m = &mentions[mi];
                if m.start >= s.start {
                    return as_entity(m);
                }
            }
            // "said X"
            let nb = t.toks.get(k + 1).map_or(usize::MAX, |x| x.start);
            if let Some(m) = in_sentence.iter().find(|m| m.start == nb) {
                return as_entity(m);
            }
            // A descriptive subject: "A senior official mentioned".
            if let Some(p) = subject_phrase(t, s.tok_start, k) {
                return (Some(p), None, Attribution::Explicit);
            }
        }
    }
    // The subject fallback takes a named person, organisation or country,
    // not an adjective ("the South Korean hit “Squid Game”").
    if let Some(m) = in_sentence
        .iter()
        .find(|m| m.end <= quote_at && m.subject_like)
    {
        return (
            Some(m.name.to_owned()),
            Some(m.entity),
            Attribution::Subject,
        );
    }
    (None, None, Attribution::None)
}

/// A short noun phrase starting at token `a` (to a comma or clause end).
fn phrase(t: &Tokenized, a: usize, end: usize) -> Option<String> {
    let mut e = a;
    while e < end && e < a + 12 {
        let w = t.tok(e);
        if matches!(w, "," | "." | ";" | ":" | "“" | "\"" | "(")
            || matches!(w, "that" | "who" | "which")
        {
            break;
        }
        e += 1;
    }
    (e > a).then(|| t.text[t.toks[a].start..t.toks[e - 1].end].to_owned())
}

/// The words from the last determiner (or sentence start) before a speech
/// verb: "A senior official" in "A senior official mentioned that …".
fn subject_phrase(t: &Tokenized, sa: usize, verb: usize) -> Option<String> {
    // Only a sentence-initial subject: "A senior official mentioned …".
    let start = sa;
    if verb > sa + 5 || !matches!(t.low(start), "a" | "an" | "the") {
        return None;
    }
    let all_words = (start..verb).all(|k| t.toks[k].kind == TokKind::Word);
    (all_words && verb > start + 1)
        .then(|| t.text[t.toks[start].start..t.toks[verb - 1].end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_curly_and_single_quotes() {
        let text = "Up to 600 have 'vanished' after China's move, as per a rights group. He called it a “hostile state,” and \"no.\"";
        let t = Tokenized::new(text);
        let q = find(0, &t, &[], None);
        let got: Vec<_> = q
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("vanished", Some("a rights group")),
                ("hostile state", None),
                ("no", None)
            ]
        );
    }

    #[test]
    fn unmatched_marks_are_ignored() {
        let t = Tokenized::new("He said \"this never ends and the defectors' fate is 'unclear");
        assert!(find(0, &t, &[], None).is_empty());
    }
}
