import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';

/** Repository-relative POSIX path -> file text (UTF-8). Only Cadence's data files, under `cadence/`. */
export type TreeFiles = ReadonlyMap<string, string>;

/** Two laptops changed one field differently; `kept` won on every laptop. `at` = when it was first found. */
export interface SyncConflict {
  entity: string;
  id: string;
  field: string;
  kept: unknown;
  other: unknown;
  at: number;
}

export interface MergeOutcome {
  /** The merged state, to be written to the clone and committed (the database now holds exactly this). */
  tree: TreeFiles;
  /** Rows that came in or changed from the other side. */
  incoming: number;
  /** Rows this laptop changed since the base. */
  outgoing: number;
  /** Found in this merge, plus those already recorded in the tree (they are files too, so every laptop lists the same). */
  conflicts: SyncConflict[];
  /** A commit message a person understands, e.g. "Monday accountability, 2026-11-30: ended; 2 decisions". */
  summary: string;
}

/** A tree Cadence will not merge (hostile or unreadable), with the reason in plain words; nothing was written. */
export class SyncRefused extends DomainError {
  constructor(reason: string) {
    super('invalid_input', `${reason} Nothing was synced.`);
    this.name = 'SyncRefused';
  }
}

/** The team's state now, as files (deterministic: same database, same bytes). */
export function teamTree(repos: Repositories, teamId: string): TreeFiles {
  void repos;
  void teamId;
  throw new Error('teamTree: being written on branch syncdata');
}

/**
 * Checks `base` and `theirs` (throws SyncRefused), merges base/ours/theirs by Cadence's rules and writes
 * the result in ONE transaction (foreign keys checked). base = the tree of the last synced commit (null
 * the first time), theirs = the remote's tree (null when the remote is empty).
 */
export function mergeTeamTree(
  repos: Repositories,
  clock: Clock,
  teamId: string,
  base: TreeFiles | null,
  theirs: TreeFiles | null,
): MergeOutcome {
  void [repos, clock, teamId, base, theirs];
  throw new Error('mergeTeamTree: being written on branch syncdata');
}
