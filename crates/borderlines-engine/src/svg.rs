//! SVG files made by the page: the exports of the timeline, map and network.
//!
//! An exported picture must open on its own, anywhere (an image viewer, a
//! slide, a word processor), and must never carry anything that runs. So it
//! is written as text here, from the same geometry the page renders, with
//! its own colours (no CSS variables from the page), a legend and the data
//! credits, and through a builder that escapes every attribute value and
//! every text: element and attribute *names* are `&'static str` chosen by
//! our code, so document text can only ever become character data.
//!
//! ```
//! use borderlines_engine::svg::{Document, Tag};
//! let mut doc = Document::new(200.0, 100.0, "Mentions <by year>");
//! doc.push(Tag::new("rect").num("x", 10.0).num("y", 20.0).num("width", 30.0).num("height", 40.0).attr("fill", "#2a7"));
//! doc.push(Tag::new("text").num("x", 10.0).num("y", 15.0).text("<script>alert(1)</script>"));
//! doc.legend("Mentioned dates", "#2a7");
//! doc.credit("Contains data from GeoNames, CC BY 4.0.");
//! let svg = doc.finish();
//! assert!(svg.starts_with("<?xml"));
//! assert!(svg.contains("&lt;script&gt;") && !svg.contains("<script"));
//! assert!(svg.contains("Mentions &lt;by year&gt;"));
//! ```

use std::fmt::Write as _;

/// Escapes text for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids would make the file unreadable.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as SVG coordinates want it: at most two decimals, no `-0`,
/// and `0` for anything that is not finite.
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 {
        return "0".to_owned();
    }
    let mut s = format!("{rounded:.2}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// One element: a name, escaped attributes, and escaped text or children.
#[derive(Debug, Clone)]
pub struct Tag {
    name: &'static str,
    attrs: String,
    inner: String,
}

impl Tag {
    pub fn new(name: &'static str) -> Self {
        Tag {
            name,
            attrs: String::new(),
            inner: String::new(),
        }
    }

    /// Adds an attribute; the value is escaped.
    pub fn attr(mut self, name: &'static str, value: &str) -> Self {
        let _ = write!(self.attrs, " {name}=\"{}\"", escape(value));
        self
    }

    /// Adds a numeric attribute (see [`num`]).
    pub fn num(self, name: &'static str, value: f64) -> Self {
        let v = num(value);
        self.attr(name, &v)
    }

    /// Adds text content; escaped.
    pub fn text(mut self, text: &str) -> Self {
        self.inner.push_str(&escape(text));
        self
    }

    /// Adds a child element.
    pub fn child(mut self, child: Tag) -> Self {
        self.inner.push_str(&child.render());
        self
    }

    /// A `<title>` child: the tooltip of the mark in viewers that show one.
    pub fn title(self, text: &str) -> Self {
        self.child(Tag::new("title").text(text))
    }

    pub fn render(&self) -> String {
        if self.inner.is_empty() {
            format!("<{}{}/>", self.name, self.attrs)
        } else {
            format!(
                "<{}{}>{}</{}>",
                self.name, self.attrs, self.inner, self.name
            )
        }
    }
}

/// Height of one legend or credit line, in SVG units.
const LINE: f64 = 16.0;
const MARGIN: f64 = 12.0;

/// A whole exported picture: a title on top, the plot, then a legend and
/// the credits below it, on a white background.
#[derive(Debug, Clone)]
pub struct Document {
    width: f64,
    height: f64,
    title: String,
    body: String,
    legend: Vec<(String, String)>,
    credits: Vec<String>,
}

impl Document {
    /// A plot area of `width` × `height` units (the title, legend and
    /// credits are added around it).
    pub fn new(width: f64, height: f64, title: &str) -> Self {
        Document {
            width: if width.is_finite() {
                width.max(1.0)
            } else {
                1.0
            },
            height: if height.is_finite() {
                height.max(1.0)
            } else {
                1.0
            },
            title: title.to_owned(),
            body: String::new(),
            legend: Vec::new(),
            credits: Vec::new(),
        }
    }

    /// Adds a mark to the plot (coordinates in the plot area).
    pub fn push(&mut self, tag: Tag) {
        self.body.push_str(&tag.render());
    }

    /// Adds a legend entry: a colour swatch and its meaning.
    pub fn legend(&mut self, label: &str, color: &str) {
        self.legend.push((label.to_owned(), color.to_owned()));
    }

    /// Adds a line of credits (data sources and their licences).
    pub fn credit(&mut self, text: &str) {
        self.credits.push(text.to_owned());
    }

    /// The file's text.
    pub fn finish(self) -> String {
        let top = MARGIN + LINE + 6.0;
        let legend_h = if self.legend.is_empty() {
            0.0
        } else {
            LINE + 4.0
        };
        let full_w = self.width + 2.0 * MARGIN;
        let full_h =
            top + self.height + MARGIN + legend_h + LINE * self.credits.len() as f64 + MARGIN;
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">",
            w = num(full_w),
            h = num(full_h)
        );
        out.push_str(&Tag::new("title").text(&self.title).render());
        out.push_str(
            &Tag::new("rect")
                .num("width", full_w)
                .num("height", full_h)
                .attr("fill", "#ffffff")
                .render(),
        );
        out.push_str(
            &Tag::new("text")
                .num("x", MARGIN)
                .num("y", MARGIN + LINE - 2.0)
                .attr("font-size", "15")
                .attr("font-weight", "600")
                .attr("fill", "#1d2733")
                .text(&self.title)
                .render(),
        );
        let _ = write!(
            out,
            "<g transform=\"translate({} {})\">{}</g>",
            num(MARGIN),
            num(top),
            self.body
        );
        let mut y = top + self.height + MARGIN;
        if !self.legend.is_empty() {
            let mut x = MARGIN;
            for (label, color) in &self.legend {
                out.push_str(
                    &Tag::new("rect")
                        .num("x", x)
                        .num("y", y)
                        .num("width", 12.0)
                        .num("height", 12.0)
                        .attr("fill", color)
                        .render(),
                );
                out.push_str(
                    &Tag::new("text")
                        .num("x", x + 16.0)
                        .num("y", y + 10.5)
                        .attr("fill", "#1d2733")
                        .text(label)
                        .render(),
                );
                // Legend entries sit side by side; widths are estimated
                // from the label (no font metrics outside a browser).
                x += 16.0 + 7.0 * label.chars().count() as f64 + 18.0;
            }
            y += legend_h;
        }
        for credit in &self.credits {
            out.push_str(
                &Tag::new("text")
                    .num("x", MARGIN)
                    .num("y", y + 11.0)
                    .attr("font-size", "10.5")
                    .attr("fill", "#5b6672")
                    .text(credit)
                    .render(),
            );
            y += LINE;
        }
        out.push_str("</svg>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_never_becomes_markup() {
        let evil = "\"><script>alert(1)</script><a href=\"javascript:x\" onload='y'>";
        let mut doc = Document::new(100.0, 100.0, evil);
        doc.push(
            Tag::new("circle")
                .attr("fill", evil)
                .title(evil)
                .child(Tag::new("desc").text(evil)),
        );
        doc.legend(evil, evil);
        doc.credit(evil);
        let svg = doc.finish();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<a "), "{svg}");
        assert!(!svg.contains("onload='"), "{svg}");
        // Every element in the file is one our code named.
        let names: std::collections::BTreeSet<&str> = svg
            .split('<')
            .skip(1)
            .filter_map(|t| t.split([' ', '>', '/']).next())
            .filter(|n| !n.is_empty() && !n.starts_with('?'))
            .collect();
        let ours = ["svg", "title", "rect", "text", "g", "circle", "desc"];
        assert!(names.iter().all(|n| ours.contains(n)), "{names:?}");
    }

    #[test]
    fn numbers_are_short_and_finite() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.23456), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
        assert_eq!(num(-12.5), "-12.5");
    }

    #[test]
    fn control_characters_are_dropped_so_the_file_stays_well_formed() {
        assert_eq!(escape("a\u{0}b\u{1b}c\td"), "abc\td");
    }

    #[test]
    fn legend_and_credits_are_below_the_plot() {
        let mut doc = Document::new(300.0, 100.0, "t");
        doc.legend("Published", "#123456");
        doc.credit("Natural Earth");
        let svg = doc.finish();
        assert!(svg.contains(">Published</text>"));
        assert!(svg.contains(">Natural Earth</text>"));
        assert!(svg.contains("fill=\"#123456\""));
    }
}
