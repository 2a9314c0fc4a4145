// The first screen's JavaScript, gzipped, against its budget: the entry chunk index.html loads, what it
// preloads, what the entry itself imports (statically or with import(): the entry is a boot that loads the app),
// and every chunk those import statically (followed to the end). Lazy views (import() elsewhere) are not counted.
// Run after `electron-vite build`; exits 1 over budget. `node scripts/bundle-budget.mjs [out/renderer]`.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const root = process.argv[2] ?? 'out/renderer';
const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');

const entries = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => path.join(root, m[1]));
const eager = [
  ...entries,
  ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => path.join(root, m[1])),
];
const dynamicImport = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;
for (const entry of entries.filter((file) => fs.existsSync(file))) {
  for (const m of fs.readFileSync(entry, 'utf8').matchAll(dynamicImport)) eager.push(path.join(path.dirname(entry), m[1]));
}

// Static imports only: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; never `import("./x.js")`.
const staticImport = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const seen = new Set();
const queue = [...eager];
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  if (!fs.existsSync(file)) {
    console.error(`bundle budget: ${file} is named by the build but missing; run electron-vite build first`);
    process.exit(1);
  }
  seen.add(file);
  for (const m of fs.readFileSync(file, 'utf8').matchAll(staticImport)) queue.push(path.join(path.dirname(file), m[1]));
}
if (seen.size === 0) {
  console.error(`bundle budget: no script found in ${root}/index.html`);
  process.exit(1);
}

let total = 0;
const rows = [...seen].map((file) => {
  const bytes = gzipSync(fs.readFileSync(file), { level: 9 }).length;
  total += bytes;
  return `${(bytes / 1024).toFixed(1).padStart(7)} KB  ${path.relative(root, file)}`;
});
const kb = total / 1024;
const verdict = kb <= BUDGET_KB ? 'within' : 'OVER';
console.log(rows.join('\n'));
console.log(`first screen JavaScript: ${kb.toFixed(1)} KB gzipped in ${seen.size} file(s), ${verdict} the ${BUDGET_KB} KB budget`);
process.exit(kb <= BUDGET_KB ? 0 : 1);
