import { commitmentDueDetail } from '@shared/commitments';
import type { Decision } from '@shared/decisions';
import type { MeetingFeedback } from '@shared/feedback';
import type { MeetingCommitments, MeetingContext, MeetingDetail, MeetingLive } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { MeetingRecord, MeetingSummaryRecord } from '../../db/repositories/meetings-repository';
import { dueDetailAsOf } from '../commitments/commitment-source';
import type { CommitmentsService } from '../commitments/commitments-service';
import type { DecisionsService } from '../decisions/decisions-service';
import { meetingFeedback } from '../health/feedback-service';
import { speakingTime } from '../live/turns';
import { toZoned } from '../planning/zoned-time';
import { toAttendee, toItem, toSummary } from '../planning/meeting-parts';

/** The leftovers whose openness the decision log decides (`stillOpenFromLog`); any other source stays open. */
const FROM_LOG: ReadonlySet<string> = new Set(['objection', 'agreement_revisit', 'open_proposal', 'decision_review']);

/** What a meeting's decisions are read by. */
type MeetingState = Pick<MeetingRecord, 'id' | 'status' | 'endedAt'>;

/**
 * A meeting as its pages, the console, the projector and the minutes read it, composed from the features it
 * shows (planning, live, decisions, commitments, feedback). It is read in parts so that a change re-reads only
 * the part it touched: `live` after every facilitator action, the others when what they show changed.
 */
export class MeetingView {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly decisionsOf: DecisionsService,
    private readonly commitmentsOf: CommitmentsService,
  ) {}

  live(meetingId: string, row = this.row(meetingId)): MeetingLive {
    const attendees = this.repos.meetings.attendees(meetingId).map(toAttendee);
    const now = this.clock.now();
    const clock = { startedAt: row.startedAt, endedAt: row.endedAt, pausedAt: row.pausedAt, pausedTotalMs: row.pausedTotalMs };
    const turns = this.repos.live.turnsOfMeeting(meetingId);
    const undo = row.status === 'live' ? this.repos.live.lastActionShown(meetingId) : null;
    const items = this.repos.meetings.items(meetingId).map(toItem);
    return {
      meeting: toSummary(row),
      items,
      attendees,
      clock,
      // A live meeting's current item is its agenda's running one (see live-repository's CURRENT_ITEM).
      currentItemId: row.status === 'live' ? (items.find((i) => i.status === 'active')?.id ?? null) : row.currentItemId,
      turns,
      speakingTime: speakingTime(turns, attendees, clock, now),
      serverNow: now,
      undoLabel: undo?.label ?? null,
      undoActionId: undo?.id ?? null,
    };
  }

  /** Proposals and decisions made here, and open ones this meeting took over. */
  decisions(meetingId: string, row: MeetingState = this.state(meetingId)): Decision[] {
    return this.decisionsOf.forMeeting(row.id, row.status === 'ended' ? row.endedAt : null);
  }

  /** One of those as the meeting shows it (null when it does not): what a change to that decision re-reads. */
  decision(meetingId: string, decisionId: string, row: MeetingState = this.state(meetingId)): Decision | null {
    return this.decisionsOf.forMeeting(row.id, row.status === 'ended' ? row.endedAt : null, decisionId)[0] ?? null;
  }

  commitments(meetingId: string, row = this.row(meetingId)): MeetingCommitments {
    const made = this.commitmentsOf.madeIn(row.id);
    const date = toZoned(row.scheduledStart ?? row.createdAt, row.timeZone).date;
    const reviewing = row.status !== 'ended' || this.repos.meetings.items(row.id).some((i) => i.kind === 'commitment_review');
    const review = reviewing ? this.commitmentsOf.reviewList(row.teamId, row.id, date) : [];
    const previous = this.repos.meetings.previousHeld(row);
    const since = previous?.endedAt ?? previous?.scheduledStart ?? null;
    // Up to the end of this meeting once it has ended, so an old record keeps showing what it celebrated.
    const doneSinceLast = since === null ? [] : this.commitmentsOf.doneBetween(row.teamId, since, row.endedAt ?? Number.MAX_SAFE_INTEGER);
    return { made, review, doneSinceLast, reviewDate: date, doneSince: since };
  }

  context(meetingId: string, row = this.row(meetingId)): MeetingContext {
    const openParking = new Set(this.repos.parkingLot.list(row.teamId, false).map((p) => p.id));
    // An item not reached last time is settled once its copy on this agenda is done: the minutes
    // listed it as "still open from before" after the room had taken it up.
    const doneHere = new Set(
      this.repos.meetings
        .items(row.id)
        .filter((i) => i.status === 'done')
        .map((i) => i.id),
    );
    // The team's open commitments are most of a meeting's old business: which of them closed, in one statement.
    const closed = this.repos.commitments.closedInOldBusiness(meetingId);
    // And what the decision log left (objections, proposals, reviews, the agreement): which still need the room, in one more.
    const openFromLog = this.repos.oldBusiness.stillOpenFromLog(meetingId);
    const listed = this.repos.oldBusiness.forMeeting(meetingId);
    // A commitment's due date: until the meeting has ended, as it is now (the detail was written when the meeting was
    // planned, before a renegotiation on the Commitments page or in the room; the renderer's cache rewrites it from the
    // commitment read again, `dueNow`); once it has ended, as it held at its end (a later one is not this meeting's).
    const asOf = row.status === 'ended' ? row.endedAt : null;
    const commitmentIds = listed.filter((o) => o.source === 'open_commitment').map((o) => o.refId);
    // Read together, whatever their number: the commitments with their events (and, composed, their owners).
    const read = commitmentIds.length ? this.repos.commitments.withIds(commitmentIds) : { rows: [], events: new Map() };
    const records = new Map(read.rows.map((record) => [record.id, record]));
    const current = asOf === null ? new Map(this.commitmentsOf.composeAll(read).map((c) => [c.id, c])) : null;
    const events = asOf === null ? null : read.events;
    const detailOf = (o: (typeof listed)[number]): string => {
      if (o.source !== 'open_commitment') return o.detail;
      if (current) {
        const c = current.get(o.refId);
        return c ? commitmentDueDetail(c) : o.detail;
      }
      const record = records.get(o.refId);
      return record ? dueDetailAsOf(o.detail, record, events!.get(o.refId) ?? [], asOf!) : o.detail;
    };
    const oldBusiness = listed.map((o) => ({
      id: o.id,
      source: o.source,
      refId: o.refId,
      fromMeetingId: o.fromMeetingId,
      title: o.title,
      detail: detailOf(o),
      ...(o.source === 'open_commitment' && asOf === null ? { dueNow: true } : {}),
      agendaItemId: o.agendaItemId,
      open:
        o.source === 'parking_lot'
          ? openParking.has(o.refId)
          : o.source === 'not_reached'
            ? o.agendaItemId === null || !doneHere.has(o.agendaItemId)
            : o.source === 'open_commitment'
              ? !closed.has(o.refId)
              : !FROM_LOG.has(o.source) || openFromLog.has(o.id),
    }));
    return {
      members: this.repos.members.listByTeam(row.teamId),
      oldBusiness,
      amendments: this.repos.meetings.amendments('meeting', meetingId),
    };
  }

  feedback(meetingId: string, row = this.row(meetingId)): MeetingFeedback {
    return meetingFeedback(this.repos, row);
  }

  /** Every part at once, read in one go (one transaction, one meeting row). */
  detail(meetingId: string): MeetingDetail {
    const row = this.row(meetingId);
    return {
      ...this.live(meetingId, row),
      ...this.context(meetingId, row),
      decisions: this.decisions(meetingId, row),
      commitments: this.commitments(meetingId, row),
      feedback: this.feedback(meetingId, row),
    };
  }

  /**
   * The meeting's own row without the summary's names and counts (three joins and three counts): all its decisions
   * need is whether and when it ended, and a go-round re-reads one decision per window after every position.
   */
  private state(meetingId: string): MeetingState {
    const row = this.repos.meetings.find(meetingId);
    if (!row) throw new DomainError('not_found', 'That meeting does not exist');
    return row;
  }

  private row(meetingId: string): MeetingSummaryRecord {
    const row = this.repos.meetings.summary(meetingId);
    if (!row) throw new DomainError('not_found', 'That meeting does not exist');
    return row;
  }
}
