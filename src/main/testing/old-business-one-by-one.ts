import type { Repositories } from '../db/repositories';

/**
 * Which of a meeting's leftovers from the decision log still need the room, read as the meeting view read them until
 * `stillOpenFromLog`: one to three reads per leftover. Kept as the reference the set read is checked against (a unit
 * test) and timed beside (`BENCH_ONLY=recorded`).
 */
export function stillOpenOneByOne(repos: Repositories, meetingId: string): Set<string> {
  const open = new Set<string>();
  for (const o of repos.oldBusiness.forMeeting(meetingId)) if (stillOpen(repos, o.source, o.refId, o.createdAt)) open.add(o.id);
  return open;
}

function stillOpen(repos: Repositories, source: string, refId: string, listedAt: number): boolean {
  if (source === 'objection') return repos.decisions.objection(refId)?.resolution === null;
  if (source === 'agreement_revisit') return repos.agreements.revisitOpen(refId, listedAt);
  const decision = source === 'open_proposal' || source === 'decision_review' ? repos.decisions.find(refId) : null;
  if (source === 'open_proposal') return decision?.status === 'proposed' || decision?.status === 'deferred';
  if (source === 'decision_review') {
    const reviewed = repos.meetings.amendments('decision', refId).some((a) => a.at >= listedAt && a.reason.startsWith('Reviewed'));
    return decision?.status === 'accepted' && !reviewed;
  }
  // The other sources (items not reached, the parking lot, open commitments) are not the decision log's.
  return false;
}
