//! Entry point: mounts the explorer. Everything else lives in the library crate.
fn main() {
    restaking_explorer::start();
}
