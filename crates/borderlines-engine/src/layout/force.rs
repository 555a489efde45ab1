//! A force-directed layout: Fruchterman & Reingold (1991), "Graph Drawing by
//! Force-directed Placement", with edge weights, a weak gravity (so that
//! parts of the graph that are not connected stay in the frame), pinned
//! nodes and a last pass that pulls overlapping discs apart.
//!
//! Deterministic: the same input gives the same positions, bit for bit, on
//! the same build. Nothing is random: nodes start on a sunflower spiral
//! (Vogel's phyllotaxis) in the order given — callers pass them by rank,
//! biggest first, so the biggest start in the middle — and every loop runs
//! in index order. Positions are settled before they are returned: the
//! temperature (the most a node may move in one step) cools geometrically
//! until nothing moves more than [`ForceOptions::settle`], so a picture is
//! drawn once and never jiggles.
//!
//! Every pair of nodes repels (k²/d) and every edge attracts (d²/k, scaled
//! by its weight on a log scale), where k = `spread`·√(area / n) is the
//! ideal distance. For the graphs drawn here (at most a few hundred nodes)
//! the exact O(n²) repulsion is fast enough (see the `bench_network`
//! example) and needs no Barnes–Hut approximation.
//!
//! Why hand-written rather than a crate: the MIT crates on crates.io are
//! animation loops (`force_graph`: time-step physics, no edge weights;
//! `fdg-sim`: random initial positions, unmaintained since 2022), both pull
//! in `petgraph` (and `fdg-sim` `glam`, `regex`, `serde_json`); this is a
//! couple of hundred lines with no dependency.
//!
//! ```
//! use borderlines_engine::layout::force::{layout, ForceOptions, Frame, Graph};
//! let graph = Graph {
//!     radii: vec![10.0, 8.0, 6.0],
//!     edges: vec![(0, 1, 3.0), (1, 2, 1.0)],
//!     pins: vec![None, None, Some((100.0, 100.0))],
//! };
//! let frame = Frame { width: 1000.0, height: 700.0 };
//! let a = layout(&graph, frame, &ForceOptions::default());
//! assert_eq!(a.positions, layout(&graph, frame, &ForceOptions::default()).positions);
//! assert_eq!(a.positions[2], (100.0, 100.0));
//! ```

/// The rectangle nodes are laid out in, from (0, 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
}

/// What to lay out: one radius per node, in rank order (biggest first),
/// weighted edges between node indices, and each node's pin (a fixed
/// position in the frame), if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    pub radii: Vec<f32>,
    /// (from, to, weight); unknown indices and self-loops are ignored.
    pub edges: Vec<(u32, u32, f32)>,
    /// Missing entries mean "not pinned".
    pub pins: Vec<Option<(f32, f32)>>,
}

/// Tuning. The defaults suit a frame of about 1000 × 700 with up to a few
/// hundred nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct ForceOptions {
    /// The ideal distance is `spread`·√(area / n).
    pub spread: f32,
    /// Pull towards the centre, per unit of distance.
    pub gravity: f32,
    /// Most steps run.
    pub max_iterations: u32,
    /// Stop once no node moves more than this in a step.
    pub settle: f32,
    /// First temperature, as a share of the frame's width.
    pub start_temperature: f32,
    /// Temperature kept per step.
    pub cooling: f32,
    /// Room kept between two discs, and between a disc and the frame.
    pub padding: f32,
}

impl Default for ForceOptions {
    fn default() -> Self {
        ForceOptions {
            spread: 0.8,
            gravity: 0.2,
            max_iterations: 400,
            settle: 0.05,
            start_temperature: 0.1,
            cooling: 0.975,
            padding: 3.0,
        }
    }
}

/// Positions (centres, in frame units, same order as the nodes) and how
/// many steps it took.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub positions: Vec<(f32, f32)>,
    pub iterations: u32,
}

/// The golden angle, radians: consecutive spiral points never line up.
const GOLDEN_ANGLE: f32 = 2.399_963_2;

/// Where node `i` of `n` starts: a sunflower spiral around the centre.
fn start(i: usize, n: usize, frame: Frame) -> (f32, f32) {
    let scale = 0.42 * frame.width.min(frame.height) / (n.max(1) as f32).sqrt();
    let r = scale * (i as f32 + 0.5).sqrt();
    let a = i as f32 * GOLDEN_ANGLE;
    (
        frame.width / 2.0 + r * a.cos(),
        frame.height / 2.0 + r * a.sin(),
    )
}

/// A direction for two nodes on the same spot, fixed by their indices.
fn apart(i: usize, j: usize) -> (f32, f32) {
    let a = (i * 31 + j * 17) as f32 * GOLDEN_ANGLE;
    (a.cos(), a.sin())
}

fn finite(v: f32, fallback: f32) -> f32 {
    if v.is_finite() {
        v
    } else {
        fallback
    }
}

/// Keeps a node of radius `r` inside the frame (the centre if it cannot fit).
fn clamp(p: (f32, f32), r: f32, frame: Frame) -> (f32, f32) {
    let c = |v: f32, size: f32| {
        if 2.0 * r >= size {
            size / 2.0
        } else {
            v.clamp(r, size - r)
        }
    };
    (c(p.0, frame.width), c(p.1, frame.height))
}

/// Lays the graph out in the frame. Never panics: non-finite or negative
/// radii count as 0, pins are kept inside the frame, bad edges are skipped.
pub fn layout(graph: &Graph, frame: Frame, options: &ForceOptions) -> Layout {
    let n = graph.radii.len();
    let frame = Frame {
        width: finite(frame.width, 1.0).max(1.0),
        height: finite(frame.height, 1.0).max(1.0),
    };
    if n == 0 {
        return Layout::default();
    }
    let radii: Vec<f32> = graph
        .radii
        .iter()
        .map(|&r| finite(r, 0.0).max(0.0))
        .collect();
    let margin = |i: usize| radii[i] + options.padding;
    let pinned: Vec<Option<(f32, f32)>> = (0..n)
        .map(|i| {
            graph
                .pins
                .get(i)
                .copied()
                .flatten()
                .map(|(x, y)| clamp((finite(x, 0.0), finite(y, 0.0)), margin(i), frame))
        })
        .collect();
    let mut pos: Vec<(f32, f32)> = (0..n)
        .map(|i| pinned[i].unwrap_or_else(|| start(i, n, frame)))
        .collect();
    // Edges with usable ends and weights; the strongest pulls hardest.
    let edges: Vec<(usize, usize, f32)> = graph
        .edges
        .iter()
        .filter_map(|&(a, b, w)| {
            let (a, b) = (a as usize, b as usize);
            (a < n && b < n && a != b && w.is_finite() && w > 0.0).then_some((a, b, w))
        })
        .collect();
    let max_w = edges.iter().map(|e| e.2).fold(1.0f32, f32::max);
    let strength = |w: f32| {
        if max_w > 1.0 {
            0.3 + 0.7 * (w.max(1.0).ln() / max_w.ln())
        } else {
            1.0
        }
    };
    let edges: Vec<(usize, usize, f32)> = edges
        .into_iter()
        .map(|(a, b, w)| (a, b, strength(w)))
        .collect();

    let area = frame.width * frame.height;
    let k = options.spread * (area / n as f32).sqrt();
    let k2 = k * k;
    let centre = (frame.width / 2.0, frame.height / 2.0);
    let mut temperature = options.start_temperature * frame.width;
    let mut disp = vec![(0.0f32, 0.0f32); n];
    let mut iterations = 0;
    while iterations < options.max_iterations {
        iterations += 1;
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (mut dx, mut dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let mut d2 = dx * dx + dy * dy;
                if d2 < 1e-6 {
                    (dx, dy) = apart(i, j);
                    d2 = 1.0;
                }
                // k²/d along the unit vector = k²·(dx, dy)/d².
                let f = k2 / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b, s) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt();
            // d²/k along the unit vector = d·(dx, dy)/k.
            let f = s * d / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        let mut moved = 0.0f32;
        for i in 0..n {
            if pinned[i].is_some() {
                continue;
            }
            let (gx, gy) = (centre.0 - pos[i].0, centre.1 - pos[i].1);
            let (dx, dy) = (
                disp[i].0 + options.gravity * gx * k / 10.0,
                disp[i].1 + options.gravity * gy * k / 10.0,
            );
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 && len.is_finite() {
                let step = len.min(temperature);
                let next = clamp(
                    (pos[i].0 + dx / len * step, pos[i].1 + dy / len * step),
                    margin(i),
                    frame,
                );
                moved = moved.max((next.0 - pos[i].0).abs().max((next.1 - pos[i].1).abs()));
                pos[i] = next;
            }
        }
        temperature *= options.cooling;
        if moved < options.settle {
            break;
        }
    }
    separate(&mut pos, &radii, &pinned, frame, options.padding);
    Layout {
        positions: pos,
        iterations,
    }
}

/// Pulls overlapping discs apart (pinned ones stay), a few sweeps.
fn separate(
    pos: &mut [(f32, f32)],
    radii: &[f32],
    pinned: &[Option<(f32, f32)>],
    frame: Frame,
    padding: f32,
) {
    let n = pos.len();
    for _ in 0..30 {
        let mut any = false;
        for i in 0..n {
            for j in (i + 1)..n {
                let need = radii[i] + radii[j] + padding;
                let (mut dx, mut dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let mut d = (dx * dx + dy * dy).sqrt();
                if d >= need {
                    continue;
                }
                if d < 1e-3 {
                    (dx, dy) = apart(i, j);
                    d = 1.0;
                }
                let push = need - d;
                let (ux, uy) = (dx / d, dy / d);
                let (si, sj) = match (pinned[i].is_some(), pinned[j].is_some()) {
                    (true, true) => continue,
                    (true, false) => (0.0, 1.0),
                    (false, true) => (1.0, 0.0),
                    (false, false) => (0.5, 0.5),
                };
                pos[i] = clamp(
                    (pos[i].0 - ux * push * si, pos[i].1 - uy * push * si),
                    radii[i] + padding,
                    frame,
                );
                pos[j] = clamp(
                    (pos[j].0 + ux * push * sj, pos[j].1 + uy * push * sj),
                    radii[j] + padding,
                    frame,
                );
                any = true;
            }
        }
        if !any {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 1000.0,
        height: 700.0,
    };

    fn ring(n: u32) -> Graph {
        Graph {
            radii: (0..n).map(|i| 4.0 + (n - i) as f32 * 0.2).collect(),
            edges: (0..n).map(|i| (i, (i + 1) % n, 1.0 + i as f32)).collect(),
            pins: Vec::new(),
        }
    }

    fn dist(a: (f32, f32), b: (f32, f32)) -> f32 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    #[test]
    fn same_input_same_positions() {
        let g = ring(40);
        let a = layout(&g, FRAME, &ForceOptions::default());
        let b = layout(&g.clone(), FRAME, &ForceOptions::default());
        assert_eq!(a, b);
        assert!(a.iterations > 10);
    }

    #[test]
    fn nodes_stay_in_the_frame_and_apart() {
        let g = ring(60);
        let l = layout(&g, FRAME, &ForceOptions::default());
        for (i, &(x, y)) in l.positions.iter().enumerate() {
            let r = g.radii[i];
            assert!(x >= r && x <= FRAME.width - r && y >= r && y <= FRAME.height - r);
        }
        for i in 0..60 {
            for j in (i + 1)..60 {
                let d = dist(l.positions[i], l.positions[j]);
                assert!(d + 0.5 >= g.radii[i] + g.radii[j], "{i} {j} overlap: {d}");
            }
        }
    }

    #[test]
    fn neighbours_end_closer_than_strangers() {
        // Two cliques joined by nothing: members sit near their own.
        let mut edges = Vec::new();
        for a in 0..6u32 {
            for b in (a + 1)..6 {
                edges.push((a, b, 5.0));
                edges.push((a + 6, b + 6, 5.0));
            }
        }
        let g = Graph {
            radii: vec![6.0; 12],
            edges,
            pins: Vec::new(),
        };
        let l = layout(&g, FRAME, &ForceOptions::default());
        let p = &l.positions;
        let mean = |pairs: &[(usize, usize)]| {
            pairs.iter().map(|&(a, b)| dist(p[a], p[b])).sum::<f32>() / pairs.len() as f32
        };
        let within: Vec<(usize, usize)> = (0..6)
            .flat_map(|a| ((a + 1)..6).map(move |b| (a, b)))
            .collect();
        let across: Vec<(usize, usize)> = (0..6).map(|a| (a, a + 6)).collect();
        assert!(mean(&within) < mean(&across) * 0.7);
    }

    #[test]
    fn pins_stay_fixed_and_move_the_others() {
        let mut g = ring(20);
        let free = layout(&g, FRAME, &ForceOptions::default());
        g.pins = vec![None; 20];
        g.pins[3] = Some((80.0, 90.0));
        g.pins[7] = Some((900.0, 600.0));
        let l = layout(&g, FRAME, &ForceOptions::default());
        assert_eq!(l.positions[3], (80.0, 90.0));
        assert_eq!(l.positions[7], (900.0, 600.0));
        assert_ne!(l.positions[4], free.positions[4]);
        // A pin outside the frame is kept inside it.
        g.pins[3] = Some((-50.0, 5000.0));
        let l = layout(&g, FRAME, &ForceOptions::default());
        let r = g.radii[3] + ForceOptions::default().padding;
        assert_eq!(l.positions[3], (r, FRAME.height - r));
    }

    #[test]
    fn odd_input_never_panics() {
        let g = Graph {
            radii: vec![f32::NAN, -3.0, 1e9, 2.0],
            edges: vec![
                (0, 9, 1.0),
                (1, 1, 2.0),
                (2, 3, f32::INFINITY),
                (0, 3, -1.0),
            ],
            pins: vec![Some((f32::NAN, 3.0))],
        };
        let l = layout(&g, FRAME, &ForceOptions::default());
        assert_eq!(l.positions.len(), 4);
        assert!(l
            .positions
            .iter()
            .all(|p| p.0.is_finite() && p.1.is_finite()));
        assert!(layout(&Graph::default(), FRAME, &ForceOptions::default())
            .positions
            .is_empty());
        let tiny = Frame {
            width: f32::NAN,
            height: 0.0,
        };
        assert_eq!(
            layout(&ring(3), tiny, &ForceOptions::default())
                .positions
                .len(),
            3
        );
    }
}
