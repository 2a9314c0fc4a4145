import type { DecisionDetail } from '@shared/decisions';
import type { Member } from '@shared/domain';
import { DomainError } from '@shared/result';
import type { Repositories } from '../../db/repositories';
import { DecisionReader } from '../decisions/decision-reader';
import { partsFromSet } from '../decisions/decision-set-parts';
import { offsetAt, toZoned } from '../planning/zoned-time';

/** One decision as an export writes it: its full record and the day it was decided, in its team's time zone. */
export interface DecisionRecord {
  detail: DecisionDetail;
  /** 'YYYY-MM-DD': when it was decided, else when its meeting was, else when it was proposed. */
  date: string;
  at: number;
  zone: string;
  /** The team's members on that day, in team order: MADR's "informed" are those who neither decided nor took a position. */
  teamMembers: string[];
}

export interface DecisionExportScope {
  /** "All teams" or the team's name, for titles and the index. */
  title: string;
  teamName: string | null;
  records: DecisionRecord[];
}

const BUCKET = 3 * 3_600_000;

/**
 * The calendar day of many instants in their zones, for thousands of records: the zone's offset is
 * asked of Intl once per three hours where it is the same at both ends (a zone changes its offset a
 * few times a year, never twice within hours), else exactly. The same day toZoned gives, for a
 * fraction of the cost when records share their hours, as a meeting's decisions do.
 */
export function zonedDays(): (at: number, zone: string) => string {
  const offsets = new Map<string, number | null>();
  return (at, zone) => {
    const bucket = Math.floor(at / BUCKET) * BUCKET;
    const key = `${zone} ${bucket}`;
    let offset = offsets.get(key);
    if (offset === undefined) {
      const start = offsetAt(bucket, zone);
      offset = start === offsetAt(bucket + BUCKET - 1, zone) ? start : null;
      offsets.set(key, offset);
    }
    return offset === null ? toZoned(at, zone).date : new Date(at + offset).toISOString().slice(0, 10);
  };
}

/**
 * Every decision of one team (or of all teams), each composed as the decision's page composes it,
 * in a stable order: the date of the decision, then its id. Numbering files by this order keeps an
 * exported folder's names the same from one export to the next, so a team can keep it in git.
 */
export function collectDecisions(repos: Repositories, teamId: string | null): DecisionExportScope {
  const team = teamId ? repos.teams.find(teamId) : null;
  if (teamId && !team) throw new DomainError('not_found', 'That team does not exist');
  const reader = new DecisionReader(repos);
  const set = repos.decisionSets.ofTeam(teamId);
  const parts = partsFromSet(set, reader);
  const zones = new Map<string, string>();
  const zoneOf = (id: string) => {
    if (!zones.has(id)) zones.set(id, repos.teams.find(id)?.timeZone ?? 'UTC');
    return zones.get(id)!;
  };
  const members = new Map<string, Member[]>();
  const membersOf = (id: string) => {
    if (!members.has(id)) members.set(id, repos.members.listByTeam(id));
    return members.get(id)!;
  };
  const day = zonedDays();
  const records = set.rows.map((row): DecisionRecord => {
    const detail = reader.detail(row, parts);
    const at = detail.decidedAt ?? detail.meetingStart ?? detail.createdAt;
    const zone = zoneOf(detail.teamId);
    const teamMembers = membersOf(detail.teamId)
      .filter((m) => m.joinedAt <= at && (m.leftAt === null || m.leftAt > at))
      .map((m) => m.name);
    return { detail, at, zone, date: day(at, zone), teamMembers };
  });
  records.sort((a, b) => a.at - b.at || (a.detail.id < b.detail.id ? -1 : a.detail.id > b.detail.id ? 1 : 0));
  return { title: team ? team.name : 'All teams', teamName: team?.name ?? null, records };
}
