//! The subcommands of the `fatiao` binary that live in the library, so that they can be tested
//! and reused; `main.rs` only parses the command line and dispatches.

pub mod diff;
