import type { Repositories } from '../../db/repositories';

/** Positions 0..n-1 in the agenda's order again after items left it (removed, or copies dropped on a restore). */
export function renumberAgenda(repos: Repositories, meetingId: string): void {
  repos.meetings.items(meetingId).forEach((item, position) => {
    if (item.position !== position) repos.meetings.updateItem(item.id, { position });
  });
}
