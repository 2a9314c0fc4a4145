import { z } from 'zod';
import type { LiveChange } from '../planning';
import { id, longText, minutes } from '../validation';
import { write } from './io';

const live = () => z.object({ meetingId: id }).strict();
/**
 * A step from what the window showed (the item, the speaker's turn): refused in plain words when the meeting has
 * already moved on, so two windows pressing N at once move one item, not two. Left out, the step is from wherever
 * the meeting is (the CLI, scripts).
 */
const step = () => z.object({ meetingId: id, fromItemId: id.optional() }).strict();

export const liveSchemas = {
  'live.next': write<LiveChange>()(step),
  'live.previous': write<LiveChange>()(step),
  'live.pause': write<LiveChange>()(live),
  'live.resume': write<LiveChange>()(live),
  'live.extend': write<LiveChange>()(() =>
    z
      .object({
        meetingId: id,
        minutes: z.number().int().min(1, { message: 'Extend by at least a minute' }).max(60, { message: 'Extend by at most an hour' }),
      })
      .strict(),
  ),
  'live.park': write<LiveChange>()(() => z.object({ meetingId: id, itemId: id }).strict()),
  'live.setNotes': write<LiveChange>()(() => z.object({ meetingId: id, itemId: id, notes: longText('Notes') }).strict()),
  'live.turn': write<LiveChange>()(() =>
    z.object({ meetingId: id, action: z.enum(['next', 'pass', 'skip', 'later']), turnId: id.optional() }).strict(),
  ),
  'live.setTurnNotes': write<LiveChange>()(() => z.object({ meetingId: id, turnId: id, notes: longText('Notes', 5000) }).strict()),
  'live.rebalance': write<LiveChange>()(() =>
    z
      .object({
        meetingId: id,
        // The minutes each item still to come is allowed from now on: less than planned to catch up, back up to its plan to give time back.
        allow: z.array(z.object({ itemId: id, minutes: minutes('Time allowed') }).strict()).max(200),
        cut: z.array(id).max(200),
      })
      .strict(),
  ),
  // The action the window showed as the last one (`undoActionId`): refused once another window has undone it or acted since.
  'live.undo': write<{ undone: string; teamId: string }>()(() => z.object({ meetingId: id, actionId: id.optional() }).strict()),
} as const;
