import { DomainError } from '@shared/result';
import type { LiveRepository } from '../../db/repositories/live-repository';
import type { LiveItemRecord } from '../../db/repositories/live-records';

/**
 * Where next goes: the first item still to come after the current one in the agenda's order, else the first still to
 * come before it. Most often that is the item at the next position, read alone (positions are whole numbers: nothing
 * lies between); otherwise (it is done, parked or removed, or no item runs) the whole agenda is read.
 */
export function upcomingItem(live: LiveRepository, meetingId: string, current: LiveItemRecord | null): LiveItemRecord | undefined {
  const adjacent = current ? live.itemsAt(meetingId, current.position + 1).find((i) => i.status === 'pending') : undefined;
  if (adjacent) return adjacent;
  const items = live.items(meetingId);
  const after = items.filter((i) => i.status === 'pending' && (!current || i.position > current.position));
  return after[0] ?? items.find((i) => i.status === 'pending' && i.id !== current?.id);
}

/** Where previous goes: the last item done before the current one in the agenda's order (most often the one at the position before, read alone). */
export function earlierItem(live: LiveRepository, meetingId: string, current: LiveItemRecord | null): LiveItemRecord | undefined {
  const done = (i: LiveItemRecord) => i.status === 'done';
  const adjacent = current
    ? live
        .itemsAt(meetingId, current.position - 1)
        .filter(done)
        .at(-1)
    : undefined;
  if (adjacent) return adjacent;
  return live
    .items(meetingId)
    .filter((i) => done(i) && (!current || i.position < current.position))
    .at(-1);
}

/** A step pressed on `fromItemId` is refused once the meeting has moved on from it (another window stepped first). */
export function stillOn(live: LiveRepository, meetingId: string, current: LiveItemRecord | null, fromItemId: string | undefined): void {
  if (fromItemId === undefined || fromItemId === current?.id) return;
  // Read for the refusal's words alone.
  const left = live.agendaItem(fromItemId);
  const title = left?.meetingId === meetingId ? left.title : 'that item';
  const now = current ? `it is now on “${current.title}”` : 'every item is done';
  throw new DomainError('conflict', `The meeting had already moved on from “${title}” (in another window): ${now}`);
}
