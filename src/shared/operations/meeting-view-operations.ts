import { addedCommitments, putCommitment } from '../commitment-review';
import { commitmentDueDetail, type Commitment } from '../commitments';
import type { Decision } from '../decisions';
import type { MeetingPart, Scope } from '../events';
import { addedDecisions, putDecision } from '../meeting-decision-rows';
import type { MeetingContext } from '../planning';
import { manifest } from './define';
import type { meetingViewSchemas } from './meeting-view-schemas';

/** Every part of a meeting shows names of the team's members: a change to the team reaches them all. */
function ofMeeting(meetingId: string, part: Scope['part'], teamId: string | undefined): Scope[] {
  return [{ topic: 'meetings', meetingId, part }, ...(teamId ? [{ topic: 'teams' as const, teamId }] : [{ topic: 'teams' as const }])];
}

/**
 * Old business lists leftovers of other entities; each entry is open or not by its source's state. An open
 * commitment's entry is kept by the context's rows (it is open while the commitment is), not read again whole.
 */
function oldBusinessScopes(context: MeetingContext | null): Scope[] {
  if (!context) return [{ topic: 'decisions' }, { topic: 'commitments' }, { topic: 'parkingLot' }, { topic: 'agreements' }];
  return context.oldBusiness.flatMap((o): Scope[] => {
    if (o.source === 'parking_lot') return [{ topic: 'parkingLot', id: o.refId }];
    if (o.source === 'open_commitment') return [];
    if (o.source === 'agreement_revisit') return [{ topic: 'agreements' }];
    return [{ topic: 'decisions', id: o.refId }];
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
export const meetingViewOperations = manifest<typeof meetingViewSchemas>()({
  'meetings.live': {
    dependsOn: ({ meetingId }, out) => ofMeeting(meetingId, 'live', out?.meeting.teamId),
    pushedBy: pushedPart('live'),
  },
  // A change to one of its decisions (a position, an objection) re-reads that one decision, and a proposal made here
  // is read alone and put after the meeting's own (`rows`), so a go-round or a new proposal costs the same in a
  // meeting of thirty proposals as in one of two; the part reads again whole when a change names the team's meetings.
  'meetings.decisions': {
    dependsOn: ({ meetingId }, out) => [
      ...ofMeeting(meetingId, 'decisions', out?.[0]?.teamId),
      ...(out ? [] : [{ topic: 'decisions' as const, meetingId }]),
      { topic: 'agreements' },
    ],
    rows: {
      read: 'meetings.decision',
      held: (out, input) =>
        out.map((d) => ({ input: { meetingId: input.meetingId, decisionId: d.id }, dependsOn: [{ topic: 'decisions', id: d.id }] })),
      added: (out, changes, input) => addedDecisions(out, changes, String(input.meetingId)),
      put: (out, row, input) => putDecision(out, row as Decision | null, String(input.meetingId)),
    },
  },
  'meetings.decision': {
    dependsOn: ({ meetingId, decisionId }, out) => [
      { topic: 'decisions', id: decisionId },
      ...ofMeeting(meetingId, 'decisions', out?.teamId),
      { topic: 'agreements' },
    ],
  },
  'meetings.commitments': {
    dependsOn: ({ meetingId }, out) => {
      const teamId = out?.made[0]?.teamId ?? out?.review[0]?.teamId ?? out?.doneSinceLast[0]?.teamId;
      // Which commitments the review lists and in what order change with a commitment made or handed over, which
      // those writes publish for the team's meetings, and with a review outcome, which reaches the part through the
      // review rows it holds (`rows`). What was made here and what was done since last are read again when one of
      // them changes.
      const listed = out ? [...out.made, ...out.doneSinceLast].map((c): Scope => ({ topic: 'commitments', id: c.id })) : [];
      return [...ofMeeting(meetingId, 'commitments', teamId), ...(out ? listed : [{ topic: 'commitments' as const }])];
    },
    // A review outcome reaches every meeting of the team through the review rows it holds: each is read again and
    // put in place (in the meeting it was recorded in, with the walk's order and what was made or done here), or,
    // where only the whole part can show what changed, the part is read again.
    rows: {
      read: 'commitments.get',
      held: (out) => out.review.map((c) => ({ input: { commitmentId: c.id }, dependsOn: [{ topic: 'commitments', id: c.id }] })),
      added: (out, changes, input) => addedCommitments(out, changes, String(input.meetingId)),
      put: (out, row, input) => putCommitment(out, row as Commitment, String(input.meetingId)),
    },
  },
  'meetings.context': {
    dependsOn: ({ meetingId }, out) => [...ofMeeting(meetingId, 'context', out?.members[0]?.teamId), ...oldBusinessScopes(out)],
    // A commitment inherited as old business is settled once it is done or dropped, and (until the meeting has ended)
    // is due when it is due now: the commitment read again says both.
    rows: {
      read: 'commitments.get',
      held: (out) =>
        out.oldBusiness
          .filter((o) => o.source === 'open_commitment')
          .map((o) => ({ input: { commitmentId: o.refId }, dependsOn: [{ topic: 'commitments', id: o.refId }] })),
      put: (out, row) => {
        const c = row as Commitment;
        const open = c.status !== 'done' && c.status !== 'dropped';
        return {
          ...out,
          oldBusiness: out.oldBusiness.map((o) =>
            o.source === 'open_commitment' && o.refId === c.id ? { ...o, open, detail: o.dueNow ? commitmentDueDetail(c) : o.detail } : o,
          ),
        };
      },
    },
  },
  'meetings.feedback': {
    dependsOn: ({ meetingId }) => ofMeeting(meetingId, 'feedback', undefined),
    pushedBy: pushedPart('feedback'),
  },
  'meetings.get': {
    dependsOn: ({ meetingId }, out) => [
      { topic: 'meetings', meetingId },
      out ? { topic: 'teams', teamId: out.meeting.teamId } : { topic: 'teams' },
      { topic: 'decisions', meetingId },
      ...(out?.decisions ?? []).map((d): Scope => ({ topic: 'decisions', id: d.id })),
      out ? { topic: 'commitments', teamId: out.meeting.teamId } : { topic: 'commitments' },
      ...oldBusinessScopes(out),
      { topic: 'agreements' },
    ],
  },
});
