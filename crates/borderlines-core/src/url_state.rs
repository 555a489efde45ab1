//! The view state that lives in the URL fragment (`#doc=…&q=…`), so that a
//! reload, a copied link or Back/Forward restore exactly what was on screen.
//!
//! Parsing never fails: unknown keys are ignored (links from newer versions
//! still open), and over-long values are cut, so a crafted link can do no
//! more than show an empty result.
//!
//! ```
//! use borderlines_core::ViewState;
//! let s = ViewState::from_fragment("#doc=001_a&q=border%20guards");
//! assert_eq!(s.doc.as_deref(), Some("001_a"));
//! assert_eq!(s.query, "border guards");
//! assert_eq!(ViewState::from_fragment(&s.to_fragment()), s);
//! ```

/// Longest query kept from a link, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Longest document id kept from a link, in characters.
pub const MAX_ID_CHARS: usize = 200;

/// What the explorer shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The document open in the reader.
    pub doc: Option<String>,
    /// The search box's text.
    pub query: String,
}

impl ViewState {
    /// Reads a fragment, with or without its leading `#`.
    pub fn from_fragment(fragment: &str) -> Self {
        let body = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut state = Self::default();
        for (key, value) in form_urlencoded::parse(body.as_bytes()) {
            match key.as_ref() {
                "doc" if !value.trim().is_empty() => {
                    state.doc = Some(value.chars().take(MAX_ID_CHARS).collect());
                }
                "q" => state.query = value.chars().take(MAX_QUERY_CHARS).collect(),
                _ => {}
            }
        }
        state
    }

    /// Writes the fragment including its `#`; empty state gives `""`.
    pub fn to_fragment(&self) -> String {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        if let Some(doc) = &self.doc {
            ser.append_pair("doc", doc);
        }
        if !self.query.is_empty() {
            ser.append_pair("q", &self.query);
        }
        let body = ser.finish();
        if body.is_empty() {
            body
        } else {
            format!("#{body}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crafted_fragments_are_harmless() {
        let s = ViewState::from_fragment("#doc=&q=%3Cscript%3E&doc=%FF%FE&evil=1&&=&q");
        assert_eq!(s.doc.as_deref(), Some("\u{FFFD}\u{FFFD}"));
        assert_eq!(s.query, "");
        let long = format!("q={}", "a".repeat(5000));
        assert_eq!(ViewState::from_fragment(&long).query.len(), MAX_QUERY_CHARS);
        assert_eq!(ViewState::from_fragment(""), ViewState::default());
        assert_eq!(ViewState::default().to_fragment(), "");
    }

    #[test]
    fn round_trips_unicode_and_symbols() {
        let s = ViewState {
            doc: Some("a b&c".into()),
            query: "\"Kim Jong-un\" 학교 +x #y".into(),
        };
        assert_eq!(ViewState::from_fragment(&s.to_fragment()), s);
    }
}
