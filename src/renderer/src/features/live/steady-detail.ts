import { useDeferredValue, useMemo } from 'react';
import type { MeetingDetail, MeetingLive } from '@shared/planning';
import { useQuery } from '@renderer/api/hooks';
import type { ScheduledItem } from './live-model';

const withoutNotes = (live: MeetingLive): ScheduledItem[] => live.items.map(({ notes: _notes, ...item }) => item);

/**
 * The meeting's agenda without the notes: the same array (and the same items) across a note saved or a turn, so what
 * is drawn from it (the meeting's clock line, the agenda's progress, the rebalance banner, the item's countdowns)
 * neither renders again nor restarts its timer. Read from the live part in the cache, which the console and the
 * projector hold anyway.
 */
export function useSchedule(meetingId: string): ScheduledItem[] | undefined {
  return useQuery('meetings.live', { meetingId }, withoutNotes).data;
}

/** Main's clock is read to the quarter hour by the panels (a default due date "in a week" in the meeting's zone). */
const QUARTER_HOUR = 15 * 60_000;

/**
 * The meeting as the panels beside the round read it (proposal, commitments, review walk, check-out, revisit): the
 * same object across live actions that change only what no such panel reads (the turns, the speaking time, the
 * undo label and action, the items' notes and main's clock reading, which every action brings). Memoised panels then skip a
 * turn or a note and render again only when their own data changes. The panels outside features/live read none of
 * those (`grep -rn "\.turns\|speakingTime\|undoLabel\|undoActionId\|serverNow\|\.notes" src/renderer/src/features`); one that
 * starts to must take them from the live view, not from this.
 */
export function useSteadyDetail(detail: MeetingDetail | undefined, schedule: ScheduledItem[] | undefined): MeetingDetail | undefined {
  const quarter = detail ? Math.floor(detail.serverNow / QUARTER_HOUR) : 0;
  return useMemo(
    () => detail,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: a new object only when what the panels read changes
    [
      detail?.meeting,
      schedule,
      detail?.attendees,
      detail?.clock,
      detail?.currentItemId,
      detail?.decisions,
      detail?.commitments,
      detail?.members,
      detail?.oldBusiness,
      detail?.amendments,
      detail?.feedback,
      quarter,
    ],
  );
}

/**
 * The current item and the steady detail as the item's own panels (proposal, review walk, commitments, check-out)
 * get them: a render behind the title. Another item's title, speaker and countdown are what the room reads first, so
 * they go to the screen in the event's own task, and the panels of the new item (a proposal's forms, a review's
 * list: most of that render's work on a ten-year team) follow in a render of their own that yields to the browser.
 * Until they catch up, `stale` says the panels still show the item before: the caller hides them rather than show
 * one item's panels under another's title.
 */
export function usePanelsBehind(current: ScheduledItem | null, steady: MeetingDetail | undefined) {
  const item = useDeferredValue(current);
  const detail = useDeferredValue(steady);
  return { item, detail, stale: item?.id !== current?.id };
}
