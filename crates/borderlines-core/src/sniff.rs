//! Is it text at all? Refuses binary files before they are decoded, so a
//! photo or a program renamed `.txt` is reported with a reason ("looks like
//! a PNG image") instead of becoming a document of garbage words.
//!
//! Two checks, cheapest first: the file's first bytes against the magic
//! numbers of common binary formats, then byte statistics over the start of
//! the file (text has next to no NUL or C0 control bytes; compressed,
//! encrypted or random data has about one in nine). UTF-16 text, which is
//! full of NULs, is recognised by its byte-order mark or by its pattern of
//! zero bytes and is not refused.
//!
//! ```
//! use borderlines_core::sniff::refuse_binary;
//! assert_eq!(refuse_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("looks like a PNG image"));
//! assert_eq!(refuse_binary("Fences on the Tumen, 2020.".as_bytes()), None);
//! ```

/// Bytes examined for statistics: enough to judge, bounded for huge files.
const SAMPLE: usize = 64 * 1024;

/// Share of control bytes above which a file is not text. Text files have
/// none (a stray form feed or escape at most); random bytes have ~11 %.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Magic numbers: (prefix, offset, what the file looks like).
const MAGIC: &[(&[u8], usize, &str)] = &[
    (b"\x89PNG\r\n\x1a\n", 0, "looks like a PNG image"),
    (b"\xFF\xD8\xFF", 0, "looks like a JPEG image"),
    (b"GIF87a", 0, "looks like a GIF image"),
    (b"GIF89a", 0, "looks like a GIF image"),
    (b"II*\0", 0, "looks like a TIFF image"),
    (b"MM\0*", 0, "looks like a TIFF image"),
    (b"BM", 0, "looks like a BMP image"),
    (b"\0\0\x01\0", 0, "looks like an icon image"),
    (b"WEBP", 8, "looks like a WebP image"),
    (b"WAVE", 8, "looks like a WAV sound file"),
    (b"AVI ", 8, "looks like an AVI video"),
    (
        b"ftyp",
        4,
        "looks like an MP4/QuickTime video or audio file",
    ),
    (b"ID3", 0, "looks like an MP3 sound file"),
    (b"OggS", 0, "looks like an Ogg sound or video file"),
    (b"fLaC", 0, "looks like a FLAC sound file"),
    (b"\x1A\x45\xDF\xA3", 0, "looks like a Matroska/WebM video"),
    (b"%PDF-", 0, "looks like a PDF document"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        0,
        "looks like an old Microsoft Office document",
    ),
    (b"{\\rtf", 0, "looks like an RTF document"),
    (
        b"PK\x03\x04",
        0,
        "looks like a ZIP archive (or a Word/Excel file)",
    ),
    (b"PK\x05\x06", 0, "looks like an empty ZIP archive"),
    (b"\x1F\x8B", 0, "looks like a gzip archive"),
    (b"BZh", 0, "looks like a bzip2 archive"),
    (b"\xFD7zXZ\0", 0, "looks like an xz archive"),
    (b"\x28\xB5\x2F\xFD", 0, "looks like a zstd archive"),
    (b"7z\xBC\xAF\x27\x1C", 0, "looks like a 7-Zip archive"),
    (b"Rar!\x1A\x07", 0, "looks like a RAR archive"),
    (b"ustar", 257, "looks like a tar archive"),
    (b"\x7FELF", 0, "looks like a program (Linux/ELF)"),
    (b"MZ", 0, "looks like a program (Windows .exe or .dll)"),
    (b"\xCF\xFA\xED\xFE", 0, "looks like a program (macOS)"),
    (b"\xCE\xFA\xED\xFE", 0, "looks like a program (macOS)"),
    (
        b"\xCA\xFE\xBA\xBE",
        0,
        "looks like a program (macOS or Java)",
    ),
    (b"\0asm", 0, "looks like a WebAssembly program"),
    (b"SQLite format 3\0", 0, "looks like an SQLite database"),
    (b"wOFF", 0, "looks like a web font"),
    (b"wOF2", 0, "looks like a web font"),
    (b"\0\x01\0\0\0", 0, "looks like a font"),
    (b"OTTO", 0, "looks like a font"),
];

/// Why these bytes are not a text file, or `None` when they may be text.
pub fn refuse_binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
    {
        // A byte-order mark: text by declaration (UTF-16 is full of NULs).
        return None;
    }
    // The start of the file, and its share of control bytes (read once).
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let controls = control_share(sample);
    for (magic, offset, what) in MAGIC {
        if bytes.get(*offset..offset + magic.len()) == Some(*magic) {
            // "BM" and "MZ" are also how words begin; only trust the short
            // magic numbers when the rest of the file is not text-like.
            if magic.len() < 3 && controls < MAX_CONTROL_SHARE {
                continue;
            }
            return Some(what);
        }
    }
    if looks_like_utf16_without_bom(sample) {
        return None;
    }
    if controls >= MAX_CONTROL_SHARE {
        return Some("mostly unprintable bytes: not a text file");
    }
    None
}

/// Share of NUL and C0 control bytes (tab, newlines, form feed and escape
/// excepted) in `sample`.
fn control_share(sample: &[u8]) -> f64 {
    if sample.is_empty() {
        return 0.0;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    controls as f64 / sample.len() as f64
}

/// UTF-16 text of a script with ASCII (Latin letters, digits, spaces) has a
/// zero in almost every other byte, all at even or all at odd positions.
fn looks_like_utf16_without_bom(sample: &[u8]) -> bool {
    utf16_without_bom(sample).is_some()
}

/// The byte order of UTF-16 text without a byte-order mark, judged from
/// the start of `bytes` (see [`looks_like_utf16_without_bom`]): `Some(true)`
/// for little-endian (zeros at odd positions), `Some(false)` for big-endian.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let (zeros, other) = if even > odd { (even, odd) } else { (odd, even) };
    (zeros * 10 >= pairs * 6 && other * 50 <= pairs).then_some(odd > even)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few bytes of real files' headers, as the formats define them.
    #[test]
    fn real_magic_numbers_are_named() {
        let cases: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", "PNG"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01", "JPEG"),
            (b"GIF89a\x01\0\x01\0\x80\0\0", "GIF"),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "PDF"),
            (b"PK\x03\x04\x14\0\x06\0\x08\0", "ZIP"),
            (b"\x1F\x8B\x08\0\0\0\0\0\0\x03", "gzip"),
            (b"\x7FELF\x02\x01\x01\0\0\0\0\0", "program"),
            (b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF", "program"),
            (b"\0asm\x01\0\0\0", "WebAssembly"),
            (b"SQLite format 3\0\x10\0\x01\x01", "SQLite"),
            (b"RIFF\x24\x08\0\0WAVEfmt ", "WAV"),
            (b"\0\0\0\x20ftypisom\0\0\x02\0", "MP4"),
        ];
        for (bytes, word) in cases {
            let why = refuse_binary(bytes).unwrap_or_else(|| panic!("{word} not refused"));
            assert!(why.contains(word), "{word}: {why}");
        }
    }

    #[test]
    fn text_that_starts_like_a_magic_number_is_still_text() {
        for text in [
            "BMW recalls cars sold along the border.",
            "MZ is the name of a border post in the story.",
            "IDs were checked at the crossing.",
        ] {
            assert_eq!(refuse_binary(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn random_bytes_are_refused_and_legacy_text_is_not() {
        // A fixed pseudo-random stream (xorshift), like 1 MB of noise renamed .txt.
        let mut x: u32 = 0x9E37_79B9;
        let noise: Vec<u8> = (0..100_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        assert_eq!(
            refuse_binary(&noise),
            Some("mostly unprintable bytes: not a text file")
        );
        let cp1252 = b"\x93Smart quotes\x94 \x96 and \x80 signs\x85 in an old file.\r\n";
        assert_eq!(refuse_binary(cp1252), None);
        let euc_kr = b"\xba\xcf\xc7\xd1 \xb1\xb9\xb0\xe6"; // 북한 국경
        assert_eq!(refuse_binary(euc_kr), None);
    }

    #[test]
    fn utf16_is_text_with_or_without_a_bom() {
        let units: Vec<u8> = "Border fence, 2020.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(refuse_binary(&units), None);
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(&units);
        assert_eq!(refuse_binary(&with_bom), None);
    }

    #[test]
    fn empty_and_tiny_inputs_do_not_panic() {
        for bytes in [&b""[..], b"\0", b"M", b"PK", b"\xFF"] {
            let _ = refuse_binary(bytes);
        }
    }
}
