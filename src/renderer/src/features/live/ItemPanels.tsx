import { memo } from 'react';
import type { MeetingDetail } from '@shared/planning';
import { ConsoleRevisit } from '../agreements/ConsoleRevisit';
import { ItemCommitments } from '../commitments/ItemCommitments';
import { Recognition } from '../commitments/Recognition';
import { ReviewWalk } from '../commitments/ReviewWalk';
import { ConsoleDecisionReview } from '../decisions/ConsoleDecisionReview';
import { ProposalPanel } from '../decisions/ProposalPanel';
import { CheckoutRound, type CheckoutSpeaker } from '../health/CheckoutRound';
import type { ScheduledItem } from './live-model';

/**
 * The current item's own panels in the console: the proposal, the review walk, recognition, the check-out, the
 * decisions due for review, a due revisit and the item's commitments. Memoised, and given the steady detail (./steady-detail.ts): a turn in the
 * round beside them renders none of them.
 */
export const ItemPanels = memo(function ItemPanels({
  detail,
  current,
  paused,
  checkoutSpeaker = null,
}: {
  detail: MeetingDetail;
  current: ScheduledItem;
  paused: boolean;
  /** The check-out round's speaker, the person its ratings are taken from (null on any other item). */
  checkoutSpeaker?: CheckoutSpeaker | null;
}) {
  return (
    <>
      {current.kind === 'proposal' && <ProposalPanel detail={detail} itemId={current.id} itemTitle={current.title} disabled={paused} />}
      {current.kind === 'commitment_review' && (
        <ReviewWalk meetingId={detail.meeting.id} review={detail.commitments.review} members={detail.members} />
      )}
      {current.kind === 'recognition' && <Recognition done={detail.commitments.doneSinceLast} />}
      {current.kind === 'check_out' && (
        <CheckoutRound key={`checkout-${current.id}`} detail={detail} speaker={checkoutSpeaker} disabled={paused} />
      )}
      <ConsoleDecisionReview detail={detail} itemId={current.id} isReviewItem={current.kind === 'decision_review'} />
      <ConsoleRevisit detail={detail} itemId={current.id} />
      {current.kind !== 'commitment_review' && <ItemCommitments detail={detail} itemId={current.id} />}
    </>
  );
});
