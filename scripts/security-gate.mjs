// Electronegativity over src, offline: fails on any high or critical finding a person has not reviewed.
// It exits 0 by itself whatever it finds, so this reads its CSV report instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const report = 'test-results/electronegativity.csv';
fs.mkdirSync('test-results', { recursive: true });
fs.rmSync(report, { force: true });
const run = spawnSync(
  'node_modules/.bin/electronegativity',
  // The release-notes check downloads Electron's release list; this machine and CI are offline.
  ['-i', 'src', '-e', '45.4.1', '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
  { encoding: 'utf8' },
);
if (!fs.existsSync(report)) {
  console.error(`Electronegativity wrote no report:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const rows = fs
  .readFileSync(report, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]);
    return { issue: cells[0], severity: cells[1], file: cells[3], location: cells[4] };
  })
  .filter((r) => r.issue);
const reviewed = JSON.parse(fs.readFileSync('scripts/electronegativity-reviewed.json', 'utf8')).reviewed;
const serious = rows.filter((r) => r.severity === 'HIGH' || r.severity === 'CRITICAL');
const open = serious.filter((r) => !reviewed.some((x) => x.issue === r.issue && x.file === r.file));

const bySeverity = rows.reduce((acc, r) => ({ ...acc, [r.severity]: (acc[r.severity] ?? 0) + 1 }), {});
console.log(
  `Electronegativity: ${rows.length} findings ${JSON.stringify(bySeverity)}; ${serious.length - open.length} high reviewed, ${open.length} open`,
);
for (const r of open) console.error(`  OPEN ${r.severity} ${r.issue} at ${r.file}:${r.location}`);
process.exit(open.length ? 1 : 0);
