import type { MeetingDetail } from '@shared/planning';
import { useQuery, type QueryState } from './hooks';

/** One meeting as the console, projector and meeting page show it. */
export function useMeeting(meetingId: string): QueryState<MeetingDetail> {
  return useQuery('meetings.get', { meetingId });
}
