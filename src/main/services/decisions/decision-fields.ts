import type { ParsedInputOf } from '@shared/contract';
import type { DecisionOption } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { DecisionRow } from '../../db/repositories/decisions-repository';
import type { DecisionsTable } from '../../db/schema';
import { decisionRightInForce } from '../agreements/decision-rights';
import { parseJson } from '../../db/repositories/decision-domain';

export type Fields = Omit<ParsedInputOf<'decisions.update'>, 'decisionId'>;

/** Field names as a person reads them in an amendment's history. */
const FIELD_LABELS: Record<keyof Fields, string> = {
  title: 'Title',
  question: 'Question',
  context: 'Context',
  options: 'Options',
  decision: 'Decision',
  rationale: 'Rationale',
  proposerId: 'Proposer',
  ownerId: 'Decision owner',
  decisionRight: 'Decision right',
  risks: 'Risks',
  timeline: 'Expected timeline',
  reviewDate: 'Review date',
  tags: 'Tags',
};

/** Writes the fields a person changed and says what changed, as an amendment records it. */
export function applyFields(repos: Repositories, clock: Clock, row: DecisionRow, fields: Fields): Amendment['changes'] {
  const changes: Amendment['changes'] = [];
  const set: Partial<DecisionsTable> = {};
  const note = (key: keyof Fields, from: string, to: string) => {
    if (from !== to) changes.push({ field: FIELD_LABELS[key], from, to });
    return from !== to;
  };
  const memberName = (memberId: string | null) => (memberId ? (repos.members.find(memberId)?.name ?? '') : '');
  const text = ['title', 'question', 'context', 'decision', 'rationale', 'risks', 'timeline'] as const;
  for (const key of text) {
    const value = fields[key];
    if (value !== undefined && note(key, row[key], value)) set[key] = value;
  }
  if (fields.options !== undefined) {
    const before = parseJson<DecisionOption[]>(row.options_json, []);
    const show = (o: DecisionOption[]) => o.map((x) => x.title).join('; ');
    const json = JSON.stringify(fields.options);
    if (json !== row.options_json) {
      changes.push({ field: FIELD_LABELS.options, from: show(before), to: show(fields.options) });
      set.options_json = json;
    }
  }
  for (const key of ['proposerId', 'ownerId'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (value) requireActiveMember(repos, row.team_id, value);
    const column = key === 'ownerId' ? 'owner_id' : 'proposer_id';
    if (note(key, memberName(row[column]), memberName(value))) set[column] = value;
  }
  if (fields.decisionRight !== undefined && (row.decision_right ?? '') !== (fields.decisionRight ?? '')) {
    const right = decisionRightInForce(repos, row.team_id, fields.decisionRight);
    if (note('decisionRight', row.decision_right ?? '', right ?? '')) set.decision_right = right;
  }
  if (fields.reviewDate !== undefined && note('reviewDate', row.review_date ?? '', fields.reviewDate ?? '')) {
    set.review_date = fields.reviewDate;
  }
  if (fields.tags !== undefined) {
    const tags = [...new Set(fields.tags)];
    const before = parseJson<string[]>(row.tags_json, []);
    if (note('tags', before.join(', '), tags.join(', '))) {
      set.tags_json = JSON.stringify(tags);
      repos.decisions.setTags(row.id, tags);
    }
  }
  if (Object.keys(set).length > 0) repos.decisions.update(row.id, { ...set, updated_at: clock.now() });
  return changes;
}

export function requireActiveMember(repos: Repositories, teamId: string, memberId: string) {
  const member = repos.members.find(memberId);
  if (!member || member.teamId !== teamId) throw new DomainError('not_found', 'That person is not a member of this team');
  if (member.leftAt !== null) throw new DomainError('conflict', `${member.name} has left the team`);
  return member;
}
