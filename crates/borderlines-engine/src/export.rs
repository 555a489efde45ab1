//! CSV for exported tables, written by hand so there is one escaping rule.
//!
//! RFC 4180: fields are separated by commas, records end with CRLF, and a
//! field holding a comma, a double quote, CR or LF is put in double quotes
//! with inner quotes doubled.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
//! formula ("CSV injection"); the texts exported here are the user's
//! documents, which anyone may have written, so such a field gets a `'`
//! in front, which spreadsheets read as "this is text" (OWASP's advice).
//! A negative number is then text too: the price of one simple rule.
//!
//! ```
//! use borderlines_engine::export::{csv, csv_row};
//! assert_eq!(csv_row(&["a", "b,c", "say \"hi\""]), "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
//! assert_eq!(csv_row(&["=1+1"]), "'=1+1\r\n");
//! assert_eq!(csv(&["x"], [vec!["1".to_owned()]]), "x\r\n1\r\n");
//! ```

/// One CSV record (ending in CRLF) of `fields`, quoted and defused.
pub fn csv_row(fields: &[&str]) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let defuse = f.starts_with(['=', '+', '-', '@']);
        if f.contains([',', '"', '\r', '\n']) {
            out.push('"');
            if defuse {
                out.push('\'');
            }
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            if defuse {
                out.push('\'');
            }
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
    out
}

/// A CSV document: the header record, then one record per row.
pub fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = csv_row(header);
    for row in rows {
        let fields: Vec<&str> = row.iter().map(String::as_str).collect();
        out.push_str(&csv_row(&fields));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(csv_row(&["plain", "", "two words"]), "plain,,two words\r\n");
        assert_eq!(csv_row(&["a\nb", "c\rd"]), "\"a\nb\",\"c\rd\"\r\n");
        assert_eq!(csv_row(&["\""]), "\"\"\"\"\r\n");
        assert_eq!(csv_row(&[]), "\r\n");
    }

    #[test]
    fn formulas_are_defused_inside_and_outside_quotes() {
        assert_eq!(
            csv_row(&["+1", "-2", "@x", "=a,b", "a=b"]),
            "'+1,'-2,'@x,\"'=a,b\",a=b\r\n"
        );
    }

    #[test]
    fn a_document_has_the_header_first() {
        let rows = vec![vec!["1".to_owned(), "x,y".to_owned()]];
        assert_eq!(csv(&["n", "s"], rows), "n,s\r\n1,\"x,y\"\r\n");
    }
}
