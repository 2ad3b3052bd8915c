#!/usr/bin/env node
// Derive assets/claims/holidays_jp.tsv from npm @holiday-jp/holiday_jp (Japanese public holidays,
// including substitute holidays 振替休日 and citizens' holidays 国民の休日).
//
// Run: node tools/gen/holidays.mjs > assets/claims/holidays_jp.tsv
// The output is committed so that builds do not depend on npm. The "# covers:" line states the
// date range the data is complete for; src/core/base/calendar.cpp refuses business-day questions
// outside it rather than guessing.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pkg = require("@holiday-jp/holiday_jp/package.json");
const { holidays } = require("@holiday-jp/holiday_jp");

// The claims programme starts in 2021; 2019 covers the 令和 era from its first day. The
// package lists holidays up to 2050 (the last one of 2050 is in November; December has none
// since the Emperor's Birthday moved to 23 February in 2020).
const FIRST = "2019-01-01";
const LAST = "2050-12-31";

const out = [];
out.push(`# Japanese public holidays. source: npm @holiday-jp/holiday_jp ${pkg.version} lib/holidays.js; generator: tools/gen/holidays.mjs`);
out.push(`# covers: ${FIRST}..${LAST}`);
out.push("date\tname\tname_en");
for (const date of Object.keys(holidays).sort()) {
  if (date < FIRST || date > LAST) continue;
  const h = holidays[date];
  out.push(`${date}\t${h.name}\t${h.name_en}`);
}
process.stdout.write(out.join("\n") + "\n");
