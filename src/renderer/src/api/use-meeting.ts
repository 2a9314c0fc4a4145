import { useMemo } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { useQuery, type QueryState } from './hooks';

/**
 * One meeting as the console, projector and meeting page show it, composed from its part reads: a change
 * re-reads only the part the contract says it touched (a live action, the live part alone).
 */
export function useMeeting(meetingId: string): QueryState<MeetingDetail> {
  const live = useQuery('meetings.live', { meetingId });
  const decisions = useQuery('meetings.decisions', { meetingId });
  const commitments = useQuery('meetings.commitments', { meetingId });
  const context = useQuery('meetings.context', { meetingId });
  const feedback = useQuery('meetings.feedback', { meetingId });
  const parts = [live, decisions, commitments, context, feedback];
  const data = useMemo<MeetingDetail | undefined>(
    () =>
      live.data && decisions.data && commitments.data && context.data && feedback.data
        ? { ...live.data, ...context.data, decisions: decisions.data, commitments: commitments.data, feedback: feedback.data }
        : undefined,
    [live.data, decisions.data, commitments.data, context.data, feedback.data],
  );
  return {
    data,
    error: parts.find((p) => p.error)?.error ?? null,
    loading: parts.some((p) => p.loading),
    // A getter, as each part's: asked, it has each part's fetching tracked; the console and projector never ask.
    get outdated() {
      return parts.some((p) => p.outdated);
    },
    reload: () => parts.forEach((p) => p.reload()),
  };
}
