/** Check-out feedback on one meeting: JSON only. */
import type { EpochMs, Id } from './domain';

export const RATING_MESSAGE = 'A rating is a whole number from 1 to 10';

/** Ratings are taken while the meeting runs and for this long after it ends, for anyone who missed the round. */
export const FEEDBACK_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface FeedbackEntry {
  /** Null for an anonymous entry: nothing ties it to a person. */
  attendeeId: Id | null;
  memberName: string | null;
  rating: number;
  /** "What would make the next meeting better"; '' when not given. */
  better: string;
}

export interface MeetingFeedback {
  /**
   * Named entries in attendee order, then anonymous ones. Once any rating is anonymous, no entry
   * carries a name and they come highest rating first: with the attendee list, named raters would
   * leave the anonymous one's author as the person left over.
   */
  entries: FeedbackEntry[];
  /** Some rating is anonymous, so no rating of this meeting is shown with a name (see entries). */
  namesWithheld: boolean;
  /** Mean of all ratings, unrounded; null before the first. */
  average: number | null;
  count: number;
  anonymousCount: number;
  /** How many attended: no meeting takes more ratings than this. */
  expected: number;
  /** Until when ratings are taken; null while the meeting has not ended. */
  openUntil: EpochMs | null;
}

/** What a rating answers: the meeting whose feedback part it changed, and the rating's id. */
export interface FeedbackGiven {
  meetingId: Id;
  id: Id;
}
