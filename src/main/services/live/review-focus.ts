import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';

/**
 * The commitment the facilitator's console is on in the review, kept with the meeting's live state so the projector
 * and a second console show it (reviewFocusIn). Moving it is no action to undo and is allowed while paused: it only
 * says what the room looks at. One transaction: the meeting and the commitment read by their keys, one UPDATE.
 */
export class ReviewFocusService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** Answers the meeting's team, which the reply and its change event name. */
  set(meetingId: string, commitmentId: string | null): string {
    return this.repos.sql.transaction(() => {
      const meeting = this.repos.live.meeting(meetingId);
      if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
      if (meeting.status !== 'live')
        throw new DomainError('conflict', meeting.status === 'ended' ? 'This meeting has ended.' : 'This meeting has not started yet.');
      if (commitmentId !== null) {
        const commitment = this.repos.commitments.find(commitmentId);
        if (!commitment || commitment.teamId !== meeting.teamId) throw new DomainError('not_found', 'That commitment does not exist');
      }
      // The mark orders the move with the outcome events, whose ids are made the same way.
      const focus = commitmentId === null ? null : { commitmentId, mark: uuidv7(this.clock) };
      this.repos.live.setReviewFocus(meetingId, focus, this.clock.now());
      return meeting.teamId;
    });
  }
}
