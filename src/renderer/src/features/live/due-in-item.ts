import type { MeetingDetail, OldBusinessEntry } from '@shared/planning';

/*
 * What old business put into an agenda item for the room to take up, read the same way by the console and the
 * projector: one definition each, so the two screens cannot come to disagree on what is due.
 */

/** The decisions due for review that old business placed in this item, reviewed ones included (they show as such). */
export function decisionsDueInItem(detail: Pick<MeetingDetail, 'oldBusiness'>, itemId: string): OldBusinessEntry[] {
  return detail.oldBusiness.filter((o) => o.source === 'decision_review' && o.agendaItemId === itemId);
}

/** Whether a revisit of the team's operating agreement, still open, was placed in this item. */
export function revisitDueInItem(detail: Pick<MeetingDetail, 'oldBusiness'>, itemId: string): boolean {
  return detail.oldBusiness.some((o) => o.source === 'agreement_revisit' && o.open && o.agendaItemId === itemId);
}
