import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../src/main/core/cadence-core';
import { holdDataFolder } from '../../src/main/core/early-start';
import { DataFolderUnwritableError } from '../../src/main/data-folder/folder-unwritable';
import { writeFilesToFolder } from '../../src/main/services/exports/write-folder';
import { openTestCore } from '../support/core';
import { mountProblem, testMounts } from '../support/mounts';

const START = Date.parse('2026-11-24T09:00:00Z');
const dirs: string[] = [];
const mounts = testMounts();
afterEach(() => {
  mounts.unmountAll();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Whether this machine lets the test mount (a read-only bind mount is a real EROFS, even for root). */
const cannotMount = mountProblem((probe) => ['--bind', probe, probe]);

describe.skipIf(cannotMount !== null)(
  `a read-only disk${cannotMount ? ` (skipped: mounting is not permitted here: ${cannotMount})` : ''}`,
  () => {
    // Walked with the folder on a read-only mount: the browser server printed "Cadence failed to start: EROFS:
    // read-only file system, chmod '/tmp/…'", a system call's words, and nothing about what to do.
    it('stops start-up in plain words that say which folder and what to do', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-readonly-'));
      dirs.push(dataDir);
      (await openTestCore(START, dataDir)).close();
      const before = fs.readdirSync(dataDir).sort();
      execFileSync('mount', ['--bind', dataDir, dataDir]);
      mounts.track(dataDir);
      execFileSync('mount', ['-o', 'remount,ro,bind', dataDir]);

      const error = await startCore({ dataDir, mode: 'browser', version: 'test', backgroundCheckAfterMs: null }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(DataFolderUnwritableError);
      expect(error!.message).toBe(
        `Cadence cannot write to its data folder ${dataDir} (it is on a read-only disk). ` +
          'Make it writable, or start Cadence with CADENCE_DATA_DIR set to a folder it can write, then start Cadence again.',
      );
      // The browser server's early start takes the folder before the core: the same words there.
      expect(() => holdDataFolder(dataDir, 'browser server')).toThrow(error!.message);
      expect(fs.readdirSync(dataDir).sort()).toEqual(before);
    });

    // Node's recursive mkdir answers ENOENT for EROFS, so the MADR export said "The folder … does not exist" of a
    // folder that did, on a read-only disk.
    it('names the folder an export may not write, not "does not exist"', () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-readonly-export-'));
      dirs.push(folder);
      execFileSync('mount', ['--bind', folder, folder]);
      mounts.track(folder);
      execFileSync('mount', ['-o', 'remount,ro,bind', folder]);
      const files = [{ suggestedName: 'team/0001-a.md', content: '# A\n' }];
      for (const target of [folder, path.join(folder, 'a', 'b')]) {
        expect(writeFilesToFolder(target, files)).toEqual({
          status: 'failed',
          folder: target,
          written: 0,
          message: `Cadence may not write to ${folder}. Choose another folder. Nothing was changed.`,
        });
      }
    });
  },
);
