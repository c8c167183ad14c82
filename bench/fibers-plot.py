#!/usr/bin/env python3
"""fibers-plot.py: bench/fibers.sh's figures (bench-fibers.tsv) as an SVG
chart, on stdout: one panel per measure (steps, code size, CPU time, peak
memory), and in each a pair of bars per program, WasmFX and Asyncify, each
bar labelled with its figure.  A measure with no figures (steps, from a
wasmfx-ref without --stats) is left out.  Python's standard library only.

usage: python3 bench/fibers-plot.py bench-fibers.tsv [TITLE] > fibers.svg
"""
import sys
from xml.sax.saxutils import escape

BUILDS = [("wasmfx", "WasmFX", "#3b6ea8"), ("asyncify", "Asyncify", "#d9822b")]
# title, TSV column, how a figure reads, its scale to the unit shown
MEASURES = [
    ("steps (wasmfx-ref --stats)", 3, "{:.3g} M", 1e-6),
    ("code size (.wasm)", 4, "{:.1f} KB", 1 / 1024),
    ("CPU time (user + system)", 5, "{:.2f} s", 1),
    ("peak memory (max RSS)", 6, "{:.0f} MB", 1 / 1024),
]
PANEL_W, LABEL_W, BAR_H, GAP, TOP = 330, 150, 14, 10, 80


def read(path):
    """{(program and arguments): {build: row}}, programs in file order."""
    runs = {}
    with open(path) as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) >= 8:
                runs.setdefault(f"{row[0]} {row[1]}".strip(), {})[row[2]] = row
    return runs


def number(row, col):
    try:
        return float(row[col])
    except (ValueError, IndexError):
        return None


def panel(x, title, col, fmt, scale, runs):
    """One measure's SVG elements, its left edge at x."""
    values = [number(r, col) for b in runs.values() for r in b.values()]
    top = max((v for v in values if v is not None), default=0) or 1
    out = [f'<text x="{x}" y="{TOP - 22}" class="title">{escape(title)}</text>']
    y = TOP
    for name, builds in runs.items():
        for key, _, colour in BUILDS:
            v = number(builds.get(key, []), col)
            if v is not None:
                w = max(1, (PANEL_W - 70) * v / top)
                out.append(f'<rect x="{x}" y="{y}" width="{w:.1f}" height="{BAR_H}" fill="{colour}"/>')
                out.append(f'<text x="{x + w + 4:.1f}" y="{y + BAR_H - 3}">{escape(fmt.format(v * scale))}</text>')
            y += BAR_H
        y += GAP
    return out


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: fibers-plot.py bench-fibers.tsv [TITLE]")
    title = sys.argv[2] if len(sys.argv) == 3 else "fibers in C: WasmFX and Asyncify"
    runs = read(sys.argv[1])
    measures = [m for m in MEASURES
                if any(number(r, m[1]) is not None for b in runs.values() for r in b.values())]
    width = LABEL_W + len(measures) * PANEL_W
    height = TOP + len(runs) * (2 * BAR_H + GAP) + 30
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           '<style>.title { font-weight: bold; font-size: 12px; }</style>',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{LABEL_W}" y="22" class="title">{escape(title)}</text>']
    y = TOP
    for name in runs:
        out.append(f'<text x="{LABEL_W - 8}" y="{y + BAR_H + 4}" text-anchor="end">{escape(name)}</text>')
        y += 2 * BAR_H + GAP
    for i, (title, col, fmt, scale) in enumerate(measures):
        out += panel(LABEL_W + i * PANEL_W, title, col, fmt, scale, runs)
    for i, (_, label, colour) in enumerate(BUILDS):
        lx = LABEL_W + i * 110
        out.append(f'<rect x="{lx}" y="{height - 22}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{lx + 16}" y="{height - 12}">{label}</text>')
    out.append("</svg>")
    print("\n".join(out))


if __name__ == "__main__":
    main()
