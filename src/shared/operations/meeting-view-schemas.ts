import { z } from 'zod';
import type { Decision } from '../decisions';
import type { MeetingFeedback } from '../feedback';
import type { MeetingCommitments, MeetingContext, MeetingDetail, MeetingLive } from '../planning';
import { id } from '../validation';
import { read } from './io';

const meeting = () => z.object({ meetingId: id }).strict();

/** A meeting read in parts (see ./meeting-view-operations). */
export const meetingViewSchemas = {
  'meetings.live': read<MeetingLive>()(meeting),
  'meetings.decisions': read<Decision[]>()(meeting),
  /** One decision as the meeting's record shows it; null when the record does not show it. */
  'meetings.decision': read<Decision | null>()(() => z.object({ meetingId: id, decisionId: id }).strict()),
  'meetings.commitments': read<MeetingCommitments>()(meeting),
  'meetings.context': read<MeetingContext>()(meeting),
  'meetings.feedback': read<MeetingFeedback>()(meeting),
  'meetings.get': read<MeetingDetail>()(meeting),
} as const;
