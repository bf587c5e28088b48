#!/usr/bin/env bash
# The library's public surface, to compare between rounds: `pub` items (fn, struct, enum,
# trait, type, const, static, mod, use; pub(crate) and pub(super) not counted), the same
# with public fields, and public modules, by a plain scan of crates/corroborate/src.
# Usage: scripts/count-pub.sh [REPO_ROOT]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}/crates/corroborate/src"
echo "pub items: $(grep -rhE '^\s*pub (fn|struct|enum|trait|type|const|static|mod|use|unsafe fn|async fn) ' --include=*.rs . | wc -l)"
echo "pub items and fields: $(grep -rhE '^\s*pub [a-z_]' --include=*.rs . | wc -l)"
echo "public modules: $(grep -rhE '^\s*pub mod ' --include=*.rs . | wc -l)"
