import { commitmentDueDetail, REASSIGN } from '@shared/commitments';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { OldBusinessContext, OldBusinessSource } from '../planning/old-business';
import type { CommitmentEventRecord, CommitmentRecord } from '../../db/repositories/commitments-repository';
import { derive } from './commitment-state';
import { CommitmentsService } from './commitments-service';

/**
 * The old business detail of a commitment with its due date as it held at `at` (a meeting's end, or now): the
 * detail written when the meeting was planned named the date then, before any renegotiation recorded in the
 * meeting or after it. The rest of that detail (an owner who has left) is kept as written.
 */
export function dueDetailAsOf(written: string, record: CommitmentRecord, events: CommitmentEventRecord[], at: number): string {
  const { dueDate } = derive(
    record,
    events.filter((e) => e.at <= at),
  );
  return commitmentDueDetail({ dueDate, originalDueDate: record.originalDueDate, needsReassignment: written.includes(REASSIGN) });
}

/** Every open commitment of the team is listed for the meeting's commitment review, until done or dropped. */
export class OpenCommitmentSource implements OldBusinessSource {
  readonly source = 'open_commitment';
  private readonly commitments: CommitmentsService;
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {
    this.commitments = new CommitmentsService(repos, clock);
  }

  collect({ meeting, at }: OldBusinessContext): void {
    const reviewItem = this.repos.meetings.items(meeting.id).find((i) => i.kind === 'commitment_review')?.id ?? null;
    const open = this.commitments.toCommitments(this.repos.commitments.open(meeting.teamId)).filter((c) => c.meetingId !== meeting.id);
    for (const c of open) {
      this.repos.oldBusiness.insert({
        id: uuidv7(this.clock),
        meeting_id: meeting.id,
        source: this.source,
        ref_id: c.id,
        from_meeting_id: c.meetingId,
        title: `${c.ownerName}: ${c.outcome}`,
        detail: commitmentDueDetail(c),
        agenda_item_id: reviewItem,
        created_at: at,
      });
    }
  }
}
