import type { ParsedInputOf } from '@shared/contract';
import type { DecisionFacets, DecisionLogPage } from '@shared/decisions';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import { RANK_LIMIT } from '../../db/repositories/decisions-repository';
import { addDays, fromZoned, toZoned } from '../planning/zoned-time';
import { markAll, snippet as markSnippet } from './highlight';
import { toSearchQuery } from './search-query';

/** The decision log: full-text search, filters and pages over every team's decisions. */
export class DecisionLog {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  search(input: ParsedInputOf<'decisions.search'>): DecisionLogPage {
    const query = toSearchQuery(input.query);
    const zone = this.zoneFor(input.teamId);
    const today = toZoned(this.clock.now(), zone).date;
    const notices = [query.notice];
    if (input.from && input.to && input.from > input.to) notices.push('The “from” date is after the “to” date, so nothing can match.');
    if (input.query.trim() !== '' && query.match === null) {
      return { total: 0, offset: input.offset, rows: [], notice: query.notice, terms: [] };
    }
    const result = this.repos.decisions.searchLog({
      match: query.match,
      teamId: input.teamId,
      statuses: input.statuses,
      ownerId: input.ownerId,
      tag: input.tag,
      fromMs: input.from ? fromZoned(input.from, '00:00', zone) : null,
      toMs: input.to ? fromZoned(addDays(input.to, 1), '00:00', zone) : null,
      hasDissent: input.hasDissent,
      reviewDueBy: input.reviewDue ? today : null,
      sort: query.match === null && input.sort === 'relevance' ? 'newest' : input.sort,
      offset: input.offset,
      limit: input.limit,
    });
    if (query.match !== null && input.sort === 'relevance' && result.rankedBy === 'date') {
      notices.push(
        `More than ${RANK_LIMIT.toLocaleString('en-US')} matches, so the newest come first: add a word to rank them by relevance.`,
      );
    }
    return {
      total: result.total,
      offset: input.offset,
      notice: notices.filter(Boolean).join(' ') || null,
      terms: query.terms,
      rows: result.rows.map((r) => {
        const terms = { words: query.terms, lastIsPrefix: query.lastIsPrefix };
        const searched = query.match !== null;
        // The rationale first, then the decision, the context, the objections: where a reader looks.
        const snippet = searched
          ? ([r.rationale, r.decision, r.context, r.objection_text ?? ''].map((text) => markSnippet(text, terms)).find(Boolean) ?? '')
          : '';
        return {
          id: r.id,
          teamId: r.team_id,
          teamName: r.team_name,
          title: r.title,
          titleMarked: searched ? markAll(r.title, terms) : r.title,
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
