/**
 * The stylesheet and script inlined into the exported decision log. The file must work from a
 * disk with no network: nothing here loads anything, and the page's CSP forbids it anyway.
 */
export const LOG_CSS = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6472; --line: #d9dde3; --accent: #2f5bd3; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header.top { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 1px solid var(--line); padding: 16px 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.lede { color: var(--muted); margin: 0 0 12px; }
.controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
.controls label { display: flex; gap: 6px; align-items: center; font-weight: 600; font-size: 14px; }
.controls input, .controls select { font: inherit; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.controls input { min-width: 280px; }
#count { color: var(--muted); font-size: 14px; }
.layout { display: grid; grid-template-columns: minmax(220px, 300px) 1fr; gap: 24px; padding: 24px; max-width: 1200px; margin: 0 auto; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li { margin: 0 0 6px; }
nav.toc a { color: var(--ink); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.num { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 4px; }
article.decision { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 0 0 18px; }
article.decision:target { outline: 3px solid var(--accent); }
article h2 { font-size: 19px; margin: 0 0 8px; }
article h3 { font-size: 15px; margin: 16px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
article p { margin: 4px 0; white-space: pre-line; overflow-wrap: anywhere; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; font-size: 14px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.status { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 999px; background: #e8ecf3; }
.s-accepted { background: #dcf3e3; color: #17613a; }
.s-rejected, .s-reversed { background: #fbe1e1; color: #8a1f1f; }
.s-superseded { background: #ececec; color: #444; }
.s-proposed, .s-deferred { background: #fff1cc; color: #6b4e00; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 4px 8px; vertical-align: top; white-space: pre-line; overflow-wrap: anywhere; }
ul, ol { margin: 4px 0; padding-left: 22px; }
li { white-space: pre-line; overflow-wrap: anywhere; }
a { color: var(--accent); }
.empty { color: var(--muted); font-style: italic; }
@media (max-width: 760px) { .layout { grid-template-columns: 1fr; } nav.toc { display: none; } }
@media print {
  body { background: #fff; font-size: 11pt; }
  header.top { position: static; border: 0; padding: 0 0 8pt; }
  .controls, nav.toc { display: none; }
  .layout { display: block; padding: 0; }
  article.decision { border: 0; border-top: 1px solid #999; border-radius: 0; padding: 8pt 0; break-inside: avoid-page; }
  article.decision:target { outline: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/** Filters the articles by every typed word (case and accents ignored) and by status. */
export const LOG_SCRIPT = `(function () {
  var fold = function (s) { return s.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase(); };
  var articles = Array.prototype.slice.call(document.querySelectorAll('article.decision'));
  var texts = articles.map(function (a) { return fold(a.textContent || ''); });
  var q = document.getElementById('q');
  var status = document.getElementById('status');
  var count = document.getElementById('count');
  function apply() {
    var words = fold(q.value).split(/\\s+/).filter(Boolean);
    var wanted = status.value;
    var shown = 0;
    articles.forEach(function (a, i) {
      var ok = (!wanted || a.getAttribute('data-status') === wanted) && words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      a.hidden = !ok;
      var entry = document.getElementById('toc-' + a.id);
      if (entry) entry.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown === articles.length ? articles.length + ' decisions' : shown + ' of ' + articles.length + ' decisions';
  }
  // Following a supersede link to a decision the filter hides clears the filter first.
  function reveal() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.hidden) { q.value = ''; status.value = ''; apply(); target.scrollIntoView(); }
  }
  q.addEventListener('input', apply);
  status.addEventListener('change', apply);
  window.addEventListener('hashchange', reveal);
  apply();
})();`;
