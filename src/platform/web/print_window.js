// Print windows (linked with --pre-js): a claim form or an enrolment code in a window of its own,
// where the browser's print dialog works as usual.
//
// Why not document.write the page as it is: a window opened with window.open('') starts as
// about:blank and inherits the app's Content-Security-Policy (style-src 'self', script-src
// 'self'), so the page's own <style> is refused (the claim forms lost their borders and
// alignment) and an inline <script>window.print()</script> never runs. So the page is parsed
// here (DOMParser runs nothing), its <style> text goes into a constructed stylesheet (CSSOM,
// which the policy does not restrict: the text is the app's own, never the exchange's), its
// scripts and handler attributes are dropped, and the print button and the print-on-open are
// wired from this side with addEventListener.
'use strict';

// html: a whole page. printLabel: the text of the page's own print button (hidden on paper).
// printNow: open the print dialog once the page is drawn (the enrolment code).
// Returns false when the browser blocked the window.
function vsysOpenPrintWindow(html, printLabel, printNow) {
  // The style text is taken out before parsing: Chromium checks a parsed <style> against the
  // policy even in DOMParser's inert document (a violation reported by the app's page).
  var css = [];
  html = html.replace(/<style[^>]*>([\s\S]*?)<\/style>/gi, function (_, text) { css.push(text); return ''; });
  var parsed = new DOMParser().parseFromString(html, 'text/html');
  parsed.querySelectorAll('script, link, meta[http-equiv], base').forEach(function (e) { e.remove(); });
  parsed.querySelectorAll('*').forEach(function (e) {
    Array.prototype.slice.call(e.attributes).forEach(function (a) {
      if (/^on/i.test(a.name) || a.name === 'style') e.removeAttribute(a.name);
    });
  });
  var w = window.open('', '_blank');
  if (!w) return false;
  var doc = w.document;
  doc.open();
  doc.write('<!DOCTYPE html>' + parsed.documentElement.outerHTML);
  doc.close();
  css.push('.vsys-print-bar { margin: 0 0 6mm; font-family: sans-serif; }' +
           '.vsys-print-bar button { font-size: 14pt; padding: 2mm 8mm; }' +
           '@media print { .vsys-print-bar { display: none; } }');
  var sheet = new w.CSSStyleSheet();
  sheet.replaceSync(css.join('\n'));
  doc.adoptedStyleSheets = [sheet];
  var bar = doc.createElement('div');
  bar.className = 'vsys-print-bar';
  var button = doc.createElement('button');
  button.type = 'button';
  button.textContent = printLabel;
  button.addEventListener('click', function () { w.print(); });
  bar.appendChild(button);
  doc.body.insertBefore(bar, doc.body.firstChild);
  button.focus();
  // After this task, so the window has laid the page out with its styles.
  if (printNow) w.setTimeout(function () { w.print(); }, 0);
  return true;
}
