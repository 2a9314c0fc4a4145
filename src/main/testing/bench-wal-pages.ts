/**
 * How many pages a write's commit adds to the WAL: every table, index and trigger row it touches is one more page
 * written and synced, beside the one or two of the raw insert+commit. Counted on untimed runs. The WAL is checkpointed
 * first and restarted, not truncated: a truncated WAL file must grow again, and a write that grows it syncs its size
 * too, which made every write timed after a count some 0.1 ms slower. So the frames are counted in the file: those
 * after its header that carry the header's salt (frames left from before the restart carry the old one).
 */
import fs from 'node:fs';
import type { CadenceCore } from '../core/cadence-core';

const FRAME_HEADER = 24;
const WAL_HEADER = 32;

/**
 * The pages `write` committed, or null when the WAL could not be restarted first (another connection was reading an
 * older snapshot). The write runs either way: the bench's writes come in pairs (pause then resume, next then previous),
 * and a skipped pause made the resume after it fail with "The meeting is not paused".
 */
export async function walPagesOf(core: CadenceCore, write: () => Promise<unknown>): Promise<number | null> {
  return (await walFramesOf(core, write))?.length ?? null;
}

/** The page number of each frame `write` committed, in WAL order (a page written twice is there twice); null as above. */
export async function walFramesOf(core: CadenceCore, write: () => Promise<unknown>): Promise<number[] | null> {
  const wal = `${core.opened.file}-wal`;
  // A checkpoint the worker is making holds the checkpoint lock: the restart would find it busy.
  await core.checkpoints.settled();
  const [result] = core.opened.db.pragma('wal_checkpoint(RESTART)') as { busy: number }[];
  const restarted = result !== undefined && result.busy === 0;
  await write();
  if (!restarted) return null;
  const pageSize = core.opened.db.pragma('page_size', { simple: true }) as number;
  return framesOf(fs.readFileSync(wal), pageSize);
}

/** The page numbers of the frames at the WAL's start that belong to its current header (same salt). */
function framesOf(file: Buffer, pageSize: number): number[] {
  if (file.length < WAL_HEADER) return [];
  const salt1 = file.readUInt32BE(16);
  const salt2 = file.readUInt32BE(20);
  const pages: number[] = [];
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= file.length; at += FRAME_HEADER + pageSize) {
    if (file.readUInt32BE(at + 8) !== salt1 || file.readUInt32BE(at + 12) !== salt2) break;
    pages.push(file.readUInt32BE(at));
  }
  return pages;
}

/**
 * `BENCH_PAGES=1`: which table or index each written page belongs to (SQLite's dbstat, one walk of the whole file,
 * so once per write measured, after its counted runs), as "turns 1, live_actions_by_meeting 1.26" per write.
 * Page 1 holds the file's header, written whenever a page is allocated; a page in no b-tree is on the free list
 * (its trunk, written when a page is taken from it).
 */
export function pageOwners(core: CadenceCore, writes: number[][]): string {
  const wanted = new Set(writes.flat());
  const owner = new Map<number, string>();
  const pages = core.opened.db.prepare('select name, pageno from dbstat').iterate() as Iterable<{ name: string; pageno: number }>;
  for (const { name, pageno } of pages) if (wanted.has(pageno)) owner.set(pageno, name);
  owner.set(1, 'page 1 (header)');
  const tally = new Map<string, number>();
  for (const page of writes.flat()) {
    const name = owner.get(page) ?? 'free list';
    tally.set(name, (tally.get(name) ?? 0) + 1);
  }
  const per = (n: number) => (n / Math.max(1, writes.length)).toFixed(2).replace(/\.?0+$/, '');
  return [...tally.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${per(n)}`)
    .join(', ');
}

/** "3-5 WAL pages" over the counts that could be taken. */
export function pagesLabel(counts: (number | null)[]): string {
  const known = counts.filter((c): c is number => c !== null);
  if (known.length === 0) return 'WAL pages not counted';
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  return `${lo === hi ? lo : `${lo}-${hi}`} WAL page${hi === 1 ? '' : 's'}`;
}
