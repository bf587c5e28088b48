//! One module per subcommand.

pub mod analyze;
pub mod brief;
pub mod clean;
pub mod eval;
pub mod eval_analysis;
pub mod eval_extract;
pub mod eval_stories;
pub mod split;
pub mod stories;
pub mod summarize;
