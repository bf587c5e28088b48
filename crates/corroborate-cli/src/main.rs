//! The `corroborate` command: parses arguments, wires the library, reports errors.
//!
//! Exit codes (docs/exit-codes.md): 0 success (also when the reader of the output goes away:
//! a broken pipe); 1 an error stopped the command (no usable input, damaged state, unwritable
//! output); 2 bad command-line usage; 3 the command ran but some inputs (or lines of them)
//! were skipped, each one named on stderr; 4 the inputs were read but there is nothing to
//! print (no sentence, no summary), the reason on stderr.

mod commands;
mod empty_output;
mod inputs;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// mimalloc: preparing and summarizing allocate many small vectors and strings; with the
// system allocator malloc/free were ~7% of the instructions of `eval --method default`
// (callgrind over multinews-sample100: 464M -> 432M), outputs unchanged.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status of a command that ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was processed.
    Success,
    /// Output was produced, but some inputs were skipped.
    Partial,
    /// Nothing to print; the reason is already on stderr.
    NoOutput,
}

#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    about = "Read several news reports of one event; write one short, cited account of it.",
    after_help = "Exit codes: 0 success, 1 error, 2 usage error, 3 some inputs skipped, 4 nothing to print (reason on stderr).\n\nExample:\n  corroborate brief examples/harbor-fire/"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Brief(commands::brief::Args),
    Analyze(commands::analyze::Args),
    Clean(commands::clean::Args),
    Split(commands::split::Args),
    Summarize(commands::summarize::Args),
    Eval(commands::eval::Args),
    Stories(commands::stories::Args),
    EvalStories(commands::eval_stories::Args),
    EvalAnalysis(commands::eval_analysis::Args),
    EvalExtract(commands::eval_extract::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Brief(args) => commands::brief::run(args),
        Command::Analyze(args) => commands::analyze::run(args),
        Command::Clean(args) => commands::clean::run(args),
        Command::Split(args) => commands::split::run(args),
        Command::Summarize(args) => commands::summarize::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Stories(args) => commands::stories::run(args),
        Command::EvalStories(args) => commands::eval_stories::run(args),
        Command::EvalAnalysis(args) => commands::eval_analysis::run(args),
        Command::EvalExtract(args) => commands::eval_extract::run(args),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(3),
        Ok(Outcome::NoOutput) => ExitCode::from(4),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("corroborate: error: {}", chain(&err));
            ExitCode::from(1)
        }
    }
}

/// The error and its causes, joined by ": " as anyhow's `{:#}` does, but a cause whose text
/// already ends the message (the library's errors quote their I/O cause) is not repeated.
fn chain(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.ends_with(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            // serde_json's writer errors keep the I/O error's kind but not the error itself.
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
