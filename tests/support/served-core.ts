import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowserServer, type RunningBrowserServer } from '../../src/main/server/browser-server';
import { SessionAuth } from '../../src/main/server/session-auth';
import { openTestCore, type TestCore } from './core';
import { tempDirs } from './temp-dirs';

/**
 * Browser servers over test cores and a bare renderer page (one index.html), for tests of the server itself; every one
 * served is closed with its core by `closeAll` (call it in afterEach).
 */
export function servedCores(name: string) {
  const dirs = tempDirs(name);
  const running: { server: RunningBrowserServer; test: TestCore }[] = [];
  return {
    async serve(): Promise<{ server: RunningBrowserServer; test: TestCore; auth: SessionAuth }> {
      const test = await openTestCore();
      const rendererDir = dirs.make();
      fs.writeFileSync(
        path.join(rendererDir, 'index.html'),
        '<!doctype html><html><head><title>Cadence</title></head><body></body></html>',
      );
      const auth = new SessionAuth(randomBytes(32));
      const server = await startBrowserServer({ core: test.core, auth, rendererDir, port: 0 });
      running.push({ server, test });
      return { server, test, auth };
    },
    async closeAll(): Promise<void> {
      for (const { server, test } of running.splice(0)) {
        await server.close();
        test.close();
      }
      dirs.removeAll();
    },
  };
}
