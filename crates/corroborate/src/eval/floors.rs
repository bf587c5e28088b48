//! Score floors: the minimum mean F1 each method must keep on a dataset (the CI gate).
//!
//! ```json
//! {
//!   "dataset": "data/summarization/multinews-sample100.jsonl",
//!   "words": 250,
//!   "scorer": "rouge-score",
//!   "methods": { "lead": { "rouge1": 0.42, "rouge2": 0.12 } }
//! }
//! ```
//! `dataset` is relative to the shared data directory; floors are mean F1 values in `[0, 1]`.

use super::run::Report;
use super::scorer::ScorerKind;
use super::scores::Variant;
use crate::error::{Error, ErrorKind, Result};
use crate::summarize::Method;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A floors file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floors {
    /// Dataset path, relative to the shared data directory.
    pub dataset: String,
    /// Word budget of the run.
    pub words: usize,
    /// Scorer of the run.
    pub scorer: ScorerKind,
    /// Method name -> variant name -> minimum mean F1.
    pub methods: BTreeMap<String, BTreeMap<String, f64>>,
}

/// A method below one of its floors.
#[derive(Debug, Clone, PartialEq)]
pub struct FloorViolation {
    /// Method name.
    pub method: String,
    /// Variant name.
    pub variant: String,
    /// The floor.
    pub floor: f64,
    /// The measured mean F1, if the method and variant were measured.
    pub measured: Option<f64>,
}

impl std::fmt::Display for FloorViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.measured {
            Some(m) => write!(
                f,
                "{} {} F1 {:.4} is below the floor {:.4}",
                self.method, self.variant, m, self.floor
            ),
            None => write!(
                f,
                "{} {} was not measured (floor {:.4})",
                self.method, self.variant, self.floor
            ),
        }
    }
}

impl Floors {
    /// Parse a floors file; `name` names it in errors. Unknown methods or variants and floors
    /// outside `[0, 1]` are errors.
    pub fn parse(name: &str, text: &str) -> Result<Floors> {
        let floors: Floors = serde_json::from_str(text)
            .map_err(|e| Error::new(ErrorKind::Malformed, name, format!("bad floors file: {e}")))?;
        for (method, variants) in &floors.methods {
            if Method::from_name(method).is_none() {
                return Err(Error::new(
                    ErrorKind::Config,
                    name,
                    format!("unknown method {method:?}"),
                ));
            }
            for (variant, floor) in variants {
                if Variant::from_name(variant).is_none() {
                    return Err(Error::new(
                        ErrorKind::Config,
                        name,
                        format!("unknown ROUGE variant {variant:?} for {method}"),
                    ));
                }
                if !(0.0..=1.0).contains(floor) {
                    return Err(Error::new(
                        ErrorKind::Config,
                        name,
                        format!("floor {floor} for {method} {variant} is outside [0, 1]"),
                    ));
                }
            }
        }
        Ok(floors)
    }

    /// Read and parse a floors file.
    pub fn read(path: &std::path::Path) -> Result<Floors> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::new(ErrorKind::Io, name.as_str(), format!("cannot read: {e}")))?;
        Floors::parse(&name, &text)
    }

    /// The methods with floors, in [`Method::ALL`] order.
    pub fn methods(&self) -> Vec<Method> {
        Method::ALL
            .iter()
            .copied()
            .filter(|m| self.methods.contains_key(m.name()))
            .collect()
    }

    /// Every floor `report` falls below (empty when the gate passes).
    pub fn check(&self, report: &Report) -> Vec<FloorViolation> {
        let mut out = Vec::new();
        for (method, variants) in &self.methods {
            let measured = report.methods.iter().find(|m| m.method.name() == method);
            for (variant, &floor) in variants {
                let value = measured.and_then(|m| {
                    Variant::from_name(variant)
                        .and_then(|v| m.scores.get(v))
                        .map(|prf| prf.f)
                });
                if value.is_none_or(|v| v < floor) {
                    out.push(FloorViolation {
                        method: method.clone(),
                        variant: variant.clone(),
                        floor,
                        measured: value,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOORS: &str = r#"{"dataset": "d.jsonl", "words": 250, "scorer": "rouge-score",
        "methods": {"lead": {"rouge1": 0.42, "rouge2": 0.12}}}"#;

    #[test]
    fn parses_and_lists_methods() {
        let floors = Floors::parse("floors.json", FLOORS).expect("valid");
        assert_eq!(floors.words, 250);
        assert_eq!(floors.scorer, ScorerKind::RougeScore);
        assert_eq!(floors.methods(), vec![Method::Lead]);
    }

    #[test]
    fn rejects_unknown_names_and_bad_values() {
        for bad in [
            FLOORS.replace("\"lead\"", "\"nope\""),
            FLOORS.replace("rouge2", "rouge7"),
            FLOORS.replace("0.42", "42"),
            FLOORS.replace("250", "\"x\""),
        ] {
            assert!(Floors::parse("f", &bad).is_err(), "{bad}");
        }
    }
}
