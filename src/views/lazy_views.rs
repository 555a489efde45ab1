//! The views the page does not start with — figures, terms, network,
//! timeline and map — each split into its own wasm module by `cargo xtask
//! dist` and loaded the first time it is opened. Together they are a third
//! of the explorer's code (its wasm was 634 KB gzip, 425 KB when built
//! without them), and nobody sees them before clicking their tab.
//!
//! How: with `--cfg borderlines_split` (set by the xtask for the page only)
//! each view's constructor is a split point of `wasm_split` (what Leptos'
//! `#[lazy]` expands to, written out to add `fallible`: a module that
//! cannot be loaded is an error the tab shows, not a panic that stops the
//! page); the xtask splits the module there, stores each part as a data
//! pack and links them at run time (crates/xtask/src/split.rs). Without it
//! (native tests, `wasm-pack test`) the constructors are plain functions
//! and every view is built at once, as before the split.

#[cfg(borderlines_split)]
use std::cell::Cell;

use borderlines_engine::View;
use leptos::either::EitherOf3;
use leptos::prelude::*;

use super::network::NetworkView;
use super::{FiguresView, MapView, TermsView, TimelineView};

/// Builds a view. The lazy functions return one instead of the view
/// itself, so the view is built in the explorer's reactive tree, as if it
/// had never been split, rather than inside a future.
type Constructor = fn() -> AnyView;

/// What a view's loader gives: its constructor, or in the page the reason
/// its module could not be loaded (a damaged pack in a hand-edited saved
/// page). Without the split nothing can fail.
#[cfg(borderlines_split)]
type Loaded = Result<Constructor, leptos::wasm_split::SplitLoaderError>;
#[cfg(not(borderlines_split))]
type Loaded = Result<Constructor, std::convert::Infallible>;

/// Defines `$name`, which returns the constructor of the view `$view`: in
/// the page an async function that loads its module first (a `wasm_split`
/// split point; `fallible`, so a module that cannot be loaded is an error
/// the tab shows rather than a panic that stops the page), elsewhere a
/// plain one.
macro_rules! view_loader {
    ($name:ident, $view:ident) => {
        #[cfg_attr(
            borderlines_split,
            leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $name() -> Loaded {
            Ok(|| view! { <$view/> }.into_any())
        }
    };
}

view_loader!(figures_view, FiguresView);
view_loader!(terms_view, TermsView);
view_loader!(network_view, NetworkView);
view_loader!(timeline_view, TimelineView);
view_loader!(map_view, MapView);

#[cfg(borderlines_split)]
thread_local! {
    /// The constructors loaded so far, by [`slot`]: a view opened again is
    /// built at once, with no "Loading…" in between.
    static LOADED: [Cell<Option<Constructor>>; 5] = const { [const { Cell::new(None) }; 5] };
}

/// Where a lazy view's constructor is kept (`None`: the documents view,
/// which is not lazy).
#[cfg(borderlines_split)]
fn slot(view: View) -> Option<usize> {
    match view {
        View::Documents => None,
        View::Figures => Some(0),
        View::Terms => Some(1),
        View::Network => Some(2),
        View::Timeline => Some(3),
        View::Map => Some(4),
    }
}

/// Loads the code of `view` and returns its constructor (`None`: the
/// documents view, which is not lazy).
#[cfg(borderlines_split)]
async fn load(view: View) -> Option<Loaded> {
    Some(match view {
        View::Documents => return None,
        View::Figures => figures_view().await,
        View::Terms => terms_view().await,
        View::Network => network_view().await,
        View::Timeline => timeline_view().await,
        View::Map => map_view().await,
    })
}

/// The constructor of `view`. Not split: the code is all there, and every
/// view is built at once.
#[cfg(not(borderlines_split))]
fn loaded(view: View) -> Option<Constructor> {
    let loaded = match view {
        View::Documents => return None,
        View::Figures => figures_view(),
        View::Terms => terms_view(),
        View::Network => network_view(),
        View::Timeline => timeline_view(),
        View::Map => map_view(),
    };
    let Ok(constructor) = loaded;
    Some(constructor)
}

/// The constructor of `view`, if its code is already loaded.
#[cfg(borderlines_split)]
fn loaded(view: View) -> Option<Constructor> {
    slot(view).and_then(|i| LOADED.with(|l| l[i].get()))
}

/// Where a lazy view stands.
#[derive(Clone, Copy)]
enum Stage {
    Loading,
    Ready(Constructor),
    /// Only in the page: unsplit, the code cannot be missing.
    #[cfg_attr(not(borderlines_split), allow(dead_code))]
    Failed,
}

/// The view `view`, built as soon as its code is loaded ("Loading the
/// view…" until then: a moment, the module is in the page, inflated and
/// compiled on first use). If its module cannot be loaded, the tab says so
/// and the rest of the page goes on; opening the tab again tries again.
/// Hooks: `view-loading`, `view-failed`.
#[component]
pub fn LazyView(
    /// Which view to show (not the documents view, which is not lazy).
    view: View,
) -> impl IntoView {
    let stage = RwSignal::new(loaded(view).map_or(Stage::Loading, Stage::Ready));
    #[cfg(borderlines_split)]
    if matches!(stage.get_untracked(), Stage::Loading) {
        leptos::task::spawn_local(async move {
            let next = match (slot(view), load(view).await) {
                (Some(i), Some(Ok(c))) => {
                    LOADED.with(|l| l[i].set(Some(c)));
                    Stage::Ready(c)
                }
                _ => Stage::Failed,
            };
            // The user may have left the tab meanwhile.
            let _ = stage.try_set(next);
        });
    }
    move || match stage.get() {
        Stage::Ready(build) => EitherOf3::A(build()),
        Stage::Loading => EitherOf3::B(view! {
            <p class="view-loading" data-testid="view-loading">"Loading the view…"</p>
        }),
        Stage::Failed => EitherOf3::C(view! {
            <p class="empty-state view-failed" data-testid="view-failed" role="alert">
                "This view could not be loaded: its code in this page is damaged or missing. "
                "The documents view works as before; a fresh copy of the page has this one whole."
            </p>
        }),
    }
}
