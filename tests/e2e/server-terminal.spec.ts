import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '../support/test';
import { bearer, rawRequest, signIn } from '../support/http';
import { startServer } from '../support/server';

test('the terminal says when a damaged database was moved aside, where it went, and that a backup is offered', async () => {
  const first = await startServer();
  const { dataDir } = first;
  const token = await signIn(first.url);
  const made = await rawRequest({
    port: first.port,
    method: 'POST',
    path: '/api/op/backups.create',
    headers: { 'Content-Type': 'application/json', Origin: first.origin, ...bearer(token) },
    body: '{}',
  });
  expect(made.status).toBe(200);
  await first.stop();

  const file = path.join(dataDir, 'cadence.sqlite');
  fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
  const again = await startServer({ dataDir });
  try {
    const lines = again.output().split('\n');
    const moved = fs.readdirSync(dataDir).find((name) => name.startsWith('cadence.sqlite.damaged-'))!;
    expect(moved).toBeTruthy();
    const said = lines.find((line) => line.startsWith('The database was damaged'))!;
    expect(said).toContain(`moved it aside unchanged to ${path.join(dataDir, moved)} and started on an empty one`);
    expect(lines.some((line) => /^The newest good backup \(\d{4}-\d\d-\d\dT[\d:.]+Z\) is offered in the app/.test(line))).toBe(true);
    // It is said before the address, so it is not scrolled past.
    expect(lines.findIndex((line) => line === said)).toBeLessThan(lines.findIndex((line) => line.includes('is ready at')));
  } finally {
    await again.stop();
  }
});
