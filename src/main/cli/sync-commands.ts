import type { SyncStatus } from '@shared/sync';
import { DomainError } from '@shared/result';
import { systemClock } from '../core/clock';
import { createBackup, pruneBackups } from '../db/backups';
import { databasePath } from '../data-folder/data-dir';
import { Git } from '../services/sync/git';
import { dataInThisThread } from '../services/sync/merge-runner';
import { SyncService } from '../services/sync/sync-service';
import type { CliData } from './cli-data';
import { CliError } from './cli-errors';
import { resolveTeam, type Output } from './commands';

/** The sync service on the command line: one thread, the backup, the merge (on a connection of its own) and the commit made in it. */
function syncService(data: CliData, env: NodeJS.ProcessEnv, io: Output): SyncService {
  const file = databasePath(data.dataDir);
  return new SyncService({
    repos: data.repos,
    clock: systemClock,
    git: new Git(env),
    dataDir: data.dataDir,
    backup: async () => {
      const now = systemClock.now();
      await createBackup(file, data.dataDir, 'before-sync', now);
      pruneBackups(data.dataDir, now);
    },
    data: dataInThisThread(file, { ...env }),
    merged: () => undefined,
    statusChanged: () => undefined,
    // The command line holds the data-folder lock: no meeting is being held while it runs.
    meetingLive: () => false,
    logError: (what, error) => io.err(`cadence: ${what}: ${error instanceof Error ? error.message : String(error)}`),
  });
}

function report(data: CliData, status: SyncStatus, io: Output): boolean {
  const name = data.repos.teams.find(status.teamId)?.name ?? status.teamId;
  if (status.problem && status.problem.kind !== 'rewritten') {
    io.err(`${name}: not synced. ${status.problem.message}`);
    return false;
  }
  const conflicts = status.conflicts.length
    ? `; ${status.conflicts.length} conflict${status.conflicts.length === 1 ? '' : 's'} listed on the team page`
    : '';
  io.out(`${name}: synced with ${status.url} (${status.incoming} in, ${status.outgoing} out${conflicts}).`);
  if (status.problem) io.out(status.problem.message);
  return true;
}

const refusal = (error: unknown) => (error instanceof DomainError ? new CliError(error.message) : error);

/** `cadence sync [--team]`: every linked team (or the one named) synced now; fails if any did not. */
export async function syncTeams(data: CliData, opts: { team?: string }, env: NodeJS.ProcessEnv, io: Output): Promise<void> {
  const sync = syncService(data, env, io);
  const teamId = resolveTeam(data, opts.team);
  const linked = data.repos.syncLinks.list().filter((l) => teamId === null || l.team_id === teamId);
  if (linked.length === 0)
    throw new CliError(
      teamId
        ? 'That team is not linked to a repository: cadence sync link <url-or-path> --team <name or id>.'
        : 'No team is linked to a repository yet: cadence sync link <url-or-path> --team <name or id>.',
    );
  let allSynced = true;
  for (const link of linked)
    allSynced = report(data, await sync.run(link.team_id).catch((e: unknown) => Promise.reject(refusal(e))), io) && allSynced;
  if (!allSynced) throw new CliError('Some teams did not sync; nothing local was lost, and the next sync tries again.');
}

/** `cadence sync link <url-or-path> [--team]`: links a team here, or joins the team the repository holds. */
export async function linkTeam(data: CliData, url: string, opts: { team?: string }, env: NodeJS.ProcessEnv, io: Output): Promise<void> {
  const sync = syncService(data, env, io);
  const teamId = resolveTeam(data, opts.team) ?? undefined;
  const status = await sync.link(url, teamId).catch((e: unknown) => Promise.reject(refusal(e)));
  if (!report(data, status, io)) throw new CliError('The team is linked; the next sync tries again.');
}
