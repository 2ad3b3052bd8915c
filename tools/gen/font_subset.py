#!/usr/bin/env python3
"""Cut BIZ UDGothic down to the UI's code points: font_subset.py SRC.ttf UNICODES.txt OUT.ttf TEXT...

Fails the build when a character of the given texts (UI strings, master data) has no glyph in
the font: it would render as "?". Other wanted code points the font lacks are only counted.
"""
import subprocess
import sys

from fontTools.ttLib import TTFont

def main():
    src, unicodes, out = sys.argv[1:4]
    cmap = TTFont(src)["cmap"].getBestCmap()
    for text in sys.argv[4:]:
        absent = sorted({c for c in open(text, encoding="utf-8").read() if ord(c) >= 0x20 and ord(c) not in cmap})
        if absent:
            sys.exit(f"font_subset: {text} uses characters the font cannot show: {' '.join(absent)}")
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
    subprocess.run([sys.executable, "-m", "fontTools.subset", src, f"--unicodes-file={unicodes}",
                    "--no-hinting", "--layout-features=", f"--output-file={out}", "--ignore-missing-unicodes"],
                   check=True)

if __name__ == "__main__":
    main()
