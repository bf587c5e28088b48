//! One module per subcommand.

pub mod brief;
pub mod clean;
pub mod split;
pub mod summarize;
