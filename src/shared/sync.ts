/** A team's link to its git repository and how its syncs go (issue 19), as the team page and the CLI show it. */

/** Why the last sync did not complete, or what the last one noticed: each shown in words and retried. */
export type SyncProblemKind =
  | 'git-missing'
  | 'offline'
  | 'auth'
  | 'not-found'
  | 'rejected'
  | 'disk-full'
  | 'not-bare'
  | 'untrusted'
  | 'rewritten'
  | 'refused'
  | 'other';

/**
 * Something two laptops changed differently: the row (table, id, column) and the value every laptop kept and the
 * other one, as text, for tools and tests; `words` says what it is about and what happened, as a person reads it.
 */
export interface SyncConflictView {
  entity: string;
  id: string;
  field: string;
  kept: string;
  other: string;
  at: number;
  /** Absent from lists a sync stored before conflicts were described: the next sync describes them. */
  words?: string;
}

export interface SyncStatus {
  teamId: string;
  /** null: the team is not linked to a repository. */
  url: string | null;
  running: boolean;
  /** The last sync that completed (fetched, merged, committed). */
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  problem: { kind: SyncProblemKind; message: string } | null;
  /** What waits to go out: a commit the repository has not taken yet, and the team's changes since the last sync. */
  waiting: { unpushed: boolean; changesSinceSync: number };
  /** The last completed sync's counts: rows that came in from the others, and rows this laptop sent. */
  incoming: number;
  outgoing: number;
  conflicts: SyncConflictView[];
}
