//! Extraction as a message between two threads: a batch of documents
//! encoded as bytes, extracted elsewhere, and their insights sent back as
//! bytes in the same order.
//!
//! The page's loading worker indexes the documents it reads while a helper
//! worker extracts them (the two halves of the work take about the same
//! time), so a corpus becomes searchable sooner on a machine with two
//! cores. Workers share no memory: what crosses is postcard bytes, which
//! are transferred, not copied.
//!
//! ```
//! use borderlines_extract::batch;
//! let doc = borderlines_core::parse_document("d", "Walls\nNorth Korea built 489 km of fences.").unwrap();
//! let sent = batch::encode_documents(std::slice::from_ref(&doc));
//! let answer = batch::extract_encoded(&sent).unwrap();
//! let insights = batch::decode_insights(&answer, 1).unwrap();
//! assert_eq!(insights, vec![borderlines_extract::extract(&doc)]);
//! ```

use borderlines_core::Document;

use crate::error::Error;
use crate::insights::{extract, DocumentInsights};

/// `documents` as the bytes [`extract_encoded`] reads.
pub fn encode_documents(documents: &[Document]) -> Vec<u8> {
    // Encoding plain data into a Vec cannot fail.
    postcard::to_allocvec(documents).unwrap_or_default()
}

/// Extracts every document of an [`encode_documents`] batch and returns
/// their insights, in order, as the bytes [`decode_insights`] reads.
pub fn extract_encoded(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let documents: Vec<Document> =
        postcard::from_bytes(bytes).map_err(|e| Error::BadInsights(e.to_string()))?;
    let insights: Vec<DocumentInsights> = documents.iter().map(extract).collect();
    drop(documents);
    Ok(postcard::to_allocvec(&insights).unwrap_or_default())
}

/// The insights of an [`extract_encoded`] answer, which must hold exactly
/// `expected` documents' (an answer for another batch is refused rather
/// than paired with the wrong documents).
pub fn decode_insights(bytes: &[u8], expected: usize) -> Result<Vec<DocumentInsights>, Error> {
    let insights: Vec<DocumentInsights> =
        postcard::from_bytes(bytes).map_err(|e| Error::BadInsights(e.to_string()))?;
    if insights.len() != expected {
        return Err(Error::BadInsights(format!(
            "{} documents' insights where {expected} were sent",
            insights.len()
        )));
    }
    Ok(insights)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Document> {
        [
            ("a", "Fences on the Tumen\nNorth Korea laid 1,000 mines near Hoeryong in March 2020, Reuters reported."),
            ("b", "Trade at Dandong\nSmugglers crossed the Yalu River at night, said Kim Jong-un's officials."),
            ("c", ""),
        ]
        .iter()
        .filter_map(|(id, text)| borderlines_core::parse_document(id, text).ok())
        .collect()
    }

    #[test]
    fn insights_through_bytes_equal_insights_extracted_here() {
        let docs = docs();
        let answer = extract_encoded(&encode_documents(&docs)).unwrap();
        let direct: Vec<DocumentInsights> = docs.iter().map(extract).collect();
        assert_eq!(decode_insights(&answer, docs.len()).unwrap(), direct);
    }

    #[test]
    fn an_answer_for_another_batch_is_refused() {
        let docs = docs();
        let answer = extract_encoded(&encode_documents(&docs)).unwrap();
        assert!(decode_insights(&answer, docs.len() + 1).is_err());
    }

    #[test]
    fn damaged_bytes_are_errors_not_panics() {
        let sent = encode_documents(&docs());
        for cut in [1, sent.len() / 2, sent.len() - 1] {
            assert!(extract_encoded(&sent[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode_insights(&[0xff, 0xff, 0xff], 0).is_err());
    }
}
