//! The `rolo` binary: parse the command line, run, print the error, exit.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
