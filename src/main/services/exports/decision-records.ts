import type { DecisionDetail } from '@shared/decisions';
import { DomainError } from '@shared/result';
import type { Repositories } from '../../db/repositories';
import type { DecisionsService } from '../decisions/decisions-service';
import { toZoned } from '../planning/zoned-time';
import { contract } from '@shared/contract';

/** One decision as an export writes it: its full record and the day it was decided, in its team's time zone. */
export interface DecisionRecord {
  detail: DecisionDetail;
  /** 'YYYY-MM-DD': when it was decided, else when its meeting was, else when it was proposed. */
  date: string;
  at: number;
  zone: string;
}

export interface DecisionExportScope {
  /** "All teams" or the team's name, for titles and the index. */
  title: string;
  teamName: string | null;
  records: DecisionRecord[];
}

const PAGE = 500;

/**
 * Every decision of one team (or of all teams) through the decision log, in a stable order: the date
 * of the decision, then its id. Numbering files by this order keeps an exported folder's names the
 * same from one export to the next, so a team can keep it in git.
 */
export function collectDecisions(repos: Repositories, decisions: DecisionsService, teamId: string | null): DecisionExportScope {
  const team = teamId ? repos.teams.find(teamId) : null;
  if (teamId && !team) throw new DomainError('not_found', 'That team does not exist');
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = decisions.search(contract['decisions.search'].input.parse({ teamId, sort: 'oldest', offset, limit: PAGE }));
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < PAGE || ids.length >= page.total) break;
  }
  const zones = new Map<string, string>();
  const zoneOf = (id: string) => {
    if (!zones.has(id)) zones.set(id, repos.teams.find(id)?.timeZone ?? 'UTC');
    return zones.get(id)!;
  };
  const records = ids.map((id): DecisionRecord => {
    const detail = decisions.get(id);
    const at = detail.decidedAt ?? detail.meetingStart ?? detail.createdAt;
    const zone = zoneOf(detail.teamId);
    return { detail, at, zone, date: toZoned(at, zone).date };
  });
  records.sort((a, b) => a.at - b.at || (a.detail.id < b.detail.id ? -1 : a.detail.id > b.detail.id ? 1 : 0));
  return { title: team ? team.name : 'All teams', teamName: team?.name ?? null, records };
}
