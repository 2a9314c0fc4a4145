import type { EpochMs } from '@shared/domain';
import type { AgendaItem, MeetingDetail, SpeakingTime, Turn } from '@shared/planning';

/**
 * The shortest turn the console times (a round's timebox is never under 15 s): an item left sooner than that was
 * passed over, not held, whatever its status says. "Next" marks every item it leaves done; the minutes must not.
 */
export const PASSED_OVER_MS = 15_000;

const usedMs = (item: AgendaItem) =>
  item.startedAt === null || item.endedAt === null ? null : item.endedAt - item.startedAt - item.pausedTotalMs;

/**
 * An item the room skipped: taken up and left within seconds with nothing recorded in it (no notes, no turn
 * beyond the opener's, nobody passing or skipped, no decision or commitment made there, no commitment reviewed, no
 * position or objection recorded on a proposal while it ran, nothing in `recorded` (what the detail does not date,
 * see recordedDuring: a decision reviewed, the agreement revisited) from its time, no rating for a check-out). As a
 * turn records a skip ("skipped", DOMAIN.md's word), the minutes say the item was skipped.
 */
export function skippedItems(detail: MeetingDetail, recorded: EpochMs[]): Set<string> {
  const { items, turns, decisions, commitments, meeting } = detail;
  const skipped = new Set<string>();
  for (const item of items) {
    const used = usedMs(item);
    if (item.status !== 'done' || used === null || used >= PASSED_OVER_MS || item.notes.trim()) continue;
    const own = turns.filter((t) => t.agendaItemId === item.id);
    const spokenBeyondOpener = own.some(
      (t) => t.notes.trim() || t.status === 'passed' || t.status === 'skipped' || (t.position > 0 && t.startedAt !== null),
    );
    if (spokenBeyondOpener) continue;
    if (decisions.some((d) => d.agendaItemId === item.id)) continue;
    if (commitments.made.some((c) => c.agendaItemId === item.id)) continue;
    // Ratings carry no time: a check-out with any is taken as the round that took them.
    if (item.kind === 'check_out' && detail.feedback.count > 0) continue;
    const during = (at: number) => at >= item.startedAt! && at <= item.endedAt!;
    const reviewedThen = commitments.review.some((c) => c.events.some((e) => e.meetingId === meeting.id && during(e.at)));
    if (reviewedThen) continue;
    // A proposal keeps the item it was put in, but the room may go round on it in a later one: positions and
    // objections are placed in the item that was running when they were recorded.
    const onProposals = decisions.some(
      (d) =>
        d.positions.some((p) => during(p.recordedAt)) ||
        d.objections.some((o) => during(o.createdAt) || (o.resolvedAt !== null && during(o.resolvedAt))),
    );
    if (onProposals || recorded.some(during)) continue;
    skipped.add(item.id);
  }
  return skipped;
}

/** Speaking time without the seconds an opener had in a skipped round: nobody spoke in a round the room skipped. */
export function speakingTimeHeld(speakingTime: SpeakingTime[], turns: Turn[], items: AgendaItem[], skipped: Set<string>): SpeakingTime[] {
  const lost = new Map<string, number>();
  for (const t of turns) {
    // Ending the meeting leaves the last speaker's turn open: it ended with its item.
    const endedAt = t.endedAt ?? items.find((i) => i.id === t.agendaItemId)?.endedAt ?? null;
    if (!skipped.has(t.agendaItemId) || t.startedAt === null || endedAt === null) continue;
    lost.set(t.attendeeId, (lost.get(t.attendeeId) ?? 0) + Math.max(0, endedAt - t.startedAt - t.pausedTotalMs));
  }
  return speakingTime.map((s) => ({ ...s, ms: Math.max(0, s.ms - (lost.get(s.attendeeId) ?? 0)) }));
}
