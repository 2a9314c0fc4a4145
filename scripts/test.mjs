// npm test: type-check, lint, build, unit/integration (Vitest), end-to-end (Playwright in Chromium).
// Ends with one plain line "N passed, N failed, N skipped" summed from both runners' JSON reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureTestMachine } from './test-machine.mjs';
import { failureLines } from './test-failures.mjs';

const napi = Number(process.versions.napi ?? 0);
if (napi < 10) {
  console.error(`Tests need Node-API 10 (Node >= 22.14); this is Node ${process.version}. Run them with npm test.`);
  process.exit(1);
}

// Before minutes of type-checking and building: the end-to-end tests' browser, PDF tools and font.
if (!ensureTestMachine()) process.exit(1);

fs.rmSync('test-results/vitest.json', { force: true });
fs.rmSync('test-results/playwright.json', { force: true });

function step(name, command, args) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`── ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s`);
  return result.status === 0;
}

const bin = (name) => `node_modules/.bin/${name}`;
const gates = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['security (Electronegativity)', 'npm', ['run', '--silent', 'security']],
  ['build', bin('electron-vite'), ['build', '--logLevel', 'warn']],
  ['bundle budget', process.execPath, ['scripts/bundle-budget.mjs']],
];
let gatesFailed = 0;
for (const [name, command, args] of gates) {
  if (!step(name, command, args)) gatesFailed++;
}

const unitOk = step('unit + integration', bin('vitest'), ['run']);
const e2eOk = gatesFailed === 0 ? step('end-to-end', bin('playwright'), ['test']) : false;

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = gatesFailed;
let skipped = 0;

const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (!unitOk && !vitest.numFailedTests) failed += 1; // the runner failed outside any test
} else {
  failed += 1; // crashed before reporting
}

const playwright = readJson('test-results/playwright.json');
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
  if (!e2eOk && !playwright.stats.unexpected) failed += 1;
} else {
  failed += 1;
}

// A CI log may be kept only by its tail: name each failure there, with the first lines of its error and any seed
// the test printed, so a rare failure can be replayed from what survives.
for (const line of failureLines(vitest, playwright)) console.log(line);

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 && unitOk && e2eOk ? 0 : 1);
