// The layout checks of issue 13 that more than one test file makes: the app's own record of
// what it had to cut or let run past the right edge (window.vsys.screen().clipped, noted by the
// shared widgets and, for plain text and buttons, at the end of each frame) must be empty, and
// the page itself never grows wider than the window. layout.test.mjs and phone_sweep.test.mjs.
import assert from 'node:assert/strict';

export const clipped = (page) => page.evaluate(() => window.vsys.screen().clipped);

// Fails with `what` and the record's entries when anything was cut or ran past the edge.
export async function assertNothingClipped(page, what) {
  const [entries, wider] = await Promise.all([clipped(page),
    page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)]);
  assert.deepEqual(entries, [], `${what}: clipped or past the right edge`);
  assert.equal(wider, false, `${what}: the page is wider than the window`);
}
