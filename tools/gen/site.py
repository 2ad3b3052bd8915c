#!/usr/bin/env python3
"""Assemble the static site: site.py SHELL_DIR SITE_DIR

Copies the shell files, computes the build id (BLAKE2b of every file's bytes) and stamps it into
index.html, boot.js and sw.js, with sw.js's list of files to cache for offline use.
"""
import hashlib
import json
import os
import shutil
import sys

def main():
    shell, site = sys.argv[1:3]
    # font-rest.ttf and the XLSX worker (xlsx_worker.js and .wasm) are fetched after the first
    # frame (glue.js, xlsx_client.js) and cached here for offline starts and offline exports.
    built = ["vsys.js", "vsys.wasm", "font.ttf", "font-rest.ttf", "xlsx_worker.js", "xlsx_worker.wasm"]
    shell_files = sorted(f for f in os.listdir(shell) if not f.startswith("."))
    h = hashlib.blake2b(digest_size=8)
    for name in built:
        with open(os.path.join(site, name), "rb") as f:
            h.update(name.encode() + b"\0" + f.read())
    for name in shell_files:
        with open(os.path.join(shell, name), "rb") as f:
            h.update(name.encode() + b"\0" + f.read())
    build_id = h.hexdigest()
    cached = (["./", "index.html"] + [f for f in shell_files if f not in ("index.html", "sw.js")] +
              [f"{name}?v={build_id}" for name in built])
    for name in shell_files:
        src = os.path.join(shell, name)
        dst = os.path.join(site, name)
        if name in ("index.html", "boot.js", "sw.js"):
            text = open(src, encoding="utf-8").read()
            text = text.replace("@BUILD_ID@", build_id).replace("@FILES@", json.dumps(cached))
            with open(dst + ".tmp", "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(dst + ".tmp", dst)
        else:
            shutil.copyfile(src, dst)
    with open(os.path.join(site, "build.json"), "w") as f:
        json.dump({"build_id": build_id, "files": cached}, f)

if __name__ == "__main__":
    main()
