//! `rollout`: the native headless runner (see `rollout_lab::cli`).

fn main() {
    std::process::exit(rollout_lab::cli::main(std::env::args().collect()));
}
