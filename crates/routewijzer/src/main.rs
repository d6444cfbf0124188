//! The `routewijzer` command: check the content, advise on a situation, list the questions,
//! and draw the route.

mod backup;
mod cli;
mod member;
mod text;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
