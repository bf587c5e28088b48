#!/usr/bin/env python3
"""Trafilatura's side of scripts/extract-speed.sh: pages/s of CPU time on the pages of a gold file.

Each page's bytes are read first; the clock (time.process_time) runs only around
trafilatura.extract(bytes, include_comments=False), which decodes the bytes itself as
`corroborate eval-extract` does. With --passes N > 1 one untimed warm-up pass comes first and
the median of N timed passes is printed; with 1 the single pass is timed.

    python trafilatura_speed.py GOLD.jsonl [--passes N]

Prints one line: pages/s of the median pass, then each pass's pages/s.
"""
import argparse
import json
import logging
import os
import statistics
import time

import trafilatura


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--passes", type=int, default=1)
    a = ap.parse_args()
    logging.disable(logging.CRITICAL)
    base = os.path.dirname(a.gold)
    pages = []
    with open(a.gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                path = os.path.join(base, row.get("file") or row["id"] + ".html")
                with open(path, "rb") as page:
                    pages.append(page.read())

    def one_pass():
        seconds = 0.0
        for html in pages:
            start = time.process_time()
            trafilatura.extract(html, include_comments=False)
            seconds += time.process_time() - start
        return seconds

    if a.passes > 1:
        one_pass()
    rates = [len(pages) / s for s in (one_pass() for _ in range(max(a.passes, 1)))]
    print(f"{statistics.median(rates):.1f} " + " ".join(f"{r:.1f}" for r in rates))


if __name__ == "__main__":
    main()
