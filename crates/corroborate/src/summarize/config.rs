//! Summarizer settings as data: one serde struct the CLI, a server and the evaluation share.

use super::{Budget, Method, Summary};
use crate::prepared::PreparedCluster;
use serde::{Deserialize, Serialize};

/// Which method, under which budget.
///
/// ```
/// use corroborate::summarize::SummarizerConfig;
/// let config: SummarizerConfig =
///     serde_json::from_str(r#"{"method": "lexrank", "budget": {"unit": "words", "limit": 100}}"#)
///         .expect("valid config");
/// assert_eq!(config.method.name(), "lexrank");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
pub struct SummarizerConfig {
    /// The method.
    pub method: Method,
    /// The length limit.
    pub budget: Budget,
}

#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
impl SummarizerConfig {
    /// Summarize a prepared cluster with these settings.
    pub fn summarize(&self, cluster: &PreparedCluster) -> Summary {
        self.method.summarize(cluster, self.budget)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_method_and_budget_round_trips_through_json() {
        for &method in Method::ALL {
            for budget in [Budget::Words(250), Budget::Sentences(8)] {
                let config = SummarizerConfig { method, budget };
                let json = serde_json::to_string(&config).expect("serializable");
                let back: SummarizerConfig = serde_json::from_str(&json).expect("parses back");
                assert_eq!(back, config, "{json}");
            }
        }
    }

    #[test]
    fn json_uses_method_names_and_defaults_fill_gaps() {
        let json = serde_json::to_value(SummarizerConfig {
            method: Method::SumBasic,
            budget: Budget::Words(100),
        })
        .expect("serializable");
        assert_eq!(
            json,
            serde_json::json!({"method": "sumbasic", "budget": {"unit": "words", "limit": 100}})
        );
        let empty: SummarizerConfig = serde_json::from_str("{}").expect("defaults");
        assert_eq!(empty, SummarizerConfig::default());
        assert_eq!(empty.method, Method::SupportCoverage);
        assert_eq!(empty.budget, Budget::Words(250));
        assert!(serde_json::from_str::<SummarizerConfig>(r#"{"method": "nope"}"#).is_err());
    }

    #[test]
    fn serde_names_match_method_names() {
        for &method in Method::ALL {
            let json = serde_json::to_string(&method).expect("serializable");
            assert_eq!(json, format!("\"{}\"", method.name()));
        }
    }
}
