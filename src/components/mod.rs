//! The UI components, one public component per file.

mod add_documents;
mod app;
mod corpus_switch;
mod drop_zone;
mod explorer;
mod export_link;
mod export_menu;
mod highlighted;
mod link_notes;
mod load_status;
mod mapping_review;
mod query_help;
mod query_status;
mod reader;
mod result_item;
mod result_list;
mod search_box;
mod share_button;
mod show_more;
mod theme_toggle;
mod why_matched;

pub use add_documents::AddDocuments;
pub use app::App;
pub use corpus_switch::CorpusSwitch;
pub use drop_zone::DropZone;
pub use explorer::Explorer;
pub use export_link::ExportLink;
pub use export_menu::ExportMenu;
pub use highlighted::Highlighted;
pub use link_notes::LinkNotes;
pub use load_status::{LoadOutcome, LoadStatus};
pub use mapping_review::MappingReview;
pub use query_help::QueryHelp;
pub use query_status::QueryStatus;
pub use reader::Reader;
pub use result_item::ResultItem;
pub use result_list::ResultList;
pub use search_box::{SearchBox, SEARCH_INPUT_ID};
pub use share_button::ShareButton;
pub use show_more::ShowMore;
pub use theme_toggle::ThemeToggle;
pub use why_matched::WhyMatched;

pub(crate) use borderlines_core::text::thousands as format_thousands;

/// "1 document", "3 documents".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        format_thousands(n as u64),
        if n == 1 { one } else { many }
    )
}
