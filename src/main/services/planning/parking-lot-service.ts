import type { ParsedInputOf } from '@shared/contract';
import type { ParkingLotItem } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';

/** A team's standing list of issues to discuss: closed by discussing or dropping, never deleted. */
export class ParkingLotService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  list(teamId: string, includeClosed: boolean): ParkingLotItem[] {
    return this.repos.parkingLot.list(teamId, includeClosed);
  }

  add(input: ParsedInputOf<'parkingLot.add'>, parkedFrom: { meetingId: string; itemId: string } | null = null): ParkingLotItem {
    return this.repos.sql.transaction(() => {
      if (!this.repos.teams.find(input.teamId)) throw new DomainError('not_found', 'That team does not exist');
      const at = this.clock.now();
      const id = uuidv7(this.clock);
      this.repos.parkingLot.insert({
        id,
        team_id: input.teamId,
        title: input.title,
        notes: input.notes,
        status: 'open',
        parked_from_meeting_id: parkedFrom?.meetingId ?? null,
        parked_from_item_id: parkedFrom?.itemId ?? null,
        closed_at: null,
        closed_in_meeting_id: null,
        created_at: at,
        updated_at: at,
      });
      return this.repos.parkingLot.find(id)!;
    });
  }

  update(input: ParsedInputOf<'parkingLot.update'>): ParkingLotItem {
    return this.repos.sql.transaction(() => {
      this.require(input.itemId);
      this.repos.parkingLot.update(input.itemId, { title: input.title, notes: input.notes, updated_at: this.clock.now() });
      return this.repos.parkingLot.find(input.itemId)!;
    });
  }

  close(input: ParsedInputOf<'parkingLot.close'>): ParkingLotItem {
    return this.repos.sql.transaction(() => {
      const item = this.require(input.itemId);
      if (item.status !== 'open') throw new DomainError('conflict', 'That item is already closed');
      if (input.meetingId !== null) {
        const meeting = this.repos.meetings.find(input.meetingId);
        if (!meeting || meeting.teamId !== item.teamId) throw new DomainError('not_found', 'That meeting does not exist in this team');
      }
      const at = this.clock.now();
      this.repos.parkingLot.update(item.id, { status: input.status, closed_at: at, closed_in_meeting_id: input.meetingId, updated_at: at });
      return this.repos.parkingLot.find(item.id)!;
    });
  }

  reopen(itemId: string): ParkingLotItem {
    return this.repos.sql.transaction(() => {
      const item = this.require(itemId);
      if (item.status === 'open') throw new DomainError('conflict', 'That item is already open');
      this.repos.parkingLot.update(item.id, { status: 'open', closed_at: null, closed_in_meeting_id: null, updated_at: this.clock.now() });
      return this.repos.parkingLot.find(item.id)!;
    });
  }

  private require(id: string): ParkingLotItem {
    const item = this.repos.parkingLot.find(id);
    if (!item) throw new DomainError('not_found', 'That parking-lot item does not exist');
    return item;
  }
}
