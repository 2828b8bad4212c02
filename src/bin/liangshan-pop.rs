//! The command line: the plan audit, charts and data, projections, for
//! people and CI. `liangshan-pop --help` lists the commands; each has its
//! own flags and `--help`.
//!
//! Native only: `cargo test --target wasm32-unknown-unknown` compiles the
//! crate's binaries too, where this is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
