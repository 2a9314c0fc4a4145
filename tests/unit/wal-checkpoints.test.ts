import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHECKPOINT_EVERY_WRITES,
  CHECKPOINT_FINISH_EVERY_WRITES,
  CHECKPOINT_IDLE_MS,
  WalCheckpoints,
} from '../../src/main/core/wal-checkpoints';
import { checkpointInBackground, openDatabase, WAL_BACKSTOP_PAGES } from '../../src/main/db/open-database';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

const PAGE = 4096;
/** A WAL file's size in frames (each a page and its 24-byte header, after the file's 32-byte header). */
const framesIn = (file: string) => (fs.existsSync(file) ? Math.max(0, fs.statSync(file).size - 32) / (PAGE + 24) : 0);
const dirs = tempDirs('wal');
let t: TestCore | null = null;
afterEach(() => {
  t?.close();
  t = null;
  dirs.removeAll();
});

describe('checkpoints of the WAL', () => {
  it('run in the worker thread after writes, so the WAL starts again and stays short', async () => {
    t = await openTestCore();
    const db = t.core.opened.db;
    // The answering connection checkpoints only past the backstop; the worker does it long before.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BACKSTOP_PAGES);
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const wal = `${t.core.opened.file}-wal`;
    const writes = 20 * CHECKPOINT_EVERY_WRITES;
    for (let i = 1; i <= writes; i++) {
      await t.call('teams.rename', { teamId: team.id, name: `Ops ${i}` });
      // Every CHECKPOINT_EVERY_WRITES-th write asks the worker for a checkpoint; the test waits for it before the next
      // write (a write made while it runs is left for the next one), so it is exact.
      await t.core.checkpoints.settled();
    }
    // 640 commits of two pages or more, all durable, in a WAL that never held more than the writes between two checkpoints.
    expect(framesIn(wal)).toBeLessThan(CHECKPOINT_EVERY_WRITES * 8);
    expect(framesIn(wal)).toBeGreaterThan(0);
    expect((await t.call('teams.list', {})).find((x) => x.id === team.id)?.name).toBe(`Ops ${writes}`);
  });

  it('keep pace with writes that never pause: the answering connection finishes what the worker copied, so the WAL never reaches the backstop', async () => {
    t = await openTestCore();
    const team = await t.call('teams.create', { name: 'Ops', timeZone: 'UTC', members: ['Ana', 'Ben'] });
    const wal = `${t.core.opened.file}-wal`;
    t.core.opened.db.pragma('wal_checkpoint(TRUNCATE)');
    // Writes of two pages or more, one after another with no pause and no wait for the worker's checkpoints (each
    // asked for after CHECKPOINT_EVERY_WRITES of them, running in the worker while the next writes commit): twice the
    // backstop's pages written.
    for (let i = 1; i <= WAL_BACKSTOP_PAGES; i++) await t.call('teams.rename', { teamId: team.id, name: `Ops ${i}` });
    await t.core.checkpoints.settled();
    // The WAL's file keeps the size it reached: it never held the backstop's 4,000 pages.
    expect(framesIn(wal)).toBeLessThan(WAL_BACKSTOP_PAGES);
    // 4,000 writes: some 6 s on a quiet machine, over the default 20 s on a busy 2-core one (a fresh clone's CI beside
    // a repeated e2e run); nothing here is timed.
  }, 120_000);

  it('are finished on the answering connection every few writes with no pause, tried again while another holds the file', () => {
    let finished = 0;
    let free = true;
    const checkpoints = new WalCheckpoints(
      async () => undefined,
      (error) => {
        throw error;
      },
      null,
      () => {
        if (free) finished++;
        return free;
      },
    );
    for (let i = 1; i < CHECKPOINT_FINISH_EVERY_WRITES; i++) checkpoints.wrote();
    expect(finished).toBe(0);
    free = false;
    checkpoints.wrote();
    checkpoints.wrote();
    expect(finished).toBe(0);
    free = true;
    checkpoints.wrote();
    expect(finished).toBe(1);
    for (let i = 1; i < CHECKPOINT_FINISH_EVERY_WRITES; i++) checkpoints.wrote();
    expect(finished).toBe(1);
    checkpoints.wrote();
    expect(finished).toBe(2);
    checkpoints.stop();
  });

  it('are asked for after every few writes, and once writes pause', () => {
    vi.useFakeTimers();
    try {
      let asked = 0;
      const checkpoints = new WalCheckpoints(
        async () => void asked++,
        (error) => {
          throw error;
        },
      );
      for (let i = 0; i < CHECKPOINT_EVERY_WRITES; i++) checkpoints.wrote();
      // Not inside the write that made it due: in the event loop's next turn, once its reply has gone out.
      expect(asked).toBe(0);
      vi.advanceTimersByTime(0);
      expect(asked).toBe(1);
      // A few writes, each moving the pause on: none until the last is CHECKPOINT_IDLE_MS old.
      for (let i = 0; i < 3; i++) {
        checkpoints.wrote();
        vi.advanceTimersByTime(CHECKPOINT_IDLE_MS - 1);
      }
      expect(asked).toBe(1);
      vi.advanceTimersByTime(1);
      expect(asked).toBe(2);
      // Nothing written since: a pause asks for nothing more.
      vi.advanceTimersByTime(10 * CHECKPOINT_IDLE_MS);
      expect(asked).toBe(2);
      checkpoints.wrote();
      checkpoints.stop();
      vi.advanceTimersByTime(10 * CHECKPOINT_IDLE_MS);
      expect(asked).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('happen on the answering connection past the backstop when the worker cannot keep up, so the WAL never grows without bound', async () => {
    const file = path.join(dirs.make(), 'cadence.sqlite');
    const opened = await openDatabase(file);
    const db = opened.db;
    try {
      checkpointInBackground(db);
      db.exec('create table scratch (id integer primary key, body text not null)');
      db.pragma('wal_checkpoint(TRUNCATE)');
      // No worker: ten pages a commit, until twice the backstop has been written.
      const insert = db.prepare('insert into scratch (body) values (?)');
      const commit = db.transaction(() => {
        for (let row = 0; row < 10; row++) insert.run('x'.repeat(3500));
      });
      const commits = Math.ceil((2 * WAL_BACKSTOP_PAGES) / 10);
      let most = 0;
      for (let i = 0; i < commits; i++) {
        commit();
        most = Math.max(most, framesIn(`${file}-wal`));
      }
      expect((db.prepare('select count(*) as n from scratch').get() as { n: number }).n).toBe(commits * 10);
      // The commit that crosses the backstop checkpoints; the next starts the WAL again.
      expect(most).toBeGreaterThanOrEqual(WAL_BACKSTOP_PAGES);
      expect(most).toBeLessThan(WAL_BACKSTOP_PAGES + 40);
    } finally {
      db.close();
    }
  });
});
