//! The terms view's English reference (the Brown list,
//! `borderlines_engine::reference`) as the page carries it: a data pack
//! (`borderlines-pack-reference`, the TSV gzip-compressed), read and
//! installed the first time the terms view opens instead of compiled into
//! the wasm every visit pays for.

use borderlines_engine::reference::{brown, install_brown};

/// The data pack holding the compressed list (see `crates/xtask/src/page.rs`).
pub const PACK_ID: &str = "borderlines-pack-reference";

/// Installs the list from the page's pack, unless it is there already.
pub async fn install() -> Result<(), String> {
    if brown().is_some() {
        return Ok(());
    }
    let bytes = crate::data_packs::inflated(PACK_ID).await?;
    let text = String::from_utf8(bytes)
        .map_err(|_| "the English reference list is not UTF-8 text".to_owned())?;
    install_brown(&text);
    Ok(())
}
