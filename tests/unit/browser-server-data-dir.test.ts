import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgs } from '../../src/main/data-folder/data-dir';

// `node out/main/server.js --data-dir <folder>` once opened ~/.config/Cadence, the person's own data, and said so
// only in its first line.
describe('the browser server’s data folder from its arguments', () => {
  const env = { CADENCE_DATA_DIR: '/from/env' };

  it('takes --data-dir before the environment, in both spellings', () => {
    expect(dataDirFromArgs(['--data-dir', '/tmp/walk'], env)).toBe('/tmp/walk');
    expect(dataDirFromArgs(['--port', '0', '--data-dir=/tmp/walk'], env)).toBe('/tmp/walk');
    expect(dataDirFromArgs(['--data-dir', 'rel/dir'], {})).toBe(path.resolve('rel/dir'));
  });

  it('falls back to CADENCE_DATA_DIR without the flag', () => {
    expect(dataDirFromArgs(['--port', '8080'], env)).toBe('/from/env');
  });

  it('refuses the flag without a folder rather than guessing', () => {
    expect(dataDirFromArgs(['--data-dir'], env)).toBeNull();
    expect(dataDirFromArgs(['--data-dir', '--port', '0'], env)).toBeNull();
    expect(dataDirFromArgs(['--data-dir=  '], env)).toBeNull();
  });
});
