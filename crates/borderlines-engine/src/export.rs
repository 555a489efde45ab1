//! Tables as CSV (RFC 4180), for the exports every table view offers.
//!
//! One escaping rule for every table:
//!
//! - A field holding a comma, a double quote, CR or LF is put in double
//!   quotes, and each inner double quote is doubled (RFC 4180 §2.6–2.7).
//! - A field starting with `=`, `+`, `-`, `@`, a tab or a carriage return
//!   gets a leading `'` (OWASP's list: some spreadsheets skip a leading tab
//!   or CR and read the formula behind it).
//!   Spreadsheets (Excel, LibreOffice, Google Sheets) read such a cell as a
//!   formula, so text taken from a document the user loaded — say
//!   `=HYPERLINK("http://evil","click")` — would run when the CSV is
//!   opened ("CSV injection", see OWASP). The apostrophe makes the cell
//!   text; it is the mitigation OWASP recommends. A negative number such
//!   as `-5` becomes `'-5` too: exports carry numbers as display text, so
//!   nothing is lost to a reader.
//! - Records end with CRLF, as RFC 4180 asks; the last one too.
//!
//! ```
//! use borderlines_engine::export::{csv, csv_row};
//! assert_eq!(csv_row(&["a", "b,c", "say \"hi\""]), "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
//! assert_eq!(csv_row(&["=1+1"]), "'=1+1\r\n");
//! let table = csv(&["n", "what"], [vec!["1,047".to_owned(), "defectors".to_owned()]]);
//! assert_eq!(table, "n,what\r\n\"1,047\",defectors\r\n");
//! ```

/// One field, defused and quoted as needed.
fn field(out: &mut String, f: &str) {
    let formula = f.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = f.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in f.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// One CSV record: the fields, escaped, joined by commas, ending in CRLF.
pub fn csv_row(fields: &[&str]) -> String {
    let mut out = String::with_capacity(fields.iter().map(|f| f.len() + 3).sum::<usize>() + 2);
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(&mut out, f);
    }
    out.push_str("\r\n");
    out
}

/// A whole CSV table: the header record, then one record per row.
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
    fn plain_fields_are_left_alone() {
        assert_eq!(csv_row(&["a", "b c", ""]), "a,b c,\r\n");
        assert_eq!(csv_row(&[]), "\r\n");
    }

    #[test]
    fn special_characters_are_quoted_and_quotes_doubled() {
        assert_eq!(csv_row(&["a\nb"]), "\"a\nb\"\r\n");
        assert_eq!(csv_row(&["a\rb"]), "\"a\rb\"\r\n");
        assert_eq!(csv_row(&["\""]), "\"\"\"\"\r\n");
    }

    #[test]
    fn formulas_are_defused_inside_the_quotes() {
        for lead in ["=", "+", "-", "@"] {
            assert_eq!(csv_row(&[&format!("{lead}x")]), format!("'{lead}x\r\n"));
        }
        assert_eq!(
            csv_row(&["=HYPERLINK(\"x\")"]),
            "\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
        // A tab or CR before the formula is defused too.
        assert_eq!(csv_row(&["\t=1+1"]), "'\t=1+1\r\n");
        assert_eq!(csv_row(&["\r=1+1"]), "\"'\r=1+1\"\r\n");
        // Only a leading sign counts.
        assert_eq!(csv_row(&["a=b"]), "a=b\r\n");
    }

    #[test]
    fn a_table_is_its_header_then_its_rows() {
        let t = csv(&["a", "b"], vec![vec!["1".into(), "2".into()], vec![]]);
        assert_eq!(t, "a,b\r\n1,2\r\n\r\n");
    }
}
