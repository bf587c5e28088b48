//! Analyze: support across sources, quotes, numbers and disagreements, entities, timeline.
