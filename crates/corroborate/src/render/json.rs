//! JSON: the brief as one object (format described in `docs/brief-json.md`).

use crate::analyze::brief::Brief;

/// Render the brief as JSON: indented when `pretty`, else on one line (for JSON Lines output
/// of several clusters).
pub fn render(brief: &Brief, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(brief)
    } else {
        serde_json::to_string(brief)
    };
    // Serializing plain structs of strings and numbers cannot fail; a non-finite number is
    // written as null by serde_json.
    result.expect("a brief always serializes")
}
