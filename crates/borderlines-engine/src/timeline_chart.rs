//! The timeline's geometry, computed once from a [`Timeline`] and drawn
//! twice: by the page (as SVG elements styled by the theme) and by the SVG
//! export ([`to_svg`], self-contained with its own colours, a legend and
//! credits).
//!
//! Each bin is an equal slot along x, holding two bars side by side, so
//! the two sources cannot be mistaken for each other even without colour:
//! on the left (narrow) the documents *published* in the bin (stated
//! solid, inferred above it, light and dashed), on the right (wide) the
//! documents *mentioning* it (a date within the bin solid, a wider date or
//! a range above it, light). Both share the left axis (documents). The
//! figure series is a line with a point per figure on the right axis,
//! placed at the middle of the period it refers to. Brushed ranges are
//! shaded behind the bars.
//!
//! ```
//! use borderlines_engine::{collectors::timeline::{timeline, TimelineOptions}, timeline_chart::layout, Engine};
//! let e = Engine::from_texts([("a", "Walls\n1,047 defectors came in 2019 and only 67 defectors in 2020.")]).unwrap();
//! let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
//! let c = layout(&t, 600.0, 260.0);
//! assert_eq!(c.bars.len(), 4); // 2019 and 2020, a year of context each side
//! // The collapse: the 2019 point is higher (smaller y) than the 2020 one.
//! assert!(c.series_line[0].1 < c.series_line[1].1);
//! ```

use crate::collectors::timeline::Timeline;
use crate::svg::{Document, Tag};
use crate::time_bins::DaySpan;

/// A rectangle in chart units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One bin's marks.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGeometry {
    /// Index into `Timeline::bins`.
    pub bin: usize,
    /// The whole slot over the plot's height (hit area, brush shading).
    pub slot: Rect,
    pub stated: Rect,
    pub inferred: Rect,
    pub within: Rect,
    pub wider: Rect,
}

/// An axis tick: its position along the axis and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub label: String,
}

/// One figure of the series as a point.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesMark {
    pub x: f64,
    pub y: f64,
    /// A plain number (filled) or a bound or vague amount (hollow).
    pub exact: bool,
    /// "1,047 (2019) — title".
    pub label: String,
}

/// Everything to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChart {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    pub bars: Vec<BarGeometry>,
    /// Along x (bin labels).
    pub x_ticks: Vec<Tick>,
    /// Along the left axis (documents).
    pub y_ticks: Vec<Tick>,
    /// Along the right axis (the series' values).
    pub series_ticks: Vec<Tick>,
    /// The series' value per period, left to right.
    pub series_line: Vec<(f64, f64)>,
    pub series_points: Vec<SeriesMark>,
    /// Shaded x ranges of the brushed bins.
    pub brushes: Vec<(f64, f64)>,
}

/// Colours of the export (the page uses its theme's).
pub mod colors {
    pub const STATED: &str = "#b4531b";
    pub const INFERRED: &str = "#f1c29e";
    pub const WITHIN: &str = "#2f67a8";
    pub const WIDER: &str = "#a9c8ea";
    pub const SERIES: &str = "#7a2a8c";
    pub const BRUSH: &str = "#fbe7a1";
    pub const AXIS: &str = "#5b6672";
    pub const TEXT: &str = "#1d2733";
}

const LEFT: f64 = 36.0;
const RIGHT_WITH_SERIES: f64 = 46.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 18.0;
/// Widest pair of bars in one bin (few bins would otherwise give slabs).
const MAX_PAIR_W: f64 = 72.0;
const BOTTOM: f64 = 22.0;
/// Width of one character of an axis label, estimated (no font metrics).
const CHAR_W: f64 = 6.2;

/// A "nice" step (1, 2 or 5 × 10ⁿ) at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
}

/// Ticks from 0 to a nice maximum ≥ `max`, about `n` of them; integer
/// steps when `integers`.
fn ticks(max: f64, n: f64, integers: bool) -> (f64, Vec<f64>) {
    let mut step = nice_step(max / n);
    if integers {
        step = step.max(1.0).round();
    }
    let top = ((max / step).ceil() * step).max(step);
    let count = (top / step).round() as usize;
    (top, (0..=count).map(|i| i as f64 * step).collect())
}

/// A number for an axis: "1,047", "1.2k" for large ones, "0.5".
fn axis_number(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        let k = v / 1000.0;
        if k.fract() == 0.0 {
            format!("{k:.0}k")
        } else {
            format!("{k:.1}k")
        }
    } else if v.fract() == 0.0 {
        borderlines_extract::figures::format_number(v)
    } else {
        format!("{v:.1}")
    }
}

/// The chart of `t` in a `width` × `height` box.
pub fn layout(t: &Timeline, width: f64, height: f64) -> TimelineChart {
    let width = if width.is_finite() {
        width.max(120.0)
    } else {
        600.0
    };
    let height = if height.is_finite() {
        height.max(80.0)
    } else {
        260.0
    };
    let series = t.series.as_ref().filter(|s| !s.points.is_empty());
    let right = if series.is_some() {
        RIGHT_WITH_SERIES
    } else {
        RIGHT
    };
    let plot = Rect {
        x: LEFT,
        y: TOP,
        w: width - LEFT - right,
        h: height - TOP - BOTTOM,
    };
    let n = t.bins.len().max(1);
    let slot_w = plot.w / n as f64;
    let (y_top, y_vals) = ticks(f64::from(t.max_count().max(1)), 4.0, true);
    let y_of = |v: f64| plot.y + plot.h - v / y_top * plot.h;
    let bottom = plot.y + plot.h;
    let bar = |x: f64, w: f64, from: u32, count: u32| {
        let y0 = y_of(f64::from(from));
        let y1 = y_of(f64::from(from + count));
        Rect {
            x,
            y: y1,
            w,
            h: (y0 - y1).max(0.0),
        }
    };
    let pad = (slot_w * 0.12).min(6.0);
    let inner = (slot_w - 2.0 * pad).clamp(0.6, MAX_PAIR_W);
    let pad = (slot_w - inner) / 2.0;
    let bars: Vec<BarGeometry> = t
        .bins
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let x = plot.x + i as f64 * slot_w;
            let pub_w = inner * 0.4;
            let gap = inner * 0.06;
            let men_x = x + pad + pub_w + gap;
            let men_w = inner - pub_w - gap;
            BarGeometry {
                bin: i,
                slot: Rect {
                    x,
                    y: plot.y,
                    w: slot_w,
                    h: plot.h,
                },
                stated: bar(x + pad, pub_w, 0, b.published_stated),
                inferred: bar(x + pad, pub_w, b.published_stated, b.published_inferred),
                within: bar(men_x, men_w, 0, b.mentioned_within),
                wider: bar(men_x, men_w, b.mentioned_within, b.mentioned_wider()),
            }
        })
        .collect();
    // Bin labels, every k-th so they do not overlap.
    let longest = t
        .bins
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(4) as f64;
    let need = ((longest * CHAR_W + 8.0) / slot_w.max(0.1)).ceil().max(1.0) as usize;
    let k = [
        1usize, 2, 3, 4, 5, 6, 10, 12, 20, 24, 25, 50, 100, 200, 500, 1000, 2000,
    ]
    .into_iter()
    .find(|&k| k >= need)
    .unwrap_or(need);
    let x_ticks = t
        .bins
        .iter()
        .enumerate()
        .filter(|(i, _)| i % k == 0)
        .map(|(i, b)| Tick {
            pos: plot.x + (i as f64 + 0.5) * slot_w,
            label: b.label.clone(),
        })
        .collect();
    let y_ticks = y_vals
        .iter()
        .map(|&v| Tick {
            pos: y_of(v),
            label: axis_number(v),
        })
        .collect();
    // Days → x through the bins (each bin an equal slot).
    let x_of_day = |day: f64| -> f64 {
        let i = t
            .bins
            .partition_point(|b| f64::from(b.span.end) + 1.0 <= day)
            .min(n - 1);
        let Some(b) = t.bins.get(i) else {
            return plot.x + plot.w / 2.0;
        };
        let frac = ((day - f64::from(b.span.start)) / b.span.days() as f64).clamp(0.0, 1.0);
        plot.x + (i as f64 + frac) * slot_w
    };
    let mut series_line = Vec::new();
    let mut series_points = Vec::new();
    let mut series_ticks = Vec::new();
    if let Some(s) = series {
        let (s_top, s_vals) = ticks(s.max().max(1e-9), 4.0, false);
        let sy = |v: f64| plot.y + plot.h - (v / s_top).clamp(0.0, 1.0) * plot.h;
        series_ticks = s_vals
            .iter()
            .map(|&v| Tick {
                pos: sy(v),
                label: axis_number(v),
            })
            .collect();
        for p in &s.points {
            let x = x_of_day(p.span.middle());
            series_line.push((x, sy(p.value)));
            for f in &p.figures {
                series_points.push(SeriesMark {
                    x,
                    y: sy(f.value),
                    exact: f.exact,
                    label: format!("{} ({}) — {}", f.text, p.key, f.doc_title),
                });
            }
        }
    }
    let brushes = bars
        .iter()
        .filter(|g| t.bins[g.bin].brushed)
        .map(|g| (g.slot.x, g.slot.x + g.slot.w))
        .fold(Vec::<(f64, f64)>::new(), |mut acc, (a, b)| {
            match acc.last_mut() {
                Some(last) if (last.1 - a).abs() < 1e-6 => last.1 = b,
                _ => acc.push((a, b)),
            }
            acc
        });
    let _ = bottom;
    TimelineChart {
        width,
        height,
        plot,
        bars,
        x_ticks,
        y_ticks,
        series_ticks,
        series_line,
        series_points,
        brushes,
    }
}

/// The bins (indices, inclusive) a span of x covers, for brushing.
pub fn bins_between(c: &TimelineChart, x0: f64, x1: f64) -> Option<(usize, usize)> {
    let (a, b) = (x0.min(x1), x0.max(x1));
    let hits: Vec<usize> = c
        .bars
        .iter()
        .filter(|g| g.slot.x < b && g.slot.x + g.slot.w > a)
        .map(|g| g.bin)
        .collect();
    Some((*hits.first()?, *hits.last()?))
}

fn rect(r: &Rect, fill: &str) -> Tag {
    Tag::new("rect")
        .num("x", r.x)
        .num("y", r.y)
        .num("width", r.w)
        .num("height", r.h)
        .attr("fill", fill)
}

/// The timeline as a self-contained SVG file: title, plot, axes, legend
/// and credits (see [`crate::svg`]).
pub fn to_svg(t: &Timeline, title: &str) -> String {
    let c = layout(t, 760.0, 280.0);
    let mut doc = Document::new(c.width, c.height, title);
    let bottom = c.plot.y + c.plot.h;
    for (a, b) in &c.brushes {
        doc.push(rect(
            &Rect {
                x: *a,
                y: c.plot.y,
                w: b - a,
                h: c.plot.h,
            },
            colors::BRUSH,
        ));
    }
    for tk in &c.y_ticks {
        doc.push(
            Tag::new("line")
                .num("x1", c.plot.x)
                .num("x2", c.plot.x + c.plot.w)
                .num("y1", tk.pos)
                .num("y2", tk.pos)
                .attr("stroke", "#e3e7ec"),
        );
        doc.push(
            Tag::new("text")
                .num("x", c.plot.x - 4.0)
                .num("y", tk.pos + 4.0)
                .attr("text-anchor", "end")
                .attr("font-size", "10")
                .attr("fill", colors::AXIS)
                .text(&tk.label),
        );
    }
    for g in &c.bars {
        let b = &t.bins[g.bin];
        let tip = format!(
            "{}: published {} stated, {} inferred; mentioned in {} documents ({} within)",
            b.label, b.published_stated, b.published_inferred, b.mentioned, b.mentioned_within
        );
        let mut group = Tag::new("g").title(&tip);
        for (r, fill) in [
            (&g.stated, colors::STATED),
            (&g.inferred, colors::INFERRED),
            (&g.within, colors::WITHIN),
            (&g.wider, colors::WIDER),
        ] {
            if r.h > 0.0 {
                let mut tag = rect(r, fill);
                if fill == colors::INFERRED {
                    tag = tag
                        .attr("stroke", colors::STATED)
                        .attr("stroke-dasharray", "2 2")
                        .attr("stroke-width", "0.8");
                }
                group = group.child(tag);
            }
        }
        doc.push(group);
    }
    doc.push(
        Tag::new("line")
            .num("x1", c.plot.x)
            .num("x2", c.plot.x + c.plot.w)
            .num("y1", bottom)
            .num("y2", bottom)
            .attr("stroke", colors::AXIS),
    );
    for tk in &c.x_ticks {
        doc.push(
            Tag::new("text")
                .num("x", tk.pos)
                .num("y", bottom + 14.0)
                .attr("text-anchor", "middle")
                .attr("font-size", "10")
                .attr("fill", colors::AXIS)
                .text(&tk.label),
        );
    }
    if let Some(s) = &t.series {
        if c.series_line.len() > 1 {
            let points: Vec<String> = c
                .series_line
                .iter()
                .map(|(x, y)| format!("{},{}", crate::svg::num(*x), crate::svg::num(*y)))
                .collect();
            doc.push(
                Tag::new("polyline")
                    .attr("points", &points.join(" "))
                    .attr("fill", "none")
                    .attr("stroke", colors::SERIES)
                    .attr("stroke-width", "2"),
            );
        }
        for p in &c.series_points {
            doc.push(
                Tag::new("circle")
                    .num("cx", p.x)
                    .num("cy", p.y)
                    .num("r", 3.5)
                    .attr("fill", if p.exact { colors::SERIES } else { "#ffffff" })
                    .attr("stroke", colors::SERIES)
                    .attr("stroke-width", "1.5")
                    .title(&p.label),
            );
        }
        let axis_x = c.plot.x + c.plot.w;
        for tk in &c.series_ticks {
            doc.push(
                Tag::new("text")
                    .num("x", axis_x + 4.0)
                    .num("y", tk.pos + 4.0)
                    .attr("font-size", "10")
                    .attr("fill", colors::SERIES)
                    .text(&tk.label),
            );
        }
        let title = s
            .unit
            .as_deref()
            .map_or_else(|| s.measure.clone(), |u| format!("{} ({u})", s.measure));
        doc.push(
            Tag::new("text")
                .num("x", c.width - 2.0)
                .num("y", c.plot.y - 8.0)
                .attr("text-anchor", "end")
                .attr("font-size", "10")
                .attr("fill", colors::SERIES)
                .text(&title),
        );
    }
    doc.push(
        Tag::new("text")
            .num("x", 2.0)
            .num("y", c.plot.y - 8.0)
            .attr("font-size", "10")
            .attr("fill", colors::AXIS)
            .text("documents"),
    );
    doc.legend("Published (stated)", colors::STATED);
    doc.legend("Published (inferred)", colors::INFERRED);
    doc.legend("Mentioned (within)", colors::WITHIN);
    doc.legend("Mentioned (wider/range)", colors::WIDER);
    if let Some(s) = &t.series {
        doc.legend(
            &format!("Figures: {} (right axis)", s.measure),
            colors::SERIES,
        );
    }
    if !t.brushes.is_empty() {
        doc.legend("Brushed", colors::BRUSH);
    }
    doc.credit("Bars: documents per bin (left axis). Dates and figures extracted from the documents' text by Borderlines.");
    let note = t.publication_note();
    if !note.is_empty() {
        doc.credit(&note);
    }
    doc.finish()
}

/// The x span of a day span in a chart (for tests and overlays).
pub fn x_span(t: &Timeline, c: &TimelineChart, span: DaySpan) -> Option<(f64, f64)> {
    let hits: Vec<&BarGeometry> = c
        .bars
        .iter()
        .filter(|g| t.bins[g.bin].span.overlaps(&span))
        .collect();
    Some((
        hits.first()?.slot.x,
        hits.last().map(|g| g.slot.x + g.slot.w)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collectors::timeline::{timeline, TimelineOptions};
    use crate::Engine;

    fn chart() -> (Timeline, TimelineChart) {
        let e = Engine::from_texts([
            (
                "a",
                "Walls\nIn 2019 guards came. Officials said 1,047 defectors arrived in 2019.",
            ),
            (
                "b",
                "Mines\nOnly 67 defectors arrived in 2020. Over a thousand defectors came in 2019.",
            ),
        ])
        .unwrap();
        let t = timeline(&e, &e.select("date:2020", 10), &TimelineOptions::default());
        let c = layout(&t, 600.0, 260.0);
        (t, c)
    }

    #[test]
    fn bars_fit_the_plot_and_heights_follow_counts() {
        let (t, c) = chart();
        assert_eq!(c.bars.len(), t.bins.len());
        for g in &c.bars {
            for r in [g.stated, g.inferred, g.within, g.wider] {
                assert!(r.x >= c.plot.x - 1e-9 && r.x + r.w <= c.plot.x + c.plot.w + 1e-9);
                assert!(r.y >= c.plot.y - 1e-9 && r.y + r.h <= c.plot.y + c.plot.h + 1e-9);
            }
            // The publication bar is left of the mentioned bar.
            assert!(g.stated.x + g.stated.w <= g.within.x);
        }
        let i19 = t.bins.iter().position(|b| b.key == "2019").unwrap();
        let i20 = t.bins.iter().position(|b| b.key == "2020").unwrap();
        assert!(c.bars[i19].within.h > c.bars[i20].within.h);
        assert_eq!(c.brushes.len(), 1, "2020 is brushed");
        assert_eq!(
            bins_between(&c, c.bars[i19].slot.x + 1.0, c.bars[i20].slot.x + 1.0),
            Some((i19, i20))
        );
        let s20 = &c.bars[i20].slot;
        assert_eq!(
            x_span(&t, &c, t.bins[i20].span),
            Some((s20.x, s20.x + s20.w))
        );
    }

    #[test]
    fn the_series_has_a_point_per_figure_and_a_line_per_period() {
        let (_, c) = chart();
        assert_eq!(c.series_line.len(), 2);
        assert_eq!(c.series_points.len(), 3);
        assert!(
            c.series_points.iter().any(|p| !p.exact),
            "over a thousand is hollow"
        );
        assert!(!c.series_ticks.is_empty());
    }

    #[test]
    fn the_export_is_self_contained_with_legend_and_credits() {
        let (t, _) = chart();
        let svg = to_svg(&t, "Timeline <of> the selection");
        assert!(svg.starts_with("<?xml"));
        assert!(svg.contains("Timeline &lt;of&gt; the selection"));
        assert!(
            svg.contains(">Published (stated)</text>")
                && svg.contains(">Mentioned (within)</text>")
        );
        assert!(svg.contains("Figures: defector"));
        assert!(svg.contains("Publication dates are unknown"));
        assert!(svg.contains("<polyline"));
        assert!(!svg.contains("var(--") && !svg.contains("href"));
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        let e = Engine::from_texts(Vec::<(&str, &str)>::new()).unwrap();
        let t = timeline(&e, &e.select("", 10), &TimelineOptions::default());
        let c = layout(&t, f64::NAN, -5.0);
        assert!(c.bars.is_empty());
        assert!(to_svg(&t, "t").contains("</svg>"));
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(ticks(7.0, 4.0, true).0, 8.0);
        assert_eq!(axis_number(25_000.0), "25k");
    }
}
