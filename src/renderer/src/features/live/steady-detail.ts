import { useMemo } from 'react';
import type { MeetingDetail } from '@shared/planning';

/** Main's clock is read to the quarter hour by the panels (a default due date "in a week" in the meeting's zone). */
const QUARTER_HOUR = 15 * 60_000;

/**
 * The meeting as the panels beside the round read it (proposal, commitments, review walk, check-out, revisit): the
 * same object across live actions that change only what no such panel reads (the turns, the speaking time, the
 * undo label and main's clock reading, which every action brings). Memoised panels then skip a turn or a note's
 * echo and render again only when their own data changes. The panels outside features/live read none of those four
 * (`grep -rn "\.turns\|speakingTime\|undoLabel\|serverNow" src/renderer/src/features`); one that starts to must take
 * them from the live view, not from this.
 */
export function useSteadyDetail(detail: MeetingDetail | undefined): MeetingDetail | undefined {
  const quarter = detail ? Math.floor(detail.serverNow / QUARTER_HOUR) : 0;
  return useMemo(
    () => detail,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: a new object only when what the panels read changes
    [
      detail?.meeting,
      detail?.items,
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
