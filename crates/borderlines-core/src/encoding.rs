//! Bytes of unknown encoding to text, and the name of the encoding chosen,
//! so the loader can say how each file was read ("EUC-KR", "UTF-16LE").
//!
//! The order is the one browsers follow, with one pragmatic change:
//!
//! 1. A byte-order mark wins: UTF-8, UTF-16LE or UTF-16BE.
//! 2. UTF-16 without a mark, recognised by its pattern of zero bytes
//!    ([`crate::sniff`]).
//! 3. Valid UTF-8 is read as UTF-8, whatever a page or a MIME part says
//!    (pages declaring one encoding and written in another are common; text
//!    that is valid UTF-8 by accident in another encoding is not).
//! 4. An encoding the file declares (`<meta charset>`, a MIME part's
//!    `charset=`), when it is one we read.
//! 5. Otherwise a guess. With the `encodings` feature, `chardetng` (the
//!    detector Firefox uses for unlabelled pages) picks among the legacy
//!    encodings of the web — Windows-1252, EUC-KR, GB18030/GBK, Shift_JIS,
//!    EUC-JP, Big5, the Cyrillic and Central European ones … — and
//!    `encoding_rs` decodes it. Without the feature (the page's startup
//!    wasm: those tables cost ~150 KB gzip) the guess is Windows-1252, what
//!    "Latin-1" files almost always are, written out by hand below.
//!
//! Nothing here fails: bytes that do not fit the chosen encoding become
//! U+FFFD.
//!
//! ```
//! use borderlines_core::encoding::decode;
//! let read = decode(b"caf\xE9");
//! assert_eq!((read.text.as_str(), read.encoding), ("café", "windows-1252"));
//! assert_eq!(decode("Grenze".as_bytes()).encoding, "UTF-8");
//! ```

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name as the WHATWG Encoding Standard spells it
    /// ("UTF-8", "UTF-16LE", "windows-1252", "EUC-KR", "gb18030", "GBK",
    /// "Shift_JIS" …): what the loader reports for the file.
    pub encoding: &'static str,
}

pub const UTF_8: &str = "UTF-8";
pub const UTF_16LE: &str = "UTF-16LE";
pub const UTF_16BE: &str = "UTF-16BE";
pub const WINDOWS_1252: &str = "windows-1252";

/// Decodes `bytes`, guessing the encoding when nothing says it.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_declared(bytes, None)
}

/// Decodes `bytes`, taking `declared` (a charset label such as "euc-kr" or
/// "ISO-8859-1") when the bytes are not UTF-8 and the label is known.
pub fn decode_declared(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    if let Some(little) = crate::sniff::utf16_without_bom(bytes) {
        return utf16(bytes, little);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: UTF_8,
        };
    }
    if let Some(read) = declared.and_then(|label| legacy::decode_label(bytes, label)) {
        return read;
    }
    legacy::guess(bytes)
}

fn utf8_lossy(bytes: &[u8]) -> Decoded {
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: UTF_8,
    }
}

fn utf16(bytes: &[u8], little: bool) -> Decoded {
    let unit = if little {
        u16::from_le_bytes
    } else {
        u16::from_be_bytes
    };
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    Decoded {
        text: char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
        encoding: if little { UTF_16LE } else { UTF_16BE },
    }
}

/// Windows-1252 by hand: every byte is one character.
fn windows_1252(bytes: &[u8]) -> Decoded {
    Decoded {
        text: bytes.iter().map(|&b| windows_1252_char(b)).collect(),
        encoding: WINDOWS_1252,
    }
}

/// The character a Windows-1252 byte stands for. Written out rather than
/// taken from `encoding_rs` in the page: its decoders share one dispatch
/// that links every encoding's tables (measured: +150 KB gzip in the page
/// for this one table).
fn windows_1252_char(b: u8) -> char {
    // 0x80–0x9F, from the WHATWG encoding standard's index-windows-1252;
    // the five bytes it leaves undefined map to the C1 controls of the same
    // value, as browsers decode them.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Labels the WHATWG standard maps to windows-1252 (Latin-1 and ASCII
/// included: browsers read them all as windows-1252).
#[cfg(any(test, not(feature = "encodings")))]
fn is_windows_1252_label(label: &str) -> bool {
    matches!(
        label.trim().to_ascii_lowercase().as_str(),
        "windows-1252"
            | "cp1252"
            | "x-cp1252"
            | "iso-8859-1"
            | "iso8859-1"
            | "iso_8859-1"
            | "iso88591"
            | "iso-ir-100"
            | "latin1"
            | "l1"
            | "cp819"
            | "ibm819"
            | "csisolatin1"
            | "us-ascii"
            | "ascii"
            | "ansi_x3.4-1968"
            | "iso_8859-1:1987"
    )
}

/// With the `encodings` feature: any label `encoding_rs` knows, and
/// `chardetng`'s guess.
#[cfg(feature = "encodings")]
mod legacy {
    use super::{windows_1252, Decoded};
    use encoding_rs::Encoding;

    pub(super) fn decode_label(bytes: &[u8], label: &str) -> Option<Decoded> {
        let encoding = Encoding::for_label(label.trim().as_bytes())?;
        // UTF-16 labels on bytes without a mark, UTF-8 on bytes that are
        // not UTF-8, and the "replacement" encoding (labels of encodings
        // browsers refuse, such as ISO-2022-KR) are not believed.
        if encoding == encoding_rs::REPLACEMENT
            || encoding == encoding_rs::UTF_8
            || encoding == encoding_rs::UTF_16LE
            || encoding == encoding_rs::UTF_16BE
        {
            return None;
        }
        if encoding == encoding_rs::WINDOWS_1252 {
            return Some(windows_1252(bytes));
        }
        Some(with(encoding, bytes))
    }

    /// Bytes past the first non-ASCII one that make a sample.
    const SAMPLE: usize = 256 * 1024;

    /// Where the detector's sample of `bytes` ends: about [`SAMPLE`] bytes
    /// past the first non-ASCII byte (chardetng reads ~4 MB/s: a whole
    /// 20 MB file took 4–7 s), cut just after a byte below 0x30 (space,
    /// line end, punctuation), which is never part of a multi-byte
    /// character in the legacy encodings (their trail bytes are 0x30 and
    /// up). A sample cut inside a character would be an error in the right
    /// encoding, which rules it out (a 20 MB EUC-KR file cut mid-character
    /// was guessed windows-1252). The whole input when it is short or has
    /// no such byte after its first non-ASCII one.
    pub(super) fn sample_end(bytes: &[u8]) -> usize {
        let Some(start) = bytes.iter().position(|&b| b >= 0x80) else {
            return bytes.len();
        };
        let want = start.saturating_add(SAMPLE);
        if want >= bytes.len() {
            return bytes.len();
        }
        let line_end = |from: usize| -> Option<usize> {
            let window = &bytes[from..bytes.len().min(from + 64 * 1024)];
            window.iter().position(|&b| b < 0x30).map(|i| from + i + 1)
        };
        line_end(want)
            .or_else(|| {
                bytes[start..want]
                    .iter()
                    .rposition(|&b| b < 0x30)
                    .map(|i| start + i + 1)
            })
            .unwrap_or(bytes.len())
    }

    pub(super) fn guess(bytes: &[u8]) -> Decoded {
        use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
        // ISO-2022-JP is 7-bit, so valid UTF-8: it never reaches the guess.
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(&bytes[..sample_end(bytes)], true);
        // No top-level domain to go on; UTF-8 was ruled out before.
        let encoding = detector.guess(None, Utf8Detection::Deny);
        if encoding == encoding_rs::WINDOWS_1252 {
            return windows_1252(bytes);
        }
        with(encoding, bytes)
    }

    fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
        let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
        Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        }
    }
}

/// Without the `encodings` feature: Windows-1252, declared or guessed.
#[cfg(not(feature = "encodings"))]
mod legacy {
    use super::{is_windows_1252_label, utf8_lossy, windows_1252, Decoded};

    pub(super) fn decode_label(bytes: &[u8], label: &str) -> Option<Decoded> {
        is_windows_1252_label(label).then(|| windows_1252(bytes))
    }

    /// Bytes that are not UTF-8 and have no NULs are read as Windows-1252,
    /// so "café" survives and so do the curly quotes, dashes, € and … that
    /// 0x80–0x9F stand for there; with NULs, as UTF-8 with U+FFFD.
    pub(super) fn guess(bytes: &[u8]) -> Decoded {
        if bytes.contains(&0) {
            utf8_lossy(bytes)
        } else {
            windows_1252(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_utf8_come_first() {
        let d = |b: &[u8]| {
            let r = decode(b);
            (r.text, r.encoding)
        };
        assert_eq!(d(b"\xEF\xBB\xBFhello"), ("hello".into(), UTF_8));
        assert_eq!(d(b"\xFF\xFEh\0i\0"), ("hi".into(), UTF_16LE));
        assert_eq!(d(b"\xFE\xFF\0h\0i"), ("hi".into(), UTF_16BE));
        assert_eq!(d("Rüstung".as_bytes()), ("Rüstung".into(), UTF_8));
        assert_eq!(d(b"caf\xE9"), ("café".into(), WINDOWS_1252));
        // A declared encoding does not override valid UTF-8.
        assert_eq!(
            decode_declared("Rüstung".as_bytes(), Some("iso-8859-1")).text,
            "Rüstung"
        );
        assert_eq!(
            decode_declared(b"caf\xE9", Some(" ISO-8859-1 ")).encoding,
            WINDOWS_1252
        );
        assert!(is_windows_1252_label("Latin1"));
    }

    #[test]
    fn utf16_without_a_mark_is_recognised() {
        let text = "Grenzzaun am Fluss, gebaut 2020: 40 km lang.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&le),
            Decoded {
                text: text.into(),
                encoding: UTF_16LE
            }
        );
        assert_eq!(
            decode(&be),
            Decoded {
                text: text.into(),
                encoding: UTF_16BE
            }
        );
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn legacy_encodings_are_detected_and_labels_obeyed() {
        // "북한 국경 지역" in EUC-KR, repeated as a short article would be.
        let euc_kr = b"\xba\xcf\xc7\xd1 \xb1\xb9\xb0\xe6 \xc1\xf6\xbf\xaa\xbf\xa1\xbc\xad \
\xba\xcf\xc7\xd1 \xb1\xb9\xb0\xe6 \xc1\xf6\xbf\xaa\xbf\xa1\xbc\xad";
        let read = decode(euc_kr);
        assert_eq!(read.encoding, "EUC-KR");
        assert!(read.text.starts_with("북한 국경 지역에서"), "{}", read.text);
        // A declared label wins over the guess, when the bytes are not UTF-8.
        let sjis = decode_declared(b"\x8d\x91\x8b\xab", Some("shift_jis"));
        assert_eq!((sjis.text.as_str(), sjis.encoding), ("国境", "Shift_JIS"));
        // Unknown, UTF-16 and refused labels fall back to the guess.
        for label in ["no-such-encoding", "utf-16", "iso-2022-kr", "utf-8"] {
            assert_eq!(
                decode_declared(b"caf\xE9", Some(label)).encoding,
                WINDOWS_1252
            );
        }
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn a_long_file_is_sampled_between_characters() {
        // "국경 지역\n" in EUC-KR, repeated past the sample and cut inside
        // a character at the very end.
        let line = b"\xb1\xb9\xb0\xe6 \xc1\xf6\xbf\xaa\n";
        let mut bytes = b"ascii head\n".repeat(1000);
        while bytes.len() < 600 * 1024 {
            bytes.extend_from_slice(line);
        }
        bytes.push(0xb1);
        let end = legacy::sample_end(&bytes);
        assert!(end > 256 * 1024 && end < bytes.len(), "{end}");
        assert!(bytes[end - 1] < 0x30);
        assert_eq!(decode(&bytes).encoding, "EUC-KR");
        assert_eq!(legacy::sample_end(b"short \xe9"), 7);
        assert_eq!(legacy::sample_end(b"all ascii"), 9);
    }

    #[cfg(not(feature = "encodings"))]
    #[test]
    fn without_the_feature_legacy_text_is_windows_1252() {
        assert_eq!(decode(b"\x93Hi\x94").text, "“Hi”");
        assert_eq!(
            decode_declared(b"caf\xE9", Some("euc-kr")).encoding,
            WINDOWS_1252
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for bytes in [
            &b""[..],
            b"\xFF",
            b"\xFE\xFF\0",
            b"\0\0\0\0\0\0\0\0\xFF",
            b"\xEF\xBB",
        ] {
            let _ = decode(bytes);
            let _ = decode_declared(bytes, Some("gb18030"));
        }
    }
}
