import { z } from 'zod';
import type { MeetingDetail } from '../planning';
import { id, longText, minutes } from '../validation';
import { op } from './define';

const live = z.object({ meetingId: id }).strict();

export const liveOperations = {
  'live.next': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.previous': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.pause': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.resume': op<MeetingDetail>()({ input: live, invalidates: ['meetings'] }),
  'live.extend': op<MeetingDetail>()({
    input: z
      .object({
        meetingId: id,
        minutes: z.number().int().min(1, { message: 'Extend by at least a minute' }).max(60, { message: 'Extend by at most an hour' }),
      })
      .strict(),
    invalidates: ['meetings'],
  }),
  'live.park': op<MeetingDetail>()({ input: z.object({ meetingId: id, itemId: id }).strict(), invalidates: ['meetings', 'parkingLot'] }),
  'live.setNotes': op<MeetingDetail>()({
    input: z.object({ meetingId: id, itemId: id, notes: longText('Notes') }).strict(),
    invalidates: ['meetings'],
  }),
  'live.turn': op<MeetingDetail>()({
    input: z.object({ meetingId: id, action: z.enum(['next', 'pass', 'skip', 'later']) }).strict(),
    invalidates: ['meetings'],
  }),
  'live.setTurnNotes': op<MeetingDetail>()({
    input: z.object({ meetingId: id, turnId: id, notes: longText('Notes', 5000) }).strict(),
    invalidates: ['meetings'],
  }),
  'live.rebalance': op<MeetingDetail>()({
    input: z
      .object({
        meetingId: id,
        shorten: z.array(z.object({ itemId: id, plannedMin: minutes('Planned time') }).strict()).max(200),
        cut: z.array(id).max(200),
      })
      .strict(),
    invalidates: ['meetings'],
  }),
  'live.undo': op<{ undone: string }>()({ input: live, invalidates: ['meetings', 'parkingLot', 'decisions'] }),
} as const;
