import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renamedRecords } from '../../src/main/services/exports/madr-renamed';
import { writeFilesToFolder } from '../../src/main/services/exports/write-folder';

// Walked against the browser server (attack13): a MADR export of every team into a folder where the team's folder was
// a symbolic link (a git checkout can hold one) wrote through it. The folder it led to lost its own README.md and a
// record-like file of its own, outside the folder the person chose.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cadence-${label}-`));
  dirs.push(dir);
  return dir;
}

const record = (n: string, title: string) => `---\nstatus: accepted\n---\n\n# ${n} ${title}\n`;

describe('an export into a folder that holds a symbolic link', () => {
  it('to another folder, where a team folder goes: refused in words, and nothing is written or removed anywhere', () => {
    const chosen = tempDir('export-chosen');
    const elsewhere = tempDir('export-elsewhere');
    fs.writeFileSync(path.join(elsewhere, 'README.md'), 'precious\n');
    fs.writeFileSync(path.join(elsewhere, '0001-keep-this.md'), record('0001', 'Keep this'));
    fs.symlinkSync(elsewhere, path.join(chosen, 'ops'));
    const files = [
      { suggestedName: 'README.md', content: '# Decisions\n' },
      { suggestedName: 'ops/0001-release-weekly.md', content: record('0001', 'Release weekly') },
      { suggestedName: 'ops/README.md', content: '# Ops\n' },
    ];

    const outcome = writeFilesToFolder(chosen, files, renamedRecords);

    expect(outcome).toEqual({
      status: 'failed',
      folder: chosen,
      written: 0,
      message:
        `${path.join(chosen, 'ops')} is a link to another folder (${elsewhere}); Cadence writes only inside the folder you chose. ` +
        'Remove the link or choose another folder. Nothing was changed.',
    });
    expect(fs.readdirSync(elsewhere).sort()).toEqual(['0001-keep-this.md', 'README.md']);
    expect(fs.readFileSync(path.join(elsewhere, 'README.md'), 'utf8')).toBe('precious\n');
    expect(fs.readdirSync(chosen)).toEqual(['ops']);
  });

  it('where a file goes: the link itself is replaced, and the file it led to is left as it was', () => {
    const chosen = tempDir('export-chosen');
    const elsewhere = tempDir('export-elsewhere');
    fs.writeFileSync(path.join(elsewhere, 'notes.md'), 'precious\n');
    fs.symlinkSync(path.join(elsewhere, 'notes.md'), path.join(chosen, 'README.md'));

    expect(writeFilesToFolder(chosen, [{ suggestedName: 'README.md', content: '# Decisions\n' }], renamedRecords)).toMatchObject({
      status: 'saved',
    });
    expect(fs.lstatSync(path.join(chosen, 'README.md')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(path.join(chosen, 'README.md'), 'utf8')).toBe('# Decisions\n');
    expect(fs.readFileSync(path.join(elsewhere, 'notes.md'), 'utf8')).toBe('precious\n');
  });
});
