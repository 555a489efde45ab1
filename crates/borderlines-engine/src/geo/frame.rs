//! What part of the map is on screen: a [`ViewBox`] in projected
//! kilometres (see [`super::projection`]), its default framing on a
//! selection's places, zooming and panning, and its form in the link
//! (`mbox=x,y,w,h`, whole kilometres).
//!
//! ```
//! use borderlines_engine::geo::frame::{Bounds, ViewBox};
//! let mut b = Bounds::default();
//! b.add_point(0.0, 0.0);
//! b.add_point(400.0, 200.0);
//! let v = ViewBox::fit(&b, 1.0);
//! assert!(v.contains(0.0, 0.0) && v.contains(400.0, 200.0));
//! assert!((v.w / v.h - 1.0).abs() < 1e-9);
//! assert_eq!(ViewBox::from_link(v.to_link()).map(|l| l.to_link()), Some(v.to_link()));
//! ```

/// The smallest width or height a frame shows, in km (closer than this the
/// 0.04° outlines are only jagged lines).
pub const MIN_SPAN_KM: f64 = 60.0;
/// The largest, in km (more is empty sea and steppe).
pub const MAX_SPAN_KM: f64 = 8_000.0;
/// Padding around framed places, as a share of their extent.
pub const PADDING: f64 = 0.06;
/// A framed selection is at least this wide or high, in km, so a single
/// town still shows the country around it.
pub const MIN_FRAME_KM: f64 = 400.0;

/// An extent in projected km; empty until something is added.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            min_x: f64::INFINITY,
            min_y: f64::INFINITY,
            max_x: f64::NEG_INFINITY,
            max_y: f64::NEG_INFINITY,
        }
    }
}

impl Bounds {
    /// Has nothing been added?
    pub fn is_empty(&self) -> bool {
        !(self.min_x <= self.max_x && self.min_y <= self.max_y)
    }

    /// Adds a point (non-finite points are ignored).
    pub fn add_point(&mut self, x: f64, y: f64) {
        if x.is_finite() && y.is_finite() {
            self.min_x = self.min_x.min(x);
            self.min_y = self.min_y.min(y);
            self.max_x = self.max_x.max(x);
            self.max_y = self.max_y.max(y);
        }
    }

    /// Adds another extent.
    pub fn add(&mut self, other: &Bounds) {
        if !other.is_empty() {
            self.add_point(other.min_x, other.min_y);
            self.add_point(other.max_x, other.max_y);
        }
    }

    /// Does it hold the point?
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.min_x..=self.max_x).contains(&x) && (self.min_y..=self.max_y).contains(&y)
    }

    /// The extent grown by `km` on every side.
    pub fn grown(&self, km: f64) -> Bounds {
        Bounds {
            min_x: self.min_x - km,
            min_y: self.min_y - km,
            max_x: self.max_x + km,
            max_y: self.max_y + km,
        }
    }
}

/// The part of the projected plane on screen (km; y runs south).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl ViewBox {
    /// Frames `bounds` with [`PADDING`], at least [`MIN_FRAME_KM`] across,
    /// shaped `aspect` (width / height) around its centre.
    pub fn fit(bounds: &Bounds, aspect: f64) -> ViewBox {
        let b = if bounds.is_empty() {
            Bounds {
                min_x: -500.0,
                min_y: -500.0,
                max_x: 500.0,
                max_y: 500.0,
            }
        } else {
            *bounds
        };
        let (w, h) = (b.max_x - b.min_x, b.max_y - b.min_y);
        let pad = PADDING * w.max(h);
        ViewBox {
            x: b.min_x - pad,
            y: b.min_y - pad,
            w: (w + 2.0 * pad).max(MIN_FRAME_KM),
            h: (h + 2.0 * pad).max(MIN_FRAME_KM),
        }
        .centred_like(b.min_x + w / 2.0, b.min_y + h / 2.0)
        .with_aspect(aspect)
    }

    fn centred_like(self, cx: f64, cy: f64) -> ViewBox {
        ViewBox {
            x: cx - self.w / 2.0,
            y: cy - self.h / 2.0,
            ..self
        }
    }

    /// The centre.
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// The box grown along one side (never shrunk) to `aspect` (width /
    /// height), around the same centre: what a screen of that shape shows
    /// of it ("meet").
    pub fn with_aspect(self, aspect: f64) -> ViewBox {
        let aspect = if aspect.is_finite() && aspect > 0.0 {
            aspect
        } else {
            1.0
        };
        let (cx, cy) = self.centre();
        let (w, h) = if self.w / self.h > aspect {
            (self.w, self.w / aspect)
        } else {
            (self.h * aspect, self.h)
        };
        ViewBox {
            x: 0.0,
            y: 0.0,
            w,
            h,
        }
        .centred_like(cx, cy)
    }

    /// Zoomed by `factor` (> 1 closer) keeping the point at fractions
    /// (`fx`, `fy`) of the box where it is (the pointer under a wheel, or
    /// 0.5, 0.5 for the buttons). The span stays within
    /// [`MIN_SPAN_KM`]..=[`MAX_SPAN_KM`].
    pub fn zoom(self, factor: f64, fx: f64, fy: f64) -> ViewBox {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let (fx, fy) = (fx.clamp(0.0, 1.0), fy.clamp(0.0, 1.0));
        let longest = self.w.max(self.h);
        let shortest = self.w.min(self.h);
        let factor = factor
            .min(shortest / MIN_SPAN_KM)
            .max(longest / MAX_SPAN_KM);
        let (w, h) = (self.w / factor, self.h / factor);
        let (px, py) = (self.x + fx * self.w, self.y + fy * self.h);
        ViewBox {
            x: px - fx * w,
            y: py - fy * h,
            w,
            h,
        }
    }

    /// Moved by fractions of its size (0.1, 0 moves the view a tenth of its
    /// width to the east), staying over `world`'s extent.
    pub fn pan(self, dx: f64, dy: f64, world: &Bounds) -> ViewBox {
        ViewBox {
            x: self.x + dx * self.w,
            y: self.y + dy * self.h,
            ..self
        }
        .kept_over(world)
    }

    /// The box moved (not resized) so that its centre stays over `world`.
    pub fn kept_over(self, world: &Bounds) -> ViewBox {
        if world.is_empty() {
            return self;
        }
        let (cx, cy) = self.centre();
        self.centred_like(
            cx.clamp(world.min_x, world.max_x),
            cy.clamp(world.min_y, world.max_y),
        )
    }

    /// Does it hold the point?
    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.x..=self.x + self.w).contains(&x) && (self.y..=self.y + self.h).contains(&y)
    }

    /// A projected point on a screen of `width` × `height` pixels showing
    /// this box (with [`ViewBox::with_aspect`] of the screen's shape).
    pub fn to_screen(&self, x: f64, y: f64, width: f64, height: f64) -> (f64, f64) {
        let v = self.with_aspect(width / height);
        let s = width / v.w;
        ((x - v.x) * s, (y - v.y) * s)
    }

    /// The SVG `transform` that draws projected km on that screen.
    pub fn transform(&self, width: f64, height: f64) -> String {
        let v = self.with_aspect(width / height);
        let s = width / v.w;
        format!("matrix({s:.5} 0 0 {s:.5} {:.2} {:.2})", -v.x * s, -v.y * s)
    }

    /// The link's form: whole km, `[x, y, w, h]`.
    pub fn to_link(&self) -> [i32; 4] {
        let r = |v: f64| v.round().clamp(-1e6, 1e6) as i32;
        [r(self.x), r(self.y), r(self.w).max(1), r(self.h).max(1)]
    }

    /// A box from the link's form (`None` for an empty box).
    pub fn from_link(b: [i32; 4]) -> Option<ViewBox> {
        (b[2] > 0 && b[3] > 0).then(|| ViewBox {
            x: f64::from(b[0]),
            y: f64::from(b[1]),
            w: f64::from(b[2]),
            h: f64::from(b[3]),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(min_x: f64, min_y: f64, max_x: f64, max_y: f64) -> Bounds {
        Bounds {
            min_x,
            min_y,
            max_x,
            max_y,
        }
    }

    #[test]
    fn a_fit_holds_its_bounds_with_padding_and_a_least_size() {
        let v = ViewBox::fit(&b(0.0, 0.0, 1000.0, 500.0), 1.0);
        assert!(v.x < 0.0 && v.y < 0.0 && v.x + v.w > 1000.0 && v.y + v.h > 500.0);
        assert!((v.w - v.h).abs() < 1e-9);
        let one = ViewBox::fit(&b(10.0, 10.0, 10.0, 10.0), 2.0);
        assert!(one.h >= MIN_FRAME_KM && (one.w - 2.0 * one.h).abs() < 1e-9);
        assert!(one.contains(10.0, 10.0));
        assert!(ViewBox::fit(&Bounds::default(), 1.0).w > 0.0);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_pointer_and_stays_in_range() {
        let v = ViewBox {
            x: 0.0,
            y: 0.0,
            w: 1000.0,
            h: 1000.0,
        };
        let z = v.zoom(2.0, 0.25, 0.75);
        assert_eq!((z.w, z.h), (500.0, 500.0));
        assert_eq!((z.x + 0.25 * z.w, z.y + 0.75 * z.h), (250.0, 750.0));
        assert!(v.zoom(1e9, 0.5, 0.5).w >= MIN_SPAN_KM - 1e-9);
        assert!(v.zoom(1e-9, 0.5, 0.5).w <= MAX_SPAN_KM + 1e-9);
        assert_eq!(v.zoom(f64::NAN, 0.5, 0.5), v);
    }

    #[test]
    fn panning_stays_over_the_world() {
        let world = b(0.0, 0.0, 100.0, 100.0);
        let v = ViewBox {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 100.0,
        };
        let p = v.pan(0.1, 0.0, &world);
        assert_eq!(p.x, 10.0);
        let far = v.pan(50.0, -50.0, &world);
        assert_eq!(far.centre(), (100.0, 0.0));
    }

    #[test]
    fn screens_and_links() {
        let v = ViewBox {
            x: 100.0,
            y: 200.0,
            w: 400.0,
            h: 400.0,
        };
        assert_eq!(v.to_screen(100.0, 200.0, 800.0, 800.0), (0.0, 0.0));
        assert_eq!(v.to_screen(500.0, 600.0, 800.0, 800.0), (800.0, 800.0));
        // A wide screen shows more to the sides, never less above and below.
        let (x, y) = v.to_screen(300.0, 400.0, 800.0, 400.0);
        assert_eq!((x, y), (400.0, 200.0));
        assert_eq!(v.to_link(), [100, 200, 400, 400]);
        assert_eq!(ViewBox::from_link([1, 2, 0, 4]), None);
        assert!(v
            .transform(800.0, 800.0)
            .starts_with("matrix(2.00000 0 0 2.00000 -200.00 -400.00"));
    }
}
