//! Keyboard moves between marks of a picture: from one point, the nearest
//! other point lying in an arrow key's direction (within 60° either side of
//! it), the way spatial navigation on a TV remote works. Distance along the
//! direction counts once, distance across it twice, so the mark straight
//! ahead wins over a closer one far to the side.
//!
//! ```
//! use borderlines_engine::layout::nearest::{nearest, Direction};
//! let points = [(0.0, 0.0), (10.0, 1.0), (5.0, 20.0), (-8.0, 0.0)];
//! assert_eq!(nearest(&points, 0, Direction::Right), Some(1));
//! assert_eq!(nearest(&points, 0, Direction::Down), Some(2));
//! assert_eq!(nearest(&points, 0, Direction::Left), Some(3));
//! assert_eq!(nearest(&points, 0, Direction::Up), None);
//! ```

/// An arrow key (screen coordinates: y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Direction {
    /// The direction of a `KeyboardEvent.key` ("ArrowUp" …), if it is one.
    pub fn from_key(key: &str) -> Option<Direction> {
        Some(match key {
            "ArrowUp" => Direction::Up,
            "ArrowDown" => Direction::Down,
            "ArrowLeft" => Direction::Left,
            "ArrowRight" => Direction::Right,
            _ => return None,
        })
    }

    fn unit(self) -> (f32, f32) {
        match self {
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
        }
    }
}

/// The index of the nearest point from `points[from]` in `direction`, if
/// any (ties: the lower index).
pub fn nearest(points: &[(f32, f32)], from: usize, direction: Direction) -> Option<usize> {
    let &(x0, y0) = points.get(from)?;
    let (ux, uy) = direction.unit();
    let mut best: Option<(f32, usize)> = None;
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == from {
            continue;
        }
        let (dx, dy) = (x - x0, y - y0);
        let along = dx * ux + dy * uy;
        let across = (dx * uy - dy * ux).abs();
        // Within 60° of the direction: across ≤ along·tan 60°.
        if !(along > 0.0 && across <= along * 1.733) {
            continue;
        }
        let score = along + 2.0 * across;
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_ahead_beats_close_but_aside() {
        let points = [(0.0, 0.0), (5.0, 7.0), (12.0, 0.5), (f32::NAN, 0.0)];
        assert_eq!(nearest(&points, 0, Direction::Right), Some(2));
        assert_eq!(nearest(&points, 9, Direction::Right), None);
        assert_eq!(Direction::from_key("ArrowUp"), Some(Direction::Up));
        assert_eq!(Direction::from_key("a"), None);
    }
}
