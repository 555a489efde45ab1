//! The query language: parsing never fails, and what the query is shown as
//! reads back as the same query.
#![no_main]
use borderlines_search::Query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let q = Query::parse(&input);
    let shown = q.to_string();
    let again = Query::parse(&shown);
    assert_eq!(again, q, "{input:?} was shown as {shown:?}");
    assert_eq!(again.to_string(), shown);
});
