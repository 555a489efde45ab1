//! Saved pages in MHTML (`.mhtml`/`.mht`: "Save as… Webpage, single
//! file" in Chromium, Edge and old Internet Explorer): a MIME message
//! (RFC 2557) whose parts are the page and its images, styles and frames.
//!
//! The page's HTML part is found — the part the `start` parameter names
//! (by Content-ID), else the first `text/html` part — its transfer
//! encoding undone (quoted-printable or base64), its text decoded in the
//! `charset` the part declares ([`crate::encoding`]), and handed to
//! [`super::html`], which reads the article as from any saved page. The
//! page's address (`Snapshot-Content-Location`, or the part's
//! `Content-Location`) and the message's `Subject` (the page's title,
//! RFC 2047 encoded words decoded) fill the URL and the title when the
//! markup states none. Images and styles are never decoded.
//!
//! Work is linear in the input, which is at most [`MAX_FILE_BYTES`]; at most
//! [`MAX_PARTS`] parts are looked at.
//!
//! ```
//! use borderlines_core::formats::mhtml::parse_bytes;
//! let saved = b"From: <Saved by Blink>\r\n\
//! Snapshot-Content-Location: https://news.example/fence\r\n\
//! Subject: Fence extended\r\n\
//! MIME-Version: 1.0\r\n\
//! Content-Type: multipart/related; type=\"text/html\"; boundary=\"----B\"\r\n\
//! \r\n\
//! ------B\r\n\
//! Content-Type: text/html\r\n\
//! Content-Transfer-Encoding: quoted-printable\r\n\
//! \r\n\
//! <html><body><article><p>Crews added forty kilo=\r\n\
//! metres of fence =E2=80=94 and more.</p></article></body></html>\r\n\
//! ------B--\r\n";
//! let (record, encoding) = parse_bytes(saved).unwrap();
//! assert_eq!(record.text, "Crews added forty kilometres of fence — and more.");
//! assert_eq!(record.title.as_deref(), Some("Fence extended"));
//! assert_eq!(record.url.as_deref(), Some("https://news.example/fence"));
//! assert_eq!(encoding, "UTF-8");
//! ```

use super::records::Record;
use super::FormatError;
use crate::encoding::{decode_declared, Decoded};
use crate::load::MAX_FILE_BYTES;

/// Most parts looked at (a saved page has one per image, style, frame).
pub const MAX_PARTS: usize = 10_000;

/// Largest header block read (the message's or a part's).
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// The page found in a saved MHTML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlPart {
    /// The page's markup, decoded.
    pub html: Decoded,
    /// The page's address, when the file says it.
    pub location: Option<String>,
    /// The message's subject: the page's title when saved.
    pub subject: Option<String>,
}

/// Reads a saved MHTML page as one record, with the encoding of its HTML.
pub fn parse_bytes(bytes: &[u8]) -> Result<(Record, &'static str), FormatError> {
    let part = html_part(bytes)?;
    let mut record = super::html::parse(&part.html.text)?;
    if record.url.is_none() {
        record.url = part.location;
    }
    if record.title.is_none() {
        record.title = part.subject.filter(|s| !s.trim().is_empty());
    }
    Ok((record, part.html.encoding))
}

/// Finds and decodes the HTML page of an MHTML file.
pub fn html_part(bytes: &[u8]) -> Result<HtmlPart, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (head, body) =
        split_head(bytes).ok_or_else(|| malformed("no blank line ends the message's headers"))?;
    let headers = Headers::read(head)?;
    let content_type = headers.get("content-type").unwrap_or("text/html");
    let (mime, params) = content_type_of(content_type);
    let subject = headers.get("subject").map(decode_words);
    let snapshot = headers
        .get("snapshot-content-location")
        .or_else(|| headers.get("content-location"))
        .map(str::to_owned);
    if !mime.starts_with("multipart/") {
        // One part: the message is the page.
        if mime != "text/html" {
            return Err(FormatError::NoHtmlPart);
        }
        return Ok(HtmlPart {
            html: page_text(&headers, body, param(&params, "charset")),
            location: snapshot,
            subject,
        });
    }
    let boundary = param(&params, "boundary")
        .filter(|b| !b.is_empty())
        .ok_or_else(|| malformed("the multipart message names no boundary"))?;
    let start = param(&params, "start").map(|s| content_id(&s));
    let mut first_html = None;
    for (n, raw) in parts(body, boundary.as_bytes()).enumerate() {
        if n >= MAX_PARTS {
            break;
        }
        let Some((head, body)) = split_head(raw) else {
            continue;
        };
        let Ok(part_headers) = Headers::read(head) else {
            continue;
        };
        let (part_mime, part_params) =
            content_type_of(part_headers.get("content-type").unwrap_or("text/plain"));
        let is_start = start.as_deref().is_some_and(|s| {
            part_headers
                .get("content-id")
                .is_some_and(|id| content_id(id) == s)
        });
        if part_mime != "text/html" && !is_start {
            continue;
        }
        let found = (part_headers, body, param(&part_params, "charset"));
        if is_start {
            first_html = Some(found);
            break;
        }
        if first_html.is_none() {
            first_html = Some(found);
            if start.is_none() {
                break;
            }
        }
    }
    let (part_headers, body, charset) = first_html.ok_or(FormatError::NoHtmlPart)?;
    let location = snapshot.or_else(|| part_headers.get("content-location").map(str::to_owned));
    Ok(HtmlPart {
        html: page_text(&part_headers, body, charset),
        location,
        subject,
    })
}

fn malformed(reason: &str) -> FormatError {
    FormatError::MalformedMime {
        reason: reason.to_owned(),
    }
}

/// The body undone from its transfer encoding and decoded to text in the
/// charset declared by the part, or else by the markup.
fn page_text(headers: &Headers, body: &[u8], charset: Option<String>) -> Decoded {
    let transfer = headers
        .get("content-transfer-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let raw = match transfer.as_str() {
        "quoted-printable" => quoted_printable(body),
        "base64" => base64(body),
        _ => body.to_vec(),
    };
    let declared = charset.or_else(|| super::html::declared_charset(&raw));
    decode_declared(&raw, declared.as_deref())
}

/// Splits a message or part at the blank line after its headers. A part
/// that starts with a blank line has no headers.
fn split_head(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let mut pos = 0;
    while pos <= bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| pos + i + 1);
        let line = trim_eol(&bytes[pos..end]);
        if line.is_empty() && end > pos {
            return Some((&bytes[..pos], &bytes[end..]));
        }
        if end == bytes.len() {
            return None;
        }
        pos = end;
    }
    None
}

/// The line without its `\n` or `\r\n`.
fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The bodies between `--boundary` lines, up to `--boundary--` (an
/// unterminated last part is kept).
fn parts<'a>(body: &'a [u8], boundary: &[u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    let mut pos = 0;
    let mut start: Option<usize> = None;
    let mut done = false;
    std::iter::from_fn(move || {
        while !done && pos < body.len() {
            let line_start = pos;
            let end = body[pos..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(body.len(), |i| pos + i + 1);
            pos = end;
            let Some(rest) = trim_eol(&body[line_start..end]).strip_prefix(&delimiter[..]) else {
                continue;
            };
            let rest = rest.trim_ascii_end();
            if !rest.is_empty() && rest != b"--" {
                continue;
            }
            let closing = rest == b"--";
            done = closing;
            // The line break before a delimiter belongs to the delimiter.
            let found = start.map(|s| {
                let body_end = line_start.max(s);
                trim_eol(&body[s..body_end])
            });
            start = (!closing).then_some(end);
            if found.is_some() {
                return found;
            }
        }
        if done {
            return None;
        }
        done = true;
        start.map(|s| &body[s..])
    })
}

/// Header fields by lowercased name (folded lines unfolded); the first of a
/// repeated name wins.
struct Headers(Vec<(String, String)>);

impl Headers {
    fn read(block: &[u8]) -> Result<Headers, FormatError> {
        if block.len() > MAX_HEADER_BYTES {
            return Err(malformed("a header block is over 64 KB"));
        }
        let text = String::from_utf8_lossy(block);
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        Ok(Headers(fields))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// "multipart/related; boundary=\"x\"; type=text/html" → the type
/// (lowercased) and its parameters (names lowercased, quotes removed).
fn content_type_of(value: &str) -> (String, Vec<(String, String)>) {
    let mut pieces = split_params(value).into_iter();
    let mime = pieces
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let params = pieces
        .filter_map(|p| {
            let (name, value) = p.split_once('=')?;
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            Some((
                name.trim().to_ascii_lowercase(),
                value.replace("\\\"", "\""),
            ))
        })
        .collect();
    (mime, params)
}

/// Splits on `;` outside double quotes.
fn split_params(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut escaped = false;
    for c in value.chars() {
        match c {
            ';' if !quoted => out.push(String::new()),
            _ => {
                if c == '"' && !escaped {
                    quoted = !quoted;
                }
                escaped = c == '\\' && !escaped;
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out
}

fn param(params: &[(String, String)], name: &str) -> Option<String> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// A Content-ID without its angle brackets or a `cid:` prefix.
fn content_id(id: &str) -> String {
    let id = id.trim();
    let id = id.strip_prefix("cid:").unwrap_or(id);
    id.trim_start_matches('<').trim_end_matches('>').to_owned()
}

/// Undoes quoted-printable (RFC 2045 §6.7): `=XX` is a byte, `=` at a line
/// end joins the lines; a stray `=` is kept as it is.
pub fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        match (body.get(i + 1), body.get(i + 2)) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) => i += 2,
            (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(hex(h).unwrap_or(0) << 4 | hex(l).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Undoes base64 (RFC 2045 §6.8): line breaks and any other byte outside
/// the alphabet are skipped, decoding stops at padding.
pub fn base64(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in body {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Decodes RFC 2047 encoded words (`=?utf-8?Q?Fence_=E2=80=94?=`,
/// `=?euc-kr?B?...?=`) in a header value; anything else is kept.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut last_was_word = false;
    while let Some(at) = rest.find("=?") {
        let (before, from) = rest.split_at(at);
        let Some(word) = encoded_word(from) else {
            out.push_str(before);
            out.push_str("=?");
            rest = &from[2..];
            last_was_word = false;
            continue;
        };
        // Space between two encoded words is not part of the text.
        if !(last_was_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        out.push_str(&word.0);
        rest = &from[word.1..];
        last_was_word = true;
    }
    out.push_str(rest);
    out
}

/// One encoded word at the start of `text`: its text and its length.
fn encoded_word(text: &str) -> Option<(String, usize)> {
    let inner = text.strip_prefix("=?")?;
    let (charset, inner) = inner.split_once('?')?;
    let (kind, inner) = inner.split_once('?')?;
    let end = inner.find("?=")?;
    let data = &inner[..end];
    if data.contains(char::is_whitespace) {
        return None;
    }
    let bytes = match kind {
        "Q" | "q" => quoted_printable(data.replace('_', " ").as_bytes()),
        "B" | "b" => base64(data.as_bytes()),
        _ => return None,
    };
    let charset = charset.split('*').next().unwrap_or(charset);
    // `inner` is the end of `text`: the word ends two bytes past `end` there.
    let length = text.len() - inner.len() + end + 2;
    Some((decode_declared(&bytes, Some(charset)).text, length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_encodings_are_undone() {
        assert_eq!(
            quoted_printable(b"caf=C3=A9 =\r\nau lait="),
            "café au lait=".as_bytes()
        );
        assert_eq!(quoted_printable(b"a=\nb =zz"), b"ab =zz");
        assert_eq!(base64(b"Zm9y\r\ndGlm aWVk=="), b"fortified");
        assert_eq!(base64(b""), b"");
    }

    #[test]
    fn encoded_words_in_a_subject() {
        assert_eq!(
            decode_words("=?utf-8?Q?Fence_=E2=80=94_again?= =?utf-8?B?IQ==?= (news)"),
            "Fence — again! (news)"
        );
        assert_eq!(decode_words("=?broken"), "=?broken");
        assert_eq!(decode_words("plain"), "plain");
    }

    #[test]
    fn parts_are_cut_at_their_delimiters_only() {
        let body = b"preamble\r\n--b\r\nA: 1\r\n\r\none\r\n--bb\r\nnot a delimiter\r\n--b \r\n\r\ntwo\r\n--b--\r\nepilogue";
        let found: Vec<&[u8]> = parts(body, b"b").collect();
        assert_eq!(
            found,
            [
                &b"A: 1\r\n\r\none\r\n--bb\r\nnot a delimiter"[..],
                b"\r\ntwo"
            ]
        );
        let open: Vec<&[u8]> = parts(b"--b\n\nlast", b"b").collect();
        assert_eq!(open, [&b"\nlast"[..]]);
    }

    #[test]
    fn typed_errors_for_what_is_not_a_saved_page() {
        assert!(matches!(
            html_part(b"just text"),
            Err(FormatError::MalformedMime { .. })
        ));
        assert_eq!(
            html_part(b"Content-Type: image/png\r\n\r\n\x89PNG"),
            Err(FormatError::NoHtmlPart)
        );
        assert!(matches!(
            html_part(b"Content-Type: multipart/related\r\n\r\n--x\r\n"),
            Err(FormatError::MalformedMime { .. })
        ));
        assert_eq!(
            html_part(b"Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/css\r\n\r\nb{}\r\n--x--"),
            Err(FormatError::NoHtmlPart)
        );
    }

    #[test]
    fn the_start_part_is_the_page_and_its_charset_is_used() {
        let saved = b"Content-Type: multipart/related; start=\"<p2@x>\"; boundary=x\r\n\r\n\
--x\r\nContent-Type: text/html\r\nContent-ID: <p1@x>\r\n\r\n<p>frame</p>\r\n\
--x\r\nContent-Type: text/html; charset=\"euc-kr\"\r\nContent-ID: <p2@x>\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://k.example/a\r\n\r\n\
PHA+us/H0TwvcD4=\r\n--x--\r\n";
        let part = html_part(saved).unwrap();
        assert_eq!(part.location.as_deref(), Some("https://k.example/a"));
        if cfg!(feature = "encodings") {
            assert_eq!(part.html.encoding, "EUC-KR");
            assert_eq!(part.html.text, "<p>북한</p>");
        }
    }
}
