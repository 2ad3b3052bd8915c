#!/usr/bin/env python3
"""Turns a file of test names (one per line) into what the runners take, for tools/test --names:

  test_names.py doctest NAMES        a -tc filter: the names joined by commas, a comma inside a
                                     name escaped with a backslash (doctest splits on the others)
  test_names.py node NAMES           a --test-name-pattern: ^(?:name|name|...)$ with every
                                     regular-expression character of a name escaped
  test_names.py files NAMES FILE...  the test files that hold at least one of the names as written
                                     (node runs a file's before() hooks, its browser and servers,
                                     even when every test of it is filtered out)

tools/compare-suites runs the old main's tests on the new main with it (issue 12's timing target).
"""
import re
import sys


def names(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def main(argv):
    if len(argv) < 3 or argv[1] not in ("doctest", "node", "files"):
        sys.exit(__doc__)
    wanted = names(argv[2])
    if not wanted:
        sys.exit(f"test_names.py: {argv[2]} names no test")
    if argv[1] == "doctest":
        print(",".join(n.replace(",", "\\,") for n in wanted))
    elif argv[1] == "node":
        # JavaScript's syntax characters; re.escape would also escape spaces and non-ASCII, which
        # a JavaScript regular expression in unicode-unaware mode reads the same anyway.
        print("^(?:" + "|".join(re.sub(r"([\\^$.*+?()[\]{}|/])", r"\\\1", n) for n in wanted) + ")$")
    else:
        for file in argv[3:]:
            with open(file, encoding="utf-8") as f:
                text = f.read()
            if any(n in text for n in wanted):
                print(file)


if __name__ == "__main__":
    main(sys.argv)
