import { z } from 'zod';
import type { Commitment } from '../commitments';
import type { Decision } from '../decisions';
import type { MeetingPart, Scope } from '../events';
import type { MeetingFeedback } from '../feedback';
import type { MeetingCommitments, MeetingContext, MeetingDetail, MeetingLive } from '../planning';
import { id } from '../validation';
import { op } from './define';

const meeting = () => z.object({ meetingId: id }).strict();

/** Every part of a meeting shows names of the team's members: a change to the team reaches them all. */
function ofMeeting(meetingId: string, part: Scope['part'], teamId: string | undefined): Scope[] {
  return [{ topic: 'meetings', meetingId, part }, ...(teamId ? [{ topic: 'teams' as const, teamId }] : [{ topic: 'teams' as const }])];
}

/** Old business lists leftovers of other entities; each entry is open or not by its source's state. */
function oldBusinessScopes(context: MeetingContext | null): Scope[] {
  if (!context) return [{ topic: 'decisions' }, { topic: 'commitments' }, { topic: 'parkingLot' }, { topic: 'agreements' }];
  return context.oldBusiness.map((o): Scope => {
    if (o.source === 'parking_lot') return { topic: 'parkingLot', id: o.refId };
    if (o.source === 'open_commitment') return { topic: 'commitments', id: o.refId };
    if (o.source === 'agreement_revisit') return { topic: 'agreements' };
    return { topic: 'decisions', id: o.refId };
  });
}

/** The meeting part a changed scope names in full: its read's answer is pushed with the change event. */
function pushedPart(part: MeetingPart) {
  return (changed: Scope) =>
    changed.topic === 'meetings' && changed.part === part && changed.meetingId ? { meetingId: changed.meetingId } : null;
}

/**
 * A meeting read in parts: the console and the projector get `meetings.live` with the change event of every live
 * action (a few rows, read once by main), and re-read the other parts only when what they show changed. `meetings.get` is all of it at once,
 * for the minutes and exports.
 */
export const meetingViewOperations = {
  'meetings.live': op<MeetingLive>()({
    input: meeting,
    dependsOn: ({ meetingId }, out) => ofMeeting(meetingId, 'live', out?.meeting.teamId),
    pushedBy: pushedPart('live'),
  }),
  'meetings.decisions': op<Decision[]>()({
    input: meeting,
    dependsOn: ({ meetingId }, out) => [
      ...ofMeeting(meetingId, 'decisions', out?.[0]?.teamId),
      { topic: 'decisions', meetingId },
      // Open proposals this meeting took over were made in another meeting.
      ...(out ?? []).map((d): Scope => ({ topic: 'decisions', id: d.id })),
      { topic: 'agreements' },
    ],
  }),
  'meetings.commitments': op<MeetingCommitments>()({
    input: meeting,
    dependsOn: ({ meetingId }, out) => {
      const teamId = out?.made[0]?.teamId ?? out?.review[0]?.teamId ?? out?.doneSinceLast[0]?.teamId;
      // Which commitments the review lists and in what order change only with a commitment made, closed, moved to
      // another date or handed over, which those writes publish for the team's meetings; each listed row is kept
      // by `rows`. What was made here and what was done since last are read again when one of them changes.
      const listed = out ? [...out.made, ...out.doneSinceLast].map((c): Scope => ({ topic: 'commitments', id: c.id })) : [];
      return [...ofMeeting(meetingId, 'commitments', teamId), ...(out ? listed : [{ topic: 'commitments' as const }])];
    },
    rows: {
      read: 'commitments.get',
      held: (out) => out.review.map((c) => ({ input: { commitmentId: c.id }, dependsOn: [{ topic: 'commitments', id: c.id }] })),
      put: (out, row) => {
        const changed = row as Commitment;
        return { ...out, review: out.review.map((c) => (c.id === changed.id ? changed : c)) };
      },
    },
  }),
  'meetings.context': op<MeetingContext>()({
    input: meeting,
    dependsOn: ({ meetingId }, out) => [...ofMeeting(meetingId, 'context', out?.members[0]?.teamId), ...oldBusinessScopes(out)],
  }),
  'meetings.feedback': op<MeetingFeedback>()({
    input: meeting,
    dependsOn: ({ meetingId }) => ofMeeting(meetingId, 'feedback', undefined),
    pushedBy: pushedPart('feedback'),
  }),
  'meetings.get': op<MeetingDetail>()({
    input: meeting,
    dependsOn: ({ meetingId }, out) => [
      { topic: 'meetings', meetingId },
      out ? { topic: 'teams', teamId: out.meeting.teamId } : { topic: 'teams' },
      { topic: 'decisions', meetingId },
      ...(out?.decisions ?? []).map((d): Scope => ({ topic: 'decisions', id: d.id })),
      out ? { topic: 'commitments', teamId: out.meeting.teamId } : { topic: 'commitments' },
      ...oldBusinessScopes(out),
      { topic: 'agreements' },
    ],
  }),
} as const;
