import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeWriteError, writeFileAtomic, writeFileFlushLater } from '../../src/main/data-folder/atomic-write';

let dir: string;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('writeFileFlushLater', () => {
  it('replaces the file at once, whole, and settles once it is flushed', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-atomic-'));
    const target = path.join(dir, 'cadence.running');
    fs.writeFileSync(target, 'old');
    const flushed = writeFileFlushLater(target, '{"pid":1}');
    expect(fs.readFileSync(target, 'utf8')).toBe('{"pid":1}');
    expect(fs.readdirSync(dir)).toEqual(['cadence.running']);
    await expect(flushed).resolves.toBeUndefined();
  });

  it('throws at once when the write fails, leaving what was there intact', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-atomic-'));
    const target = path.join(dir, 'cadence.running');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'keep me');
    expect(() => writeFileFlushLater(target, 'replacement')).toThrow();
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(fs.readdirSync(dir)).toEqual(['cadence.running']);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file behind', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-atomic-'));
    const target = path.join(dir, 'minutes.md');
    fs.writeFileSync(target, 'old');
    writeFileAtomic(target, '# new\n');
    expect(fs.readFileSync(target, 'utf8')).toBe('# new\n');
    expect(fs.readdirSync(dir)).toEqual(['minutes.md']);
  });

  it('a failed rename leaves what was there intact and no temp file behind', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-atomic-'));
    // A non-empty folder where the file should go: rename(2) must fail, whoever runs the test (root included).
    const target = path.join(dir, 'minutes.md');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'keep me');
    expect(() => writeFileAtomic(target, 'replacement')).toThrow();
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('keep me');
    expect(fs.readdirSync(dir)).toEqual(['minutes.md']);
  });

  it('turns the usual write errors into messages a person can act on', () => {
    const target = '/exports/minutes.md';
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(describeWriteError(err('EACCES'), target)).toBe(
      'Cadence may not write to /exports. Choose another folder. Nothing was changed.',
    );
    expect(describeWriteError(err('EROFS'), target)).toContain('Choose another folder');
    expect(describeWriteError(err('ENOSPC'), target)).toContain('disk is full');
  });

  it('a missing folder fails without creating anything', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-atomic-'));
    const target = path.join(dir, 'gone', 'minutes.md');
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
