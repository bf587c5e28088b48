#!/usr/bin/env bash
# The library's public surface as a user sees it: the item pages rustdoc publishes for
# crates/corroborate (doc-hidden items and private modules publish none; the redirect pages
# rustdoc leaves at an item's private path are not counted), by kind, plus the public methods
# and fields documented on those pages. Builds the docs first unless
# NO_BUILD=1. Features: all by default (the widest surface); set FEATURES to choose.
# Usage: scripts/count-api.sh [REPO_ROOT]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
if [ "${NO_BUILD:-0}" != 1 ]; then
    if [ -n "${FEATURES:-}" ]; then
        cargo doc --quiet --no-deps -p corroborate --no-default-features --features "$FEATURES"
    else
        cargo doc --quiet --no-deps -p corroborate --all-features
    fi
fi
doc="${CARGO_TARGET_DIR:-target}/doc/corroborate"
total=0
for kind in mod struct enum trait type fn constant static macro; do
    if [ "$kind" = mod ]; then
        # One index.html per public module, the crate root included.
        n=$(find "$doc" -name index.html | wc -l)
    else
        n=$(find "$doc" -name "$kind.*.html" -exec grep -L 'http-equiv="refresh"' {} + | wc -l || true)
    fi
    total=$((total + n))
    printf '%-9s %5d\n' "$kind" "$n"
done
printf '%-9s %5d\n' items "$total"
# Methods of inherent impls (the text between `implementations-list` and the trait
# implementations) and of public traits; trait impls (Clone, Debug ...) are not counted.
methods=0
fields=0
variants=0
while IFS= read -r -d '' f; do
    inherent=$(sed -e 's/id="trait-implementations"/\n&/' -e 's/id="implementations-list"/\n&/' "$f" \
        | awk '/^id="implementations-list"/{on=1} /^id="trait-implementations"/{on=0} on' \
        | grep -o 'id="method\.[A-Za-z0-9_]*"' | wc -l || true)
    case "$f" in */trait.*) inherent=$(grep -o 'id="tymethod\.[A-Za-z0-9_]*"\|id="method\.[A-Za-z0-9_]*"' "$f" | sort -u | wc -l) ;; esac
    methods=$((methods + inherent))
    fields=$((fields + $(grep -o 'id="structfield\.[A-Za-z0-9_]*"' "$f" | wc -l || true)))
    variants=$((variants + $(grep -o 'id="variant\.[A-Za-z0-9_]*"' "$f" | wc -l || true)))
done < <(find "$doc" \( -name 'struct.*.html' -o -name 'enum.*.html' -o -name 'trait.*.html' \) \
    -exec grep -L --null 'http-equiv="refresh"' {} + || true)
printf '%-9s %5d\n' methods "$methods" fields "$fields" variants "$variants"
