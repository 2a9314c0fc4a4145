import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { OldBusinessContext, OldBusinessSource } from '../planning/old-business';
import { toZoned } from '../planning/zoned-time';

/**
 * The agreement in force whose revisit date falls on or before the meeting's day. It is taken up
 * where the agenda reviews decisions, if it has such an item.
 */
export class AgreementRevisitSource implements OldBusinessSource {
  readonly source = 'agreement_revisit';
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  collect({ meeting, at }: OldBusinessContext): void {
    const current = this.repos.agreements.current(meeting.teamId);
    if (!current) return;
    const revisitBy = this.repos.agreements.revisits([current.id]).at(-1)?.nextRevisitBy ?? current.revisitBy;
    const zone = this.repos.meetings.summary(meeting.id)?.timeZone ?? 'UTC';
    if (revisitBy > toZoned(meeting.scheduledStart ?? at, zone).date) return;
    const reviewItem = this.repos.meetings.items(meeting.id).find((i) => i.kind === 'decision_review')?.id ?? null;
    this.repos.oldBusiness.insert({
      id: uuidv7(this.clock),
      meeting_id: meeting.id,
      source: this.source,
      ref_id: current.id,
      from_meeting_id: null,
      title: `Operating agreement, version ${current.version}`,
      detail: `Revisit due ${revisitBy}`,
      agenda_item_id: reviewItem,
      created_at: at,
    });
  }
}
