import type { MeetingFeedback } from '@shared/feedback';
import type { Attendee } from '@shared/planning';

/** Who may rate, as main decides it: those marked as there, or everyone invited when nobody was marked. */
export function raters(attendees: Attendee[]): Attendee[] {
  const marked = attendees.some((a) => a.status !== 'expected');
  return attendees.filter((a) => (marked ? a.status === 'present' || a.status === 'late' || a.status === 'left_early' : true));
}

/** The average is shown only once everyone has rated, so nobody's rating can be read off its change. */
export function complete(f: MeetingFeedback): boolean {
  return f.expected > 0 && f.count >= f.expected;
}

export const one = (n: number) => n.toFixed(1);
