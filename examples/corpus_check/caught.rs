//! Runs an extraction so that a panic in it becomes a counted failure with its message and
//! place, instead of ending the whole check: one bad file must not hide the figures of 5,000.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static INSIDE: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic comes back as `Err("<message> at <file:line>")`. Panics elsewhere (in the
/// check itself) still go to the default hook and print as usual.
pub fn caught<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if INSIDE.with(Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let msg = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_string());
                LAST.with(|l| *l.borrow_mut() = Some(format!("{msg}{place}")));
            } else {
                default(info);
            }
        }));
    });
    INSIDE.with(|i| i.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    INSIDE.with(|i| i.set(false));
    result.map_err(|_| {
        LAST.with(|l| l.borrow_mut().take())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message_and_place() {
        let err = caught(|| -> u32 { panic!("index out of range") }).unwrap_err();
        assert!(err.starts_with("index out of range at "), "{err}");
        assert!(err.contains("caught.rs"), "{err}");
    }

    #[test]
    fn a_normal_return_passes_through() {
        assert_eq!(caught(|| 7), Ok(7));
    }
}
