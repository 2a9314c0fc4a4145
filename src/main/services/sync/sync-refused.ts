import { DomainError } from '@shared/result';

/** A tree Cadence will not merge (hostile or unreadable), with the reason in plain words; nothing was written. */
export class SyncRefused extends DomainError {
  constructor(reason: string) {
    super('invalid_input', `${reason} Nothing was synced.`);
    this.name = 'SyncRefused';
  }
}

/** The merge did not run and nothing was written (a meeting began, or the app kept writing): the next sync does it. */
export class SyncPostponed extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SyncPostponed';
  }
}
