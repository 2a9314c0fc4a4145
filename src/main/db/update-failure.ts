import path from 'node:path';
import { isDiskFull } from '../data-folder/disk-full';

/** What a start knows once the update of an earlier Cadence's file failed (open-database.ts reads it back). */
export interface UpdateFailure {
  file: string;
  /** The verified backup before the migrations, or the backup itself that failed. */
  step: 'backup' | 'migration';
  /** The schema the file had, the one it is at now (each migration is one transaction), and the one this version needs. */
  from: number;
  at: number;
  to: number;
  /** The migration that failed, for its name in the words. */
  failed: { version: number; name: string } | null;
  /** `PRAGMA quick_check` of the file after the failure ('ok'), or why it could not run (null: no words from it). */
  check: string;
  /** The pre-migration backup, when it was made. */
  backup: string | null;
  cause: unknown;
}

function causeText(cause: unknown): string {
  return String((cause as Error)?.message ?? cause).replace(/\s+$/, '');
}

/** The words: what failed, what the file is now, where the backup is, and what to do. */
export function updateFailureWords(f: UpdateFailure): string {
  const diskFull = isDiskFull(f.cause);
  const what = diskFull
    ? 'the disk is full'
    : f.step === 'backup'
      ? `the backup it makes first failed (${causeText(f.cause)})`
      : `${f.failed ? `migration ${f.failed.version} (${f.failed.name})` : 'a migration'} failed (${causeText(f.cause)})`;
  const sound = f.check === 'ok' ? 'checked, it is sound' : `it could not be checked afterwards: ${f.check}`;
  const state =
    f.at === f.from
      ? `Your data file ${f.file} was left as it was, at its old schema (${f.from}; ${sound}).`
      : `Your data file ${f.file} is at schema ${f.at} of ${f.to}: the steps of the update before the one that failed are saved whole (${sound}), and the next start goes on from there.`;
  const backup = f.backup ? `The backup made before the update is ${f.backup}.` : 'No backup was made, so nothing was updated.';
  const log = path.join(path.dirname(f.file), 'logs', 'cadence.log');
  const todo = diskFull
    ? 'Free some space on that disk, then start Cadence again: the update runs again. Nothing you entered was lost.'
    : 'Start Cadence again to try once more. If it fails the same way, ' +
      (f.at === f.from ? 'keep using the earlier version of Cadence, which still opens this file, and ' : '') +
      `send the log (${log}) with a problem report. Nothing you entered was lost.`;
  // Three lines (what failed; the file and its backup; what to do): the terminal prints them so, the page as paragraphs.
  return `Cadence could not update your data for this version: ${what}.\n${state} ${backup}\n${todo}`;
}

/** An update of the file (a backup, then the migrations) that failed and left the file as the words say. */
export class UpdateFailedError extends Error {
  constructor(readonly failure: UpdateFailure) {
    super(updateFailureWords(failure), { cause: failure.cause });
    this.name = 'UpdateFailedError';
  }
}
