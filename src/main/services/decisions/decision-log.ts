import type { ParsedInputOf } from '@shared/contract';
import type { DecisionFacets, DecisionLogPage } from '@shared/decisions';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import { RANK_LIMIT } from '../../db/repositories/decisions-repository';
import { addDays, fromZoned, toZoned } from '../planning/zoned-time';
import { marker } from './highlight';
import { toSearchQuery, wholeWordsOf } from './search-query';

/** The decision log: full-text search, filters and pages over every team's decisions. */
export class DecisionLog {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  search(input: ParsedInputOf<'decisions.search'>): DecisionLogPage {
    const query = toSearchQuery(input.query);
    // Read only where a date needs it: the team's zone, or the system's from Intl, costs 0.3-0.5 ms a search.
    let zoneRead: string | undefined;
    const zone = () => (zoneRead ??= this.zoneFor(input.teamId));
    const notices = [query.notice];
    if (input.from && input.to && input.from > input.to) notices.push('The “from” date is after the “to” date, so nothing can match.');
    if (input.query.trim() !== '' && query.match === null) {
      return { total: 0, totalIsExact: true, offset: input.offset, rows: [], notice: query.notice, terms: [] };
    }
    const result = this.repos.decisions.searchLog({
      match: query.match,
      wholeWords: wholeWordsOf(query),
      teamId: input.teamId,
      statuses: input.statuses,
      ownerId: input.ownerId,
      tag: input.tag,
      fromMs: input.from ? fromZoned(input.from, '00:00', zone()) : null,
      toMs: input.to ? fromZoned(addDays(input.to, 1), '00:00', zone()) : null,
      hasDissent: input.hasDissent,
      reviewDueBy: input.reviewDue ? toZoned(this.clock.now(), zone()).date : null,
      sort: query.match === null && input.sort === 'relevance' ? 'newest' : input.sort,
      offset: input.offset,
      limit: input.limit,
    });
    if (result.rankedBy === 'recorded') {
      notices.push(
        `More than ${RANK_LIMIT.toLocaleString('en-US')} matches, so the most recently recorded come first: add a word to rank them by relevance.`,
      );
    }
    const mark = query.match !== null ? marker({ words: query.terms, lastIsPrefix: query.lastIsPrefix }) : null;
    return {
      total: result.total,
      totalIsExact: result.totalIsExact,
      offset: input.offset,
      notice: notices.filter(Boolean).join(' ') || null,
      terms: query.terms,
      rows: result.rows.map((r) => {
        // The rationale first, then the decision, the context, the objections: where a reader looks.
        let snippet = '';
        for (const text of mark ? [r.rationale, r.decision, r.context, r.objection_text ?? ''] : []) {
          snippet = mark!.snippet(text);
          if (snippet) break;
        }
        return {
          id: r.id,
          teamId: r.team_id,
          teamName: r.team_name,
          title: r.title,
          titleMarked: mark ? mark.all(r.title) : r.title,
          snippet,
          status: r.status,
          ownerName: r.owner_name,
          decisionRight: r.decision_right,
          loggedAt: r.logged_at,
          reviewDate: r.review_date,
          tags: r.tags ? r.tags.split('\u001f') : [],
          hasDissent: r.has_dissent === 1,
          meetingId: r.meeting_id,
          meetingTitle: r.meeting_title,
          supersedesId: r.supersedes_id,
        };
      }),
    };
  }

  facets(teamId: string | null): DecisionFacets {
    const f = this.repos.decisions.facets(teamId);
    return {
      teams: f.teams,
      owners: f.owners.map((o) => ({ id: o.id, name: o.name, teamName: o.team_name })),
      tags: f.tags,
      total: f.total,
    };
  }

  private zoneFor(teamId: string | null): string {
    const team = teamId ? this.repos.teams.find(teamId) : null;
    return team?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  }
}
