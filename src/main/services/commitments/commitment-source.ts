import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { OldBusinessContext, OldBusinessSource } from '../planning/old-business';
import { CommitmentsService } from './commitments-service';

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
        detail: `Due ${c.dueDate}${c.dueDate !== c.originalDueDate ? ` (first due ${c.originalDueDate})` : ''}${c.needsReassignment ? ' · owner has left: reassign' : ''}`,
        agenda_item_id: reviewItem,
        created_at: at,
      });
    }
  }
}
