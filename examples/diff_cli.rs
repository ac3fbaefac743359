//! Temporary runner for `fatiao diff` until the lead wires `commands::diff` into the binary:
//! `cargo run --example diff_cli -- OLD NEW [--format html] [--out FILE]`.

#[path = "../src/commands/diff.rs"]
mod command;

use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: command::DiffArgs,
}

fn main() -> std::process::ExitCode {
    match command::run(Cli::parse().args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fatiao diff: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
