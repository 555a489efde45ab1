//! From a folded token to the two forms the index keeps: the *surface* form
//! (possessive and apostrophes removed: "china's" → "china") used for prefix
//! and fuzzy matching, and the *key* (the Snowball English stem for words,
//! the particle-less stem for Hangul, the token itself otherwise) under which
//! postings are stored. Stopwords are indexed like any word (so phrases keep
//! them) and only weigh less in ranking.

use rust_stemmers::{Algorithm, Stemmer};

use crate::tokenize::TokenKind;

/// Turns folded tokens into surface forms and index keys.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Analyzer {
    /// Writes the surface form of a folded token into `out`.
    pub fn surface_into(&self, folded: &str, kind: TokenKind, out: &mut String) {
        out.clear();
        if kind != TokenKind::Word {
            out.push_str(folded);
            return;
        }
        if !folded.contains('\'') {
            out.push_str(folded);
            return;
        }
        let base = folded
            .strip_suffix("'s")
            .or_else(|| folded.strip_suffix('\''))
            .unwrap_or(folded);
        out.extend(base.chars().filter(|&c| c != '\''));
        if out.is_empty() {
            out.push_str(folded);
        }
    }

    /// The surface form of a folded token: `folded` itself when analysis
    /// leaves it unchanged (the common case, no copy), else written to `buf`.
    pub fn surface<'a>(&self, folded: &'a str, kind: TokenKind, buf: &'a mut String) -> &'a str {
        if kind != TokenKind::Word || !folded.contains('\'') {
            return folded;
        }
        self.surface_into(folded, kind, buf);
        buf
    }

    /// The index key of a surface form.
    pub fn key(&self, surface: &str, kind: TokenKind) -> String {
        match kind {
            TokenKind::Word if surface.chars().all(char::is_alphabetic) => {
                self.stemmer.stem(surface).into_owned()
            }
            TokenKind::Hangul => strip_particle(surface).to_owned(),
            _ => surface.to_owned(),
        }
    }

    /// Surface form and key of a folded token.
    pub fn analyze(&self, folded: &str, kind: TokenKind) -> (String, String) {
        let mut s = String::new();
        self.surface_into(folded, kind, &mut s);
        let k = self.key(&s, kind);
        (s, k)
    }
}

/// Common Korean particles and endings, longest first, stripped so that
/// 학교에 (at school) and 학교를 (school, object) are found by 학교.
const PARTICLES: &[&str] = &[
    "에서는",
    "으로는",
    "에게서",
    "이라는",
    "에서",
    "에게",
    "으로",
    "께서",
    "한테",
    "까지",
    "부터",
    "보다",
    "처럼",
    "이나",
    "이며",
    "이다",
    "와는",
    "과는",
    "에는",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "에",
    "의",
    "와",
    "과",
    "도",
    "로",
    "만",
    "나",
];

/// Strips one trailing particle when at least one syllable remains.
pub fn strip_particle(word: &str) -> &str {
    for p in PARTICLES {
        if let Some(stem) = word.strip_suffix(p) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// English stopwords: they count little in ranking and are optional in a
/// query with other words, but stay indexed so phrases keep them.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have",
    "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most",
    "no", "not", "of", "on", "or", "our", "out", "over", "said", "she", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will",
    "with", "would", "you", "your",
];

/// Is this surface form a stopword?
pub fn is_stopword(surface: &str) -> bool {
    STOPWORDS.binary_search(&surface).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && !is_stopword("border"));
    }

    #[test]
    fn possessives_and_stems() {
        let a = Analyzer::default();
        assert_eq!(
            a.analyze("china's", TokenKind::Word),
            ("china".into(), "china".into())
        );
        assert_eq!(a.analyze("defectors", TokenKind::Word).1, "defector");
        assert_eq!(
            a.analyze("fortifies", TokenKind::Word).1,
            a.analyze("fortified", TokenKind::Word).1
        );
        assert_eq!(a.analyze("don't", TokenKind::Word).0, "dont");
        assert_eq!(a.analyze("1047", TokenKind::Number).1, "1047");
    }

    #[test]
    fn hangul_particles_are_stripped() {
        assert_eq!(strip_particle("학교에"), "학교");
        assert_eq!(strip_particle("학교에서는"), "학교");
        assert_eq!(strip_particle("학교"), "학교");
        assert_eq!(strip_particle("는"), "는");
    }
}
