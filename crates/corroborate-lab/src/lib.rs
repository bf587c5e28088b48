//! Research equipment of corroborate, kept out of the published library: the synthetic
//! article stream for scale measurements ([`stream_gen`]) and, as examples of this crate,
//! the tuning replica of the story grouper (`stories_replica`), a one-file grouping scorer
//! (`stories_eval`) and the stream generator's command line (`stream_gen`):
//!
//! ```text
//! cargo run --release -p corroborate-lab --example stream_gen -- --articles 10000 --bench \
//!     ../shared/data/stories/*.jsonl
//! ```
//!
//! Nothing here is a stable API; it reaches internals of the library through its
//! `unstable-internals` feature.
#![warn(missing_docs)]

pub mod stream_gen;
