use borderlines_core::formats::preview::PreviewGroup;
use borderlines_core::formats::{Field, FieldMapping};
use borderlines_core::load::ChosenMapping;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::plural;
use crate::import::Review;

/// Before tables and JSON exports are imported: for each group of files
/// with the same columns, which column feeds the title, text, date, source,
/// url and author (as guessed), with the first row's value beside each, and
/// a select to change it; then "Import" or "Cancel". Opens with the first
/// select focused; Escape cancels. Hooks: `mapping-review`, `mapping-group`,
/// `mapping-<field>` (the selects), `mapping-sample-<field>`,
/// `mapping-import`, `mapping-cancel`, `mapping-warning`.
#[component]
pub fn MappingReview(
    /// The review shown; `None` shows nothing.
    review: RwSignal<Option<Review>>,
    /// Called with each group's columns and chosen mapping on "Import".
    on_confirm: Callback<Vec<ChosenMapping>>,
    /// Called on "Cancel" or Escape.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && review.with_untracked(Option::is_some) {
            ev.prevent_default();
            on_cancel.run(());
            focus_add_button();
        }
    });
    on_cleanup(move || handle.remove());
    move || {
        review.get().map(|review| {
            view! { <ReviewPanel review=review on_confirm=on_confirm on_cancel=on_cancel/> }
        })
    }
}

/// The panel of one review (its selects keep their own state).
#[component]
fn ReviewPanel(
    review: Review,
    on_confirm: Callback<Vec<ChosenMapping>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let mappings: Vec<RwSignal<FieldMapping>> = review
        .groups
        .iter()
        .map(|g| RwSignal::new(g.preview.mapping.clone()))
        .collect();
    let readable = {
        let mappings = mappings.clone();
        Memo::new(move |_| {
            mappings
                .iter()
                .all(|m| m.with(|m| m.text.is_some() || m.title.is_some()))
        })
    };
    let confirm = {
        let mappings = mappings.clone();
        let columns: Vec<Vec<String>> = review
            .groups
            .iter()
            .map(|g| g.preview.columns.clone())
            .collect();
        move |_| {
            let chosen = columns
                .iter()
                .zip(&mappings)
                .map(|(columns, mapping)| ChosenMapping {
                    columns: columns.clone(),
                    mapping: mapping.get_untracked(),
                })
                .collect();
            on_confirm.run(chosen);
            focus_add_button();
        }
    };
    let cancel = move |_| {
        on_cancel.run(());
        focus_add_button();
    };
    // The panel opens with its first select focused (effects run once it
    // is in the page).
    Effect::new(move |_| {
        if let Some(select) = document()
            .query_selector("[data-testid=mapping-review] select")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = select.focus();
        }
    });
    let unreadable = review.unreadable;
    let files = review.files;
    let groups = review
        .groups
        .into_iter()
        .zip(mappings)
        .enumerate()
        .map(|(gi, (group, mapping))| {
            view! { <GroupMapping index=gi group=group mapping=mapping/> }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="mapping-review" role="dialog" aria-labelledby="mapping-review-title" data-testid="mapping-review">
            <h2 id="mapping-review-title" class="mapping-title">"Check the columns before import"</h2>
            <p class="mapping-intro">
                "Borderlines guessed which column holds what. Change any guess that is wrong; the first row shows what each field would get."
            </p>
            {groups}
            {(unreadable > 0).then(|| view! {
                <p class="mapping-note">
                    {format!(
                        "{} could not be previewed; {} read with the columns guessed, and any problem is listed after the import.",
                        plural(unreadable, "table", "tables"),
                        if unreadable == 1 { "it is" } else { "they are" },
                    )}
                </p>
            })}
            <div class="mapping-actions">
                <button
                    class="mapping-import"
                    data-testid="mapping-import"
                    prop:disabled=move || !readable.get()
                    on:click=confirm
                >
                    {format!("Import {}", plural(files, "file", "files"))}
                </button>
                <button class="mapping-cancel" data-testid="mapping-cancel" on:click=cancel>"Cancel"</button>
            </div>
        </section>
    }
}

/// The mapping of one group of files: a row per field.
#[component]
fn GroupMapping(
    index: usize,
    group: PreviewGroup,
    mapping: RwSignal<FieldMapping>,
) -> impl IntoView {
    let preview = group.preview;
    let mut heading = group.files.first().cloned().unwrap_or_default();
    if group.files.len() > 1 {
        heading.push_str(&format!(
            " and {} with the same columns",
            plural(group.files.len() - 1, "other file", "other files")
        ));
    }
    let count = if preview.complete {
        plural(preview.records, "record", "records")
    } else {
        format!(
            "{} in the first part read",
            plural(preview.records, "record", "records")
        )
    };
    let columns = preview.columns.clone();
    let sample = preview.sample.clone();
    let rows = Field::ALL
        .into_iter()
        .map(|field| {
            let id = format!("mapping-{index}-{}", field.label());
            let columns_now = columns.clone();
            let sample_now = sample.clone();
            let value_of = move || {
                mapping.with(|m| {
                    m.get(field)
                        .and_then(|c| columns_now.iter().position(|x| x == c))
                        .and_then(|i| sample_now.get(i).cloned())
                        .unwrap_or_default()
                })
            };
            let options = columns
                .iter()
                .map(|c| {
                    let name = c.clone();
                    let selected = move || mapping.with(|m| m.get(field) == Some(name.as_str()));
                    view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                })
                .collect::<Vec<_>>();
            let on_change = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                mapping.update(|m| m.set(field, (!value.is_empty()).then_some(value)));
            };
            view! {
                <tr data-field=field.label()>
                    <th scope="row"><label for=id.clone()>{field_name(field)}</label></th>
                    <td>
                        <select id=id class="mapping-select" data-testid=format!("mapping-{}", field.label()) on:change=on_change>
                            <option value="" selected=move || mapping.with(|m| m.get(field).is_none())>"(none)"</option>
                            {options}
                        </select>
                    </td>
                    <td class="mapping-sample" data-testid=format!("mapping-sample-{}", field.label())>
                        {value_of}
                    </td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let unreadable = move || mapping.with(|m| m.text.is_none() && m.title.is_none());
    view! {
        <fieldset class="mapping-group" data-testid="mapping-group">
            <legend class="mapping-files"><span class="file-name">{heading}</span>" · "{count}</legend>
            <table class="mapping-table">
                <thead><tr><th scope="col">"Field"</th><th scope="col">"Column"</th><th scope="col">"First row"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <Show when=unreadable>
                <p class="mapping-warning" role="alert" data-testid="mapping-warning">
                    "Choose a column for the text or the title: without either there is nothing to read."
                </p>
            </Show>
        </fieldset>
    }
}

fn field_name(field: Field) -> &'static str {
    match field {
        Field::Title => "Title",
        Field::Text => "Text",
        Field::Date => "Date",
        Field::Source => "Source",
        Field::Url => "URL",
        Field::Author => "Author",
    }
}

/// Focus goes back to "+ Add documents" when the review closes.
fn focus_add_button() {
    if let Some(input) = document()
        .query_selector("[data-testid=add-documents]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = input.focus();
    }
}
