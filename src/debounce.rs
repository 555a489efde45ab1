//! Running an action once changes pause: the URL is rewritten, and the
//! reader follows the selection, when typing stops rather than on every
//! keystroke.

use std::time::Duration;

use leptos::prelude::*;

/// Runs the last scheduled action `delay` after the last call to
/// [`Debounce::schedule`]; earlier pending actions are dropped.
#[derive(Clone, Copy)]
pub struct Debounce {
    pending: StoredValue<Option<TimeoutHandle>>,
    delay: Duration,
}

impl Debounce {
    /// A debouncer waiting `delay_ms` milliseconds of quiet.
    pub fn new(delay_ms: u64) -> Self {
        Self {
            pending: StoredValue::new(None),
            delay: Duration::from_millis(delay_ms),
        }
    }

    /// Drops the pending action, if any.
    pub fn cancel(&self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
            self.pending.set_value(None);
        }
    }

    /// Drops the pending action, if any, and schedules `action`.
    pub fn schedule(&self, action: impl FnOnce() + 'static) {
        self.cancel();
        let pending = self.pending;
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                action();
            },
            self.delay,
        )
        .ok();
        self.pending.set_value(handle);
    }
}
