#!/usr/bin/env python3
"""Build a small mixed-language story stream from the extraction gold (research data: the
output goes to /tmp, never into the repository).

Every article page of $SHARED_DIR/data/html/gold.jsonl with at least 120 words whose
language is not English, and the first 40 English ones, are cut into pieces of 100 words
(at most 4 per page); each piece is an article whose gold story is "LANG:PAGE". Pages are
interleaved piece by piece (round robin), so the grouper sees every story grow side by
side. `crates/corroborate/tests/stories.rs` (`a_mixed_language_stream_keeps_languages_apart`)
builds the same stream in Rust.

    SHARED_DIR=../shared python3 scripts/mixed_language_stream.py > /tmp/mixed-language.jsonl
    corroborate eval-stories /tmp/mixed-language.jsonl
"""

import json
import os
import sys

MIN_WORDS = 120
PIECE = 100
MAX_PIECES = 4
ENGLISH_PAGES = 40


def main() -> None:
    shared = os.environ.get("SHARED_DIR", "../shared")
    pages = []
    english = 0
    with open(os.path.join(shared, "data/html/gold.jsonl"), encoding="utf-8") as f:
        for line in f:
            v = json.loads(line)
            lang, words = v.get("lang"), v.get("text", "").split()
            if v.get("page_type") != "article" or len(words) < MIN_WORDS or not lang:
                continue
            if lang == "en":
                if english >= ENGLISH_PAGES:
                    continue
                english += 1
            pieces = [words[i : i + PIECE] for i in range(0, len(words), PIECE)]
            pieces = [p for p in pieces if len(p) >= PIECE // 2][:MAX_PIECES]
            pages.append((v["id"], lang, pieces))
    for k in range(MAX_PIECES):
        for pid, lang, pieces in pages:
            if k < len(pieces):
                row = {"doc_id": f"{pid}#{k}", "gold": f"{lang}:{pid}", "text": " ".join(pieces[k])}
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
