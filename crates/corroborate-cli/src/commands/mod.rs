//! One module per subcommand.

pub mod clean;
pub mod split;
pub mod summarize;
