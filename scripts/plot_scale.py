#!/usr/bin/env python3
"""Plot the story-grouping scale curve as a self-contained SVG (Python standard library only).

Reads the summary lines printed by the stream generator's bench mode on standard input, e.g.

    for n in 10000 30000 100000 300000; do
      cargo run --release --example stream_gen -p corroborate -- --articles $n --bench \
        ../shared/data/stories/*.jsonl
    done | python3 scripts/plot_scale.py > docs/stories-scale.svg

Several runs of one size are averaged. Left panel: grouping CPU seconds against articles, with
the straight line through the origin and the smallest size's time per article (what a linear
cost would give). Right panel: peak resident memory.
"""
import math
import re
import sys
from collections import defaultdict

LINE = re.compile(
    r"articles (\d+) \|.*grouping CPU ([\d.]+) s \| (\d+) articles/s .*peak RSS (\d+) MB"
)


def read_runs(stream):
    runs = defaultdict(list)
    for line in stream:
        m = LINE.search(line)
        if m:
            n, cpu, _rate, rss = int(m[1]), float(m[2]), int(m[3]), int(m[4])
            runs[n].append((cpu, rss))
    if not runs:
        sys.exit("plot_scale.py: no stream_gen bench lines on standard input")
    return sorted(
        (n, sum(c for c, _ in v) / len(v), max(r for _, r in v)) for n, v in runs.items()
    )


def nice_ceiling(x):
    """The smallest of 1, 2, 3, 4, 5, 6, 8 x 10^k at or above x."""
    if x <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 3, 4, 5, 6, 8, 10):
        if m * e >= x:
            return m * e
    return 10 * e


def panel(x0, title, ylabel, points, line=None):
    """One scatter-and-line panel, 300 x 220, at horizontal offset x0."""
    w, h, left, bottom, top = 300, 220, 52, 36, 26
    xs = [p[0] for p in points]
    ymax = nice_ceiling(max([p[1] for p in points] + ([line[-1][1]] if line else [])))
    xmax = nice_ceiling(max(xs))

    def px(x):
        return x0 + left + (w - left - 10) * x / xmax

    def py(y):
        return top + (h - top - bottom) * (1 - y / ymax)

    out = [f'<text x="{x0 + w / 2}" y="16" text-anchor="middle" font-weight="bold">{title}</text>']
    out.append(
        f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(xmax)}" y2="{py(0)}" stroke="#333"/>'
        f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(0)}" y2="{py(ymax)}" stroke="#333"/>'
    )
    for i in range(6):
        xv, yv = xmax * i / 5, ymax * i / 5
        out.append(
            f'<text x="{px(xv)}" y="{py(0) + 14}" text-anchor="middle">{xv / 1000:g}k</text>'
            f'<text x="{px(0) - 4}" y="{py(yv) + 4}" text-anchor="end">{yv:g}</text>'
        )
    out.append(
        f'<text x="{x0 + w / 2 + 20}" y="{h - 4}" text-anchor="middle">articles</text>'
        f'<text x="{x0 + 12}" y="{top + (h - top - bottom) / 2}" text-anchor="middle" '
        f'transform="rotate(-90 {x0 + 12} {top + (h - top - bottom) / 2})">{ylabel}</text>'
    )
    if line:
        (ax, ay), (bx, by) = line
        out.append(
            f'<line x1="{px(ax)}" y1="{py(ay)}" x2="{px(bx)}" y2="{py(by)}" stroke="#999" '
            'stroke-dasharray="4 3"/>'
        )
    path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
    out.append(f'<polyline points="{path}" fill="none" stroke="#1f5fa8" stroke-width="2"/>')
    for x, y in points:
        out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="#1f5fa8"/>')
    return out


def main():
    runs = read_runs(sys.stdin)
    n0, cpu0, _ = runs[0]
    nmax = runs[-1][0]
    linear = [(0, 0), (nmax, cpu0 / n0 * nmax)]
    body = panel(0, "Grouping CPU time", "seconds", [(n, c) for n, c, _ in runs], linear)
    body += panel(320, "Peak memory", "MB", [(n, r) for n, _, r in runs])
    print(
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="240" '
        'font-family="sans-serif" font-size="11">'
    )
    print('<rect width="640" height="240" fill="white"/>')
    print("\n".join(body))
    print(
        '<text x="160" y="236" text-anchor="middle" fill="#666">dashed: linear from the '
        "smallest run</text>"
    )
    print("</svg>")


if __name__ == "__main__":
    main()
