import type { Decision } from '@shared/decisions';
import type { Repositories } from '../../db/repositories';
import type { DecisionReader } from './decision-reader';
import { recordAsHeld } from './record-as-held';

/**
 * The decisions in a meeting's record: those made here, open proposals it took over as old business, and, once
 * it has ended, those it left open that a later meeting took up (which moved them there), shown as they stood
 * at its end. One proposal appears once: a taken-over one that moved on shows as it stood here.
 */
export function meetingDecisions(repos: Repositories, reader: DecisionReader, meetingId: string, endedAt: number | null): Decision[] {
  const own = repos.decisions.forMeeting(meetingId);
  const carriedIds = repos.oldBusiness
    .forMeeting(meetingId)
    .filter((o) => o.source === 'open_proposal')
    .map((o) => o.refId);
  const carried = repos.decisions.findMany(carriedIds).filter((d) => d.meetingId !== meetingId);
  const decisions = [...own, ...carried].map((row) => reader.toDecision(row));
  if (endedAt === null) return decisions;
  const movedOn = new Map(takenUpFrom(repos, reader, meetingId, endedAt).map((d) => [d.id, d]));
  if (movedOn.size === 0) return decisions;
  const shown = decisions.map((d) => movedOn.get(d.id) ?? d);
  const ids = new Set(shown.map((d) => d.id));
  return [...shown, ...[...movedOn.values()].filter((d) => !ids.has(d.id))].sort((a, b) => a.createdAt - b.createdAt);
}

function takenUpFrom(repos: Repositories, reader: DecisionReader, meetingId: string, endedAt: number): Decision[] {
  const takenUp = repos.oldBusiness.proposalsTakenUpFrom(meetingId);
  if (takenUp.length === 0) return [];
  const rows = repos.decisions.findMany([...new Set(takenUp.map((t) => t.decisionId))]);
  return rows
    .filter((row) => row.meetingId !== meetingId)
    .map((row) => {
      // Carried into several meetings, it names the one that took it up (it moved there), else the last to carry it.
      const mine = takenUp.filter((t) => t.decisionId === row.id);
      const by = mine.find((t) => t.meeting.id === row.meetingId) ?? mine.at(-1)!;
      return recordAsHeld(reader.toDecision(row), by, endedAt);
    });
}
