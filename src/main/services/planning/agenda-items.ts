import type { AgendaItemRecord } from '../../db/repositories/meetings-repository';

/** What a new agenda item is given; a carried-over item also keeps where it came from and how its round ran. */
export type NewItemFields = Pick<AgendaItemRecord, 'id' | 'meetingId' | 'position' | 'kind' | 'title' | 'plannedMs' | 'ownerId' | 'plan'> &
  Partial<Pick<AgendaItemRecord, 'carriedFromId' | 'roundOrder' | 'turnTimeboxMs'>>;

/** A new agenda item, not yet taken up: its timers at rest, no notes taken. Planning, templates and old business all add items this way. */
export function pendingItem(fields: NewItemFields, at: number): AgendaItemRecord {
  return {
    carriedFromId: null,
    roundOrder: 'team',
    turnTimeboxMs: null,
    ...fields,
    notes: '',
    status: 'pending',
    startedAt: null,
    endedAt: null,
    pausedAt: null,
    pausedTotalMs: 0,
    extraMs: 0,
    createdAt: at,
    updatedAt: at,
    removedAt: null,
  };
}
