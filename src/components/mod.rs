//! The UI components, one public component per file.

mod app;
mod explorer;
mod highlighted;
mod reader;
mod result_item;
mod result_list;
mod search_box;

pub use app::App;
pub use explorer::Explorer;
pub use highlighted::Highlighted;
pub use reader::Reader;
pub use result_item::ResultItem;
pub use result_list::ResultList;
pub use search_box::SearchBox;
