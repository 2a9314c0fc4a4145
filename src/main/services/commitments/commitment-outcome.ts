import type { ParsedInputOf } from '@shared/contract';
import { DomainError } from '@shared/result';
import type { Repositories } from '../../db/repositories';

/** Outcomes are recorded in a live meeting of the team, or between meetings (no meeting). */
export function liveMeetingOf(meetingId: string | null, meeting: { teamId: string; status: string } | null, teamId: string): string | null {
  if (!meetingId) return null;
  if (!meeting || meeting.teamId !== teamId) throw new DomainError('not_found', 'That meeting is not one of this team’s');
  if (meeting.status !== 'live') throw new DomainError('conflict', 'Review outcomes are recorded while the meeting is live');
  return meetingId;
}

/** An owner of a commitment is someone in its team now: not someone else's member, nor someone who has left. */
export function checkActiveMember(teamId: string, member: { teamId: string; name: string; leftAt: number | null } | null): void {
  if (!member || member.teamId !== teamId) throw new DomainError('not_found', 'That person is not a member of this team');
  if (member.leftAt !== null)
    throw new DomainError('conflict', `${member.name} has left the team: choose someone who is in it`, { reason: 'member_left' });
}

/** An event as stored: written by the service, read back as a domain event by the repository. */
export type EventRow = Parameters<Repositories['commitments']['insertEvent']>[0];
export type EventFields = Partial<EventRow> & Pick<EventRow, 'kind'>;

/**
 * The event a review outcome adds, checked against the commitment's current due date and today in the team's zone.
 * `corrective` is the commitment a slip's corrective action became, if it became one.
 */
export function outcomeFields(
  input: ParsedInputOf<'commitments.record'>,
  dueDate: string,
  today: string,
  meetingId: string | null,
  corrective: string | null,
): EventFields {
  const base = { meeting_id: meetingId, reason: input.reason };
  switch (input.outcome) {
    case 'done':
      return { ...base, kind: 'done', status: 'done' };
    case 'on_track':
      return { ...base, kind: 'status', status: 'on_track' };
    case 'at_risk':
      return { ...base, kind: 'status', status: 'at_risk' };
    case 'dropped':
      return { ...base, kind: 'dropped', status: 'dropped' };
    case 'renegotiated': {
      const newDate = input.newDueDate!;
      if (newDate === dueDate) throw new DomainError('conflict', `The new date is the same as the current one (${dueDate})`);
      if (newDate < today && !input.confirmPastDue) {
        throw new DomainError('conflict', `The new due date ${newDate} is in the past (today is ${today}). Confirm to record it anyway.`, {
          reason: 'due_in_past',
          path: 'newDueDate',
        });
      }
      // In advance: on or before the day it was due, in the team's time zone.
      return { ...base, kind: 'renegotiated', old_due_date: dueDate, new_due_date: newDate, in_advance: today <= dueDate ? 1 : 0 };
    }
    case 'slipped':
      return {
        ...base,
        kind: 'slipped',
        root_cause: input.rootCause,
        corrective_action: input.correctiveAction,
        corrective_commitment_id: corrective,
      };
  }
}
