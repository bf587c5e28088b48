//! Research equipment of corroborate, kept out of the published library: the synthetic
//! article stream for scale measurements ([`stream_gen`]), the cross-validation of the story
//! grouper across labelled streams ([`stories_cv`], binary `stories_cv`) and, as examples of this crate,
//! the tuning replica of the story grouper (`stories_replica`), a one-file grouping scorer
//! (`stories_eval`) and the stream generator's command line (`stream_gen`):
//!
//! ```text
//! cargo run --release -p corroborate-lab --example stream_gen -- --articles 10000 --bench \
//!     ../shared/data/stories/*.jsonl
//! SHARED_DIR=../shared cargo run --release -p corroborate-lab --bin stories_cv
//! ```
//!
//! Nothing here is a stable API; it reaches internals of the library through its
//! `unstable-internals` feature.
#![warn(missing_docs)]

pub mod stories_cv;
pub mod stream_gen;
