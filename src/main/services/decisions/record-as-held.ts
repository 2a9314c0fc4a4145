import type { Decision } from '@shared/decisions';
import type { TakenUpProposal } from '../../db/repositories/old-business-repository';
import { FIELD_LABELS } from './decision-fields';

/**
 * An open proposal as the record of the meeting that left it open shows it, after a later meeting took it up
 * (which moves the proposal to that meeting). The minutes of the first meeting keep telling what happened there:
 * the proposal deferred or left without an outcome, the stances and objections recorded by its end, and where it
 * was taken up. Its wording is the one that meeting ended with where a later meeting changed it to meet an objection
 * (the first such change kept the text it replaced: walk19 read the first meeting's minutes in the later wording),
 * and so are its rationale and review date where a later room changed them (kept in its history since) or an
 * amendment did; fields changed in no kept way read as they are today.
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
  // What a field held before its first change after this meeting ended: a change in the room to meet an objection
  // (integrated) or any other kept in the decision's history (an edit in a later room, an amendment).
  const changes: { at: number; field: string; from: string }[] = [
    ...decision.objections
      .filter((o) => o.resolution === 'integrated' && o.resolvedAt !== null && o.resolvedAt > endedAt && o.textBefore !== null)
      .map((o) => ({ at: o.resolvedAt!, field: FIELD_LABELS.decision, from: o.textBefore! })),
    ...decision.amendments.filter((a) => a.at > endedAt).flatMap((a) => a.changes.map((c) => ({ at: a.at, field: c.field, from: c.from }))),
  ].sort((a, b) => a.at - b.at);
  const before = (field: string) => changes.find((c) => c.field === field)?.from;
  const reviewDate = before(FIELD_LABELS.reviewDate);
  return {
    ...decision,
    decision: before(FIELD_LABELS.decision) ?? decision.decision,
    rationale: before(FIELD_LABELS.rationale) ?? decision.rationale,
    reviewDate: reviewDate === undefined ? decision.reviewDate : reviewDate || null,
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
