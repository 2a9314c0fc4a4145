import { z } from 'zod';
import { AGENDA_KIND_IDS } from '../planning';
import type {
  AgendaTemplate,
  ExportedFile,
  MeetingDetail,
  MeetingLists,
  MeetingLive,
  MeetingSummary,
  ParkingLotItem,
  Series,
} from '../planning';
import { calendarDate, id, longText, minutes, name, timeZone, wallTime } from '../validation';
import { none, op, revision, memberOrNone } from './define';
import { meetingOf, scope } from './scopes';

// Fields shared by several inputs, built with the input that uses them (see `op`).
const seriesFields = () => ({
  name: name('Series name'),
  cadence: z.enum(['weekly', 'every_n_weeks', 'monthly'], { message: 'Cadence must be weekly, every N weeks or monthly' }),
  intervalWeeks: z
    .number()
    .int()
    .min(1, { message: 'Every N weeks needs N of at least 1' })
    .max(12, { message: 'At most every 12 weeks' })
    .default(1),
  weekday: z.number().int().min(1).max(7).nullable().default(null),
  monthDay: z.number().int().min(1).max(31).nullable().default(null),
  monthWeek: z
    .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
    .nullable()
    .default(null),
  startTime: wallTime,
  timeZone: timeZone.optional(),
  startsOn: calendarDate,
  defaultLengthMin: minutes('Meeting length'),
  defaultFacilitatorId: memberOrNone,
  rotateFacilitator: z.boolean().default(false),
  templateId: id.nullable().default(null),
});

const itemFields = () => ({
  kind: z.enum(AGENDA_KIND_IDS, { message: 'Choose a kind of agenda item' }),
  title: name('Item title', 200),
  plannedMin: minutes('Planned time'),
  ownerId: memberOrNone,
  plan: longText('Plan').default(''),
  roundOrder: z.enum(['team', 'shuffle', 'rotate'], { message: 'Speaker order must be team order, shuffled or rotating' }).default('team'),
  turnTimeboxSec: z
    .number({ message: 'Time per speaker must be a number of seconds' })
    .int()
    .min(10, { message: 'Time per speaker must be at least 10 seconds' })
    .max(3600, { message: 'Time per speaker cannot be more than an hour' })
    .nullable()
    .default(null),
});

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
/** The team's meetings and their calendar, read alone or for every team. */
/** The team's parking lot, and its meetings, whose old business lists what is open in it. */
const parkingLotChanged = (o: { teamId: string }) => [scope('parkingLot', o), meetingOf(o.teamId)];
const teamMeetings = (i: { teamId: string | null }) => [scope('meetings', i), scope('teams', i)];

export const planningOperations = {
  'series.list': op<Series[]>()({ input: () => z.object({ teamId: id }).strict(), dependsOn: teamMeetings }),
  'series.create': op<Series>()({
    input: () => z.object({ teamId: id, ...seriesFields() }).strict(),
    changes: (_i, o) => [meetingOf(o.teamId)],
  }),
  'series.update': op<Series>()({
    input: () => z.object({ seriesId: id, ...seriesFields() }).strict(),
    changes: (_i, o) => [meetingOf(o.teamId)],
  }),
  'series.createNextMeeting': op<{ meetingId: string }>()({
    input: () => z.object({ seriesId: id }).strict(),
    // The reply names the new meeting only: every team's lists hear it.
    changes: (_i, o) => [meetingOf(null, o.meetingId)],
  }),
  'series.exportCalendar': op<ExportedFile>()({ input: () => z.object({ seriesId: id }).strict(), dependsOn: ['meetings', 'teams'] }),
  'templates.list': op<AgendaTemplate[]>()({
    input: () => z.object({ teamId: id.nullable() }).strict(),
    dependsOn: (i) => [scope('meetings', i)],
  }),
  'templates.saveFromMeeting': op<AgendaTemplate>()({
    input: () => z.object({ meetingId: id, name: name('Template name') }).strict(),
    changes: (_i, o) => [meetingOf(o.teamId)],
  }),
  // A list shows each meeting's summary, which no live action (notes, turns, next, pause) changes.
  'meetings.list': op<MeetingLists>()({
    input: () => z.object({ teamId: id.nullable() }).strict(),
    dependsOn: (i) => [{ ...scope('meetings', i), part: 'summary' }, scope('teams', i)],
  }),
  // Home's "Next up": each team's next meeting, read alone, so the first screen does not read every meeting ever held.
  'meetings.nextUp': op<MeetingSummary[]>()({
    input: none,
    dependsOn: () => [{ topic: 'meetings', part: 'summary' }, { topic: 'teams' }],
  }),
  'meetings.create': op<{ meetingId: string }>()({
    input: () =>
      z
        .object({
          teamId: id,
          title: name('Meeting title', 200),
          date: calendarDate,
          time: wallTime,
          lengthMin: minutes('Meeting length'),
          facilitatorId: memberOrNone,
          templateId: id.nullable().default(null),
        })
        .strict(),
    changes: (i, o) => [meetingOf(i.teamId, o.meetingId)],
  }),
  'meetings.updateDetails': op<MeetingDetail>()({
    input: () =>
      z
        .object({
          meetingId: id,
          expectedRevision: revision,
          title: name('Meeting title', 200),
          date: calendarDate,
          time: wallTime,
          lengthMin: minutes('Meeting length'),
          facilitatorId: memberOrNone,
        })
        .strict(),
    ...meetingRenamed,
  }),
  'meetings.amend': op<MeetingDetail>()({
    input: () =>
      z
        .object({
          meetingId: id,
          reason: name('Reason for the amendment', 500),
          title: name('Meeting title', 200).optional(),
          attendance: z
            .array(z.object({ attendeeId: id, status: z.enum(['present', 'absent', 'late', 'left_early']) }).strict())
            .max(500)
            .optional(),
        })
        .strict(),
    ...meetingRenamed,
  }),
  /** Starting changes every part of the meeting (its first round begins) and its place in the lists. */
  'meetings.start': op<MeetingLive>()({
    input: () => z.object({ meetingId: id }).strict(),
    // Starting takes over the team's open proposals from the meeting they were made in (found by the contract test).
    changes: ({ meetingId }, out) => [
      { topic: 'meetings', meetingId, teamId: out.meeting.teamId },
      { topic: 'meetings', teamId: out.meeting.teamId },
      { topic: 'decisions', teamId: out.meeting.teamId },
    ],
  }),
  /**
   * Ending carries what was not reached, open proposals and the parking lot into the team's next meeting, closes
   * the ratings window, and is followed by a verified backup: it changes the team's meetings, not only this one.
   */
  'meetings.end': op<MeetingLive>()({
    input: () => z.object({ meetingId: id }).strict(),
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
  }),
  'agenda.applyTemplate': op<MeetingDetail>()({
    input: () => z.object({ meetingId: id, expectedRevision: revision, templateId: id }).strict(),
    ...meetingReply,
  }),
  'agenda.addItem': op<MeetingDetail>()({
    input: () => z.object({ meetingId: id, expectedRevision: revision, ...itemFields() }).strict(),
    ...meetingReply,
  }),
  'agenda.updateItem': op<MeetingDetail>()({
    input: () => z.object({ itemId: id, expectedRevision: revision, ...itemFields() }).strict(),
    ...meetingReply,
  }),
  'agenda.removeItem': op<MeetingDetail>()({
    input: () => z.object({ itemId: id, expectedRevision: revision }).strict(),
    ...meetingReply,
  }),
  'agenda.moveItem': op<MeetingDetail>()({
    input: () => z.object({ itemId: id, expectedRevision: revision, toIndex: z.number().int().min(0).max(1000) }).strict(),
    ...meetingReply,
  }),
  'agenda.exportMarkdown': op<ExportedFile>()({ input: () => z.object({ meetingId: id }).strict() }),
  'attendance.set': op<MeetingDetail>()({
    input: () => z.object({ attendeeId: id, status: z.enum(['expected', 'present', 'absent', 'late', 'left_early']) }).strict(),
    ...meetingReply,
  }),
  /** Everyone still expected is here: one action, then the exceptions one by one. */
  'attendance.allPresent': op<MeetingDetail>()({
    input: () => z.object({ meetingId: id }).strict(),
    ...meetingReply,
  }),
  'attendance.addGuest': op<MeetingDetail>()({
    input: () => z.object({ meetingId: id, name: name('Guest name') }).strict(),
    ...meetingReply,
  }),
  'parkingLot.list': op<ParkingLotItem[]>()({
    input: () => z.object({ teamId: id, includeClosed: z.boolean().default(false) }).strict(),
    defaults: { includeClosed: false },
    dependsOn: (i) => [scope('parkingLot', i)],
  }),
  'parkingLot.add': op<ParkingLotItem>()({
    input: () => z.object({ teamId: id, title: name('Title', 200), notes: longText('Notes', 5000).default('') }).strict(),
    changes: (_i, o) => parkingLotChanged(o),
  }),
  'parkingLot.update': op<ParkingLotItem>()({
    input: () => z.object({ itemId: id, title: name('Title', 200), notes: longText('Notes', 5000) }).strict(),
    changes: (_i, o) => parkingLotChanged(o),
  }),
  'parkingLot.close': op<ParkingLotItem>()({
    input: () => z.object({ itemId: id, status: z.enum(['discussed', 'dropped']), meetingId: id.nullable().default(null) }).strict(),
    changes: (_i, o) => parkingLotChanged(o),
  }),
  'parkingLot.reopen': op<ParkingLotItem>()({ input: () => z.object({ itemId: id }).strict(), changes: (_i, o) => parkingLotChanged(o) }),
} as const;
