import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { madrFileName } from '../../src/main/services/exports/decisions-madr';
import { renamedRecords } from '../../src/main/services/exports/madr-renamed';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('madr-renamed');
afterEach(() => dirs.removeAll());

const record = (title: string) => `---\nstatus: accepted\n---\n\n# ${title}\n`;

describe('a renamed decision numbered past 9999', () => {
  it('has the earlier export’s file of its number named to go, as below 10000 (it stayed: a second record for log4brains)', () => {
    const folder = dirs.make();
    // As adr-tools names them (printf %04d): four digits at least, five from 10000 on; no earlier file is renamed.
    expect(madrFileName(7, 'Old')).toBe('0007-old.md');
    expect(madrFileName(10000, 'Old')).toBe('10000-old.md');
    for (const n of [7, 10000]) fs.writeFileSync(path.join(folder, madrFileName(n, 'Old title')), record('Old title'));
    // A file a person keeps under that number stays, whatever it is called.
    fs.writeFileSync(path.join(folder, '10000-our-notes.md'), '# Our notes\n');
    const files = [7, 10000].map((n) => ({ suggestedName: madrFileName(n, 'New title'), content: record('New title') }));
    expect(
      renamedRecords(folder, files)
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['0007-old-title.md', '10000-old-title.md']);
  });
});
