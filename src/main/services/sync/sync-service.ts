import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ChangeEvent } from '@shared/events';
import { DomainError } from '@shared/result';
import type { SyncConflictView, SyncProblemKind, SyncStatus } from '@shared/sync';
import { id } from '@shared/validation';
import type { SyncLinkRow } from '../../db/repositories/sync-links-repository';
import { isDiskFull } from '../../data-folder/disk-full';
import { GitFailure } from './git';
import { TreeRefused } from './git-tree';
import { cloneDir, ensureClone, fetchHead, forgetClone, syncRoot, teamOfCommit } from './sync-clone';
import type { DescribedConflict } from './sync-data';
// From its own module, not through sync-data: main would otherwise load the whole merge (46 KB of code that runs in the
// worker thread, merge-job.ts) at every start.
import { SyncRefused } from './sync-refused';
import { checkRemote, shownRemote } from './sync-remote';
import { SyncPostponed, syncRound, type RoundDeps } from './sync-round';

export interface SyncServiceDeps extends RoundDeps {
  dataDir: string;
  /** Announces that a team's sync status changed (a run began or ended) outside any operation. */
  statusChanged: (teamId: string) => void;
  /** A sync that failed for a reason git or the merge did not give (a bug): to the log, since no one waits for it. */
  logError: (what: string, error: unknown) => void;
}

const DISK_FULL =
  'A disk is full: this computer’s, or the one the repository is on. Free some space; everything is kept here and goes out on the next sync.';

const PROBLEM_WORDS: Record<Exclude<SyncProblemKind, 'git-missing' | 'refused' | 'rewritten'>, string> = {
  offline:
    'Could not reach the repository (no network, or its host does not answer). Everything is kept here and goes out on the next sync.',
  auth: 'The repository refused to sign you in. Cadence uses your own git set-up (SSH key or credential helper) and stores no password: check that `git fetch` works for this address in a terminal.',
  'not-found':
    'There is no repository at that address, or you may not read it. Check the address, or create the repository (for a folder: git init --bare <folder>).',
  rejected: 'Others kept pushing while Cadence merged; it will try again. Everything is kept here.',
  'disk-full': DISK_FULL,
  'not-bare':
    'The repository at that address is a folder with its files checked out, so git lets no one push to its branch. A team’s repository is a bare one: make it with git init --bare <folder> and link that. Everything is kept here.',
  untrusted:
    'git does not trust the repository’s folder: it belongs to another account on this computer. If you trust that account, run the git config command at the end of this message in a terminal once, then sync again. Everything is kept here.',
  other: 'git could not complete the sync; Cadence will try again. Everything is kept here.',
};

const REWRITTEN =
  'The repository’s history was rewritten (it no longer holds what this laptop last sent). Cadence merged with what is there now, keeping everything from this laptop.';

const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

function conflictView(c: DescribedConflict): SyncConflictView {
  return { entity: c.entity, id: c.id, field: c.field, kept: asText(c.kept), other: asText(c.other), at: c.at, words: c.words };
}

/** Why a sync did not complete, in words the team page shows as they are. */
function problemOf(error: unknown): { kind: SyncProblemKind; message: string } | null {
  if (error instanceof TreeRefused || error instanceof SyncRefused)
    return { kind: 'refused', message: `The repository was refused: ${error.message}` };
  if (error instanceof GitFailure) {
    if (error.kind === 'git-missing') return { kind: 'git-missing', message: error.message };
    return { kind: error.kind, message: `${PROBLEM_WORDS[error.kind]} (${error.message})` };
  }
  // The backup before a merge, or the merge itself, could not write: the team page says so, as for git's own full disk.
  if (isDiskFull(error)) return { kind: 'disk-full', message: DISK_FULL };
  return null;
}

/**
 * Links teams to git repositories and syncs them: one sync per team at a time (a second request joins the one
 * running), a failure recorded with its reason and retried by the next sync. git runs in child processes; the
 * merge runs in one transaction in the worker thread (merge-job.ts), and the timers never start one while a meeting is held.
 */
export class SyncService {
  private readonly running = new Map<string, Promise<SyncStatus>>();
  /** Writes of each team since its last sync began: what waits to go out, as the team page counts it. */
  private readonly changed = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: SyncServiceDeps) {}

  status(teamId: string): SyncStatus {
    const link = this.deps.repos.syncLinks.get(teamId);
    const problem =
      link?.last_error && link.last_error_kind ? { kind: link.last_error_kind as SyncProblemKind, message: link.last_error } : null;
    return {
      teamId,
      url: link ? shownRemote(link.url) : null,
      running: this.running.has(teamId),
      lastSyncAt: link?.last_sync_at ?? null,
      lastAttemptAt: link?.last_attempt_at ?? null,
      problem,
      waiting: { unpushed: Boolean(link?.last_commit && !link.pushed), changesSinceSync: link ? (this.changed.get(teamId) ?? 0) : 0 },
      incoming: link?.incoming ?? 0,
      outgoing: link?.outgoing ?? 0,
      conflicts: link ? (JSON.parse(link.conflicts_json) as SyncConflictView[]) : [],
    };
  }

  /** Links a team here to `url`, or with no team joins the team the repository holds; then syncs it. */
  async link(typedUrl: string, teamId?: string): Promise<SyncStatus> {
    const url = checkRemote(typedUrl);
    const { repos, clock } = this.deps;
    if (teamId !== undefined) {
      if (!repos.teams.find(teamId)) throw new DomainError('not_found', 'That team is not on this laptop.');
      repos.syncLinks.link(teamId, url, clock.now());
      fs.rmSync(cloneDir(this.deps.dataDir, teamId), { recursive: true, force: true });
      // Linked now, synced when the meeting being held ends.
      return this.deps.meetingLive() ? this.status(teamId) : this.run(teamId);
    }
    const joined = await this.teamInRepository(url);
    if (repos.syncLinks.get(joined)) throw new DomainError('conflict', 'This laptop already syncs that team; sync it from its page.');
    repos.syncLinks.link(joined, url, clock.now());
    return this.run(joined);
  }

  /** Reads which team a repository holds (its head commit's trailer), in a clone that becomes the team's. */
  private async teamInRepository(url: string): Promise<string> {
    const dir = path.join(syncRoot(this.deps.dataDir), `joining-${randomUUID()}`);
    try {
      await ensureClone(this.deps.git, dir, url);
      const head = await fetchHead(this.deps.git, dir);
      if (!head)
        throw new DomainError(
          'invalid_input',
          'That repository is empty: link it from the team’s page on the laptop that holds the team first.',
        );
      const teamId = await teamOfCommit(this.deps.git, dir, head);
      if (!teamId || !id.safeParse(teamId).success)
        throw new DomainError('invalid_input', 'That repository was not written by Cadence’s sync (its last commit names no team).');
      const target = cloneDir(this.deps.dataDir, teamId);
      if (!this.deps.repos.syncLinks.get(teamId)) {
        fs.rmSync(target, { recursive: true, force: true });
        fs.renameSync(dir, target);
      }
      return teamId;
    } catch (error) {
      if (error instanceof GitFailure) throw new DomainError('invalid_input', problemOf(error)!.message);
      throw error;
    } finally {
      forgetClone(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  unlink(teamId: string): SyncStatus {
    if (this.running.has(teamId)) throw new DomainError('conflict', 'This team is syncing now: unlink it once the sync has ended.');
    if (!this.deps.repos.syncLinks.unlink(teamId)) throw new DomainError('not_found', 'That team is not linked to a repository.');
    this.changed.delete(teamId);
    fs.rmSync(cloneDir(this.deps.dataDir, teamId), { recursive: true, force: true });
    return this.status(teamId);
  }

  /**
   * Syncs one team now; a sync of it already running is joined rather than started twice. Not while a meeting
   * is held here: the merge writes the database, and the meeting's writes never wait for it (its end syncs).
   */
  run(teamId: string): Promise<SyncStatus> {
    const running = this.running.get(teamId);
    if (running) return running;
    if (this.deps.meetingLive())
      return Promise.reject(
        new DomainError(
          'conflict',
          'A meeting is being held on this laptop: the team syncs when it ends, so the meeting never waits for git.',
        ),
      );
    const link = this.deps.repos.syncLinks.get(teamId);
    if (!link) return Promise.reject(new DomainError('not_found', 'That team is not linked to a repository: link one first.'));
    const done = this.runLinked(link).finally(() => {
      this.running.delete(teamId);
      this.deps.statusChanged(teamId);
    });
    this.running.set(teamId, done);
    this.deps.statusChanged(teamId);
    return done;
  }

  private async runLinked(link: SyncLinkRow): Promise<SyncStatus> {
    const { repos, clock } = this.deps;
    const teamId = link.team_id;
    const changedBefore = this.changed.get(teamId) ?? 0;
    const dir = cloneDir(this.deps.dataDir, teamId);
    try {
      await ensureClone(this.deps.git, dir, link.url);
      const result = await syncRound(this.deps, dir, link);
      const at = clock.now();
      this.changed.set(teamId, Math.max(0, (this.changed.get(teamId) ?? 0) - changedBefore));
      repos.syncLinks.record(teamId, {
        ok: true,
        at,
        commit: result.commit,
        pushed: result.pushed,
        incoming: result.outcome.incoming,
        outgoing: result.outcome.outgoing,
        conflictsJson: JSON.stringify(result.outcome.conflicts.map(conflictView)),
      });
      const problem = result.pushFailure
        ? problemOf(result.pushFailure)
        : result.rewritten
          ? { kind: 'rewritten' as const, message: REWRITTEN }
          : null;
      if (problem) repos.syncLinks.record(teamId, { ok: false, at, error: problem.message, kind: problem.kind });
    } catch (error) {
      if (error instanceof SyncPostponed) return this.status(teamId);
      forgetClone(dir);
      const problem = problemOf(error);
      if (!problem) throw error;
      // On a disk too full for even this note, its own error answers (disk_full), as any write's would.
      repos.syncLinks.record(teamId, { ok: false, at: clock.now(), error: problem.message, kind: problem.kind });
    }
    return this.status(teamId);
  }

  /** Counts a committed write of a linked team (not a sync's own), as what waits to go out. */
  noteChange(event: Pick<ChangeEvent, 'operation' | 'changes'>): void {
    if (event.operation.startsWith('sync.')) return;
    const teams = new Set(event.changes.map((c) => c.teamId).filter((t): t is string => t !== undefined));
    for (const teamId of teams)
      if (this.changed.has(teamId) || this.deps.repos.syncLinks.isLinked(teamId))
        this.changed.set(teamId, (this.changed.get(teamId) ?? 0) + 1);
  }

  /** Syncs every linked team unless a meeting is being held (then the next tick, or the meeting's end, does it). */
  async syncAll(): Promise<void> {
    if (this.deps.meetingLive()) return;
    for (const link of this.deps.repos.syncLinks.list()) await this.run(link.team_id);
  }

  /** A sync in the background (after a meeting ends, at start-up): never waited for, failures recorded as usual. */
  soon(teamId?: string): void {
    const linked = teamId === undefined ? this.deps.repos.syncLinks.list().length > 0 : Boolean(this.deps.repos.syncLinks.get(teamId));
    if (!linked) return;
    const sync = teamId === undefined ? this.syncAll() : this.deps.meetingLive() ? Promise.resolve() : this.run(teamId);
    sync.catch((error: unknown) => this.deps.logError('sync (in the background)', error));
  }

  startTimer(everyMs: number): void {
    this.timer = setInterval(() => this.soon(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
