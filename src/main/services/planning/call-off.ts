import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { MeetingRecord } from '../../db/repositories/meetings-repository';
import { renumberAgenda } from './agenda-order';
import { calledOffError, requireMeeting } from './attendance';
import type { OldBusinessProvider } from './old-business';

/** Refuses any change to a called-off meeting (its agenda, attendance, details, starting it). */
export function requireNotCalledOff(meeting: MeetingRecord): void {
  if (meeting.calledOffAt !== null) throw calledOffError();
}

/**
 * Calling off a planned meeting, and taking that back. It stays in the record (status 'planned', see migration 024):
 * it is not "Next up" and never held, and what it carried from the last meeting (items not reached) goes on to the
 * series' next planned meeting, or waits for the next one planned. Its own agenda is kept as it was.
 */
export class CallOff {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly oldBusiness: OldBusinessProvider,
  ) {}

  callOff(meetingId: string, reason: string | null): string {
    this.repos.sql.transaction(() => {
      const meeting = requireMeeting(this.repos, meetingId);
      if (meeting.status !== 'planned') {
        const why =
          meeting.status === 'live' ? 'This meeting is running: end it instead.' : 'This meeting was held and stays in the record.';
        throw new DomainError('conflict', `Only a planned meeting can be called off. ${why}`, { reason: 'meeting_not_planned' });
      }
      if (meeting.calledOffAt !== null)
        throw new DomainError('conflict', 'This meeting is already called off', { reason: 'meeting_called_off' });
      const at = this.clock.now();
      this.repos.meetings.update(meeting.id, { calledOffAt: at, calledOffReason: reason, updatedAt: at });
      this.repos.meetings.bumpAgendaRevision(meeting.id, at);
      this.oldBusiness.pushFrom({ ...meeting, calledOffAt: at });
    });
    return meetingId;
  }

  /**
   * Puts a called-off meeting back on. Leftovers that went on to a later meeting meanwhile stay there (that agenda may
   * have been worked on since): its own copies of them are removed (marked, kept in the database), and whatever did
   * not go anywhere comes back to it.
   */
  restore(meetingId: string): string {
    this.repos.sql.transaction(() => {
      const meeting = requireMeeting(this.repos, meetingId);
      if (meeting.calledOffAt === null)
        throw new DomainError('conflict', 'This meeting is not called off', { reason: 'meeting_not_called_off' });
      const at = this.clock.now();
      this.repos.meetings.update(meeting.id, { calledOffAt: null, calledOffReason: null, updatedAt: at });
      // Items not reached last time move; open proposals and the rest are listed in every planned meeting alike.
      const notReached = new Set(
        this.repos.oldBusiness
          .forMeeting(meeting.id)
          .filter((o) => o.source === 'not_reached')
          .map((o) => o.agendaItemId),
      );
      const carried = this.repos.meetings.items(meeting.id).filter((i) => notReached.has(i.id) && i.carriedFromId !== null);
      const elsewhere = this.repos.meetings.carriedFrom(
        carried.map((i) => i.carriedFromId!),
        meeting.id,
      );
      const moved = carried.filter((i) => elsewhere.has(i.carriedFromId!));
      for (const item of moved) this.repos.meetings.updateItem(item.id, { removedAt: at, updatedAt: at });
      if (moved.length > 0) renumberAgenda(this.repos, meeting.id);
      // Bumps the agenda's revision: a window showing it reloads.
      this.oldBusiness.pullInto({ ...meeting, calledOffAt: null, calledOffReason: null });
    });
    return meetingId;
  }
}
