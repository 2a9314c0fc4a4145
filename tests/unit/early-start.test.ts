import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CadenceCore } from '../../src/main/core/cadence-core';
import { holdDataFolder, isUsualStart } from '../../src/main/core/early-start';
import { DataDirLockedError } from '../../src/main/data-folder/data-lock';
import { startBrowserServer } from '../../src/main/server/browser-server';
import { SessionAuth } from '../../src/main/server/session-auth';
import { openTestCore } from '../support/core';
import { rawRequest } from '../support/http';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('early-start');
afterEach(() => dirs.removeAll());

/** A data folder whose database was opened, given a team, and closed cleanly, as a person's folder is between runs. */
async function usedFolder(): Promise<string> {
  const dataDir = dirs.make();
  const test = await openTestCore(undefined, dataDir);
  await test.call('teams.create', { name: 'Harbor', timeZone: 'UTC', members: ['Ana'] });
  test.close();
  return dataDir;
}

describe('the usual start (the address printed before the database is open)', () => {
  it('is a folder closed cleanly at this schema; a first start, a crash, damage or an older schema is not', async () => {
    expect(isUsualStart(dirs.make())).toBe(false);
    const dataDir = await usedFolder();
    expect(isUsualStart(dataDir)).toBe(true);

    const file = path.join(dataDir, 'cadence.sqlite');
    const db = new Database(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${version - 1}`);
    db.close();
    expect(isUsualStart(dataDir)).toBe(false);
    const again = new Database(file);
    again.pragma(`user_version = ${version}`);
    again.close();
    expect(isUsualStart(dataDir)).toBe(true);

    fs.writeFileSync(path.join(dataDir, 'cadence.running'), JSON.stringify({ pid: 999999, since: Date.now() }));
    expect(isUsualStart(dataDir)).toBe(false);
    fs.rmSync(path.join(dataDir, 'cadence.running'));
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(isUsualStart(dataDir)).toBe(false);
  });

  it('takes the folder before anything is printed: a second server is refused while the first holds it', () => {
    const dataDir = dirs.make();
    const first = holdDataFolder(dataDir, 'browser server');
    try {
      expect(() => holdDataFolder(dataDir, 'browser server')).toThrow(DataDirLockedError);
    } finally {
      first.release();
    }
  });

  it('serves the page while the database opens, and answers an operation sent meanwhile once it is open', async () => {
    const dataDir = await usedFolder();
    const rendererDir = dirs.make();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Cadence</title>');
    let open: (core: CadenceCore) => void = () => {};
    const core = new Promise<CadenceCore>((resolve) => (open = resolve));
    const auth = new SessionAuth(randomBytes(32));
    const server = await startBrowserServer({ core, auth, rendererDir, port: 0 });
    let opened: CadenceCore | null = null;
    try {
      const origin = `http://127.0.0.1:${server.port}`;
      const asked = rawRequest({
        port: server.port,
        method: 'POST',
        path: '/api/op/teams.list',
        headers: { 'Content-Type': 'application/json', Origin: origin, Authorization: `Bearer ${auth.issueSession().token}` },
        body: '{}',
      });
      let answered = false;
      void asked.then(() => (answered = true));
      // The page and the sign-in need no database: both answer while it is not yet open.
      const page = await rawRequest({ port: server.port, path: '/' });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Cadence</title>');
      const signIn = await rawRequest({
        port: server.port,
        method: 'POST',
        path: '/api/session',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ code: auth.issueCode() }),
      });
      expect(signIn.status).toBe(200);
      // The operation waits for the database rather than failing.
      expect(answered).toBe(false);

      const test = await openTestCore(undefined, dataDir);
      opened = test.core;
      open(test.core);
      const answer = await asked;
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body) as { ok: boolean; value: { name: string }[] };
      expect(body.ok).toBe(true);
      expect(body.value.map((team) => team.name)).toEqual(['Harbor']);
    } finally {
      await server.close();
      opened?.close();
    }
  });
});
