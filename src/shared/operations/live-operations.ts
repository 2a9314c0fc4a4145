import { z } from 'zod';
import type { Scope } from '../events';
import type { LiveChange } from '../planning';
import { id, longText, minutes } from '../validation';
import { op } from './define';

const live = () => z.object({ meetingId: id }).strict();

/** A live action changes the meeting's live part (its row, items, turns, clock) and nothing else. */
const liveChange = ({ meetingId }: { meetingId: string }): Scope[] => [{ topic: 'meetings', meetingId, part: 'live' }];

/**
 * Live actions answer with what they changed (this meeting's live part) and no more: an action costs its commit,
 * and every window showing the meeting, the one that acted included, re-reads just that part on the change event.
 */
export const liveOperations = {
  'live.next': op<LiveChange>()({ input: live, changes: liveChange }),
  'live.previous': op<LiveChange>()({ input: live, changes: liveChange }),
  'live.pause': op<LiveChange>()({ input: live, changes: liveChange }),
  'live.resume': op<LiveChange>()({ input: live, changes: liveChange }),
  'live.extend': op<LiveChange>()({
    input: () =>
      z
        .object({
          meetingId: id,
          minutes: z.number().int().min(1, { message: 'Extend by at least a minute' }).max(60, { message: 'Extend by at most an hour' }),
        })
        .strict(),
    changes: liveChange,
  }),
  'live.park': op<LiveChange>()({
    input: () => z.object({ meetingId: id, itemId: id }).strict(),
    changes: (input, out) => [...liveChange(input), { topic: 'parkingLot', teamId: out.teamId }],
  }),
  'live.setNotes': op<LiveChange>()({
    input: () => z.object({ meetingId: id, itemId: id, notes: longText('Notes') }).strict(),
    changes: liveChange,
  }),
  'live.turn': op<LiveChange>()({
    input: () => z.object({ meetingId: id, action: z.enum(['next', 'pass', 'skip', 'later']) }).strict(),
    changes: liveChange,
  }),
  'live.setTurnNotes': op<LiveChange>()({
    input: () => z.object({ meetingId: id, turnId: id, notes: longText('Notes', 5000) }).strict(),
    changes: liveChange,
  }),
  'live.rebalance': op<LiveChange>()({
    input: () =>
      z
        .object({
          meetingId: id,
          // The minutes each item still to come is allowed from now on: less than planned to catch up, back up to its plan to give time back.
          allow: z.array(z.object({ itemId: id, minutes: minutes('Time allowed') }).strict()).max(200),
          cut: z.array(id).max(200),
        })
        .strict(),
    // Planned minutes are part of the meeting's summary in lists too.
    changes: (input) => [...liveChange(input), { topic: 'meetings', meetingId: input.meetingId, part: 'summary' }],
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
