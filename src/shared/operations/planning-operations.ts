import { z } from 'zod';
import { AGENDA_KIND_IDS } from '../planning';
import type { AgendaTemplate, ExportedFile, MeetingDetail, MeetingLists, MeetingLive, ParkingLotItem, Series } from '../planning';
import { calendarDate, id, longText, minutes, name, timeZone, wallTime } from '../validation';
import { op, revision, memberOrNone } from './define';

const kind = z.enum(AGENDA_KIND_IDS, { message: 'Choose a kind of agenda item' });

const seriesFields = {
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
};

const itemFields = {
  kind,
  title: name('Item title', 200),
  plannedMin: minutes('Planned time'),
  ownerId: memberOrNone,
  notes: longText('Notes').default(''),
  roundOrder: z.enum(['team', 'shuffle', 'rotate'], { message: 'Speaker order must be team order, shuffled or rotating' }).default('team'),
  turnTimeboxSec: z
    .number({ message: 'Time per speaker must be a number of seconds' })
    .int()
    .min(10, { message: 'Time per speaker must be at least 10 seconds' })
    .max(3600, { message: 'Time per speaker cannot be more than an hour' })
    .nullable()
    .default(null),
};

export const planningOperations = {
  'series.list': op<Series[]>()({ input: z.object({ teamId: id }).strict() }),
  'series.create': op<Series>()({ input: z.object({ teamId: id, ...seriesFields }).strict(), invalidates: ['meetings'] }),
  'series.update': op<Series>()({ input: z.object({ seriesId: id, ...seriesFields }).strict(), invalidates: ['meetings'] }),
  'series.createNextMeeting': op<{ meetingId: string }>()({ input: z.object({ seriesId: id }).strict(), invalidates: ['meetings'] }),
  'series.exportCalendar': op<ExportedFile>()({ input: z.object({ seriesId: id }).strict() }),
  'templates.list': op<AgendaTemplate[]>()({ input: z.object({ teamId: id.nullable() }).strict() }),
  'templates.saveFromMeeting': op<AgendaTemplate>()({
    input: z.object({ meetingId: id, name: name('Template name') }).strict(),
    invalidates: ['meetings'],
  }),
  'meetings.list': op<MeetingLists>()({ input: z.object({ teamId: id.nullable() }).strict() }),
  'meetings.create': op<{ meetingId: string }>()({
    input: z
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
    invalidates: ['meetings'],
  }),
  'meetings.updateDetails': op<MeetingDetail>()({
    input: z
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
    invalidates: ['meetings'],
  }),
  'meetings.amend': op<MeetingDetail>()({
    input: z
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
    invalidates: ['meetings'],
  }),
  /** Starting changes every part of the meeting (its first round begins) and its place in the lists. */
  'meetings.start': op<MeetingLive>()({
    input: z.object({ meetingId: id }).strict(),
    changes: ({ meetingId }, out) => [{ topic: 'meetings', meetingId, teamId: out.meeting.teamId }],
  }),
  /**
   * Ending carries what was not reached, open proposals and the parking lot into the team's next meeting, closes
   * the ratings window, and is followed by a verified backup: it changes the team's meetings, not only this one.
   */
  'meetings.end': op<MeetingLive>()({
    input: z.object({ meetingId: id }).strict(),
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
    input: z.object({ meetingId: id, expectedRevision: revision, templateId: id }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.addItem': op<MeetingDetail>()({
    input: z.object({ meetingId: id, expectedRevision: revision, ...itemFields }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.updateItem': op<MeetingDetail>()({
    input: z.object({ itemId: id, expectedRevision: revision, ...itemFields }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.removeItem': op<MeetingDetail>()({
    input: z.object({ itemId: id, expectedRevision: revision }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.moveItem': op<MeetingDetail>()({
    input: z.object({ itemId: id, expectedRevision: revision, toIndex: z.number().int().min(0).max(1000) }).strict(),
    invalidates: ['meetings'],
  }),
  'agenda.exportMarkdown': op<ExportedFile>()({ input: z.object({ meetingId: id }).strict() }),
  'attendance.set': op<MeetingDetail>()({
    input: z.object({ attendeeId: id, status: z.enum(['expected', 'present', 'absent', 'late', 'left_early']) }).strict(),
    invalidates: ['meetings'],
  }),
  'attendance.addGuest': op<MeetingDetail>()({
    input: z.object({ meetingId: id, name: name('Guest name') }).strict(),
    invalidates: ['meetings'],
  }),
  'parkingLot.list': op<ParkingLotItem[]>()({ input: z.object({ teamId: id, includeClosed: z.boolean().default(false) }).strict() }),
  'parkingLot.add': op<ParkingLotItem>()({
    input: z.object({ teamId: id, title: name('Title', 200), notes: longText('Notes', 5000).default('') }).strict(),
    invalidates: ['parkingLot'],
  }),
  'parkingLot.update': op<ParkingLotItem>()({
    input: z.object({ itemId: id, title: name('Title', 200), notes: longText('Notes', 5000) }).strict(),
    invalidates: ['parkingLot'],
  }),
  'parkingLot.close': op<ParkingLotItem>()({
    input: z.object({ itemId: id, status: z.enum(['discussed', 'dropped']), meetingId: id.nullable().default(null) }).strict(),
    invalidates: ['parkingLot', 'meetings'],
  }),
  'parkingLot.reopen': op<ParkingLotItem>()({ input: z.object({ itemId: id }).strict(), invalidates: ['parkingLot', 'meetings'] }),
} as const;
