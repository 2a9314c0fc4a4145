/** A team's health figures over a period: JSON only. */
import type { FollowThrough, FollowThroughFigures } from './commitments';
import type { Id } from './domain';
import type { AgendaKind } from './planning';

export const DISSENT_OUTCOMES = ['integrated', 'withdrawn', 'overruled', 'escalated', 'unresolved'] as const;
export type ResolutionOrOpen = (typeof DISSENT_OUTCOMES)[number];

export interface RatingPoint {
  meetingId: Id;
  date: string;
  title: string;
  /** Null when nobody rated that meeting. */
  average: number | null;
  count: number;
}

export interface SeriesRatings {
  /** Null groups the team's one-off meetings. */
  seriesId: Id | null;
  name: string;
  points: RatingPoint[];
  /** Mean of every rating in the period (not of the meeting means). */
  average: number | null;
}

export interface KindTime {
  kind: AgendaKind;
  label: string;
  items: number;
  plannedMs: number;
  actualMs: number;
  /** (actual - planned) / planned: 0.35 is 35% over, negative is under. Null when nothing was planned. */
  overrun: number | null;
}

export interface Airtime {
  memberId: Id;
  name: string;
  ms: number;
  /** Share of all members' speaking time, 0..1. */
  share: number;
}

export interface TeamHealth {
  teamId: Id;
  from: string;
  to: string;
  meetingsHeld: number;
  ratings: {
    series: SeriesRatings[];
    average: number | null;
    count: number;
    /** The same length of time just before `from`, for "down from 8.1". */
    previousAverage: number | null;
  };
  time: {
    /** Agenda items that ran (started and ended), per kind, in agenda-kind order. */
    kinds: KindTime[];
    meetings: number;
    /** Meetings that ran no longer than planned (pauses excluded). */
    onTime: number;
    onTimeShare: number | null;
  };
  airtime: {
    members: Airtime[];
    totalMs: number;
    /** 1 / number of members who spoke: the share each would have if airtime were equal. */
    equalShare: number | null;
  };
  followThrough: { team: FollowThroughFigures; trend: FollowThrough['trend'] };
  dissent: {
    decisions: number;
    decisionsWithDissent: number;
    objections: number;
    byResolution: { resolution: ResolutionOrOpen; count: number }[];
  };
}
