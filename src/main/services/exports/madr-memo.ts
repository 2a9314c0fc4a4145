import type { DecisionRecord } from './decision-records';
import { madrRecord, type MadrPlaces } from './madr-record';
import { rowLine, type Cell, type TableColumns } from './markdown-nodes';

/** Teams whose rendered records are kept: a laptop syncs a handful; the one used longest ago goes first. */
const TEAMS_KEPT = 4;

type Rendered = Map<string, { input: unknown; content: string }>;

/** How an export renders a record and a row of its index: afresh, or answered from what was rendered before. */
export interface MadrRender {
  record(record: DecisionRecord, places: MadrPlaces): string;
  indexRow(columns: TableColumns, row: Cell[]): string;
  /** A record's file name (`make` works it out), by its number and title. */
  fileName(number: number, title: string, make: () => string): string;
}

/**
 * Rendered MADR records kept from one export of a team to the next: a sync exports the team's folder after every
 * merge, and after one meeting nearly every record reads as before. A record is a function of its DecisionRecord and
 * of where the decisions it links to are (its supersede chain, what it replaces, what replaced it): when neither
 * changed (compared value by value with the inputs kept from last time), the text rendered last time is what rendering again would give. A renamed
 * member or decision changes the input of every record naming it, and those are rendered again.
 */
export class MadrMemo {
  private readonly teams = new Map<string, Rendered>();

  /** The renderer for one export of `teamId`'s folder: records and rows not in it are let go when it ends. */
  forTeam(teamId: string): MadrRender {
    const previous = this.teams.get(teamId) ?? new Map();
    const current: Rendered = new Map();
    this.teams.delete(teamId);
    if (this.teams.size >= TEAMS_KEPT) this.teams.delete(this.teams.keys().next().value!);
    this.teams.set(teamId, current);
    const kept = (key: string, input: unknown, render: () => string) => {
      const was = previous.get(key);
      const content = was && sameJson(was.input, input) ? was.content : render();
      current.set(key, { input, content });
      return content;
    };
    return {
      record: (record, places) => {
        const d = record.detail;
        const linked = [d.supersedes, d.replacedBy, ...d.chain].flatMap((l) => (l ? [[l.id, places.href(l.id), places.slug(l.id)]] : []));
        return kept(d.id, [record, linked], () => madrRecord(record, places));
      },
      // The index's row of each decision, by what its line is made of (number, title, link, status, date, owner).
      indexRow: (columns, row) => {
        const input = JSON.stringify([columns, row]);
        return kept(`row ${input}`, '', () => rowLine(columns, row));
      },
      fileName: (number, title, make) => kept(`name ${number}\n${title}`, '', make),
    };
  }
}

/**
 * Whether two values of plain data would serialise to the same JSON, keys in the same order (a key holding undefined
 * counts as a difference, which only renders again). Walks both at once: no text is built, and the first difference
 * ends it, where serialising and hashing every record of a ten-year log cost most of a sync's export.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Anything but plain objects (a Date, say) is compared as JSON.stringify would write it.
  if (!isPlain(a) || !isPlain(b)) return JSON.stringify(a) === JSON.stringify(b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  const others = Object.keys(y);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== others[i] || !sameJson(x[keys[i]!], y[keys[i]!])) return false;
  return true;
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};
