import type { Repositories } from '../../db/repositories';
import type { FeedbackService } from '../health/feedback-service';

interface DemoRating {
  /** null: given anonymously. */
  name: string | null;
  rating: number;
  better?: string;
}

/** Check-out ratings of the demo's two held meetings: a dip after the second ran out of time. */
export const DEMO_FEEDBACK: readonly (readonly DemoRating[])[] = [
  [
    { name: 'Maya Okafor', rating: 8 },
    { name: 'Sam Lindqvist', rating: 7, better: 'Send the proposals round a day ahead' },
    { name: 'Priya Raman', rating: 8 },
    { name: 'Diego Alvarez', rating: 6, better: 'Less status, more discussion' },
    { name: null, rating: 7, better: 'Keep updates to a minute each' },
  ],
  [
    { name: 'Maya Okafor', rating: 7 },
    { name: 'Sam Lindqvist', rating: 6, better: 'Leave time for the read-out we carried over' },
    { name: 'Priya Raman', rating: 7 },
    { name: 'Kofi Mensah', rating: 6 },
    { name: null, rating: 5, better: 'We ran out of time again: cut the agenda earlier' },
  ],
];

/** Gives a meeting's demo ratings through the real feedback rules. */
export function recordDemoFeedback(
  feedback: FeedbackService,
  repos: Repositories,
  meetingId: string,
  ratings: readonly DemoRating[],
): void {
  const attendees = repos.meetings.attendees(meetingId);
  for (const r of ratings) {
    const attendeeId = r.name === null ? null : (attendees.find((a) => a.memberName === r.name)?.id ?? null);
    feedback.give({ meetingId, attendeeId, rating: r.rating, better: r.better ?? null });
  }
}
