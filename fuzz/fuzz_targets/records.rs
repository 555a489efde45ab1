//! The field mapping: guessed from column names and from the values, then
//! applied to rows.
#![no_main]
use borderlines_core::formats::{Field, FieldMapping};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    /// A user's own choices: (field index, column name).
    choices: Vec<(u8, Option<String>)>,
}

fuzz_target!(|input: Input| {
    let Input {
        columns,
        mut rows,
        choices,
    } = input;
    rows.truncate(64);
    let mut mapping = FieldMapping::guess(&columns);
    let by_content = FieldMapping::guess_by_content(&columns, &rows);
    for (field, column) in choices {
        let field = Field::ALL[field as usize % Field::ALL.len()];
        mapping.set(field, column);
    }
    for row in &rows {
        let _ = mapping.apply(&columns, row);
        let _ = by_content.apply(&columns, row);
    }
});
