import type { Scope } from '../events';
import { manifest } from './define';
import type { liveSchemas } from './live-schemas';

/** A live action changes the meeting's live part (its row, items, turns, clock) and nothing else. */
const liveChange = ({ meetingId }: { meetingId: string }): Scope[] => [{ topic: 'meetings', meetingId, part: 'live' }];

/**
 * Live actions answer with what they changed (this meeting's live part) and no more: an action costs its commit,
 * and every window showing the meeting, the one that acted included, re-reads just that part on the change event.
 */
export const liveOperations = manifest<typeof liveSchemas>()({
  'live.next': { changes: liveChange },
  'live.previous': { changes: liveChange },
  'live.pause': { changes: liveChange },
  'live.resume': { changes: liveChange },
  'live.extend': { changes: liveChange },
  'live.park': { changes: (input, out) => [...liveChange(input), { topic: 'parkingLot', teamId: out.teamId }] },
  'live.setNotes': { changes: liveChange },
  'live.turn': { changes: liveChange },
  'live.setTurnNotes': { changes: liveChange },
  // Planned minutes are part of the meeting's summary in lists too.
  'live.rebalance': { changes: (input) => [...liveChange(input), { topic: 'meetings', meetingId: input.meetingId, part: 'summary' }] },
  /** Undo can put back a parked item, so the parking lot may change too. */
  'live.undo': {
    changes: ({ meetingId }, out) => [
      { topic: 'meetings', meetingId, part: 'live' },
      { topic: 'meetings', meetingId, part: 'summary' },
      { topic: 'parkingLot', teamId: out.teamId },
    ],
  },
});
