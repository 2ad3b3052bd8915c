#!/usr/bin/env python3
"""Precompress the static site: precompress.py SITE_DIR

Writes NAME.br (Debian's `brotli -q 11`) and NAME.gz (`gzip -9 -n`) beside every text, wasm and
font file of the site, for nginx's brotli_static and gzip_static (web/nginx.conf.in): the
first visit then costs what brotli's best level makes of the wasm and the font, not what nginx's
on-the-fly gzip level makes of them (docs/BENCHMARKS.md "Startup").

A compressed copy is kept only when it is smaller than the file (nginx then sends the file as it
is, or gzips it on the fly: a tiny icon gains nothing). Both tools are deterministic (gzip -n
stores no name or time), so a build's outputs do not depend on when it ran. A copy newer than its
file is reused: brotli's best level takes seconds on the wasm and the font, and most builds
change only one of them.
"""
import os
import shutil
import subprocess
import sys

# What compresses: text, WebAssembly, fonts. Images are compressed already (and none but an SVG
# icon is shipped).
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".webmanifest", ".wasm", ".ttf", ".otf")

def tool(name):
    path = shutil.which(name)
    if not path:
        sys.exit(f"precompress.py: `{name}` is missing (tools/bootstrap installs it)")
    return path

def compress(argv, src, dst):
    """Runs argv (a compressor writing to stdout) on src; keeps dst only if smaller than src."""
    tmp = dst + ".tmp"
    with open(src, "rb") as i, open(tmp, "wb") as o:
        subprocess.run(argv, stdin=i, stdout=o, check=True)
    if os.path.getsize(tmp) < os.path.getsize(src):
        os.replace(tmp, dst)
        return True
    os.remove(tmp)
    if os.path.exists(dst):
        os.remove(dst)
    return False

def main():
    site = sys.argv[1]
    brotli, gzip = tool("brotli"), tool("gzip")
    encoders = ((".br", [brotli, "-q", "11", "-c"]), (".gz", [gzip, "-9", "-n", "-c"]))
    kept = skipped = 0
    for name in sorted(os.listdir(site)):
        src = os.path.join(site, name)
        # A copy whose file is gone (a shell file removed) must not be served on its own.
        if name.endswith((".br", ".gz")) and not os.path.exists(src[:-3]):
            os.remove(src)
            continue
        if not name.endswith(COMPRESSIBLE) or not os.path.isfile(src):
            continue
        for suffix, argv in encoders:
            dst = src + suffix
            if os.path.exists(dst) and os.path.getmtime(dst) >= os.path.getmtime(src):
                kept += 1
                continue
            if compress(argv, src, dst):
                kept += 1
            else:
                skipped += 1
    print(f"precompress: {kept} compressed copies, {skipped} not worth it")

if __name__ == "__main__":
    main()
