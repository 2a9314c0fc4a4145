import { DomainError } from '@shared/result';
import type { Repositories } from '../../db/repositories';
import { AgreementReader } from './agreement-reader';

/**
 * Once a team has an operating agreement, a decision is recorded under one of its decision
 * rights; before that, the right is free text. Answers the right as the agreement spells it.
 */
export function decisionRightInForce(repos: Repositories, teamId: string, right: string | null): string | null {
  if (right === null) return null;
  const current = repos.agreements.current(teamId);
  if (!current) return right;
  const kinds = new AgreementReader(repos).body(current).decisionRights.map((r) => r.kind);
  const match = kinds.find((k) => k.toLocaleLowerCase() === right.toLocaleLowerCase());
  if (match) return match;
  const list = kinds.length > 0 ? `Choose one of: ${kinds.map((k) => `“${k}”`).join(', ')}` : 'It lists none yet';
  throw new DomainError(
    'conflict',
    `“${right}” is not a decision right in the team’s operating agreement (version ${current.version}). ${list}; or add it to the agreement first.`,
  );
}
