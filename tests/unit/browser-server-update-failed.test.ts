import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type RunningBrowserServer } from '../../src/main/server/browser-server';
import { SessionAuth } from '../../src/main/server/session-auth';
import type { CadenceCore } from '../../src/main/core/cadence-core';
import { bearer, rawRequest } from '../support/http';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('browser-server-update-failed');
const running: RunningBrowserServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  dirs.removeAll();
});

const WORDS =
  'Cadence could not update your data for this version: migration 25 (search) failed (no such table).\n' +
  'Your data file /data/cadence.db was left as it was, at its old schema (24; checked, it is sound).\n' +
  'Start Cadence again to try once more.';

/** A server whose start's update failed: the words are set before the core's promise rejects (run-browser-server.ts). */
async function serveFailedUpdate() {
  const rendererDir = dirs.make();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>Cadence</title></head><body></body></html>');
  const core = Promise.reject<CadenceCore>(new Error('no such table: decisions_fts'));
  core.catch(() => undefined);
  const auth = new SessionAuth(randomBytes(32));
  const server = await startBrowserServer({ core, auth, rendererDir, port: 0, failureWords: () => WORDS });
  running.push(server);
  const token = auth.issueSession().token;
  const post = (urlPath: string, input: unknown) =>
    rawRequest({
      port: server.port,
      method: 'POST',
      path: urlPath,
      headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${server.port}`, ...bearer(token) },
      body: JSON.stringify(input),
    });
  return { post };
}

describe('while the start’s update of the data has failed, the browser mode', () => {
  it('answers a screen’s first reads and an operation with a code and the words its page shows, not a bare 500', async () => {
    const { post } = await serveFailedUpdate();
    for (const [urlPath, input] of [
      ['/api/first-reads', { screen: 'home' }],
      ['/api/op/teams.list', {}],
    ] as const) {
      const answer = await post(urlPath, input);
      expect(answer.status, urlPath).toBe(503);
      expect(answer.headers['content-type'], urlPath).toBe('application/json');
      expect(JSON.parse(answer.body), urlPath).toEqual({ ok: false, error: { code: 'update_failed', message: WORDS } });
    }
  });
});
