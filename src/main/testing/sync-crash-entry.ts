/**
 * TEST ONLY, never packaged: syncs one linked team of the data folder again and again, printing a line after each,
 * until the sync crash test kills it with SIGKILL at a seeded moment (in git, in the merge, between them).
 */
import { exitUnlessNodeApiSupported } from '../data-folder/runtime-check';

exitUnlessNodeApiSupported();

async function main(): Promise<void> {
  const { startCore } = await import('../core/cadence-core');
  const core = await startCore({
    dataDir: process.env.CADENCE_DATA_DIR!,
    mode: 'browser',
    version: 'sync-crash-test',
    lockKind: 'sync crash child',
    scheduledBackups: false,
    backgroundCheckAfterMs: null,
  });
  const teamId = process.env.SYNC_TEAM_ID!;
  process.stdout.write('READY\n');
  for (;;) {
    const status = await core.sync.run(teamId);
    process.stdout.write(`SYNCED ${JSON.stringify(status.problem)}\n`);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
