import { z } from 'zod';
import { RATING_MESSAGE } from '../feedback';
import type { TeamHealth } from '../health';
import type { FeedbackGiven } from '../feedback';
import { calendarDate, id, optionalLine, wallTime } from '../validation';
import { op } from './define';
import { meetingOf, wholeTeam } from './scopes';

const rating = () =>
  z
    .number({ message: RATING_MESSAGE })
    .int({ message: RATING_MESSAGE })
    .min(1, { message: RATING_MESSAGE })
    .max(10, { message: RATING_MESSAGE });

const period = () => ({ teamId: id, from: calendarDate.nullable().default(null), to: calendarDate.nullable().default(null) });

export const healthOperations = {
  /** A check-out rating; attendeeId null is an anonymous one. A second rating by the same attendee replaces the first. */
  'feedback.give': op<FeedbackGiven>()({
    input: () =>
      z
        .object({
          meetingId: id,
          attendeeId: id.nullable().default(null),
          rating: rating(),
          better: optionalLine('What would make the next meeting better', 280).default(null),
        })
        .strict(),
    changes: ({ meetingId }) => [{ topic: 'meetings', meetingId, part: 'feedback' }],
  }),
  'health.team': op<TeamHealth>()({
    input: () => z.object(period()).strict(),
    defaults: { from: null, to: null },
    dependsOn: (i) => wholeTeam(i.teamId),
  }),
  'health.startRetrospective': op<{ meetingId: string }>()({
    input: () => z.object({ ...period(), date: calendarDate, time: wallTime }).strict(),
    changes: (i, o) => [meetingOf(i.teamId, o.meetingId)],
  }),
} as const;
