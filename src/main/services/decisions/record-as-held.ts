import type { Decision } from '@shared/decisions';
import type { TakenUpProposal } from '../../db/repositories/old-business-repository';

/**
 * An open proposal as the record of the meeting that left it open shows it, after a later meeting took it up
 * (which moves the proposal to that meeting). The minutes of the first meeting keep telling what happened there:
 * the proposal deferred or left without an outcome, the stances and objections recorded by its end, and where it
 * was taken up. Its wording is the one that meeting ended with where a later meeting changed it to meet an objection
 * (the first such change kept the text it replaced: walk19 read the first meeting's minutes in the later wording);
 * a proposal's other fields are not versioned while it is open, so they read as they are today.
 */
export function recordAsHeld(decision: Decision, takenUp: TakenUpProposal, endedAt: number): Decision {
  const positionHistory = decision.positionHistory.filter((p) => p.recordedAt <= endedAt);
  const latest = new Map(positionHistory.map((p) => [p.memberId, p]));
  const objections = decision.objections
    .filter((o) => o.createdAt <= endedAt)
    .map((o) =>
      o.resolvedAt !== null && o.resolvedAt > endedAt
        ? {
            ...o,
            resolution: null,
            resolutionNote: null,
            escalatedTo: null,
            resolvedById: null,
            resolvedByName: null,
            resolvedAt: null,
            textBefore: null,
            textAfter: null,
          }
        : o,
    );
  const changedSince = decision.objections
    .filter((o) => o.resolution === 'integrated' && o.resolvedAt !== null && o.resolvedAt > endedAt && o.textBefore !== null)
    .sort((a, b) => a.resolvedAt! - b.resolvedAt!)[0];
  return {
    ...decision,
    decision: changedSince?.textBefore ?? decision.decision,
    status: takenUp.deferred ? 'deferred' : 'proposed',
    decidedAt: null,
    confirmedAt: null,
    readbackAt: null,
    chosenOption: null,
    replacedBy: null,
    positions: [...latest.values()],
    positionHistory,
    objections,
    openObjections: objections.filter((o) => o.resolution === null).length,
    amendments: decision.amendments.filter((a) => a.at <= endedAt),
    takenUpIn: { meetingId: takenUp.meeting.id, title: takenUp.meeting.title, start: takenUp.meeting.start },
  };
}
