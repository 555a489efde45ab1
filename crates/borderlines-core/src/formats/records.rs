//! Records: what a row of a spreadsheet, an object of a JSON export or a
//! saved web page says about one article — its title, text, date, source,
//! url and author — before it becomes a [`Document`](crate::Document).
//!
//! Tables and JSON name their columns freely ("headline", "body",
//! "pubDate", "outlet"…). A [`FieldMapping`] says which column feeds which
//! field: [`FieldMapping::guess`] picks one from the column names (and, for
//! a file without a header, [`FieldMapping::guess_by_content`] from what the
//! columns hold), and every field can be overridden before import.
//!
//! ```
//! use borderlines_core::formats::records::{Field, FieldMapping};
//! let columns = ["Headline", "Body", "pubDate", "Outlet", "link", "byline"];
//! let mut mapping = FieldMapping::guess(&columns);
//! assert_eq!(mapping.get(Field::Title), Some("Headline"));
//! assert_eq!(mapping.get(Field::Date), Some("pubDate"));
//! mapping.set(Field::Source, None); // the user unticks it
//! let row = ["Fence extended", "Crews added 40 km.", "2021-03-04", "Wire", "https://e.test/a", "A. Reporter"];
//! let record = mapping.apply(&columns, &row);
//! assert_eq!(record.title.as_deref(), Some("Fence extended"));
//! assert_eq!(record.source, None);
//! ```

/// One article as a file states it. Every field is the file's own words,
/// trimmed; empty values are `None`. Nothing here is inferred: the loader
/// marks these as stated metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Headline.
    pub title: Option<String>,
    /// Article text; paragraphs separated by blank lines.
    pub text: String,
    /// Publication date as written (not parsed here).
    pub date: Option<String>,
    /// Outlet, publisher or site.
    pub source: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Where in the file it came from: 1-based line for CSV/TSV/JSON Lines,
    /// 1-based position in the array for JSON, 1 for a web page.
    pub origin: usize,
}

impl Record {
    /// The value of one field.
    pub fn field(&self, field: Field) -> Option<&str> {
        match field {
            Field::Text => Some(self.text.as_str()).filter(|t| !t.is_empty()),
            Field::Title => self.title.as_deref(),
            Field::Date => self.date.as_deref(),
            Field::Source => self.source.as_deref(),
            Field::Url => self.url.as_deref(),
            Field::Author => self.author.as_deref(),
        }
    }

    fn set(&mut self, field: Field, value: Option<String>) {
        match field {
            Field::Text => self.text = value.unwrap_or_default(),
            Field::Title => self.title = value,
            Field::Date => self.date = value,
            Field::Source => self.source = value,
            Field::Url => self.url = value,
            Field::Author => self.author = value,
        }
    }
}

/// The fields a column can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Text,
    Date,
    Source,
    Url,
    Author,
}

impl Field {
    /// All fields, in the order a mapping is shown.
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Text,
        Field::Date,
        Field::Source,
        Field::Url,
        Field::Author,
    ];

    /// Name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Date => "date",
            Field::Source => "source",
            Field::Url => "url",
            Field::Author => "author",
        }
    }

    /// Column names that mean this field, best first (compared lower-case,
    /// letters and digits only, so "Pub_Date" is "pubdate").
    fn names(self) -> &'static [&'static str] {
        match self {
            Field::Title => &["title", "headline", "name", "heading", "subject"],
            Field::Text => &[
                "text",
                "body",
                "content",
                "article",
                "fulltext",
                "articletext",
                "bodytext",
                "articlebody",
                "story",
                "description",
                "summary",
            ],
            Field::Date => &[
                "date",
                "published",
                "pubdate",
                "publishdate",
                "publicationdate",
                "datepublished",
                "publishedat",
                "time",
                "datetime",
                "timestamp",
                "created",
                "createdat",
            ],
            Field::Source => &[
                "source",
                "outlet",
                "publisher",
                "site",
                "sitename",
                "publication",
                "newspaper",
                "media",
                "domain",
            ],
            Field::Url => &["url", "link", "href", "permalink", "uri", "sourceurl"],
            Field::Author => &["author", "byline", "creator", "authors", "writer", "by"],
        }
    }
}

/// Which column (by name) feeds which field; `None` leaves the field empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldMapping {
    pub title: Option<String>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// Order fields are matched in when guessing: the most specific names
/// first, so "source_url" becomes the url, not the source.
const GUESS_ORDER: [Field; 6] = [
    Field::Url,
    Field::Date,
    Field::Author,
    Field::Title,
    Field::Text,
    Field::Source,
];

impl FieldMapping {
    /// The column feeding `field`.
    pub fn get(&self, field: Field) -> Option<&str> {
        self.slot(field).as_deref()
    }

    /// Makes `column` feed `field` (`None`: nothing does).
    pub fn set(&mut self, field: Field, column: Option<String>) {
        *self.slot_mut(field) = column;
    }

    fn slot(&self, field: Field) -> &Option<String> {
        match field {
            Field::Title => &self.title,
            Field::Text => &self.text,
            Field::Date => &self.date,
            Field::Source => &self.source,
            Field::Url => &self.url,
            Field::Author => &self.author,
        }
    }

    fn slot_mut(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::Title => &mut self.title,
            Field::Text => &mut self.text,
            Field::Date => &mut self.date,
            Field::Source => &mut self.source,
            Field::Url => &mut self.url,
            Field::Author => &mut self.author,
        }
    }

    /// Guesses the mapping from column names: an exact name first ("body"),
    /// then a column whose name contains one ("article_body"), each column
    /// feeding at most one field.
    pub fn guess<S: AsRef<str>>(columns: &[S]) -> FieldMapping {
        let norm: Vec<String> = columns.iter().map(|c| normalise(c.as_ref())).collect();
        let mut used = vec![false; columns.len()];
        let mut mapping = FieldMapping::default();
        // Pass 1: exact names, best name first.
        for field in GUESS_ORDER {
            let hit = field
                .names()
                .iter()
                .find_map(|name| (0..norm.len()).find(|&i| !used[i] && norm[i] == *name));
            if let Some(i) = hit {
                used[i] = true;
                mapping.set(field, Some(columns[i].as_ref().to_owned()));
            }
        }
        // Pass 2: names that contain one of the field's names (long enough
        // not to match by accident: "by" or "name" would).
        for field in GUESS_ORDER {
            if mapping.get(field).is_some() {
                continue;
            }
            let hit = field
                .names()
                .iter()
                .filter(|n| n.len() >= 4)
                .find_map(|name| {
                    (0..norm.len()).find(|&i| !used[i] && norm[i].contains(name) && *name != "name")
                });
            if let Some(i) = hit {
                used[i] = true;
                mapping.set(field, Some(columns[i].as_ref().to_owned()));
            }
        }
        mapping
    }

    /// Guesses the mapping of a table without a header from what its
    /// columns hold (looking at up to the first 50 rows): web addresses are
    /// the url, dates the date, the column with the longest values the text
    /// and the next longest (if short, like a headline) the title.
    pub fn guess_by_content<S: AsRef<str>, R: AsRef<[S]>>(
        columns: &[String],
        rows: &[R],
    ) -> FieldMapping {
        let n = columns.len();
        let mut total_len = vec![0usize; n];
        let mut urls = vec![0usize; n];
        let mut dates = vec![0usize; n];
        let mut filled = vec![0usize; n];
        for row in rows.iter().take(50) {
            for (i, cell) in row.as_ref().iter().enumerate().take(n) {
                let cell = cell.as_ref().trim();
                if cell.is_empty() {
                    continue;
                }
                filled[i] += 1;
                total_len[i] += cell.chars().count().min(100_000);
                if cell.starts_with("http://") || cell.starts_with("https://") {
                    urls[i] += 1;
                } else if looks_like_date(cell) {
                    dates[i] += 1;
                }
            }
        }
        let mut used = vec![false; n];
        let mut mapping = FieldMapping::default();
        let pick = |score: &dyn Fn(usize) -> usize, used: &mut Vec<bool>| {
            let best = (0..n)
                .filter(|&i| !used[i] && filled[i] > 0)
                .max_by_key(|&i| (score(i), std::cmp::Reverse(i)))?;
            (score(best) > 0).then(|| {
                used[best] = true;
                columns[best].clone()
            })
        };
        // A column is the url (or date) when most of its filled cells are.
        mapping.url = pick(
            &|i| usize::from(urls[i] * 2 > filled[i]) * urls[i],
            &mut used,
        );
        mapping.date = pick(
            &|i| usize::from(dates[i] * 2 > filled[i]) * dates[i],
            &mut used,
        );
        let avg = |i: usize| total_len[i] / filled[i].max(1);
        mapping.text = pick(&|i| avg(i), &mut used);
        mapping.title = pick(&|i| if avg(i) <= 300 { avg(i) } else { 0 }, &mut used);
        mapping
    }

    /// Builds the record of one row: `row[i]` is the value of `columns[i]`
    /// (a short row just lacks the last values).
    pub fn apply<S: AsRef<str>, V: AsRef<str>>(&self, columns: &[S], row: &[V]) -> Record {
        self.apply_with(|name| {
            columns
                .iter()
                .position(|c| c.as_ref() == name)
                .and_then(|i| row.get(i))
                .map(|v| v.as_ref().to_owned())
        })
    }

    /// Builds a record by asking `value` for each mapped column's value.
    pub fn apply_with(&self, mut value: impl FnMut(&str) -> Option<String>) -> Record {
        let mut record = Record::default();
        for field in Field::ALL {
            if let Some(column) = self.get(field) {
                record.set(field, value(column).and_then(clean));
            }
        }
        record
    }
}

/// Trims a value; an empty one is no value. Line ends become `\n`.
pub(crate) fn clean(value: String) -> Option<String> {
    let value = if value.contains('\r') {
        value.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        value
    };
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_owned())
    }
}

/// Lower-case letters and digits of a column name.
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// "2021-03-04", "2021/3/4", "04.03.2021", "2021-03-04T10:00:00Z",
/// "Mar 4, 2021": starts with a year-like number or holds one next to
/// separators, and is short.
fn looks_like_date(cell: &str) -> bool {
    if cell.len() > 40 {
        return false;
    }
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    let has_year = cell
        .split(|c: char| !c.is_ascii_digit())
        .any(|part| part.len() == 4 && matches!(&part[..2], "19" | "20"));
    has_year
        && digits >= 4
        && cell
            .chars()
            .any(|c| matches!(c, '-' | '/' | '.' | ' ' | ','))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_by_name_each_column_once() {
        let m = FieldMapping::guess(&[
            "Article Body",
            "Source URL",
            "Publisher",
            "Pub_Date",
            "Name",
        ]);
        assert_eq!(m.get(Field::Text), Some("Article Body"));
        assert_eq!(m.get(Field::Url), Some("Source URL"));
        assert_eq!(m.get(Field::Source), Some("Publisher"));
        assert_eq!(m.get(Field::Date), Some("Pub_Date"));
        assert_eq!(m.get(Field::Title), Some("Name"));
        assert_eq!(m.get(Field::Author), None);
    }

    #[test]
    fn exact_names_win_over_contained_ones() {
        let m = FieldMapping::guess(&["title_en", "title", "content"]);
        assert_eq!(m.get(Field::Title), Some("title"));
        assert_eq!(m.get(Field::Text), Some("content"));
        // "filename" or "author_name" is not a title.
        let m = FieldMapping::guess(&["filename", "body"]);
        assert_eq!(m.get(Field::Title), None);
    }

    #[test]
    fn guesses_by_content_without_a_header() {
        let columns: Vec<String> = (1..=4).map(|i| format!("column {i}")).collect();
        let rows = vec![
            vec![
                "2020-01-02",
                "Fence grows",
                "A long text about a fence that grows along the river, mile after mile.",
                "https://e.test/1",
            ],
            vec![
                "2020-01-03",
                "Gate shut",
                "Another long text, about a gate that was shut for the winter season.",
                "https://e.test/2",
            ],
        ];
        let m = FieldMapping::guess_by_content(&columns, &rows);
        assert_eq!(m.get(Field::Date), Some("column 1"));
        assert_eq!(m.get(Field::Title), Some("column 2"));
        assert_eq!(m.get(Field::Text), Some("column 3"));
        assert_eq!(m.get(Field::Url), Some("column 4"));
    }

    #[test]
    fn apply_trims_and_drops_empty_values() {
        let m = FieldMapping::guess(&["title", "text", "author"]);
        let r = m.apply(
            &["title", "text", "author"],
            &["  Wall  ", "Line one\r\nLine two", " "],
        );
        assert_eq!(r.title.as_deref(), Some("Wall"));
        assert_eq!(r.text, "Line one\nLine two");
        assert_eq!(r.author, None);
        // A short row lacks the last values; nothing panics.
        let r = m.apply(&["title", "text", "author"], &["Only a title"]);
        assert_eq!(r.text, "");
    }
}
