#!/usr/bin/env python3
"""Write the compact WordNet relatives table of corroborate (crates/corroborate/data/wordnet-en.txt).

Input: the WordNet 3.0 database files (index.* and data.* of Debian's `wordnet-base`), e.g.

    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb /tmp/wn
    python3 scripts/wordnet-table.py /tmp/wn/usr/share/wordnet \
        crates/corroborate/data/wordfreq-en.txt 30000 2 > crates/corroborate/data/wordnet-en.txt

Arguments: WordNet directory, word list, N, SENSES (default 2). For the base forms (WordNet's
morphy: exception lists and suffix rules) of the N most frequent words of the word list, the
table gives, in three tab-separated columns after the word:

1. synonyms: the other lemmas of the word's first SENSES senses (WordNet orders a word's
   senses by their frequency in its tagged corpus), every part of speech;
2. derivationally related forms: the targets of the `+` pointers from the word in those same
   senses ("nominate" -> "nomination");
3. hypernyms: the lemmas of the direct hypernyms of the word's first noun sense only.

A relative is kept only when it is one lowercase alphabetic word that is in the word list or
the base form of one (rare, capitalised or multi-word lemmas are left out). With N = 30000 and
SENSES = 2: 15,945 lines, 552 kB. Nothing here comes from any evaluation data. The table is
not in the tree at present: its use in support was measured and not kept (docs/notes/support.md,
sixth step; commit a611999 has the table, its licence notice and the Rust reader).
"""

import sys

SENSES = 2
POS = ("noun", "verb", "adj", "adv")


def read_index(path):
    """lemma -> list of synset offsets, most frequent sense first."""
    senses = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma = fields[0]
            p_cnt = int(fields[3])
            rest = fields[4 + p_cnt :]
            # sense_cnt, tagsense_cnt, then the offsets.
            senses[lemma] = rest[2:]
    return senses


def read_data(path):
    """offset -> (lemmas, pointers as (symbol, offset, pos, source, target))."""
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset = fields[0]
            w_cnt = int(fields[3], 16)
            lemmas = []
            for k in range(w_cnt):
                word = fields[4 + 2 * k]
                # Adjective markers: "big(a)".
                lemmas.append(word.split("(")[0])
            at = 4 + 2 * w_cnt
            p_cnt = int(fields[at])
            pointers = []
            for k in range(p_cnt):
                sym, off, pos, st = fields[at + 1 + 4 * k : at + 5 + 4 * k]
                pointers.append((sym, off, pos, int(st[:2], 16), int(st[2:], 16)))
            synsets[offset] = (lemmas, pointers)
    return synsets


# WordNet's own detachment rules (morphy), by part of speech.
SUFFIXES = {
    "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
             ("shes", "sh"), ("men", "man"), ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")],
    "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "adv": [],
}


def read_exceptions(path):
    bases = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2:
                bases.setdefault(fields[0], fields[1:])
    return bases


def lemmas_of(word, pos, index, exceptions):
    """The base forms of `word` in part of speech `pos` that WordNet lists (morphy)."""
    found = [word] if word in index[pos] else []
    for base in exceptions[pos].get(word, []):
        if base in index[pos] and base not in found:
            found.append(base)
    for suffix, ending in SUFFIXES[pos]:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[: len(word) - len(suffix)] + ending
            if base in index[pos] and base not in found:
                found.append(base)
    return found


def main():
    wn_dir, wordlist, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
    senses = int(sys.argv[4]) if len(sys.argv) > 4 else SENSES
    words = []
    with open(wordlist, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            words.extend(line.rstrip("\n").split("\t")[1].split())
    words = words[:top]
    known = set(words)
    pos_letter = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
    index = {p: read_index(f"{wn_dir}/index.{p}") for p in POS}
    data = {pos_letter[p]: read_data(f"{wn_dir}/data.{p}") for p in POS}
    data["s"] = data["a"]
    exceptions = {p: read_exceptions(f"{wn_dir}/{p}.exc") for p in POS}
    # Relatives may be base forms of listed words ("soldier" of "soldiers").
    known |= {b for w in words for p in POS for b in lemmas_of(w, p, index, exceptions)}

    def keep(w, word):
        return w != word and w.isalpha() and w.islower() and w in known

    print("# WordNet 3.0 relatives of the most frequent English words (scripts/wordnet-table.py).")
    print(f"# Each line: word TAB synonyms (first {senses} senses) TAB derivationally related")
    print("# forms (same senses) TAB hypernyms (first noun sense); relatives separated by spaces.")
    print("# WordNet 3.0 Copyright 2006 by Princeton University: see wordnet-LICENSE beside this file.")
    bases = {}
    for listed in words:
        for p in POS:
            bases.update(dict.fromkeys(lemmas_of(listed, p, index, exceptions)))
    for word in bases:
        syn, der, hyp = [], [], []
        for p in POS:
            offsets = index[p].get(word, [])
            for rank, off in enumerate(offsets[:senses]):
                lemmas, pointers = data[pos_letter[p]][off]
                lower = [l.lower() for l in lemmas]
                syn.extend(l for l in lemmas if keep(l, word))
                number = lower.index(word) + 1 if word in lower else 0
                for sym, toff, tpos, src, dst in pointers:
                    if sym == "+" and src == number and number > 0:
                        target = data[tpos][toff][0][dst - 1]
                        if keep(target, word):
                            der.append(target)
                    if sym in ("@", "@i") and p == "noun" and rank == 0 and src == 0:
                        hyp.extend(
                            l for l in data[tpos][toff][0] if keep(l, word)
                        )
        cols = [list(dict.fromkeys(c)) for c in (syn, der, hyp)]
        if any(cols):
            print(word + "\t" + "\t".join(" ".join(c) for c in cols))


if __name__ == "__main__":
    main()
