import { stanceLabel } from '@shared/decisions';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { MeetingRecord } from '../../db/repositories/meetings-repository';
import { pendingItem } from '../planning/agenda-items';
import type { OldBusinessContext, OldBusinessSource } from '../planning/old-business';
import { toZoned } from '../planning/zoned-time';

const MINUTE = 60_000;
const PROPOSAL_MINUTES = 10;

function meetingDate(repos: Repositories, meeting: MeetingRecord, at: number): string {
  const zone = repos.meetings.summary(meeting.id)?.timeZone ?? 'UTC';
  return toZoned(meeting.scheduledStart ?? at, zone).date;
}

/**
 * Proposals the last meetings left open (deferred, or ended without an outcome) come back in
 * the agenda's proposal slot, or as a proposal item of their own after the opening check-in.
 */
export class OpenProposalSource implements OldBusinessSource {
  readonly source = 'open_proposal';
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  collect({ meeting, at }: OldBusinessContext): void {
    const open = this.repos.decisions.openFromEndedMeetings(meeting.teamId).filter((d) => d.meetingId !== meeting.id);
    const known = new Set(
      this.repos.oldBusiness
        .forMeeting(meeting.id)
        .filter((o) => o.source === this.source)
        .map((o) => o.refId),
    );
    for (const decision of open.filter((d) => !known.has(d.id))) {
      const items = this.repos.meetings.items(meeting.id);
      // The item may already be back because it was not reached, or the agenda has a proposal
      // slot of its own (the template's); then that is where the proposal is taken up.
      let itemId =
        items.find((i) => decision.agendaItemId !== null && i.carriedFromId === decision.agendaItemId)?.id ??
        items.find((i) => i.kind === 'proposal' && i.status === 'pending' && i.carriedFromId === null)?.id ??
        null;
      if (!itemId) {
        // After the opening check-in and the other old business already brought back.
        let insertAt = 0;
        while (items[insertAt]?.kind === 'check_in' || items[insertAt]?.carriedFromId) insertAt++;
        items.slice(insertAt).forEach((item, i) => this.repos.meetings.updateItem(item.id, { position: insertAt + 1 + i }));
        itemId = uuidv7(this.clock);
        this.repos.meetings.insertItem(
          pendingItem(
            {
              id: itemId,
              meetingId: meeting.id,
              position: insertAt,
              kind: 'proposal',
              title: decision.title,
              plannedMs: PROPOSAL_MINUTES * MINUTE,
              ownerId: decision.proposerId,
              plan: '',
              carriedFromId: decision.agendaItemId,
            },
            at,
          ),
        );
      }
      this.repos.oldBusiness.insert({
        id: uuidv7(this.clock),
        meeting_id: meeting.id,
        source: this.source,
        ref_id: decision.id,
        from_meeting_id: decision.meetingId,
        title: decision.title,
        detail: decision.status === 'deferred' ? 'Deferred' : 'No outcome recorded',
        agenda_item_id: itemId,
        created_at: at,
      });
    }
  }
}

/** Every disagree or block still unresolved on an open proposal is listed by name until resolved. */
export class UnresolvedObjectionSource implements OldBusinessSource {
  readonly source = 'objection';
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  collect({ meeting, at }: OldBusinessContext): void {
    const carried = new Map(
      this.repos.oldBusiness
        .forMeeting(meeting.id)
        .filter((o) => o.source === 'open_proposal')
        .map((o) => [o.refId, o.agendaItemId]),
    );
    for (const o of this.repos.decisions.openObjections(meeting.teamId)) {
      if (o.fromMeetingId === meeting.id) continue;
      this.repos.oldBusiness.insert({
        id: uuidv7(this.clock),
        meeting_id: meeting.id,
        source: this.source,
        ref_id: o.id,
        from_meeting_id: o.fromMeetingId,
        title: `${o.memberName} (${stanceLabel(o.stance).toLowerCase()}) on “${o.decisionTitle}”`,
        detail: o.reason,
        agenda_item_id: carried.get(o.decisionId) ?? null,
        created_at: at,
      });
    }
  }
}

/** Accepted decisions whose review date falls on or before the meeting's day. */
export class DecisionReviewSource implements OldBusinessSource {
  readonly source = 'decision_review';
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  collect({ meeting, at }: OldBusinessContext): void {
    const due = this.repos.decisions.dueForReview(meeting.teamId, meetingDate(this.repos, meeting, at));
    const reviewItem = this.repos.meetings.items(meeting.id).find((i) => i.kind === 'decision_review')?.id ?? null;
    for (const d of due) {
      this.repos.oldBusiness.insert({
        id: uuidv7(this.clock),
        meeting_id: meeting.id,
        source: this.source,
        ref_id: d.id,
        from_meeting_id: d.meetingId,
        title: d.title,
        detail: `Review due ${d.reviewDate}${d.ownerName ? ` · owner ${d.ownerName}` : ''}`,
        agenda_item_id: reviewItem,
        created_at: at,
      });
    }
  }
}
