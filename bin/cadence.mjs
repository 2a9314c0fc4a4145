#!/usr/bin/env node
// The `cadence` command. better-sqlite3 needs Node-API 10; under an older Node it crashes rather
// than failing, so this checks first (the same words as src/main/data-folder/runtime-check.ts), then loads
// the built command line.
import fs from 'node:fs';

const REQUIRED_NAPI = 10;
const napi = Number(process.versions.napi ?? 0);
if (napi < REQUIRED_NAPI) {
  process.stderr.write(
    `Cadence needs Node-API ${REQUIRED_NAPI} (Node >= 22.14) but this is Node ${process.versions.node} with Node-API ${napi}. ` +
      'Run it through npm (npx cadence), which uses the Node 22 installed with the project.\n',
  );
  process.exit(1);
}

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!fs.existsSync(entry)) {
  process.stderr.write('The command line is not built yet: run `npm run build` in the Cadence folder first.\n');
  process.exit(1);
}
await import(entry.href);
