//! Temporary runner for `fatiao diff` until the lead wires `commands::diff` into the binary:
//! `cargo run --example diff_cli -- OLD NEW [--format html] [--out FILE]`.

use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: fatiao::commands::diff::DiffArgs,
}

fn main() -> std::process::ExitCode {
    match fatiao::commands::diff::run(Cli::parse().args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fatiao diff: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
