import { z } from 'zod';
import { RATING_MESSAGE } from '../feedback';
import type { FeedbackGiven } from '../feedback';
import type { TeamHealth } from '../health';
import { calendarDate, id, optionalLine, wallTime } from '../validation';
import { read, write } from './io';

const rating = () =>
  z
    .number({ message: RATING_MESSAGE })
    .int({ message: RATING_MESSAGE })
    .min(1, { message: RATING_MESSAGE })
    .max(10, { message: RATING_MESSAGE });

const period = () => ({ teamId: id, from: calendarDate.nullable().default(null), to: calendarDate.nullable().default(null) });

export const healthSchemas = {
  /** A check-out rating; attendeeId null is an anonymous one. A second rating by the same attendee replaces the first. */
  'feedback.give': write<FeedbackGiven>()(() =>
    z
      .object({
        meetingId: id,
        attendeeId: id.nullable().default(null),
        rating: rating(),
        better: optionalLine('What would make the next meeting better', 280).default(null),
      })
      .strict(),
  ),
  'health.team': read<TeamHealth>()(() => z.object(period()).strict()),
  'health.startRetrospective': write<{ meetingId: string }>()(() => z.object({ ...period(), date: calendarDate, time: wallTime }).strict()),
} as const;
