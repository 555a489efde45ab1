//! Component tests in real Chromium (`wasm-pack test --headless --chrome`):
//! mount the real components on the embedded corpus and assert on the DOM.
#![cfg(target_arch = "wasm32")]

use borderlines_app::components::{App, Explorer, Highlighted, ShowMore};
use borderlines_app::corpus::{load_embedded, provide_embedded};
use borderlines_engine::{View, ViewState};
use leptos::{mount::mount_to, prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Waits well past the reader's delay after typing (`READER_DELAY_MS`, 100 ms;
/// effects and timers in the test page start a little later than in use).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 400)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    tick().await;
}

/// The test page has no boot script to unpack a corpus element: the seeds'
/// snapshot `build.rs` wrote is given to the app directly.
fn provide_seeds() {
    provide_embedded(
        include_bytes!(concat!(env!("OUT_DIR"), "/snapshot.bin")).to_vec(),
        "seeds",
    );
}

fn container() -> HtmlElement {
    provide_seeds();
    let doc = document();
    let el = doc.create_element("section").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn one(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn search_input(root: &Element) -> HtmlInputElement {
    root.query_selector("[data-testid=search-input]")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

/// Puts `text` in the search box as typing does (one `input` event).
fn type_query(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn explorer(state: RwSignal<ViewState>) -> HtmlElement {
    let root = container();
    let engine = load_embedded().expect("embedded corpus decodes").engine;
    std::mem::forget(mount_to(
        root.clone(),
        move || view! { <Explorer engine=RwSignal::new(engine) state=state/> },
    ));
    root
}

/// The explorer on the seeds with `view` open, once built; and its state.
async fn explorer_on(view: View) -> (RwSignal<ViewState>, HtmlElement) {
    let state = RwSignal::new(ViewState {
        view,
        ..ViewState::default()
    });
    let root = explorer(state);
    tick().await;
    (state, root)
}

#[wasm_bindgen_test]
async fn app_root_reports_ready_with_the_seed_corpus() {
    let root = container();
    std::mem::forget(mount_to(root.clone(), App));
    tick().await;
    let app = root.query_selector("[data-testid=app]").unwrap().unwrap();
    assert_eq!(app.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(all(&app, "[data-testid=result]").len(), 3);
    root.remove();
}

#[wasm_bindgen_test]
async fn lists_documents_and_opens_the_top_one() {
    let root = explorer(RwSignal::new(ViewState::default()));
    tick().await;
    let titles = all(&root, "[data-testid=result-title]");
    assert_eq!(titles.len(), 3);
    assert!(titles.contains(
        &"China Fortifies Its Border With North Korea: Implications and Consequences".to_owned()
    ));
    assert_eq!(one(&root, "[data-testid=result-count]"), "3 documents");
    assert_eq!(one(&root, "[data-testid=reader-title]"), titles[0]);
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_filters_the_list_and_writes_the_state() {
    let state = RwSignal::new(ViewState::default());
    let root = explorer(state);
    tick().await;
    let input = search_input(&root);
    type_query(&input, "mines");
    settle().await;
    assert_eq!(state.get_untracked().query, "mines");
    assert_eq!(
        one(&root, "[data-testid=result-count]"),
        "1 of 3 documents match"
    );
    assert_eq!(all(&root, "[data-testid=result]").len(), 1);
    let marks = all(&root, "[data-testid=reader] mark");
    assert!(
        // Stemming marks both forms.
        marks.iter().any(|m| m == "mines")
            && marks.iter().all(|m| m.to_lowercase().starts_with("mine")),
        "{marks:?}"
    );
    root.remove();
}

/// Regression: the facet rows' links read the view state while the rows
/// were built, which subscribed the rows to it, so every keystroke rebuilt
/// every facet row in the keystroke's own frame (~1,500 DOM changes on the
/// seeds) instead of one paint later with the counts (`Session::trailing`).
#[wasm_bindgen_test]
async fn typing_leaves_the_facet_rows_to_the_next_paint() {
    use std::{cell::Cell, rc::Rc};
    use wasm_bindgen::closure::Closure;
    let state = RwSignal::new(ViewState::default());
    let root = explorer(state);
    tick().await;
    let input = search_input(&root);
    input.focus().unwrap();
    let counts_before = all(&root, "[data-testid=facet] .facet-count");
    // Counts every change under the facet column as it is delivered.
    let changes = Rc::new(Cell::new(0u32));
    let seen = changes.clone();
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        seen.set(seen.get() + records.length());
    });
    let observer = web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_subtree(true);
    options.set_child_list(true);
    options.set_attributes(true);
    options.set_character_data(true);
    let facets = root.query_selector(".facets").unwrap().unwrap();
    observer.observe_with_options(&facets, &options).unwrap();
    type_query(&input, "mines");
    // The keystroke's own work (its effects) is done, and the observer has
    // been told of what changed; no frame yet.
    tick().await;
    tick().await;
    assert_eq!(all(&root, "[data-testid=result]").len(), 1);
    assert_eq!(
        changes.get(),
        0,
        "the facet column changed in the keystroke's frame"
    );
    settle().await;
    assert!(changes.get() > 0, "the facets never followed");
    assert_ne!(
        all(&root, "[data-testid=facet] .facet-count"),
        counts_before
    );
    observer.disconnect();
    drop(on_change);
    root.remove();
}

/// The figures, terms, network, timeline and map views are redone when
/// typing pauses, not on each keystroke (each takes 50–150 ms on a large
/// corpus); a change that is not typed reaches them at once.
#[wasm_bindgen_test]
async fn typing_leaves_the_views_to_the_pause() {
    let (state, root) = explorer_on(View::Figures).await;
    let rows = || all(&root, "[data-testid=figure-row]").len();
    let all_rows = rows();
    let input = search_input(&root);
    input.focus().unwrap();
    type_query(&input, "country:Ukraine");
    tick().await;
    tick().await;
    assert_eq!(state.with_untracked(|s| s.query.clone()), "country:Ukraine");
    assert_eq!(rows(), all_rows, "the figures were redone on the keystroke");
    settle().await;
    let narrowed = rows();
    assert!(
        narrowed > 0 && narrowed < all_rows,
        "{narrowed} of {all_rows}"
    );
    input.blur().unwrap();
    state.update(|s| s.query = String::new());
    tick().await;
    assert_eq!(rows(), all_rows, "a link's change waits for nothing");
    root.remove();
}

#[wasm_bindgen_test]
async fn state_changes_move_the_reader_and_the_search_box() {
    let state = RwSignal::new(ViewState::default());
    let root = explorer(state);
    tick().await;
    state.set(ViewState {
        doc: Some("001_a9904e2a1790e04c".into()),
        query: "tumen".into(),
        ..ViewState::default()
    });
    settle().await;
    assert_eq!(
        one(&root, "[data-testid=reader-title]"),
        "China Fortifies Its Border With North Korea: Implications and Consequences"
    );
    let input = search_input(&root);
    assert_eq!(input.value(), "tumen");
    assert!(one(&root, ".reader .byline").contains("Aqsa Younas Rana"));
    state.set(ViewState {
        doc: Some("no-such-doc".into()),
        query: String::new(),
        ..ViewState::default()
    });
    tick().await;
    assert!(one(&root, "[data-testid=reader]").contains("There is no document “no-such-doc”"));
    root.remove();
}

#[wasm_bindgen_test]
async fn document_text_is_rendered_as_text_never_as_html() {
    let root = container();
    // Marks at both "img"s, plus a range that is not on a char boundary and must be ignored.
    std::mem::forget(mount_to(root.clone(), move || {
        view! { <p><Highlighted text="<img src=x onerror=alert(1)> and é img".to_owned() ranges=vec![1..4, 33..34, 36..39]/></p> }
    }));
    tick().await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert_eq!(all(&root, "mark"), ["img", "img"]);
    assert_eq!(one(&root, "p"), "<img src=x onerror=alert(1)> and é img");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_filter_in_the_state_lights_its_facet_and_shows_a_pill() {
    let state = RwSignal::new(ViewState::default());
    let root = explorer(state);
    tick().await;
    let ukraine = "[data-testid=facet][data-facet=country][data-value=Ukraine]";
    assert_eq!(one(&root, &format!("{ukraine} .facet-count")), "1");
    assert!(all(&root, "[data-testid=filter-pill]").is_empty());
    state.update(|s| s.query = "country:Ukraine".into());
    // The facets follow the selection through `Session::trailing` (one
    // paint behind while typing in the search box).
    settle().await;
    assert_eq!(all(&root, "[data-testid=filter-pill]").len(), 1);
    assert_eq!(all(&root, "[data-testid=result]").len(), 1);
    let lit = root.query_selector(ukraine).unwrap().unwrap();
    assert_eq!(
        lit.get_attribute("data-chosen").as_deref(),
        Some("included")
    );
    // Its link removes it again (a second click undoes the first); hrefs are
    // refreshed when a pointer or focus reaches them.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let over = web_sys::Event::new_with_event_init_dict("pointerover", &init).unwrap();
    lit.dispatch_event(&over).unwrap();
    assert_eq!(lit.get_attribute("href").as_deref(), Some("#"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_figures_tab_lists_the_selection_figures_and_claims() {
    let (state, root) = explorer_on(View::Figures).await;
    let values = all(&root, "[data-testid=figure-row] td:first-child");
    assert!(values.contains(&"1,047".to_owned()), "{values:?}");
    assert!(values.contains(&"67".to_owned()), "{values:?}");
    assert_eq!(all(&root, "[data-testid=claim]").len(), 1);
    state.update(|s| s.query = "country:Ukraine".into());
    tick().await;
    let narrowed = all(&root, "[data-testid=figure-row]");
    assert!(narrowed.len() < values.len() && !narrowed.is_empty());
    root.remove();
}

/// Long lists (claims, figures, lines in context, a term's documents)
/// render a part and say so; each click shows the next part, and the note
/// goes once all is shown.
#[wasm_bindgen_test]
async fn a_long_list_shows_its_first_part_and_more_on_each_click() {
    let root = container();
    let shown = RwSignal::new(20);
    std::mem::forget(mount_to(root.clone(), move || {
        let items = move || {
            (0..shown.get().min(45))
                .map(|i| view! { <li>{i}</li> })
                .collect::<Vec<_>>()
        };
        view! {
            <ul>{items}</ul>
            <ShowMore shown=shown total=Signal::derive(|| 45) step=20 noun="claims"/>
        }
    }));
    let button = || {
        root.query_selector("[data-testid=show-more]")
            .unwrap()
            .map(|b| b.unchecked_into::<HtmlElement>())
    };
    assert_eq!(all(&root, "li").len(), 20);
    assert_eq!(
        one(&root, ".more-note"),
        "Showing the first 20 of 45 claims. Show 20 more"
    );
    button().expect("a button").click();
    tick().await;
    assert_eq!(all(&root, "li").len(), 40);
    assert_eq!(
        one(&root, ".more-note"),
        "Showing the first 40 of 45 claims. Show 5 more"
    );
    button().expect("a button").click();
    tick().await;
    assert_eq!(all(&root, "li").len(), 45);
    assert!(button().is_none(), "no note once all is shown");
    root.remove();
}

/// The per-document table behind the terms chart is built when it is
/// opened (thousands of rows on a large corpus), and is whole then.
#[wasm_bindgen_test]
async fn the_terms_data_table_is_built_when_opened() {
    let (_, root) = explorer_on(View::Terms).await;
    assert!(!all(&root, "[data-testid=term-row]").is_empty());
    assert!(all(&root, ".data-behind tbody tr").is_empty());
    let details = root
        .query_selector(".data-behind")
        .unwrap()
        .expect("the data table");
    details.set_attribute("open", "").unwrap();
    settle().await;
    let rows = all(&root, ".data-behind tbody tr");
    assert!(!rows.is_empty(), "rows once opened");
    assert!(
        rows.len() <= 3,
        "one row per seed document using the term: {rows:?}"
    );
    root.remove();
}

fn attr(root: &Element, selector: &str, name: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute(name))
        .collect()
}

#[wasm_bindgen_test]
async fn the_network_tab_draws_entities_as_links_and_follows_the_state() {
    let (state, root) = explorer_on(View::Network).await;
    let keys = attr(&root, "[data-testid=network-node]", "data-key");
    assert!(keys.contains(&"country:North Korea".to_owned()), "{keys:?}");
    // 41 since the world gazetteer found one more entity in the seeds (40 before).
    assert_eq!(keys.len(), 41, "every entity of the seeds");
    // Every node is a link whose target filters on it.
    let hrefs = attr(&root, "[data-testid=network-node]", "href");
    assert!(hrefs.iter().all(|h| h.contains("q=")), "{hrefs:?}");
    assert!(!attr(&root, "[data-testid=network-edge]", "href").is_empty());
    // Its table is in the page for screen readers.
    let table = all(
        &root,
        "[data-testid=network-node-table] tbody tr td:first-child",
    );
    assert_eq!(table.len(), keys.len());
    // Thresholds from the state: fewer nodes; a chosen edge lists paragraphs.
    state.update(|s| {
        s.network_top = Some(5);
        s.network_edge = Some(("person:Kim Jong Un".into(), "country:North Korea".into()));
    });
    tick().await;
    assert!(attr(&root, "[data-testid=network-node]", "data-key").len() <= 6);
    assert_eq!(all(&root, "[data-testid=network-passage]").len(), 4);
    // Filtering on an entity lights it and its neighbours.
    state.update(|s| s.query = "country:Ukraine".into());
    tick().await;
    let chosen = attr(&root, "[data-testid=network-node].chosen", "data-key");
    assert_eq!(chosen, ["country:Ukraine"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_timeline_draws_the_seeds_years_and_a_brush_is_a_pill() {
    let (state, root) = explorer_on(View::Timeline).await;
    assert_eq!(
        attr(&root, "[data-testid=timeline-bar]", "data-key"),
        ["2018", "2019", "2020", "2021"]
    );
    assert!(one(&root, "[data-testid=timeline-note]").starts_with("Publication dates are unknown"));
    // The defector series: 2019 drawn above 2020 (smaller y).
    let points = attr(&root, "[data-testid=timeline-series-line]", "points");
    let ys: Vec<f64> = points[0]
        .split(' ')
        .filter_map(|p| p.split(',').nth(1)?.parse().ok())
        .collect();
    assert!(ys.len() == 2 && ys[0] < ys[1], "{points:?}");
    // The data table is in the page for screen readers.
    let rows = all(&root, "[data-testid=timeline-table] tbody th");
    assert_eq!(rows, ["2018", "2019", "2020"]);
    assert!(all(&root, "[data-testid=timeline-brush]").is_empty());
    // A brushed range (a date: clause) is a pill, marks its bar, and the
    // timeline keeps counting the other years.
    state.update(|s| s.query = "date:2020".into());
    tick().await;
    assert_eq!(
        attr(&root, "[data-testid=filter-pill]", "data-facet"),
        ["date"]
    );
    assert_eq!(all(&root, "[data-testid=timeline-brush]").len(), 1);
    assert_eq!(
        attr(
            &root,
            "[data-testid=timeline-bar][data-brushed=true]",
            "data-key"
        ),
        ["2020"]
    );
    assert_eq!(
        attr(&root, "[data-testid=timeline-bar]", "data-key").len(),
        4
    );
    // A chosen bar lists its passages, the date marked.
    state.update(|s| s.timeline_bar = Some("2019".into()));
    tick().await;
    let marks = all(&root, "[data-testid=timeline-passage] mark");
    assert!(marks.iter().any(|m| m == "2019"), "{marks:?}");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_map_marks_the_selection_places_and_follows_the_state() {
    let (state, root) = explorer_on(View::Map).await;
    let map = root
        .query_selector("[data-testid=map-view]")
        .unwrap()
        .expect("the map view");
    let marker = map
        .query_selector("[data-testid=map-marker][data-place=\"Tumen River\"]")
        .unwrap()
        .expect("a marker for the Tumen River");
    assert_eq!(
        one(&marker, "title"),
        "Tumen River (river, North Korea): 2 mentions in 1 document"
    );
    let href = marker.get_attribute("href").unwrap();
    let next = ViewState::from_fragment(&href);
    assert_eq!(next.query, "place:\"Tumen River\"");
    assert_eq!(next.view, View::Map, "a click filters and stays on the map");
    // Credits stay visible on the map.
    assert!(one(&map, "[data-testid=map-credits]").contains("Natural Earth"));
    assert!(one(&map, "[data-testid=chart-credits]").contains("GeoNames"));
    // The view box comes from the state.
    let before = map
        .query_selector(".map-geo")
        .unwrap()
        .unwrap()
        .get_attribute("transform");
    state.update(|s| s.map_box = Some([-200, -300, 400, 400]));
    tick().await;
    let after = map
        .query_selector(".map-geo")
        .unwrap()
        .unwrap()
        .get_attribute("transform");
    assert_ne!(before, after);
    // Shading replaces province markers by shaded provinces that filter.
    state.update(|s| {
        s.map_box = None;
        s.map_shade = true;
    });
    tick().await;
    assert!(map
        .query_selector("[data-testid=map-region][data-place=\"North Hamgyong\"]")
        .unwrap()
        .is_some());
    assert!(map
        .query_selector("[data-testid=map-marker][data-place=\"North Hamgyong\"]")
        .unwrap()
        .is_none());
    root.remove();
}

/// The column mapping of a table before import: the guesses with the first
/// row's values, a changed select changes the sample and the mapping
/// confirmed; without text or title the import is refused; Cancel says so.
#[wasm_bindgen_test]
async fn mapping_review_shows_guesses_and_confirms_the_changed_mapping() {
    use borderlines_app::components::MappingReview;
    use borderlines_app::import::Review;
    use borderlines_core::formats::preview::{group, preview};
    use borderlines_core::load::ChosenMapping;
    use web_sys::HtmlSelectElement;

    let csv =
        b"title,fulltext,date,medium\nFence extended,Crews added 40 km.,2021-03-04,Border Wire\n";
    let p = preview("news.csv", csv, true).unwrap();
    let review = RwSignal::new(Some(Review {
        groups: group([("news.csv".to_owned(), p)]),
        files: 1,
        unreadable: 0,
    }));
    let confirmed = RwSignal::new(None::<Vec<ChosenMapping>>);
    let cancelled = RwSignal::new(0);
    let root = container();
    std::mem::forget(mount_to(root.clone(), move || {
        view! {
            <MappingReview
                review=review
                on_confirm=Callback::new(move |chosen| confirmed.set(Some(chosen)))
                on_cancel=Callback::new(move |()| cancelled.update(|n| *n += 1))
            />
        }
    }));
    tick().await;
    let select = |field: &str| -> HtmlSelectElement {
        root.query_selector(&format!("[data-testid=mapping-{field}]"))
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    let choose = |field: &str, value: &str| {
        let s = select(field);
        s.set_value(value);
        s.dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    };
    assert_eq!(select("title").value(), "title");
    assert_eq!(select("text").value(), "fulltext");
    assert_eq!(select("source").value(), "");
    assert_eq!(
        one(&root, "[data-testid=mapping-sample-date]"),
        "2021-03-04"
    );
    assert_eq!(one(&root, "[data-testid=mapping-sample-source]"), "");
    choose("source", "medium");
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=mapping-sample-source]"),
        "Border Wire"
    );
    // Neither text nor title: refused, and said why.
    choose("title", "");
    choose("text", "");
    tick().await;
    let import: web_sys::HtmlButtonElement = root
        .query_selector("[data-testid=mapping-import]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(import.disabled());
    assert!(root
        .query_selector("[data-testid=mapping-warning]")
        .unwrap()
        .is_some());
    choose("text", "fulltext");
    tick().await;
    assert!(!import.disabled());
    import.click();
    tick().await;
    let chosen = confirmed.get_untracked().expect("confirmed");
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].columns, ["title", "fulltext", "date", "medium"]);
    assert_eq!(chosen[0].mapping.source.as_deref(), Some("medium"));
    assert_eq!(chosen[0].mapping.title, None);
    assert_eq!(chosen[0].mapping.text.as_deref(), Some("fulltext"));
    let cancel: HtmlElement = root
        .query_selector("[data-testid=mapping-cancel]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    cancel.click();
    assert_eq!(cancelled.get_untracked(), 1);
    review.set(None);
    tick().await;
    assert!(root
        .query_selector("[data-testid=mapping-review]")
        .unwrap()
        .is_none());
    root.remove();
}
