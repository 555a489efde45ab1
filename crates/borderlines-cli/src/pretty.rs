//! The `--pretty` form of the report: plain text for people, one section
//! per document, then the claims and the errors.

use std::fmt::Write;

use borderlines_extract::{Agreement, EntityKind};

use borderlines_extract::Report;

fn kind_label(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "People",
        EntityKind::Organisation => "Organisations",
        EntityKind::Country => "Countries",
        EntityKind::Place => "Places",
        EntityKind::Group => "Groups",
    }
}

/// Renders the report as text.
pub fn render(r: &Report) -> String {
    let mut o = String::new();
    for fr in &r.documents {
        let d = &fr.document;
        let ins = &fr.insights;
        let m = &ins.metadata;
        let _ = writeln!(o, "━━ {} ━━", fr.file);
        let _ = writeln!(
            o,
            "Title:     {}{}",
            m.title,
            if m.title_is_headline {
                ""
            } else {
                "  (derived from the first sentence)"
            }
        );
        if let Some(b) = &m.byline {
            let _ = writeln!(o, "Byline:    {b}");
        }
        if !m.authors.is_empty() {
            let _ = writeln!(o, "Authors:   {}", m.authors.join(", "));
        }
        match &m.published {
            Some(p) if p.stated => {
                let _ = writeln!(
                    o,
                    "Published: {} (stated; confidence {:.1}; \"{}\")",
                    p.date.iso(),
                    p.confidence,
                    p.evidence
                );
            }
            Some(p) => {
                let _ = writeln!(
                    o,
                    "Published: {} or later (inferred; confidence {:.1}; {})",
                    p.date.iso(),
                    p.confidence,
                    p.evidence
                );
            }
            None => {
                let _ = writeln!(o, "Published: unknown");
            }
        }
        let _ = writeln!(
            o,
            "Language:  {} ({:.0}%)",
            m.language.code,
            m.language.confidence * 100.0
        );
        for s in &m.sources {
            let _ = writeln!(
                o,
                "Source:    {} ({:?}: \"{}\")",
                s.name, s.kind, s.evidence
            );
        }
        let _ = writeln!(
            o,
            "Body:      {} blocks, {} words, {} boilerplate lines removed",
            d.blocks.len(),
            d.word_count,
            d.boilerplate_removed
        );

        if !ins.themes.is_empty() {
            let _ = writeln!(o, "\nThemes");
            for t in &ins.themes {
                let ev: Vec<String> = t
                    .evidence
                    .iter()
                    .take(6)
                    .map(|(w, n)| {
                        if *n > 1 {
                            format!("{w}×{n}")
                        } else {
                            w.clone()
                        }
                    })
                    .collect();
                let _ = writeln!(
                    o,
                    "  {:<28} {:>5.2}  {}",
                    t.theme.label(),
                    t.score,
                    ev.join(", ")
                );
            }
        }
        for kind in [
            EntityKind::Person,
            EntityKind::Organisation,
            EntityKind::Country,
            EntityKind::Place,
            EntityKind::Group,
        ] {
            let es = ins.top_entities_of(kind, usize::MAX);
            if es.is_empty() {
                continue;
            }
            let _ = writeln!(o, "\n{}", kind_label(kind));
            for e in es {
                let mut forms: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
                forms.sort_unstable();
                forms.dedup();
                forms.retain(|f| *f != e.name);
                let extra = match (e.place_kind, &e.country) {
                    (Some(pk), Some(c)) => format!(" [{pk:?}, {c}]"),
                    (None, Some(c)) if kind != EntityKind::Country => format!(" [{c}]"),
                    _ => String::new(),
                };
                let aka = if forms.is_empty() {
                    String::new()
                } else {
                    format!("  also: {}", forms.join(", "))
                };
                let _ = writeln!(o, "  {:>3}× {}{}{}", e.mentions.len(), e.name, extra, aka);
            }
        }
        if !ins.figures.is_empty() {
            let _ = writeln!(o, "\nFigures");
            for f in &ins.figures {
                let _ = writeln!(o, "  \"{}\" → {}", f.text, f.describe());
            }
        }
        if !ins.dates.is_empty() {
            let _ = writeln!(o, "\nDates");
            for dm in &ins.dates {
                let res = if dm.resolved {
                    dm.date.iso()
                } else {
                    "unresolved".into()
                };
                let _ = writeln!(o, "  \"{}\" {:?} → {}", dm.text, dm.kind, res);
            }
        }
        if !ins.quotes.is_empty() {
            let _ = writeln!(o, "\nQuotes");
            for q in &ins.quotes {
                let who = q
                    .speaker
                    .as_deref()
                    .map(|s| format!(" — {s} ({:?})", q.attribution))
                    .unwrap_or_default();
                let _ = writeln!(o, "  “{}”{}", q.text, who);
            }
        }
        let _ = writeln!(o);
    }
    if !r.claims.is_empty() {
        let _ = writeln!(o, "━━ Claims across documents ━━");
        for c in r.claims.iter() {
            let verdict = match c.agreement {
                Agreement::Consistent => "consistent",
                Agreement::Conflicting => "CONFLICTING",
            };
            let unit = c
                .unit
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            let _ = writeln!(o, "  {}{} in {}: {}", c.measure, unit, c.year, verdict);
            for f in &c.figures {
                let _ = writeln!(o, "    {:<28} \"{}\"", f.doc_id, f.text);
            }
        }
    }
    for e in &r.errors {
        let _ = writeln!(o, "error: {}: {}", e.file, e.error);
    }
    o
}
