//! corroborate reads several news reports of the same event and writes one short, faithful,
//! cited account of it, showing where the sources agree and where they differ.
//!
//! The library is a pipeline of named stages:
//! [`ingest`] -> [`clean`] -> [`segment`] -> [`summarize`] / [`analyze`] -> [`render`],
//! plus [`eval`] (ROUGE and dataset runs) and [`stories`] (grouping a stream into events).
//!
//! ```
//! use corroborate::{Budget, Document, Method, Pipeline};
//!
//! let docs = vec![
//!     Document::from_text("a", "Storm hits coast\n\nA storm hit the coast on Monday. Ten homes were damaged."),
//!     Document::from_text("b", "Coastal storm\n\nThe storm damaged ten homes on Monday. Officials said repairs begin soon."),
//! ];
//! let pipeline = Pipeline::default();
//! let cluster = pipeline.prepare_documents(docs);
//! let summary = pipeline.summarize(&cluster, Method::Lead, Budget::Words(20));
//! assert!(!summary.sentences.is_empty());
//! ```
#![warn(missing_docs)]

pub mod analyze;
pub mod clean;
pub mod document;
pub mod error;
pub mod eval;
pub mod ingest;
pub mod lang;
pub mod pipeline;
pub mod prepared;
pub mod render;
mod rng;
pub mod segment;
pub mod stories;
pub mod summarize;
mod swar;

/// Internals the unpublished lab crate (`crates/corroborate-lab`) reaches; no stability
/// promise, only with the `unstable-internals` feature.
#[cfg(feature = "unstable-internals")]
#[doc(hidden)]
pub mod internals {
    pub use crate::rng::SplitMix64;
}

pub use document::{Cluster, Document, Origin, Reference, Topic};
pub use error::{Error, ErrorKind, Result};
pub use pipeline::Pipeline;
pub use prepared::{PreparedCluster, Sentence};
pub use summarize::{Budget, Method, Summary};
