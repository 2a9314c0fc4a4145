import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '@shared/planning';

/** A record's file: its number, four digits at least (madrFileName: `10000-….md` past 9999, as adr-tools names it). */
const RECORD = /^(\d{4,})-.+\.md$/;
/** How every record Cadence writes begins: MADR's front matter, status first. */
const WRITTEN_BY_CADENCE = '---\nstatus: ';

/**
 * Files an earlier export wrote for decisions renamed since: the same number under another name,
 * which log4brains would read as a second record. Only files that begin as Cadence writes a record
 * are named; anything else a person keeps in the folder stays, whatever it is called.
 */
export function renamedRecords(folder: string, files: ExportedFile[]): string[] {
  const written = new Set(files.map((f) => path.join(folder, f.suggestedName)));
  const numbersIn = new Map<string, Set<string>>();
  for (const f of files) {
    const number = RECORD.exec(path.basename(f.suggestedName))?.[1];
    if (!number) continue;
    const dir = path.dirname(path.join(folder, f.suggestedName));
    numbersIn.set(dir, (numbersIn.get(dir) ?? new Set()).add(number));
  }
  const stale: string[] = [];
  for (const [dir, numbers] of numbersIn) {
    // Regular files only: a folder named like a record cannot be read as one, a FIFO would block the read for ever,
    // and a link's target is not this export's to judge.
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const name = entry.name;
      const file = path.join(dir, name);
      const number = RECORD.exec(name)?.[1];
      if (number && numbers.has(number) && !written.has(file) && fs.readFileSync(file, 'utf8').startsWith(WRITTEN_BY_CADENCE))
        stale.push(file);
    }
  }
  return stale;
}
