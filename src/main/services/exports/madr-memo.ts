import { createHash } from 'node:crypto';
import type { DecisionRecord } from './decision-records';
import { madrRecord, type MadrPlaces } from './madr-record';

/** Teams whose rendered records are kept: a laptop syncs a handful; the one used longest ago goes first. */
const TEAMS_KEPT = 4;

type Rendered = Map<string, { input: string; content: string }>;
export type RenderRecord = (record: DecisionRecord, places: MadrPlaces) => string;

/**
 * Rendered MADR records kept from one export of a team to the next: a sync exports the team's folder after every
 * merge, and after one meeting nearly every record reads as before. A record is a function of its DecisionRecord and
 * of where the decisions it links to are (its supersede chain, what it replaces, what replaced it): when neither
 * changed (a digest of both says so), the text rendered last time is what rendering again would give. A renamed
 * member or decision changes the input of every record naming it, and those are rendered again.
 */
export class MadrMemo {
  private readonly teams = new Map<string, Rendered>();

  /** The renderer for one export of `teamId`'s folder: records not in it are let go when it ends. */
  forTeam(teamId: string): RenderRecord {
    const previous = this.teams.get(teamId) ?? new Map();
    const current: Rendered = new Map();
    this.teams.delete(teamId);
    if (this.teams.size >= TEAMS_KEPT) this.teams.delete(this.teams.keys().next().value!);
    this.teams.set(teamId, current);
    return (record, places) => {
      const d = record.detail;
      const linked = [d.supersedes, d.replacedBy, ...d.chain].flatMap((l) => (l ? [[l.id, places.href(l.id), places.slug(l.id)]] : []));
      const input = createHash('sha256')
        .update(JSON.stringify([record, linked]))
        .digest('base64');
      const was = previous.get(d.id);
      const content = was?.input === input ? was.content : madrRecord(record, places);
      current.set(d.id, { input, content });
      return content;
    };
  }
}
