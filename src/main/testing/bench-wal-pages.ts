/**
 * How many pages a write's commit adds to the WAL: every table, index and trigger row it touches is one more page
 * written and synced, beside the one or two of the raw insert+commit. Counted on untimed runs, since the WAL is
 * emptied first (a checkpoint of everything before, which no timed write should be charged for).
 */
import fs from 'node:fs';
import type { CadenceCore } from '../core/cadence-core';

const FRAME_HEADER = 24;
const WAL_HEADER = 32;

/** The pages `write` committed, or null when the WAL could not be emptied first (another connection was reading an older snapshot). */
export async function walPagesOf(core: CadenceCore, write: () => Promise<unknown>): Promise<number | null> {
  const wal = `${core.opened.file}-wal`;
  core.opened.db.pragma('wal_checkpoint(TRUNCATE)');
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return null;
  await write();
  const pageSize = core.opened.db.pragma('page_size', { simple: true }) as number;
  return (fs.statSync(wal).size - WAL_HEADER) / (pageSize + FRAME_HEADER);
}

/** "3-5 WAL pages" over the counts that could be taken. */
export function pagesLabel(counts: (number | null)[]): string {
  const known = counts.filter((c): c is number => c !== null);
  if (known.length === 0) return 'WAL pages not counted';
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  return `${lo === hi ? lo : `${lo}-${hi}`} WAL page${hi === 1 ? '' : 's'}`;
}
