/**
 * The command line (bin/cadence.mjs loads this build of it). Checks the runtime before the
 * database layer loads, then runs one command and exits with its code.
 */
import fs from 'node:fs';
import { exitUnlessNodeApiSupported } from './data-folder/runtime-check';

exitUnlessNodeApiSupported();

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);

// A reader that stops early (`cadence decisions search x | head -3`) closes the pipe: the rest is not wanted, so the
// command ends quietly, as other command-line tools do, rather than with a stack trace of the failed write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// A data folder on a read-only disk is read through a `file:` name with `immutable=1` (db/open-read-only.ts); the
// database layer reads this once, when it loads, which is in the import below.
process.env.SQLITE_USE_URI = '1';

import('./cli/run-cli')
  .then(({ runCli }) =>
    runCli({
      argv: process.argv.slice(2),
      env: process.env,
      version: packageVersion(),
      io: { out: write(process.stdout), err: write(process.stderr) },
    }),
  )
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`cadence: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  });
