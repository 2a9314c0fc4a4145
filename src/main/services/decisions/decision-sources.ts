import { stanceLabel } from '@shared/decisions';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { MeetingsTable } from '../../db/schema';
import type { OldBusinessContext, OldBusinessSource } from '../planning/old-business';
import { toZoned } from '../planning/zoned-time';

const MINUTE = 60_000;
const PROPOSAL_MINUTES = 10;

function meetingDate(repos: Repositories, meeting: MeetingsTable, at: number): string {
  const zone = repos.meetings.summary(meeting.id)?.time_zone ?? 'UTC';
  return toZoned(meeting.scheduled_start ?? at, zone).date;
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
    const open = this.repos.decisions.openFromEndedMeetings(meeting.team_id).filter((d) => d.meetingId !== meeting.id);
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
        items.find((i) => decision.agendaItemId !== null && i.carried_from_id === decision.agendaItemId)?.id ??
        items.find((i) => i.kind === 'proposal' && i.status === 'pending' && i.carried_from_id === null)?.id ??
        null;
      if (!itemId) {
        // After the opening check-in and the other old business already brought back.
        let insertAt = 0;
        while (items[insertAt]?.kind === 'check_in' || items[insertAt]?.carried_from_id) insertAt++;
        items.slice(insertAt).forEach((item, i) => this.repos.meetings.updateItem(item.id, { position: insertAt + 1 + i }));
        itemId = uuidv7(this.clock);
        this.repos.meetings.insertItem({
          id: itemId,
          meeting_id: meeting.id,
          position: insertAt,
          kind: 'proposal',
          title: decision.title,
          planned_ms: PROPOSAL_MINUTES * MINUTE,
          owner_id: decision.proposerId,
          notes: '',
          status: 'pending',
          started_at: null,
          ended_at: null,
          paused_at: null,
          paused_total_ms: 0,
          extra_ms: 0,
          carried_from_id: decision.agendaItemId,
          created_at: at,
          updated_at: at,
          removed_at: null,
          round_order: 'team',
          turn_timebox_ms: null,
        });
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
    for (const o of this.repos.decisions.openObjections(meeting.team_id)) {
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
    const due = this.repos.decisions.dueForReview(meeting.team_id, meetingDate(this.repos, meeting, at));
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
