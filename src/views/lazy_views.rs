//! The views the page does not start with — figures, terms, network,
//! timeline and map — each split into its own wasm module by `cargo xtask
//! dist` and loaded the first time it is opened. Together they are a third
//! of the explorer's code (its wasm was 634 KB gzip, 425 KB when built
//! without them), and nobody sees them before clicking their tab.
//!
//! How: with `--cfg borderlines_split` (set by the xtask for the page only)
//! each view's constructor is a Leptos `#[lazy]` function, a split point of
//! `wasm_split`; the xtask splits the module there, stores each part as a
//! data pack and links them at run time (crates/xtask/src/split.rs). Without
//! it (native tests, `wasm-pack test`) the constructors are plain functions
//! and every view is built at once, as before the split.

#[cfg(borderlines_split)]
use std::cell::Cell;

use borderlines_engine::View;
use leptos::either::Either;
use leptos::prelude::*;

use super::network::NetworkView;
use super::{FiguresView, MapView, TermsView, TimelineView};

/// Builds a view. The lazy functions return one instead of the view
/// itself, so the view is built in the explorer's reactive tree, as if it
/// had never been split, rather than inside a future.
type Constructor = fn() -> AnyView;

/// Defines `$name`, which returns the constructor of the view `$view`: in
/// the page an async function that loads its module first (`#[lazy]`),
/// elsewhere a plain one.
macro_rules! view_loader {
    ($name:ident, $view:ident) => {
        #[cfg_attr(borderlines_split, lazy)]
        fn $name() -> Constructor {
            || view! { <$view/> }.into_any()
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

/// Loads the code of `view` and returns its constructor.
#[cfg(borderlines_split)]
async fn load(view: View) -> Option<Constructor> {
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
    match view {
        View::Documents => None,
        View::Figures => Some(figures_view()),
        View::Terms => Some(terms_view()),
        View::Network => Some(network_view()),
        View::Timeline => Some(timeline_view()),
        View::Map => Some(map_view()),
    }
}

/// The constructor of `view`, if its code is already loaded.
#[cfg(borderlines_split)]
fn loaded(view: View) -> Option<Constructor> {
    slot(view).and_then(|i| LOADED.with(|l| l[i].get()))
}

/// The view `view`, built as soon as its code is loaded ("Loading the
/// view…" until then: a moment, the module is in the page, inflated and
/// compiled on first use). Hook: `view-loading`.
#[component]
pub fn LazyView(
    /// Which view to show (not the documents view, which is not lazy).
    view: View,
) -> impl IntoView {
    let known = loaded(view);
    let constructor = RwSignal::new(known);
    #[cfg(borderlines_split)]
    if known.is_none() {
        leptos::task::spawn_local(async move {
            if let (Some(i), Some(c)) = (slot(view), load(view).await) {
                LOADED.with(|l| l[i].set(Some(c)));
                // The user may have left the tab meanwhile.
                let _ = constructor.try_set(Some(c));
            }
        });
    }
    move || match constructor.get() {
        Some(build) => Either::Left(build()),
        None => Either::Right(view! {
            <p class="view-loading" data-testid="view-loading">"Loading the view…"</p>
        }),
    }
}
