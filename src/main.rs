//! Entry point of the wasm binary: mounts the explorer on the page.

fn main() {
    borderlines_app::start();
}
