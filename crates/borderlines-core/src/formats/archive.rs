//! ZIP archives (a news database's "export as folder", a folder of saved
//! pages zipped to send): the files inside, at any depth of folders,
//! unpacked one at a time for the loader to read by their extension.
//!
//! Read with the `zip` crate, stored and deflated entries only (what every
//! zip tool writes by default); other methods, encrypted entries and damaged
//! data are typed errors for that entry, and the others are still read.
//!
//! An archive is outside input, so unpacking is bounded ([`Limits`]):
//!
//! - the entries the central directory lists (checked from its end record
//!   before the directory is parsed, so a directory of millions of entries
//!   costs nothing);
//! - the bytes of one entry (like a file, [`MAX_FILE_BYTES`]);
//! - the bytes of all entries together;
//! - the ratio of an entry's unpacked to packed size (a zip bomb packs
//!   gigabytes of one byte at ~1000:1; text reaches 10:1).
//!
//! Sizes the archive declares are not trusted: each entry is read through a
//! cap computed from the limits, so it never unpacks more than they allow.
//!
//! ```
//! use borderlines_core::formats::archive::{open, Limits};
//! # fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
//! #     use std::io::Write;
//! #     let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
//! #     for (name, bytes) in files {
//! #         w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
//! #         w.write_all(bytes).unwrap();
//! #     }
//! #     w.finish().unwrap().into_inner()
//! # }
//! let bytes = zip_of(&[("2024/may/fence.txt", b"Fence\nCrews added 40 km."), ("logo.png", b"\x89PNG")]);
//! let mut entries = open(&bytes, Limits::default(), |name| name.ends_with(".txt")).unwrap();
//! let (name, read) = entries.next().unwrap();
//! assert_eq!(name, "2024/may/fence.txt");
//! assert_eq!(read.unwrap(), b"Fence\nCrews added 40 km.");
//! assert!(entries.next().is_none());
//! assert_eq!(entries.not_read(), 1);
//! ```

use std::io::{Cursor, Read};

use thiserror::Error;
use zip::result::ZipError;
use zip::{CompressionMethod, ZipArchive};

use crate::load::MAX_FILE_BYTES;

const MB: u64 = 1024 * 1024;

/// What unpacking one archive may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most entries (files and folders) the archive may list.
    pub max_entries: u64,
    /// Largest unpacked entry, in bytes.
    pub max_entry_bytes: u64,
    /// Most bytes unpacked from the whole archive.
    pub max_total_bytes: u64,
    /// Largest unpacked : packed ratio of an entry over 1 MB.
    pub max_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // As many as a dropped folder gives.
            max_entries: 20_000,
            max_entry_bytes: MAX_FILE_BYTES as u64,
            max_total_bytes: 512 * MB,
            max_ratio: 200,
        }
    }
}

/// Largest archive read, in bytes.
pub const MAX_ARCHIVE_BYTES: usize = 256 * 1024 * 1024;

/// What went wrong with an archive, or with one entry of it.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not a ZIP archive, or its directory is damaged.
    #[error("not a ZIP archive that can be read ({0})")]
    NotZip(String),
    /// The archive is larger than is read.
    #[error("the archive is {bytes} bytes; at most {limit} bytes are read")]
    TooLarge { bytes: usize, limit: usize },
    /// The archive lists more entries than are read.
    #[error("the archive lists {found} entries; at most {limit} are read")]
    TooManyEntries { found: u64, limit: u64 },
    /// One entry unpacks to more than a file may be.
    #[error("unpacks to more than {limit} bytes, the largest file read")]
    EntryTooLarge { limit: u64 },
    /// Unpacking more would pass the archive's total.
    #[error("the archive unpacks to more than {limit} bytes in all; the rest was not unpacked")]
    TotalTooLarge { limit: u64 },
    /// The entry is packed far tighter than any real file: a zip bomb.
    #[error("packed more than {limit} to 1, as no real file is: not unpacked (a zip bomb?)")]
    Ratio { limit: u64 },
    /// Encrypted: a password is needed.
    #[error("encrypted: it needs a password, which Borderlines does not ask for")]
    Encrypted,
    /// Packed with a method that is not read.
    #[error("packed with {0}; only stored and deflated entries are read")]
    Unsupported(String),
    /// The entry's data is damaged (bad deflate stream, checksum mismatch, cut short).
    #[error("damaged: {0}")]
    Damaged(String),
}

/// The files of an archive, unpacked one at a time: (path in the archive,
/// its bytes or why they could not be had). Folders, macOS' `__MACOSX/`
/// and `._` resource forks are passed over; files whose name the `wanted`
/// test refuses are counted ([`Entries::not_read`]) and not unpacked.
pub struct Entries<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    wanted: fn(&str) -> bool,
    limits: Limits,
    next: usize,
    /// Entries looked at: at most `limits.max_entries`.
    end: usize,
    total: u64,
    not_read: usize,
    /// Said once, after the last entry, when entries were left out.
    pending: Option<(String, ArchiveError)>,
}

impl std::fmt::Debug for Entries<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entries")
            .field("next", &self.next)
            .field("end", &self.end)
            .field("total", &self.total)
            .finish_non_exhaustive()
    }
}

/// Opens an archive: checks its size and end record, reads its directory.
pub fn open(
    bytes: &[u8],
    limits: Limits,
    wanted: fn(&str) -> bool,
) -> Result<Entries<'_>, ArchiveError> {
    if bytes.len() > MAX_ARCHIVE_BYTES {
        return Err(ArchiveError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_ARCHIVE_BYTES,
        });
    }
    let listed = listed_entries(bytes)
        .ok_or_else(|| ArchiveError::NotZip("no end of central directory record".into()))?;
    if listed > limits.max_entries.saturating_mul(4) {
        // Far past the limit: not even the directory is read.
        return Err(ArchiveError::TooManyEntries {
            found: listed,
            limit: limits.max_entries,
        });
    }
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        ZipError::UnsupportedArchive(why) if why == ZipError::PASSWORD_REQUIRED => {
            ArchiveError::Encrypted
        }
        other => ArchiveError::NotZip(other.to_string()),
    })?;
    let found = archive.len() as u64;
    let end = found.min(limits.max_entries) as usize;
    let pending = (found > limits.max_entries).then(|| {
        (
            String::new(),
            ArchiveError::TooManyEntries {
                found,
                limit: limits.max_entries,
            },
        )
    });
    Ok(Entries {
        archive,
        wanted,
        limits,
        next: 0,
        end,
        total: 0,
        not_read: 0,
        pending,
    })
}

impl Entries<'_> {
    /// Files passed over because `wanted` refused their name.
    pub fn not_read(&self) -> usize {
        self.not_read
    }

    /// Bytes unpacked so far.
    pub fn unpacked(&self) -> u64 {
        self.total
    }

    /// Unpacks entry `index`, within the limits left.
    fn read(&mut self, index: usize) -> Result<Vec<u8>, ArchiveError> {
        let left = self.limits.max_total_bytes.saturating_sub(self.total);
        let mut file = self.archive.by_index(index).map_err(entry_error)?;
        let packed = file.compressed_size();
        let by_ratio = packed.saturating_mul(self.limits.max_ratio).max(MB);
        let cap = self.limits.max_entry_bytes.min(left).min(by_ratio);
        let mut out = Vec::with_capacity(file.size().min(cap).min(MB) as usize);
        (&mut file)
            .take(cap.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| ArchiveError::Damaged(e.to_string()))?;
        let got = out.len() as u64;
        if got <= cap {
            self.total += got;
            return Ok(out);
        }
        // Which limit stopped it: the tightest one.
        if cap == by_ratio && by_ratio < self.limits.max_entry_bytes.min(left) {
            Err(ArchiveError::Ratio {
                limit: self.limits.max_ratio,
            })
        } else if cap == self.limits.max_entry_bytes {
            Err(ArchiveError::EntryTooLarge {
                limit: self.limits.max_entry_bytes,
            })
        } else {
            self.total = self.limits.max_total_bytes;
            Err(ArchiveError::TotalTooLarge {
                limit: self.limits.max_total_bytes,
            })
        }
    }
}

impl Iterator for Entries<'_> {
    type Item = (String, Result<Vec<u8>, ArchiveError>);

    fn next(&mut self) -> Option<Self::Item> {
        while self.next < self.end {
            let index = self.next;
            self.next += 1;
            let (name, method, encrypted, is_dir) = match self.archive.by_index_raw(index) {
                Ok(f) => (
                    f.name().to_owned(),
                    f.compression(),
                    f.encrypted(),
                    f.is_dir(),
                ),
                Err(e) => return Some((format!("entry {}", index + 1), Err(entry_error(e)))),
            };
            if is_dir || is_mac_metadata(&name) {
                continue;
            }
            if !(self.wanted)(&name) {
                self.not_read += 1;
                continue;
            }
            if self.total >= self.limits.max_total_bytes {
                // Nothing more is unpacked; said once.
                self.next = self.end;
                return Some((
                    name,
                    Err(ArchiveError::TotalTooLarge {
                        limit: self.limits.max_total_bytes,
                    }),
                ));
            }
            if encrypted {
                return Some((name, Err(ArchiveError::Encrypted)));
            }
            if !matches!(
                method,
                CompressionMethod::Stored | CompressionMethod::Deflated
            ) {
                return Some((name, Err(ArchiveError::Unsupported(method_name(method)))));
            }
            let read = self.read(index);
            return Some((name, read));
        }
        self.pending.take().map(|(name, e)| (name, Err(e)))
    }
}

/// `__MACOSX/…` folders and `._name` resource forks that macOS adds.
fn is_mac_metadata(name: &str) -> bool {
    name.starts_with("__MACOSX/")
        || name
            .rsplit('/')
            .next()
            .is_some_and(|base| base.starts_with("._") || base == ".DS_Store")
}

fn entry_error(e: ZipError) -> ArchiveError {
    match e {
        ZipError::UnsupportedArchive(why) if why == ZipError::PASSWORD_REQUIRED => {
            ArchiveError::Encrypted
        }
        ZipError::UnsupportedArchive(why) => ArchiveError::Unsupported(why.to_owned()),
        other => ArchiveError::Damaged(other.to_string()),
    }
}

fn method_name(method: CompressionMethod) -> String {
    #[allow(deprecated)]
    match method {
        CompressionMethod::Unsupported(n) => match n {
            9 => "Deflate64".to_owned(),
            12 => "bzip2".to_owned(),
            14 => "LZMA".to_owned(),
            93 => "Zstandard".to_owned(),
            95 => "XZ".to_owned(),
            98 => "PPMd".to_owned(),
            99 => "AES encryption".to_owned(),
            n => format!("compression method {n}"),
        },
        other => other.to_string(),
    }
}

/// The number of entries the archive's end record lists (the ZIP64 one
/// when there is one), or `None` when there is no end record.
fn listed_entries(bytes: &[u8]) -> Option<u64> {
    // The end record is 22 bytes plus a comment of at most 65,535.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let at = (from..=bytes.len().checked_sub(22)?)
        .rev()
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))?;
    let u16_at = |i: usize| -> Option<u64> {
        Some(u64::from(u16::from_le_bytes(
            bytes.get(i..i + 2)?.try_into().ok()?,
        )))
    };
    let listed = u16_at(at + 10)?;
    if listed != 0xFFFF {
        return Some(listed);
    }
    // ZIP64: the locator just before the end record points at the ZIP64
    // end record, whose entry count is 8 bytes at offset 32.
    let locator = at.checked_sub(20)?;
    if !bytes[locator..].starts_with(b"PK\x06\x07") {
        return Some(listed);
    }
    let u64_at = |i: usize| -> Option<u64> {
        Some(u64::from_le_bytes(bytes.get(i..i + 8)?.try_into().ok()?))
    };
    let record = usize::try_from(u64_at(locator + 8)?).ok()?;
    if !bytes.get(record..)?.starts_with(b"PK\x06\x06") {
        return Some(listed);
    }
    u64_at(record + 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_zip_is_said() {
        assert!(matches!(
            open(b"hello", Limits::default(), |_| true),
            Err(ArchiveError::NotZip(_))
        ));
        assert!(matches!(
            open(b"", Limits::default(), |_| true),
            Err(ArchiveError::NotZip(_))
        ));
        // An end record alone: an empty archive.
        let mut empty = b"PK\x05\x06".to_vec();
        empty.extend([0u8; 18]);
        let mut entries = open(&empty, Limits::default(), |_| true).unwrap();
        assert!(entries.next().is_none());
        // An end record claiming 60,000 entries, over four times the limit.
        let limits = Limits {
            max_entries: 10,
            ..Limits::default()
        };
        let mut many = b"PK\x05\x06\0\0\0\0".to_vec();
        many.extend(60_000u16.to_le_bytes());
        many.extend(60_000u16.to_le_bytes());
        many.extend([0u8; 10]);
        assert_eq!(
            open(&many, limits, |_| true).err(),
            Some(ArchiveError::TooManyEntries {
                found: 60_000,
                limit: 10
            })
        );
    }

    #[test]
    fn mac_metadata_is_passed_over() {
        assert!(is_mac_metadata("__MACOSX/a/._b.txt"));
        assert!(is_mac_metadata("a/._b.txt"));
        assert!(is_mac_metadata("a/.DS_Store"));
        assert!(!is_mac_metadata("a/b.txt"));
    }
}
