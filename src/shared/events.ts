/**
 * What changed, broadcast after a write commits so every open window stays live.
 * `revision` grows by one per event within one server `epoch`; a client that
 * reconnects to another epoch (a restarted server) refetches everything.
 */
export type Topic = 'teams' | 'settings' | 'meetings' | 'parkingLot' | 'backups' | 'decisions' | 'commitments' | 'agreements';

export const ALL_TOPICS: Topic[] = ['teams', 'settings', 'meetings', 'parkingLot', 'backups', 'decisions', 'commitments', 'agreements'];

export interface ChangeEvent {
  epoch: string;
  revision: number;
  topics: Topic[];
  operation: string;
  at: number;
}

export interface EventsSince {
  epoch: string;
  revision: number;
  /** null when the client's revision is too old or from another epoch: refetch everything. */
  events: ChangeEvent[] | null;
}
