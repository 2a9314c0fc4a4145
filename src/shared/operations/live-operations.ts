import { z } from 'zod';
import type { Scope } from '../events';
import type { MeetingLive } from '../planning';
import { id, longText, minutes } from '../validation';
import { op } from './define';

const live = z.object({ meetingId: id }).strict();

/** A live action changes the meeting's live part (its row, items, turns, clock) and nothing else. */
const liveChange = ({ meetingId }: { meetingId: string }, out: MeetingLive): Scope[] => [
  { topic: 'meetings', meetingId, teamId: out.meeting.teamId, part: 'live' },
];

/**
 * Live actions answer with the meeting's live part as it now stands (a few rows): the window that acted
 * shows it at once, and every other window re-reads just that part when the change event arrives.
 */
export const liveOperations = {
  'live.next': op<MeetingLive>()({ input: live, changes: liveChange }),
  'live.previous': op<MeetingLive>()({ input: live, changes: liveChange }),
  'live.pause': op<MeetingLive>()({ input: live, changes: liveChange }),
  'live.resume': op<MeetingLive>()({ input: live, changes: liveChange }),
  'live.extend': op<MeetingLive>()({
    input: z
      .object({
        meetingId: id,
        minutes: z.number().int().min(1, { message: 'Extend by at least a minute' }).max(60, { message: 'Extend by at most an hour' }),
      })
      .strict(),
    changes: liveChange,
  }),
  'live.park': op<MeetingLive>()({
    input: z.object({ meetingId: id, itemId: id }).strict(),
    changes: (input, out) => [...liveChange(input, out), { topic: 'parkingLot', teamId: out.meeting.teamId }],
  }),
  'live.setNotes': op<MeetingLive>()({
    input: z.object({ meetingId: id, itemId: id, notes: longText('Notes') }).strict(),
    changes: liveChange,
  }),
  'live.turn': op<MeetingLive>()({
    input: z.object({ meetingId: id, action: z.enum(['next', 'pass', 'skip', 'later']) }).strict(),
    changes: liveChange,
  }),
  'live.setTurnNotes': op<MeetingLive>()({
    input: z.object({ meetingId: id, turnId: id, notes: longText('Notes', 5000) }).strict(),
    changes: liveChange,
  }),
  'live.rebalance': op<MeetingLive>()({
    input: z
      .object({
        meetingId: id,
        shorten: z.array(z.object({ itemId: id, plannedMin: minutes('Planned time') }).strict()).max(200),
        cut: z.array(id).max(200),
      })
      .strict(),
    // Planned minutes are part of the meeting's summary in lists too.
    changes: (input, out) => [...liveChange(input, out), { topic: 'meetings', meetingId: input.meetingId, part: 'summary' }],
  }),
  /** Undo can put back a parked item, so the parking lot may change too. */
  'live.undo': op<{ undone: string; teamId: string }>()({
    input: live,
    changes: ({ meetingId }, out) => [
      { topic: 'meetings', meetingId, part: 'live' },
      { topic: 'meetings', meetingId, part: 'summary' },
      { topic: 'parkingLot', teamId: out.teamId },
    ],
  }),
} as const;
