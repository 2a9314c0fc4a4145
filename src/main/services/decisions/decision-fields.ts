import type { ParsedInputOf } from '@shared/contract';
import type { DecisionOption } from '@shared/decisions';
import type { Amendment } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { DecisionRecord, StoredDecision } from '../../db/repositories/decisions-repository';
import { decisionRightInForce } from '../agreements/decision-rights';

export type Fields = Omit<ParsedInputOf<'decisions.update'>, 'decisionId'>;

/** Field names as a person reads them in an amendment's history. */
export const FIELD_LABELS: Record<keyof Fields, string> = {
  title: 'Title',
  question: 'Question',
  context: 'Context',
  options: 'Options',
  chosenOption: 'Chosen option',
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
export function applyFields(repos: Repositories, clock: Clock, row: DecisionRecord, fields: Fields): Amendment['changes'] {
  const changes: Amendment['changes'] = [];
  const set: Partial<StoredDecision> = {};
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
    const show = (o: DecisionOption[]) => o.map((x) => x.title).join('; ');
    if (JSON.stringify(fields.options) !== JSON.stringify(row.options)) {
      changes.push({ field: FIELD_LABELS.options, from: show(row.options), to: show(fields.options) });
      set.options = fields.options;
    }
  }
  const chosen = chosenAfter(row, fields);
  if (note('chosenOption', row.chosenOption ?? '', chosen ?? '')) set.chosenOption = chosen;
  for (const key of ['proposerId', 'ownerId'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (value) requireActiveMember(repos, row.teamId, value);
    if (note(key, memberName(row[key]), memberName(value))) set[key] = value;
  }
  if (fields.decisionRight !== undefined && (row.decisionRight ?? '') !== (fields.decisionRight ?? '')) {
    const right = decisionRightInForce(repos, row.teamId, fields.decisionRight);
    if (note('decisionRight', row.decisionRight ?? '', right ?? '')) set.decisionRight = right;
  }
  if (fields.reviewDate !== undefined && note('reviewDate', row.reviewDate ?? '', fields.reviewDate ?? '')) {
    set.reviewDate = fields.reviewDate;
  }
  if (fields.tags !== undefined) {
    const tags = [...new Set(fields.tags)];
    if (note('tags', row.tags.join(', '), tags.join(', '))) {
      set.tags = tags;
      repos.decisions.setTags(row.id, tags);
    }
  }
  if (Object.keys(set).length > 0) repos.decisions.update(row.id, { ...set, updatedAt: clock.now() });
  return changes;
}

/** The chosen option named, checked to be one of the options; a clear error when it is not. */
export function requireOption(options: DecisionOption[], chosen: string | null): string | null {
  if (chosen === null || options.some((o) => o.title === chosen)) return chosen;
  const titles = options.map((o) => `“${o.title}”`).join(', ');
  throw new DomainError(
    'invalid_input',
    options.length === 0
      ? `“${chosen}” is not an option: this proposal has no options to choose from`
      : `“${chosen}” is not one of this proposal’s options; choose one of ${titles}`,
    { path: 'chosenOption' },
  );
}

/**
 * The chosen option once these fields are written. Named: it must be among the options. Not named:
 * it follows its option when the options are edited in place (a rename keeps the choice, by
 * position), and is cleared when its option is removed, so the record never names a missing option.
 */
function chosenAfter(row: DecisionRecord, fields: Fields): string | null {
  const options = fields.options ?? row.options;
  if (fields.chosenOption !== undefined) return requireOption(options, fields.chosenOption);
  if (row.chosenOption === null || options.some((o) => o.title === row.chosenOption)) return row.chosenOption;
  const at = row.options.findIndex((o) => o.title === row.chosenOption);
  return options.length === row.options.length && at >= 0 ? options[at]!.title : null;
}

export function requireActiveMember(repos: Repositories, teamId: string, memberId: string) {
  const member = repos.members.find(memberId);
  if (!member || member.teamId !== teamId) throw new DomainError('not_found', 'That person is not a member of this team');
  if (member.leftAt !== null) throw new DomainError('conflict', `${member.name} has left the team`);
  return member;
}
