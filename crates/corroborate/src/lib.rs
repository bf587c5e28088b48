//! corroborate reads several news reports of the same event and writes one short, faithful,
//! cited account of it, showing where the sources agree and where they differ.
//!
//! The library is a pipeline of named stages:
//! [`ingest`] -> [`clean`] -> `segment` -> [`summarize`] / [`analyze`] -> [`render`],
//! plus `eval` (ROUGE and dataset runs; feature `eval`) and `stories` (grouping a stream into
//! events; feature `stories`). [`Corroborate`], configured by one serde [`Config`], runs them.
//!
//! A summary:
//!
//! ```
//! use corroborate::analyze::brief::BriefConfig;
//! use corroborate::render::SummaryFormat;
//! use corroborate::{Budget, Cluster, Config, Corroborate, Document, Method};
//!
//! let docs = vec![
//!     Document::from_text("a", "Storm hits coast\n\nA storm hit the coast on Monday. Ten homes were damaged."),
//!     Document::from_text("b", "Coastal storm\n\nThe storm damaged ten homes on Monday. Officials said repairs begin soon."),
//! ];
//! let config = Config {
//!     brief: BriefConfig { method: Method::Lead, budget: Budget::Words(20), ..BriefConfig::default() },
//!     ..Config::default()
//! };
//! let corroborate = Corroborate::new(config);
//! let cluster = corroborate.prepare(Cluster { id: "storm".into(), docs, ..Cluster::default() });
//! let summary = corroborate.summarize(&cluster);
//! assert!(!summary.sentences.is_empty());
//! let text = corroborate.render_summary(SummaryFormat::Text, &summary, &cluster);
//! assert!(text.ends_with('\n'));
//! ```
//!
//! A brief as JSON, from files (loose articles form one cluster):
//!
//! ```
//! use corroborate::{Config, Corroborate};
//! use corroborate::render::Format;
//!
//! let dir = std::env::temp_dir().join(format!("corroborate-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("a.txt"), "Bridge reopens\n\nThe old bridge in Quillby reopened on Friday after two years of repairs, the council said.")?;
//! std::fs::write(dir.join("b.txt"), "Quillby bridge open again\n\nThe council said the old bridge reopened on Friday. The repairs took two years.")?;
//! let corroborate = Corroborate::new(Config::default());
//! let inputs = corroborate.read(&[dir.display().to_string()]);
//! assert!(inputs.errors.is_empty());
//! let prepared = corroborate.prepare(inputs.clusters.into_iter().next().unwrap());
//! let brief = corroborate.brief(&prepared);
//! let json = corroborate.render(Format::Json, &brief, &prepared);
//! assert!(json.starts_with('{'));
//! std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Stories, kept in a state between runs (feature `stories`):
//!
//! ```
//! # #[cfg(feature = "stories")] {
//! use corroborate::stories::{StoryConfig, StoryStore};
//! use corroborate::Document;
//!
//! let dir = std::env::temp_dir().join(format!("corroborate-doc-state-{}", std::process::id()));
//! let (mut store, mut grouper) = StoryStore::open(&dir, StoryConfig::default()).unwrap();
//! let a = grouper.add(&Document::from_text("a", "Flooding in Quillby forced 300 families from their homes on Monday, officials in Quillby said."));
//! store.commit(&mut grouper).unwrap();
//! drop((store, grouper));
//! // The next run continues the same stories.
//! let (_store, mut grouper) = StoryStore::open(&dir, StoryConfig::default()).unwrap();
//! let b = grouper.add(&Document::from_text("b", "Officials in Quillby said flooding forced 300 families from their homes; rescuers worked through Monday night."));
//! assert_eq!(a.story, b.story);
//! # std::fs::remove_dir_all(&dir).ok();
//! # }
//! ```
#![warn(missing_docs)]

// The README's Rust example compiles and runs as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

/// Declares modules that users do not need: private, or public and doc-hidden with the
/// `unstable-internals` feature (for the lab crate, the fuzzer, benches and tests; no
/// stability promise).
macro_rules! internal_mod {
    ($($(#[$attr:meta])* $name:ident;)*) => {$(
        $(#[$attr])*
        #[cfg(feature = "unstable-internals")]
        #[doc(hidden)]
        pub mod $name;
        $(#[$attr])*
        #[cfg(not(feature = "unstable-internals"))]
        pub(crate) mod $name;
    )*};
}

/// Re-exports items that users do not need: crate-visible, or public and doc-hidden with the
/// `unstable-internals` feature.
macro_rules! internal_use {
    ($($path:tt)*) => {
        #[cfg(feature = "unstable-internals")]
        #[doc(hidden)]
        pub use $($path)*;
        #[cfg(not(feature = "unstable-internals"))]
        #[allow(unused_imports)]
        pub(crate) use $($path)*;
    };
}

pub mod analyze;
pub mod clean;
mod corroborate;
internal_mod! {
    dates;
}
mod document;
mod error;
#[cfg(feature = "eval")]
pub mod eval;
pub mod ingest;
internal_mod! {
    lang;
}
mod pipeline;
mod prepared;
pub mod render;
#[cfg(any(feature = "eval", feature = "stories", feature = "unstable-internals"))]
#[cfg_attr(not(all(feature = "eval", feature = "stories")), allow(dead_code))]
mod rng;
#[cfg(feature = "eval")]
mod rouge_tokens;
internal_mod! {
    segment;
    sparse;
}
#[cfg(feature = "stories")]
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

pub use crate::corroborate::{Config, Corroborate, Inputs};
internal_use!(crate::corroborate::into_clusters);
pub use document::{Cluster, Document, Origin, Reference, Topic};
pub use error::{Error, ErrorKind, Result};
internal_use!(pipeline::Pipeline);
pub use prepared::{PreparedCluster, Sentence};
pub use summarize::{Budget, Method, Summary};
