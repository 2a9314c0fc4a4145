import { z } from 'zod';
import { AGENDA_KIND_IDS } from '../planning';
import type { AgendaTemplate, ExportedFile, MeetingDetail, MeetingLists, MeetingLive, NextUp, ParkingLotItem, Series } from '../planning';
import { calendarDate, id, longText, minutes, name, optionalLine, timeZone, wallTime } from '../validation';
import { memberOrNone, none, read, revision, write } from './io';

// Fields shared by several inputs, built with the input that uses them (see `read` in ./io).
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

const meeting = () => z.object({ meetingId: id }).strict();

export const planningSchemas = {
  'series.list': read<Series[]>()(() => z.object({ teamId: id }).strict()),
  'series.create': write<Series>()(() => z.object({ teamId: id, ...seriesFields() }).strict()),
  'series.update': write<Series>()(() => z.object({ seriesId: id, ...seriesFields() }).strict()),
  'series.createNextMeeting': write<{ meetingId: string }>()(() => z.object({ seriesId: id }).strict()),
  'series.exportCalendar': read<ExportedFile>()(() => z.object({ seriesId: id }).strict()),
  'templates.list': read<AgendaTemplate[]>()(() => z.object({ teamId: id.nullable() }).strict()),
  'templates.saveFromMeeting': write<AgendaTemplate>()(() => z.object({ meetingId: id, name: name('Template name') }).strict()),
  'meetings.list': read<MeetingLists>()(() => z.object({ teamId: id.nullable() }).strict()),
  'meetings.nextUp': read<NextUp>()(none),
  'meetings.create': write<{ meetingId: string }>()(() =>
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
  ),
  'meetings.updateDetails': write<MeetingDetail>()(() =>
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
  ),
  'meetings.amend': write<MeetingDetail>()(() =>
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
  ),
  'meetings.callOff': write<MeetingDetail>()(() => z.object({ meetingId: id, reason: optionalLine('Reason', 300).default(null) }).strict()),
  'meetings.restore': write<MeetingDetail>()(meeting),
  'meetings.start': write<MeetingLive>()(meeting),
  'meetings.end': write<MeetingLive>()(meeting),
  'agenda.applyTemplate': write<MeetingDetail>()(() => z.object({ meetingId: id, expectedRevision: revision, templateId: id }).strict()),
  'agenda.addItem': write<MeetingDetail>()(() => z.object({ meetingId: id, expectedRevision: revision, ...itemFields() }).strict()),
  'agenda.updateItem': write<MeetingDetail>()(() => z.object({ itemId: id, expectedRevision: revision, ...itemFields() }).strict()),
  'agenda.removeItem': write<MeetingDetail>()(() => z.object({ itemId: id, expectedRevision: revision }).strict()),
  'agenda.moveItem': write<MeetingDetail>()(() =>
    z.object({ itemId: id, expectedRevision: revision, toIndex: z.number().int().min(0).max(1000) }).strict(),
  ),
  'agenda.exportMarkdown': read<ExportedFile>()(meeting),
  'attendance.set': write<MeetingDetail>()(() =>
    z.object({ attendeeId: id, status: z.enum(['expected', 'present', 'absent', 'late', 'left_early']) }).strict(),
  ),
  'attendance.allPresent': write<MeetingDetail>()(meeting),
  'attendance.addGuest': write<MeetingDetail>()(() => z.object({ meetingId: id, name: name('Guest name') }).strict()),
  'parkingLot.list': read<ParkingLotItem[]>()(() => z.object({ teamId: id, includeClosed: z.boolean().default(false) }).strict()),
  'parkingLot.add': write<ParkingLotItem>()(() =>
    z.object({ teamId: id, title: name('Title', 200), notes: longText('Notes', 5000).default('') }).strict(),
  ),
  'parkingLot.update': write<ParkingLotItem>()(() =>
    z.object({ itemId: id, title: name('Title', 200), notes: longText('Notes', 5000) }).strict(),
  ),
  'parkingLot.close': write<ParkingLotItem>()(() =>
    z.object({ itemId: id, status: z.enum(['discussed', 'dropped']), meetingId: id.nullable().default(null) }).strict(),
  ),
  'parkingLot.reopen': write<ParkingLotItem>()(() => z.object({ itemId: id }).strict()),
} as const;
