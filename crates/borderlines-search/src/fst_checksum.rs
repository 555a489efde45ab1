//! The check an fst dictionary gets before it is trusted: the same masked
//! CRC-32C that `fst::raw::Fst::verify` computes over the dictionary's
//! bytes and compares with the one its builder wrote in the last four.
//!
//! Why not `verify` itself: fst computes it slice-by-16, with 17 lookup
//! tables of 1 KB that wasm carries as 17 KB of incompressible data (16 KB
//! of the page's gzip, for a check run once per opened index). The `crc`
//! crate with one table does the same sum with 1 KB; a dictionary is read
//! once when an index is opened, so the slower byte-at-a-time loop does not
//! show (a few milliseconds for the dictionaries of 14,000 documents).

use crc::{Crc, Table, CRC_32_ISCSI};

/// CRC-32C (Castagnoli, "iSCSI"), the polynomial fst's builder uses.
const CRC32C: Crc<u32, Table<1>> = Crc::<u32, Table<1>>::new(&CRC_32_ISCSI);

/// Checks the checksum fst's builder appended to `bytes` (an fst of format
/// version 3, the one fst 0.4 writes). Errors say what is wrong in words.
pub(crate) fn verify(bytes: &[u8]) -> Result<(), String> {
    // Version (8 bytes) first; checksum (4 bytes) last. fst::Fst::new has
    // already checked the length (at least 36 bytes) and the version.
    let version = bytes
        .get(..8)
        .map(|v| u64::from_le_bytes(v.try_into().unwrap_or_default()))
        .ok_or("dictionary too short")?;
    if version < 3 {
        return Err("dictionary has no checksum".into());
    }
    let split = bytes.len().checked_sub(4).ok_or("dictionary too short")?;
    let (body, stored) = bytes.split_at(split);
    let stored = u32::from_le_bytes(stored.try_into().unwrap_or_default());
    let got = masked(CRC32C.checksum(body));
    if got == stored {
        Ok(())
    } else {
        Err(format!(
            "dictionary checksum mismatch (expected {stored:#010x}, got {got:#010x})"
        ))
    }
}

/// fst's "masked" sum (Snappy's framing), which is what it stores.
fn masked(sum: u32) -> u32 {
    sum.rotate_right(15).wrapping_add(0xA282_EAD8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::MapBuilder;

    fn dictionary(words: &[&str]) -> Vec<u8> {
        let mut builder = MapBuilder::memory();
        for (i, w) in words.iter().enumerate() {
            builder.insert(w, i as u64).unwrap();
        }
        builder.into_inner().unwrap()
    }

    #[test]
    fn agrees_with_fsts_own_verify() {
        for words in [
            &[][..],
            &["border"][..],
            &[
                "border", "china", "defector", "fence", "mine", "tumen", "yalu",
            ][..],
        ] {
            let bytes = dictionary(words);
            fst::raw::Fst::new(bytes.clone()).unwrap().verify().unwrap();
            assert_eq!(verify(&bytes), Ok(()));
        }
    }

    #[test]
    fn every_flipped_bit_is_caught() {
        let bytes = dictionary(&["border", "china", "defector", "fence"]);
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut damaged = bytes.clone();
                damaged[i] ^= 1 << bit;
                let ours = verify(&damaged);
                assert!(ours.is_err(), "byte {i} bit {bit} went unnoticed");
                // Where fst can still open it, its own check agrees.
                if let Ok(f) = fst::raw::Fst::new(damaged) {
                    assert!(f.verify().is_err());
                }
            }
        }
    }

    #[test]
    fn short_or_old_dictionaries_are_errors_not_panics() {
        assert!(verify(&[]).is_err());
        assert!(verify(&[3, 0, 0]).is_err());
        let mut old = dictionary(&["border"]);
        old[..8].copy_from_slice(&2u64.to_le_bytes());
        assert_eq!(verify(&old), Err("dictionary has no checksum".into()));
    }
}
