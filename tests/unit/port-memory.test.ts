import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { portMemory } from '../../src/main/server/port-memory';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('port-memory');
afterEach(dirs.removeAll);

describe('the browser server’s remembered port in a data folder of the wrong shape', () => {
  it('a link in its place is replaced by a file of its own; the file it pointed to is left as it was', () => {
    const dir = dirs.make();
    const mine = path.join(dirs.make(), 'notes.txt');
    fs.writeFileSync(mine, 'my notes');
    const file = path.join(dir, 'browser-server.json');
    fs.symlinkSync(mine, file);
    const memory = portMemory(dir);
    expect(memory.read()).toBeNull();
    memory.write(4123);
    expect(fs.readFileSync(mine, 'utf8')).toBe('my notes');
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(portMemory(dir).read()).toBe(4123);
  });

  it('a folder in its place is neither read nor a reason to stop: the port is not remembered, and the folder stays', () => {
    const dir = dirs.make();
    const file = path.join(dir, 'browser-server.json');
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'keep.txt'), 'mine');
    const memory = portMemory(dir);
    expect(memory.read()).toBeNull();
    expect(() => memory.write(4123)).not.toThrow();
    expect(fs.readFileSync(path.join(file, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
