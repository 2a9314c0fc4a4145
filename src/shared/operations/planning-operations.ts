import type { MeetingDetail } from '../planning';
import { manifest } from './define';
import type { planningSchemas } from './planning-schemas';
import { meetingOf, scope } from './scopes';

/** A meeting's detail changed: that meeting (and the team's lists of meetings). Its reply is `meetings.get`'s answer. */
const detailChanged = (_i: unknown, o: MeetingDetail) => [meetingOf(o.meeting.teamId, o.meeting.id)];
const detailSeed = (_i: unknown, o: MeetingDetail) => [{ read: 'meetings.get', input: { meetingId: o.meeting.id }, value: o }];
const meetingReply = { changes: detailChanged, seeds: detailSeed } as const;
/** A meeting's title or date changed: the team's commitments and decisions name the meeting they came from. */
const meetingRenamed = {
  changes: (i: unknown, o: MeetingDetail) => [
    ...detailChanged(i, o),
    scope('commitments', { teamId: o.meeting.teamId }),
    scope('decisions', { teamId: o.meeting.teamId }),
  ],
  seeds: detailSeed,
} as const;
/** The team's parking lot, and its meetings, whose old business lists what is open in it. */
const parkingLotChanged = (o: { teamId: string }) => [scope('parkingLot', o), meetingOf(o.teamId)];
/** The team's meetings and their calendar, read alone or for every team. */
const teamMeetings = (i: { teamId: string | null }) => [scope('meetings', i), scope('teams', i)];

export const planningOperations = manifest<typeof planningSchemas>()({
  'series.list': { dependsOn: teamMeetings },
  'series.create': { changes: (_i, o) => [meetingOf(o.teamId)] },
  'series.update': { changes: (_i, o) => [meetingOf(o.teamId)] },
  // The reply names the new meeting only: every team's lists hear it.
  'series.createNextMeeting': { changes: (_i, o) => [meetingOf(null, o.meetingId)] },
  'series.exportCalendar': { dependsOn: ['meetings', 'teams'] },
  'templates.list': { dependsOn: (i) => [scope('meetings', i)] },
  'templates.saveFromMeeting': { changes: (_i, o) => [meetingOf(o.teamId)] },
  // A list shows each meeting's summary, which no live action (notes, turns, next, pause) changes.
  'meetings.list': { dependsOn: (i) => [{ ...scope('meetings', i), part: 'summary' }, scope('teams', i)] },
  // Home's "Next up": each team's next meeting, read alone, so the first screen does not read every meeting ever held.
  'meetings.nextUp': { dependsOn: () => [{ topic: 'meetings', part: 'summary' }, { topic: 'teams' }] },
  'meetings.create': { changes: (i, o) => [meetingOf(i.teamId, o.meetingId)] },
  'meetings.updateDetails': meetingRenamed,
  'meetings.amend': meetingRenamed,
  /**
   * Calling a meeting off (or restoring it) changes its place in the lists and "Next up", and hands what it carried
   * to the series' next planned meeting (or takes back what went nowhere): the team's meetings, not only this one.
   */
  'meetings.callOff': { changes: (_i, o) => [meetingOf(o.meeting.teamId)], seeds: detailSeed },
  'meetings.restore': { changes: (_i, o) => [meetingOf(o.meeting.teamId)], seeds: detailSeed },
  /** Starting changes every part of the meeting (its first round begins) and its place in the lists. */
  'meetings.start': {
    // Starting takes over the team's open proposals from the meeting they were made in (found by the contract test).
    changes: ({ meetingId }, out) => [
      { topic: 'meetings', meetingId, teamId: out.meeting.teamId },
      { topic: 'meetings', teamId: out.meeting.teamId },
      { topic: 'decisions', teamId: out.meeting.teamId },
    ],
  },
  /**
   * Ending carries what was not reached, open proposals and the parking lot into the team's next meeting, closes
   * the ratings window, and is followed by a verified backup: it changes the team's meetings, not only this one.
   */
  'meetings.end': {
    changes: (_input, out) => {
      const teamId = out.meeting.teamId;
      return [
        { topic: 'meetings', teamId },
        { topic: 'parkingLot', teamId },
        { topic: 'decisions', teamId },
        { topic: 'commitments', teamId },
        { topic: 'backups' },
      ];
    },
  },
  'agenda.applyTemplate': meetingReply,
  'agenda.addItem': meetingReply,
  'agenda.updateItem': meetingReply,
  'agenda.removeItem': meetingReply,
  'agenda.moveItem': meetingReply,
  'agenda.exportMarkdown': {},
  'attendance.set': meetingReply,
  /** Everyone still expected is here: one action, then the exceptions one by one. */
  'attendance.allPresent': meetingReply,
  'attendance.addGuest': meetingReply,
  'parkingLot.list': { defaults: { includeClosed: false }, dependsOn: (i) => [scope('parkingLot', i)] },
  'parkingLot.add': { changes: (_i, o) => parkingLotChanged(o) },
  'parkingLot.update': { changes: (_i, o) => parkingLotChanged(o) },
  'parkingLot.close': { changes: (_i, o) => parkingLotChanged(o) },
  'parkingLot.reopen': { changes: (_i, o) => parkingLotChanged(o) },
});
