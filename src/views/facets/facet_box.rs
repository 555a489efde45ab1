use borderlines_engine::collectors::facet_counts::{Chosen, FacetPanel};
use borderlines_engine::facets::{words, FacetKind};
use borderlines_engine::filters::{toggle, Filter};
use leptos::prelude::*;

use crate::components::format_thousands;
use crate::session::use_session;
use crate::url_sync::go;

/// Values shown before "show more".
const FIRST: usize = 8;
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
            session.engine.with_untracked(|e| {
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
    // The rows shown, as (label, count, state). Rows are keyed by label;
    // their count, state and links follow the selection reactively, so a
    // keystroke updates text and attributes instead of rebuilding rows.
    let visible = Memo::new(move |_| {
        let n = shown.get();
        session.engine.with(|e| {
            values.with(|v| {
                v.iter()
                    .take(n)
                    .map(|x| (e.facets().label(x.id).to_owned(), x.count, x.chosen))
                    .collect::<Vec<_>>()
            })
        })
    });
    let hidden = move || values.with(|v| v.len().saturating_sub(shown.get()));
    let row = move |label: String| {
        let find = {
            let label = label.clone();
            move || {
                visible.with(|v| {
                    v.iter()
                        .find(|x| x.0 == label)
                        .map_or((0, Chosen::No), |x| (x.1, x.2))
                })
            }
        };
        // Count and state apart: a keystroke usually changes counts only.
        let count = Memo::new({
            let find = find.clone();
            move |_| find().0
        });
        let chosen = Memo::new(move |_| find().1);
        // The queries a click means, computed from the query of the moment.
        let include_query = {
            let label = label.clone();
            move || {
                toggle(
                    &session.query.get_untracked(),
                    &Filter::include(kind, &label),
                )
            }
        };
        let exclude_query = {
            let label = label.clone();
            move || {
                toggle(
                    &session.query.get_untracked(),
                    &Filter::exclude(kind, &label),
                )
            }
        };
        // Links are real (middle-click, copy link), but their hrefs are
        // refreshed when a pointer or focus reaches them rather than on every
        // keystroke, and a click always navigates to the query of the moment.
        let navigate = move |query: String| {
            let mut next = session.state.get_untracked();
            next.query = query;
            next.doc = None;
            next.passage = None;
            go(&next);
        };
        let refresh = move |ev: &leptos::ev::Event, query: String| {
            if let Some(el) = ev
                .current_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            {
                let _ = el.set_attribute("href", &session.href_query(query));
            }
        };
        let on_click = {
            let (include_query, exclude_query) = (include_query.clone(), exclude_query.clone());
            move |ev: leptos::ev::MouseEvent| {
                let plain = ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key();
                if plain {
                    // Alt-click excludes (and must not download the link).
                    ev.prevent_default();
                    navigate(if ev.alt_key() {
                        exclude_query()
                    } else {
                        include_query()
                    });
                }
            }
        };
        let on_exclude_click = {
            let exclude_query = exclude_query.clone();
            move |ev: leptos::ev::MouseEvent| {
                if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() {
                    ev.prevent_default();
                    navigate(exclude_query());
                }
            }
        };
        let include_initial = session.href_query(include_query());
        let exclude_initial = session.href_query(exclude_query());
        let (hover_include, focus_include) = {
            let (a, b) = (include_query.clone(), include_query.clone());
            (
                move |ev: leptos::ev::PointerEvent| refresh(&ev, a()),
                move |ev: leptos::ev::FocusEvent| refresh(&ev, b()),
            )
        };
        let (hover_exclude, focus_exclude) = {
            let (a, b) = (exclude_query.clone(), exclude_query.clone());
            (
                move |ev: leptos::ev::PointerEvent| refresh(&ev, a()),
                move |ev: leptos::ev::FocusEvent| refresh(&ev, b()),
            )
        };
        let title = format!("{label}: click to filter (again to remove), alt-click to exclude");
        let exclude_label = format!("Exclude {label}");
        view! {
            <li class="facet-row">
                <a
                    class="facet-value"
                    class:included=move || chosen.get() == Chosen::Included
                    class:excluded=move || chosen.get() == Chosen::Excluded
                    data-testid="facet"
                    data-facet=kind.field()
                    data-value=label.clone()
                    data-chosen=move || match chosen.get() { Chosen::Included => "included", Chosen::Excluded => "excluded", Chosen::No => "" }
                    href=include_initial
                    title=title
                    aria-pressed=move || if chosen.get() == Chosen::Included { "true" } else { "false" }
                    on:click=on_click
                    on:pointerover=hover_include
                    on:focusin=focus_include
                >
                    <span class="facet-label">{label.clone()}</span>
                    <span class="facet-count" aria-label="documents">{move || format_thousands(u64::from(count.get()))}</span>
                </a>
                <a class="facet-exclude" data-testid="facet-exclude" href=exclude_initial aria-label=exclude_label title="Exclude"
                    on:click=on_exclude_click on:pointerover=hover_exclude on:focusin=focus_exclude>"−"</a>
            </li>
        }
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
            <ul class="facet-values">
                <For
                    each=move || visible.with(|v| v.iter().map(|x| x.0.clone()).collect::<Vec<_>>())
                    key=|label| label.clone()
                    children=row
                />
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
