import type { MeetingDetail } from '@shared/planning';
import { fileSlug } from '../planning/file-names';
import { toZoned } from '../planning/zoned-time';

/** What a reader or a script needs to know about the minutes before reading them: the front matter. */
export interface MinutesMeta {
  title: string;
  team: string;
  date: string | null;
  started: string | null;
  ended: string | null;
  timeZone: string;
  facilitator: string | null;
  present: string[];
  late: string[];
  leftEarly: string[];
  absent: string[];
  status: 'draft' | 'final';
  meetingId: string;
}

export function minutesMeta(detail: MeetingDetail): MinutesMeta {
  const { meeting, attendees } = detail;
  const zone = meeting.timeZone;
  const at = (ms: number | null) => (ms === null ? null : (({ date, time }) => `${date} ${time}`)(toZoned(ms, zone)));
  // Dated by the day it was held, in the team's zone (planned for Monday, held on Sunday: Sunday); by the
  // planned day only while it has not been held.
  const day = meeting.startedAt ?? meeting.scheduledStart;
  const names = (status: string) => attendees.filter((a) => a.status === status).map((a) => a.name + (a.memberId ? '' : ' (guest)'));
  return {
    title: meeting.title,
    team: meeting.teamName,
    date: day === null ? null : toZoned(day, zone).date,
    started: at(meeting.startedAt),
    ended: at(meeting.endedAt),
    timeZone: zone,
    facilitator: meeting.facilitatorName ?? null,
    present: names('present'),
    late: names('late'),
    leftEarly: names('left_early'),
    absent: names('absent'),
    status: meeting.status === 'ended' ? 'final' : 'draft',
    meetingId: meeting.id,
  };
}

/** `2026-11-23-weekly-sync.md`: by date and meeting, so a folder of minutes sorts by date. */
export function minutesFileName(meta: MinutesMeta, extension: 'md' | 'html' | 'pdf'): string {
  return `${meta.date ?? 'unscheduled'}-${fileSlug(meta.title) || 'meeting'}.${extension}`;
}
