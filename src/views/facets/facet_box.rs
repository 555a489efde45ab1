use borderlines_engine::collectors::facet_counts::{Chosen, FacetPanel};
use borderlines_engine::facets::{words, FacetKind};
use borderlines_engine::filters::{toggle, Filter};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::format_thousands;
use crate::session::use_session;

/// Values shown before "show more".
const FIRST: usize = 6;
/// Values each "show more" adds.
const STEP: usize = 40;
/// Lists longer than this get a filter box.
const FILTERABLE: usize = 10;

/// One facet: its heading with the number of values, a filter box for long
/// lists, the values by count (each a link that includes it; alt-click, or
/// the "−" beside it, excludes it), and "show more". Hooks: `facet` with
/// `data-facet` (the query field) and `data-value` (the canonical value);
/// `facet-exclude`; `facet-more`.
#[component]
pub(super) fn FacetBox(
    /// Which facet this is.
    kind: FacetKind,
    /// Its values with counts in the current selection.
    panel: Signal<Option<FacetPanel>>,
    /// Whether it starts expanded.
    start_open: bool,
) -> impl IntoView {
    let session = use_session();
    let shown = RwSignal::new(FIRST);
    let filter = RwSignal::new(String::new());
    // Values matching the filter box, by count (ids only: a large corpus has
    // tens of thousands of values, and only the rows shown need labels).
    let values = Memo::new(move |_| {
        let needle = words(&filter.get());
        panel.with(|p| {
            let Some(p) = p.as_ref() else {
                return Vec::new();
            };
            if needle.is_empty() {
                return p.values.clone();
            }
            session.trailing.with_untracked(|(e, _)| {
                p.values
                    .iter()
                    .filter(|v| {
                        let w = words(e.facets().label(v.id));
                        needle
                            .iter()
                            .all(|n| w.iter().any(|x| x.starts_with(n.as_str())))
                    })
                    .copied()
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = Memo::new(move |_| panel.with(|p| p.as_ref().map_or(0, |p| p.values.len())));
    // The rows shown, as (label, count, state).
    let visible = Memo::new(move |_| {
        let n = shown.get();
        session.trailing.with(|(e, _)| {
            values.with(|v| {
                v.iter()
                    .take(n)
                    .map(|x| (e.facets().label(x.id).to_owned(), x.count, x.chosen))
                    .collect::<Vec<_>>()
            })
        })
    });
    let hidden = move || values.with(|v| v.len().saturating_sub(shown.get()));
    // Rows are plain markup, re-rendered with the counts: a keystroke
    // usually changes which values lead, and static rows (no effects, no
    // listeners of their own) are the cheapest to replace. Clicks, pointer
    // and focus are handled once for the whole list (delegation).
    //
    // The rows follow `visible` only. Their hrefs are written from the view
    // state of the moment, but reading it here must not subscribe them to
    // it: every keystroke changes the state, and the rows (~1,500 DOM
    // changes) were rebuilt in the keystroke's own frame and again when the
    // counts followed. A href made stale by a later change is rewritten when
    // a pointer or focus reaches its link (`refresh`), and clicks read the
    // state when they happen.
    let rows = move || {
        let query = session.query.get_untracked();
        visible.with(|v| {
            untrack(|| {
                v.iter()
                    .map(|(label, count, chosen)| {
                        facet_row(session, kind, &query, label, *count, *chosen)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((_, label, exclude)) = target_link(&ev) else {
            return;
        };
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return; // Let the browser open the link elsewhere.
        }
        ev.prevent_default();
        let filter = facet_filter(kind, &label, exclude || ev.alt_key());
        session.go_query(toggle(&session.query.get_untracked(), &filter));
    };
    // Links' hrefs are written when a pointer or focus reaches them (for a
    // middle-click or "copy link"), from the query of the moment.
    let refresh = move |ev: &leptos::ev::Event| {
        let Some((link, label, exclude)) = target_link(ev) else {
            return;
        };
        let filter = facet_filter(kind, &label, exclude);
        let _ = link.set_attribute(
            "href",
            &session.href_query(toggle(&session.query.get_untracked(), &filter)),
        );
    };
    let heading = move || {
        let n = total.get();
        format!("{} ({})", kind.label(), format_thousands(n as u64))
    };
    view! {
        <details class="facet-box" data-facet-box=kind.field() open=start_open>
            <summary class="facet-heading">{heading}</summary>
            <Show when=move || { total.get() > FILTERABLE }>
                <input
                    class="facet-filter"
                    type="search"
                    placeholder=format!("Filter {}", kind.label().to_lowercase())
                    aria-label=format!("Filter the list of {}", kind.label().to_lowercase())
                    prop:value=filter
                    on:input=move |ev| {
                        filter.set(event_target_value(&ev));
                        shown.set(FIRST);
                    }
                />
            </Show>
            <ul
                class="facet-values"
                on:click=on_click
                on:pointerover=move |ev| refresh(&ev)
                on:focusin=move |ev| refresh(&ev)
            >
                {rows}
            </ul>
            <Show when=move || total.get() == 0>
                <p class="facet-empty">"None in this selection."</p>
            </Show>
            {move || {
                let n = hidden();
                (n > 0).then(|| view! {
                    <button class="facet-more" data-testid="facet-more" on:click=move |_| shown.update(|s| *s += STEP)>
                        {format!("Show {} more", format_thousands(n.min(STEP) as u64))}
                    </button>
                })
            }}
        </details>
    }
}

/// One value's row: a link that includes it (its href written for the
/// query of the moment) and a "−" link that excludes it.
fn facet_row(
    session: crate::session::Session,
    kind: FacetKind,
    query: &str,
    label: &str,
    count: u32,
    chosen: Chosen,
) -> impl IntoView {
    let include = session.href_query(toggle(query, &facet_filter(kind, label, false)));
    let exclude = session.href_query(toggle(query, &facet_filter(kind, label, true)));
    let class = match chosen {
        Chosen::Included => "facet-value included",
        Chosen::Excluded => "facet-value excluded",
        Chosen::No => "facet-value",
    };
    let state = match chosen {
        Chosen::Included => "included",
        Chosen::Excluded => "excluded",
        Chosen::No => "",
    };
    let title = format!("{label}: click to filter (again to remove), alt-click to exclude");
    let exclude_label = format!("Exclude {label}");
    view! {
        <li class="facet-row">
            <a class=class data-testid="facet" data-facet=kind.field() data-value=label.to_owned() data-chosen=state
                href=include title=title aria-pressed=if chosen == Chosen::Included { "true" } else { "false" }>
                <span class="facet-label">{label.to_owned()}</span>
                <span class="facet-count">{format_thousands(u64::from(count))}</span>
            </a>
            <a class="facet-exclude" data-testid="facet-exclude" data-facet=kind.field() data-value=label.to_owned()
                data-exclude="1" href=exclude aria-label=exclude_label title="Exclude">"−"</a>
        </li>
    }
}

/// The filter a facet link means.
fn facet_filter(kind: FacetKind, label: &str, exclude: bool) -> Filter {
    if exclude {
        Filter::exclude(kind, label)
    } else {
        Filter::include(kind, label)
    }
}

/// The facet link an event happened in: (element, value, is the exclude link).
fn target_link(ev: &leptos::ev::Event) -> Option<(web_sys::Element, String, bool)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = target.closest("a[data-value]").ok()??;
    let label = link.get_attribute("data-value")?;
    let exclude = link.has_attribute("data-exclude");
    Some((link, label, exclude))
}
