import type { Decision } from '@shared/decisions';
import type { Repositories } from '../../db/repositories';
import type { DecisionRecord } from '../../db/repositories/decisions-repository';
import type { TakenUpProposal } from '../../db/repositories/old-business-repository';
import type { DecisionReader } from './decision-reader';
import { partsFromSet } from './decision-set-parts';
import { recordAsHeld } from './record-as-held';

/**
 * The decisions in a meeting's record: those made here, open proposals it took over as old business, and, once
 * it has ended, those it left open that a later meeting took up (which moved them there), shown as they stood
 * at its end. One proposal appears once: a taken-over one that moved on shows as it stood here.
 * With `only`, that one decision as the record shows it (none when the record does not show it): what a go-round's
 * change re-reads, rather than every decision of the meeting. Their positions, objections and history are read
 * for all of them at once (a handful of queries however many proposals the meeting took).
 */
export function meetingDecisions(
  repos: Repositories,
  reader: DecisionReader,
  meetingId: string,
  endedAt: number | null,
  only: string | null = null,
): Decision[] {
  const carriedIds = repos.oldBusiness.openProposalIds(meetingId);
  let rows: DecisionRecord[];
  if (only === null) {
    const carried = repos.decisions.findMany(carriedIds).filter((d) => d.meetingId !== meetingId);
    rows = [...repos.decisions.forMeeting(meetingId), ...carried];
  } else {
    const row = repos.decisions.find(only);
    rows = row && (row.meetingId === meetingId || carriedIds.includes(row.id)) ? [row] : [];
  }
  const takenUp = endedAt === null ? [] : takenUpFrom(repos, meetingId, only);
  const set = repos.decisionSets.of([...rows, ...takenUp.map((t) => t.row).filter((t) => !rows.some((r) => r.id === t.id))]);
  const parts = partsFromSet(set, reader);
  const decisions = rows.map((row) => reader.toDecision(row, parts));
  if (takenUp.length === 0) return decisions;
  const movedOn = new Map(takenUp.map((t) => [t.row.id, recordAsHeld(reader.toDecision(t.row, parts), t.by, endedAt!)]));
  const shown = decisions.map((d) => movedOn.get(d.id) ?? d);
  const ids = new Set(shown.map((d) => d.id));
  return [...shown, ...[...movedOn.values()].filter((d) => !ids.has(d.id))].sort((a, b) => a.createdAt - b.createdAt);
}

/** Proposals this meeting left open that a later meeting took up (moving them there), with the meeting that did. */
function takenUpFrom(repos: Repositories, meetingId: string, only: string | null): { row: DecisionRecord; by: TakenUpProposal }[] {
  const takenUp = repos.oldBusiness.proposalsTakenUpFrom(meetingId).filter((t) => only === null || t.decisionId === only);
  if (takenUp.length === 0) return [];
  const rows = repos.decisions.findMany([...new Set(takenUp.map((t) => t.decisionId))]);
  return rows
    .filter((row) => row.meetingId !== meetingId)
    .map((row) => {
      // Carried into several meetings, it names the one that took it up (it moved there), else the last to carry it.
      const mine = takenUp.filter((t) => t.decisionId === row.id);
      return { row, by: mine.find((t) => t.meeting.id === row.meetingId) ?? mine.at(-1)! };
    });
}
