//! SVG path data from the projected outlines: an absolute move, then
//! relative line steps (`M x y l dx dy …`), which keeps the markup short.
//! Built once per shape and kept (see [`shape_path`]).
//!
//! ```
//! use borderlines_engine::geo::paths::path_data;
//! assert_eq!(path_data(&[&[[0, 0], [10, 0], [10, 5]]], true), "M0 0l10 0 0 5z");
//! ```

use std::fmt::Write as _;
use std::sync::OnceLock;

use super::outlines::{meets, shapes};

/// Path data for lines of integer points; closed rings end with `z`.
pub fn path_data(lines: &[&[[i16; 2]]], closed: bool) -> String {
    let mut d = String::new();
    for line in lines {
        let Some(first) = line.first() else { continue };
        let _ = write!(d, "M{} {}", first[0], first[1]);
        let mut prev = *first;
        for (i, p) in line[1..].iter().enumerate() {
            let (dx, dy) = (
                i32::from(p[0]) - i32::from(prev[0]),
                i32::from(p[1]) - i32::from(prev[1]),
            );
            let _ = write!(d, "{}{dx} {dy}", if i == 0 { "l" } else { " " });
            prev = *p;
        }
        if closed {
            d.push('z');
        }
    }
    d
}

/// The path data of shape `i` of [`shapes`] ("" past the end), built on
/// first use.
pub fn shape_path(i: usize) -> &'static str {
    static PATHS: OnceLock<Vec<String>> = OnceLock::new();
    PATHS
        .get_or_init(|| {
            shapes()
                .iter()
                .map(|s| path_data(s.rings, !s.river))
                .collect()
        })
        .get(i)
        .map_or("", String::as_str)
}

/// The path data of land border `i` of [`meets`] ("" past the end).
pub fn meet_path(i: usize) -> &'static str {
    static PATHS: OnceLock<Vec<String>> = OnceLock::new();
    PATHS
        .get_or_init(|| meets().iter().map(|m| path_data(m.lines, false)).collect())
        .get(i)
        .map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_has_a_path() {
        for i in 0..shapes().len() {
            assert!(shape_path(i).starts_with('M'));
        }
        assert_eq!(shape_path(usize::MAX), "");
        assert!(meet_path(0).starts_with('M'));
        assert_eq!(path_data(&[], true), "");
    }
}
