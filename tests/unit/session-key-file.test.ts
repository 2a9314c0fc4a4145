import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionAuth } from '../../src/main/server/session-auth';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('session-key');
afterEach(dirs.removeAll);

describe('the browser mode’s sign-in key in a data folder of the wrong shape', () => {
  it('a link in its place is replaced by a key file of its own; the file it pointed to is left as it was', () => {
    const dir = dirs.make();
    const mine = path.join(dirs.make(), 'notes.txt');
    fs.writeFileSync(mine, 'my notes', { mode: 0o644 });
    const key = path.join(dir, 'browser-session.key');
    fs.symlinkSync(mine, key);
    const auth = SessionAuth.fromDataDir(dir);
    expect(fs.readFileSync(mine, 'utf8')).toBe('my notes');
    expect(fs.statSync(mine).mode & 0o777).toBe(0o644);
    expect(fs.lstatSync(key).isFile()).toBe(true);
    expect(fs.readFileSync(key, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    // The key written is the one used: a session survives a restart.
    expect(SessionAuth.fromDataDir(dir).check(auth.issueSession().token).ok).toBe(true);
    // Signing out writes a new key in the same way.
    fs.rmSync(key);
    fs.symlinkSync(mine, key);
    auth.signOutEverywhere();
    expect(fs.readFileSync(mine, 'utf8')).toBe('my notes');
  });

  it('a folder in its place is named in words, and left as it was', () => {
    const dir = dirs.make();
    const key = path.join(dir, 'browser-session.key');
    fs.mkdirSync(key);
    fs.writeFileSync(path.join(key, 'keep.txt'), 'mine');
    expect(() => SessionAuth.fromDataDir(dir)).toThrow(
      `${key} is a folder, but it is where Cadence keeps the browser mode’s sign-in key. Move it out of the data folder, then start Cadence again.`,
    );
    expect(fs.readFileSync(path.join(key, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
