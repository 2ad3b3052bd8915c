#!/usr/bin/env python3
"""Cut BIZ UDGothic down to the UI's code points, in two files:
font_subset.py SRC.ttf UNICODES.txt FIRST.ttf REST.ttf [--code FILE]... TEXT...

FIRST holds what the app shows of its own: every character of the given texts (UI strings,
master data, report definitions, products) and of the app's code and data files (--code: symbols
drawn from code such as the sync status dot, the demo deployment's names, claims' fee names; no
glyph is required for these), ASCII, kana and the symbol rows of JIS X 0208. REST holds the other
wanted code points (the rest of the kanji: what users type and others' data holds). The page
needs only FIRST for its first frame and fetches REST after it (glue.js), so a first visit does
not wait for 1 MB of kanji it has not shown yet (docs/BENCHMARKS.md, "The first visit").

Fails the build when a character of the given texts has no glyph in the font: it would render as
"?". Other wanted code points the font lacks are only counted.
"""
import os
import subprocess
import sys
import tempfile

from fontTools.ttLib import TTFont

# Shown before anything is typed: ASCII, CJK punctuation, hiragana, katakana, full- and half-width
# forms (kana names and codes typed on the first screen), the em dash of an unknown number.
FIRST_BLOCKS = [range(0x20, 0x7F), range(0x3000, 0x3100), range(0xFF00, 0xFFF0), [0x2014]]

def jis_symbol_rows():
    """JIS X 0208 rows 1-8: punctuation, symbols, digits, Latin, kana, Greek, Cyrillic, box drawing."""
    cps = set()
    for hi in range(0xA1, 0xA9):
        for lo in range(0xA1, 0xFF):
            try:
                cps.update(ord(c) for c in bytes([hi, lo]).decode("euc_jp"))
            except UnicodeDecodeError:
                continue
    return cps

def subset(src, cps, out):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(f"U+{c:04X}" for c in sorted(cps)) + "\n")
    try:
        subprocess.run([sys.executable, "-m", "fontTools.subset", src, f"--unicodes-file={f.name}",
                        "--no-hinting", "--layout-features=", f"--output-file={out}", "--ignore-missing-unicodes"],
                       check=True)
    finally:
        os.remove(f.name)

def main():
    src, unicodes, first_out, rest_out = sys.argv[1:5]
    args = sys.argv[5:]
    code = [args[i + 1] for i, a in enumerate(args) if a == "--code"]
    texts = [a for i, a in enumerate(args) if a != "--code" and (i == 0 or args[i - 1] != "--code")]
    cmap = TTFont(src)["cmap"].getBestCmap()
    shown = set()
    for text in texts:
        chars = {c for c in open(text, encoding="utf-8").read() if ord(c) >= 0x20}
        absent = sorted(c for c in chars if ord(c) not in cmap)
        if absent:
            sys.exit(f"font_subset: {text} uses characters the font cannot show: {' '.join(absent)}")
        shown.update(ord(c) for c in chars)
    wanted = []
    for line in open(unicodes):
        line = line.strip()
        if not line:
            continue
        part = line[2:]
        lo, _, hi = part.partition("-")
        lo = int(lo, 16)
        hi = int(hi, 16) if hi else lo
        wanted.extend(range(lo, hi + 1))
    missing = [c for c in wanted if c not in cmap]
    if missing:
        print(f"font_subset: {len(missing)} code points have no glyph in the font "
              f"(e.g. {' '.join(hex(c) for c in missing[:8])})", file=sys.stderr)
    # The code's characters need no glyph (comments hold arrows and dashes the UI never draws).
    for path in code:
        shown.update(ord(c) for c in open(path, encoding="utf-8").read() if ord(c) >= 0x80)
    for block in FIRST_BLOCKS:
        shown.update(block)
    shown.update(jis_symbol_rows())
    wanted = {c for c in wanted if c in cmap}
    first = wanted & shown
    subset(src, first, first_out)
    subset(src, wanted - first, rest_out)

if __name__ == "__main__":
    main()
