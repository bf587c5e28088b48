//! Eval: ROUGE compatible with the reference scorers, dataset runs and speed reports.
