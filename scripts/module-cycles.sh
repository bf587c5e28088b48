#!/usr/bin/env bash
# Import cycles between the library's source files: reads the `use crate::...` lines of
# crates/corroborate/src (test modules excluded: everything from a file's first
# `#[cfg(test)]`), resolves each imported name to the file that defines it (through the
# re-exports of lib.rs and the mod.rs files), and prints every group of files that import
# each other in a circle (a strongly connected component of two or more files), then the
# cycles between top-level modules (`summarize`, `eval`, `pipeline`, ...). Exits 1 when it
# finds any. Usage: scripts/module-cycles.sh [SRC_DIR]
set -euo pipefail
src="${1:-$(dirname "$0")/../crates/corroborate/src}"
exec python3 - "$src" <<'PY'
import os, re, sys

src = os.path.normpath(sys.argv[1])

def module_of(path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib"):
        rel = rel[:-1]
    return tuple(rel)

files = {}
for root, _, names in os.walk(src):
    for n in names:
        if n.endswith(".rs"):
            p = os.path.join(root, n)
            text = open(p, encoding="utf-8").read()
            cut = text.find("#[cfg(test)]")
            text = text if cut < 0 else text[:cut]
            # Comments say `crate::x` without importing it.
            text = re.sub(r"//.*", "", text)
            files[module_of(p)] = (p, text)

# Modules declared for tests only (`#[cfg(test)] mod fixtures;`) are left out.
for mod, (p, text) in list(files.items()):
    for name in re.findall(r"#\[cfg\(test\)\]\s*(?:pub(?:\([a-z]+\))?\s+)?mod\s+(\w+)\s*;", open(p, encoding="utf-8").read()):
        files.pop(mod + (name,), None)

# Whole `use` statements (one may span lines), and the macro forms of lib.rs.
STMT = re.compile(r"(?:pub(?:\([a-z]+\))?\s+)?use\s+([^;]+);|internal_use!\(([^;]*?)\);", re.S)
DEF = re.compile(r"^\s*(?:pub(?:\([a-z]+\))?\s+)?(?:struct|enum|fn|trait|type|const|static|mod)\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)

def expand(tree):
    """`a::{b, c::{d, e as f}}` -> [("a","b"), ("a","c","d"), ("a","c","e")]."""
    tree = re.sub(r"\s+", "", re.sub(r"\s+as\s+\w+", "", tree))
    out = []
    def walk(prefix, t):
        depth, start, parts = 0, 0, []
        for i, ch in enumerate(t):
            if ch == "{": depth += 1
            elif ch == "}": depth -= 1
            elif ch == "," and depth == 0:
                parts.append(t[start:i]); start = i + 1
        parts.append(t[start:])
        for part in filter(None, parts):
            if "{" in part:
                head, body = part.split("{", 1)
                walk(prefix + tuple(filter(None, head.split("::"))), body[:-1])
            else:
                out.append(prefix + tuple(filter(None, part.split("::"))))
    walk((), tree)
    return out

def parent(mod, p, path):
    """`super::...` from the file `p` of module `mod`: a file's own parent module, with each
    further `super` one level up."""
    k = 0
    while k < len(path) and path[k] == "super":
        k += 1
    return mod[: len(mod) - k] + tuple(path[k:])

# Paths written inline in code (`super::consolidate::consolidate(...)`, `crate::x::y`).
INLINE = re.compile(r"(?<![\w:])((?:crate|super)(?:::(?:super|[A-Za-z_]\w*))+)")

uses = {}      # module -> list of imported paths (absolute, crate-relative)
reexports = {} # module -> {name: absolute path}
defined = {}   # module -> set of names defined there
for mod, (p, text) in files.items():
    defined[mod] = set(DEF.findall(text))
    uses[mod] = []
    reexports[mod] = {}
    for m in STMT.finditer(text):
        tree = m.group(1) or m.group(2)
        for path in expand(tree):
            if not path:
                continue
            if path[0] == "crate":
                uses[mod].append(path[1:])
                absolute = path[1:]
            elif path[0] in ("self",):
                absolute = mod + path[1:]
            elif path[0] == "super":
                absolute = parent(mod, p, path)
                uses[mod].append(absolute)
            elif mod + path[:1] in files:
                absolute = mod + path
            else:
                continue
            if path[-1] not in ("*", "self"):
                reexports[mod][path[-1]] = absolute
    for m in INLINE.finditer(STMT.sub("", text)):
        path = tuple(m.group(1).split("::"))
        uses[mod].append(path[1:] if path[0] == "crate" else parent(mod, p, path))

def resolve(path, seen=0):
    """The file module defining `path` (crate-relative), following re-exports."""
    if seen > 20:
        return None
    for k in range(len(path), -1, -1):
        mod = tuple(path[:k])
        if mod in files:
            rest = path[k:]
            if not rest:
                return mod
            name = rest[0]
            if name in defined[mod] and mod + (name,) not in files:
                return mod
            if name in reexports[mod] and len(rest) == 1:
                return resolve(reexports[mod][name], seen + 1) or mod
            return mod
    return None

edges = {m: set() for m in files}
for mod, paths in uses.items():
    for path in paths:
        target = resolve(path)
        if target is not None and target != mod and target != ():
            edges[mod].add(target)

def sccs(graph):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)

name = lambda m: "::".join(m) or "crate"
found = 0
for comp in sccs(edges):
    found += 1
    inside = set(comp)
    links = [f"{name(a)} -> {name(b)}" for a in comp for b in sorted(edges[a]) if b in inside]
    print("file cycle: " + ", ".join(links))
top = {}
for a, targets in edges.items():
    for b in targets:
        if a[:1] != b[:1]:
            top.setdefault(a[:1], set()).add(b[:1])
for comp in sccs(top):
    found += 1
    inside = set(comp)
    links = []
    for a in comp:
        for b in sorted(top[a]):
            if b in inside:
                via = sorted(name(x) + " -> " + name(y) for x in files for y in edges[x] if x[:1] == a and y[:1] == b)
                links.append(f"{name(a)} -> {name(b)} ({'; '.join(via)})")
    print("module cycle: " + ", ".join(links))
print(f"{found} cycle(s)")
sys.exit(1 if found else 0)
PY
