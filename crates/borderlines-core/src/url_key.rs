//! When two addresses name the same article: the key two documents'
//! stated URLs are compared by when loading finds duplicates
//! ([`crate::load`]). News exports write one article's address in many
//! ways — `http` or `https`, with or without `www.`, a `#fragment`, a
//! trailing slash, `utm_` tracking parameters — and all of these are the
//! same article. What is left (host, path, the other query parameters) is
//! compared exactly, the host without case.
//!
//! ```
//! use borderlines_core::url_key::url_key;
//! assert_eq!(
//!     url_key("https://www.Wire.example/world/fence/?utm_source=x#comments"),
//!     url_key("http://wire.example/world/fence")
//! );
//! assert_ne!(url_key("https://wire.example/a?id=1"), url_key("https://wire.example/a?id=2"));
//! assert_eq!(url_key("n/a"), None);
//! ```

/// Query parameters that only track where a reader came from.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref",
];

/// The comparison key of an article's address, or `None` when `url` is
/// not a web address (an `http`/`https` URL, or a host with a dot and a
/// path, as exports sometimes write them without the scheme).
pub fn url_key(url: &str) -> Option<String> {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let rest = match url.split_once("://") {
        Some((scheme, rest)) => {
            if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
                return None;
            }
            rest
        }
        None => url.strip_prefix("//").unwrap_or(url),
    };
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(split);
    // No user info: "user@host" keeps the host only (with a scheme; without
    // one, "desk@wire.example" is a mail address).
    if !url.contains("://") && host.contains('@') {
        return None;
    }
    let host = host.rsplit('@').next().unwrap_or(host).to_ascii_lowercase();
    let host = host
        .strip_suffix(":80")
        .or_else(|| host.strip_suffix(":443"))
        .unwrap_or(&host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    let port_ok = host
        .split_once(':')
        .is_none_or(|(_, port)| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()));
    if host.is_empty() || !host.contains('.') || host.contains(char::is_whitespace) || !port_ok {
        return None;
    }
    let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
    let path = path.trim_end_matches('/');
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let name = p.split('=').next().unwrap_or(p).to_ascii_lowercase();
            !p.is_empty() && !name.starts_with("utm_") && !TRACKING.contains(&name.as_str())
        })
        .collect();
    let mut key = format!("{host}{path}");
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_article_written_many_ways() {
        let key = url_key("https://wire.example/world/2024/fence");
        for same in [
            "http://wire.example/world/2024/fence",
            "HTTPS://WWW.WIRE.EXAMPLE/world/2024/fence/",
            "https://wire.example:443/world/2024/fence#top",
            "https://wire.example/world/2024/fence?utm_source=feed&utm_medium=rss",
            "  wire.example/world/2024/fence  ",
            "//wire.example/world/2024/fence?fbclid=abc",
        ] {
            assert_eq!(url_key(same), key, "{same}");
        }
    }

    #[test]
    fn different_articles_and_non_addresses() {
        // The path keeps its case: servers may tell /A from /a.
        assert_ne!(
            url_key("https://w.example/A"),
            url_key("https://w.example/a")
        );
        assert_ne!(
            url_key("https://w.example/a?p=2"),
            url_key("https://w.example/a")
        );
        assert_eq!(
            url_key("https://w.example/a?utm_x=1&p=2&ref=home").as_deref(),
            Some("w.example/a?p=2")
        );
        for not in [
            "",
            "  ",
            "n/a",
            "unknown",
            "mailto:desk@w.example",
            "ftp://w.example/a",
            "https:///a",
        ] {
            assert_eq!(url_key(not), None, "{not:?}");
        }
    }
}
