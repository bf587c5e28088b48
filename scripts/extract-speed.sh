#!/usr/bin/env bash
# Side-by-side extraction speed on one core: corroborate eval-extract and trafilatura, run
# alternately for N rounds on the same pages, each pinned to the same core (taskset), each
# timed in CPU time around extraction only. Prints each round, its ratio, and the medians.
#
#   scripts/extract-speed.sh [-n ROUNDS] [VENV]
#
# VENV (or $TRAF_VENV): a scratch virtualenv with trafilatura 2.3.1, never a project
# dependency. Create it with
#   python3 -m venv /tmp/venv-traf && /tmp/venv-traf/bin/pip install trafilatura==2.3.1 lxml_html_clean
# (jusText imports lxml.html.clean, a separate package since lxml 5.2).
#
# Environment: CORROBORATE (binary, default target/release/corroborate; build it with
# `cargo build --release -p corroborate-cli`), GOLD (default $SHARED_DIR/data/html/gold.jsonl,
# SHARED_DIR default ../shared), CORE (default 0), OUR_PASSES (default 5: the scored pass is a
# warm-up, then the median of 5 timed passes), TRAF_PASSES (default 2: one warm-up pass, then
# the median of 2 timed passes).
#
# What is timed, on both sides: bytes of a page in, its main text out (decoding included),
# the pages already in memory; not reading files, not scoring. Ours: the CPU time of
# `extract_page` (decoding, extraction, line cleaner). Trafilatura: time.process_time around
# `trafilatura.extract(bytes, include_comments=False)`.
set -euo pipefail

rounds=5
if [[ "${1:-}" == "-n" ]]; then
    rounds=$2
    shift 2
fi
venv=${1:-${TRAF_VENV:-}}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=${SHARED_DIR:-$root/../shared}
gold=${GOLD:-$shared/data/html/gold.jsonl}
bin=${CORROBORATE:-$root/target/release/corroborate}
core=${CORE:-0}
our_passes=${OUR_PASSES:-5}
traf_passes=${TRAF_PASSES:-2}

if [[ -z "$venv" || ! -x "$venv/bin/python" ]]; then
    echo "extract-speed: give a virtualenv with trafilatura (argument or TRAF_VENV); create one with" >&2
    echo "  python3 -m venv /tmp/venv-traf && /tmp/venv-traf/bin/pip install trafilatura==2.3.1 lxml_html_clean" >&2
    exit 2
fi
py=$venv/bin/python
if ! "$py" -c 'import trafilatura' 2>/dev/null; then
    echo "extract-speed: $py cannot import trafilatura (see the pip command above)" >&2
    exit 2
fi
[[ -x "$bin" ]] || { echo "extract-speed: no binary $bin (cargo build --release -p corroborate-cli)" >&2; exit 2; }
[[ -f "$gold" ]] || { echo "extract-speed: no gold file $gold (set SHARED_DIR or GOLD)" >&2; exit 2; }
command -v taskset >/dev/null || { echo "extract-speed: taskset not found (util-linux)" >&2; exit 2; }

traf_version=$("$py" -c 'import trafilatura; print(trafilatura.__version__)')
echo "gold: $gold"
echo "ours: $bin eval-extract (passes $our_passes); trafilatura $traf_version (passes $traf_passes); core $core, $rounds rounds"

ours() {
    # Without --passes when 1 (binaries older than the flag time their single pass).
    local passes=()
    ((our_passes > 1)) && passes=(--passes "$our_passes")
    RAYON_NUM_THREADS=1 taskset -c "$core" "$bin" eval-extract "$gold" "${passes[@]}" --json |
        "$py" -c 'import json, sys; print("%.1f" % json.load(sys.stdin)["pages_per_second"])'
}
theirs() {
    taskset -c "$core" "$py" "$here/trafilatura_speed.py" "$gold" --passes "$traf_passes" | cut -d' ' -f1
}

printf '%-6s %12s %16s %7s\n' round "ours pages/s" "trafilatura p/s" ratio
all=()
for ((i = 1; i <= rounds; i++)); do
    # Alternate which side runs first, so that neither always follows the other.
    if ((i % 2)); then
        a=$(ours)
        b=$(theirs)
    else
        b=$(theirs)
        a=$(ours)
    fi
    r=$("$py" -c "print(f'{$a / $b:.1f}')")
    printf '%-6s %12s %16s %6sx\n' "$i" "$a" "$b" "$r"
    all+=("$a:$b")
done
"$py" - "${all[@]}" <<'PY'
import statistics, sys
pairs = [tuple(map(float, x.split(":"))) for x in sys.argv[1:]]
ours = [a for a, _ in pairs]
theirs = [b for _, b in pairs]
ratios = [a / b for a, b in pairs]
print(f"median {statistics.median(ours):12.1f} {statistics.median(theirs):16.1f} "
      f"{statistics.median(ratios):6.1f}x   (ratio per round: min {min(ratios):.1f}x, max {max(ratios):.1f}x)")
PY
