//! The URL fragment: any link parses, and the state read from it writes a
//! link that reads back as the same state, with nothing left to note.
#![no_main]
use borderlines_engine::view_state::ViewState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    let parsed = ViewState::parse_fragment(&fragment);
    let link = parsed.state.to_fragment();
    let back = ViewState::parse_fragment(&link);
    assert_eq!(
        back.state, parsed.state,
        "{fragment:?} was written as {link:?}"
    );
    assert!(back.notes.is_empty(), "{link:?}: {:?}", back.notes);
    assert_eq!(back.state.to_fragment(), link);
});
