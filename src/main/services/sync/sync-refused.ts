import { DomainError } from '@shared/result';

/** A tree Cadence will not merge (hostile or unreadable), with the reason in plain words; nothing was written. */
export class SyncRefused extends DomainError {
  constructor(reason: string) {
    super('invalid_input', `${reason} Nothing was synced.`);
    this.name = 'SyncRefused';
  }
}
