/** Styles for the HTML minutes: readable on screen, and on paper without the app (A4 or Letter). */
export const MINUTES_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f2; color: #1d1d1f; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 52rem; margin: 2rem auto; padding: 2.5rem clamp(1rem, 5vw, 3rem); background: #fff; border: 1px solid #dcdcd6; border-radius: 6px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; overflow-wrap: break-word; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid #e4e4de; overflow-wrap: break-word; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.25rem; overflow-wrap: break-word; }
p, li { overflow-wrap: break-word; white-space: pre-wrap; }
ul { padding-left: 1.25rem; }
li { margin: 0.15rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #d0d0ca; padding: 0.3rem 0.5rem; vertical-align: top; overflow-wrap: break-word; }
th { background: #f0f0ec; text-align: left; white-space: nowrap; }
td[align="right"], th[align="right"] { text-align: right; font-variant-numeric: tabular-nums; }
footer { max-width: 52rem; margin: 0 auto 2rem; color: #5f5f5a; font-size: 0.85rem; }
@media (max-width: 56rem) { main { margin: 0; border: 0; border-radius: 0; } }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { margin: 0; padding: 0; border: 0; max-width: none; }
  footer { margin: 1rem 0 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
