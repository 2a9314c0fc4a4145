import type { KindTime, ResolutionOrOpen, SeriesRatings, TeamHealth } from '@shared/health';
import { DISSENT_OUTCOMES } from '@shared/health';
import { AGENDA_KINDS } from '@shared/planning';
import type { DecisionObjectionOutcome, MemberTurn, RanItem } from '../../db/repositories/health-repository';

/** A meeting held in the period, as the figures need it. */
export interface HeldMeeting {
  id: string;
  seriesId: string | null;
  seriesName: string | null;
  title: string;
  date: string;
  startedAt: number;
  endedAt: number;
  pausedTotalMs: number;
  plannedLengthMs: number;
}

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

/** One line per series (one-off meetings last); each series' average is over all its ratings, not over meeting means. */
export function ratingSeries(held: HeldMeeting[], ratings: { meetingId: string; rating: number }[]): TeamHealth['ratings'] {
  const byMeeting = new Map<string, number[]>();
  for (const r of ratings) byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), r.rating]);
  const groups = new Map<string | null, HeldMeeting[]>();
  for (const m of [...held].sort((a, b) => a.date.localeCompare(b.date) || a.startedAt - b.startedAt)) {
    groups.set(m.seriesId, [...(groups.get(m.seriesId) ?? []), m]);
  }
  const series: SeriesRatings[] = [...groups].map(([seriesId, meetings]) => ({
    seriesId,
    name: seriesId === null ? 'One-off meetings' : (meetings[0]!.seriesName ?? 'Series'),
    points: meetings.map((m) => {
      const values = byMeeting.get(m.id) ?? [];
      return { meetingId: m.id, date: m.date, title: m.title, average: mean(values), count: values.length };
    }),
    average: mean(meetings.flatMap((m) => byMeeting.get(m.id) ?? [])),
  }));
  series.sort((a, b) => (a.seriesId === null ? 1 : 0) - (b.seriesId === null ? 1 : 0) || a.name.localeCompare(b.name));
  const all = held.flatMap((m) => byMeeting.get(m.id) ?? []);
  return { series, average: mean(all), count: all.length, previousAverage: null };
}

/** Planned against actual per kind: planned is the agenda's plan, so extra time granted counts as overrun. */
export function timeByKind(items: RanItem[]): KindTime[] {
  return AGENDA_KINDS.flatMap(({ kind, label }) => {
    const ran = items.filter((i) => i.kind === kind && i.startedAt !== null && i.endedAt !== null);
    if (ran.length === 0) return [];
    const plannedMs = ran.reduce((s, i) => s + i.plannedMs, 0);
    const actualMs = ran.reduce((s, i) => s + Math.max(0, i.endedAt! - i.startedAt! - i.pausedTotalMs), 0);
    return [{ kind, label, items: ran.length, plannedMs, actualMs, overrun: plannedMs ? (actualMs - plannedMs) / plannedMs : null }];
  });
}

export function onTime(held: HeldMeeting[]): Omit<TeamHealth['time'], 'kinds'> {
  const kept = held.filter((m) => m.endedAt - m.startedAt - m.pausedTotalMs <= m.plannedLengthMs).length;
  return { meetings: held.length, onTime: kept, onTimeShare: held.length ? kept / held.length : null };
}

/** A turn counts until it ended, or until its item did; a member's share is of all members' speaking time. */
export function airtime(turns: MemberTurn[]): TeamHealth['airtime'] {
  const totals = new Map<string, { name: string; ms: number }>();
  for (const t of turns) {
    const end = t.endedAt ?? t.itemEndedAt;
    if (t.memberId === null || t.startedAt === null || end === null) continue;
    const ms = Math.max(0, end - t.startedAt - t.pausedTotalMs);
    const entry = totals.get(t.memberId) ?? { name: t.name ?? 'Member', ms: 0 };
    entry.ms += ms;
    totals.set(t.memberId, entry);
  }
  const totalMs = [...totals.values()].reduce((s, e) => s + e.ms, 0);
  const members = [...totals]
    .map(([memberId, e]) => ({ memberId, name: e.name, ms: e.ms, share: totalMs ? e.ms / totalMs : 0 }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
  return { members, totalMs, equalShare: members.length ? 1 / members.length : null };
}

export function dissent(rows: DecisionObjectionOutcome[]): TeamHealth['dissent'] {
  const decisions = new Set(rows.map((r) => r.decisionId));
  const objections = rows.filter((r) => r.objectionId !== null);
  const counts = new Map<ResolutionOrOpen, number>(DISSENT_OUTCOMES.map((r) => [r, 0]));
  for (const o of objections) {
    const key = o.resolution ?? 'unresolved';
    counts.set(key, counts.get(key)! + 1);
  }
  return {
    decisions: decisions.size,
    decisionsWithDissent: new Set(objections.map((o) => o.decisionId)).size,
    objections: objections.length,
    byResolution: DISSENT_OUTCOMES.map((resolution) => ({ resolution, count: counts.get(resolution)! })),
  };
}
