//! One module per subcommand.

pub mod brief;
pub mod clean;
pub mod eval;
pub mod split;
pub mod summarize;
