import type { ParsedInputOf } from '@shared/contract';
import {
  isObjection,
  stanceLabel,
  type Decision,
  type DecisionChange,
  type DecisionDetail,
  type DecisionFacets,
  type DecisionLogPage,
} from '@shared/decisions';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import { hasStatusHistory, keepInHistory, keepStatus } from './decision-history';
import type { Repositories } from '../../db/repositories';
import type { DecisionRecord } from '../../db/repositories/decisions-repository';
import { decisionRightInForce } from '../agreements/decision-rights';
import { applyFields, requireActiveMember, requireOption } from './decision-fields';
import { DecisionLog } from './decision-log';
import { DecisionReader } from './decision-reader';
import { meetingDecisions } from './meeting-decisions';

/**
 * Proposals, positions, objections and decisions. In the room a decision is edited directly;
 * once its meeting has ended it changes only by amendment, with a reason, kept in its history.
 */
export class DecisionsService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly reader = new DecisionReader(repos),
    private readonly log = new DecisionLog(repos, clock),
  ) {}

  propose(input: ParsedInputOf<'decisions.propose'>): DecisionDetail {
    const id = this.repos.sql.transaction(() => {
      const meeting = this.repos.meetings.find(input.meetingId);
      if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
      if (meeting.status === 'ended') throw new DomainError('conflict', 'This meeting has ended: put the proposal on an upcoming meeting');
      const item = this.repos.meetings.item(input.agendaItemId);
      if (!item || item.meetingId !== meeting.id || item.removedAt !== null)
        throw new DomainError('not_found', 'That agenda item does not exist');
      if (item.kind !== 'proposal') throw new DomainError('conflict', 'Proposals are put in a proposal item of the agenda');
      for (const memberId of [input.proposerId, input.ownerId]) if (memberId) this.requireMember(meeting.teamId, memberId);
      if (input.supersedesId) this.requireReplaceable(meeting.teamId, input.supersedesId);
      const now = this.clock.now();
      const id = uuidv7(this.clock);
      const tags = [...new Set(input.tags ?? [])];
      this.repos.decisions.insert({
        id,
        teamId: meeting.teamId,
        meetingId: meeting.id,
        agendaItemId: item.id,
        title: input.title,
        question: input.question ?? '',
        context: input.context ?? '',
        options: input.options ?? [],
        chosenOption: requireOption(input.options ?? [], input.chosenOption ?? null),
        decision: input.decision ?? '',
        rationale: input.rationale ?? '',
        proposerId: input.proposerId ?? null,
        ownerId: input.ownerId ?? null,
        decisionRight: decisionRightInForce(this.repos, meeting.teamId, input.decisionRight ?? null),
        risks: input.risks ?? '',
        timeline: input.timeline ?? '',
        reviewDate: input.reviewDate ?? null,
        status: 'proposed',
        supersedesId: input.supersedesId,
        supersedeKind: input.supersedesId ? input.supersedeKind : null,
        tags,
        confirmedAt: null,
        decidedAt: null,
        readbackAt: null,
        createdAt: now,
        updatedAt: now,
      });
      this.repos.decisions.setTags(id, tags);
      return id;
    });
    return this.get(id);
  }

  /** Edits in the room. After the meeting has ended, `amend` is the only way. */
  update(input: ParsedInputOf<'decisions.update'>): DecisionDetail {
    this.repos.sql.transaction(() => {
      const row = this.require(input.decisionId);
      if (row.meetingStatus === 'ended' && !this.reader.carriedIntoLive(row)) {
        throw new DomainError('conflict', 'Its meeting has ended: change this decision by amendment, with a reason');
      }
      const { decisionId: _id, ...fields } = input;
      const changes = applyFields(this.repos, this.clock, row, fields);
      // A proposal an earlier meeting left open: that meeting's record shows it as it stood there (record-as-held),
      // so a change made since is kept with what it replaced, when and where.
      if (changes.length > 0 && this.repos.oldBusiness.referencing('open_proposal', row.id).length > 0) {
        const where = this.reader.carriedIntoLive(row)?.meeting.title ?? row.meetingTitle ?? 'the meeting';
        keepInHistory(this.repos, this.clock, row.id, `Changed in “${where}”`, changes);
      }
    });
    return this.get(input.decisionId);
  }

  /**
   * Answers what it wrote (the position, and the objection a disagree or block raises), not the whole record.
   * Reads what its rules need in one statement: the decision, the member and their attendance, their open objections.
   */
  position(input: ParsedInputOf<'decisions.position'>): DecisionChange {
    return this.repos.sql.transaction(() => {
      let ballot = this.repos.decisions.ballot(input.decisionId, input.memberId);
      if (!ballot) throw new DomainError('not_found', 'That decision does not exist');
      if (ballot.decision.meetingStatus !== 'live') {
        // Taken up by the live meeting it was carried into (or refused): its attendance is that meeting's.
        this.inRoom(input.decisionId);
        ballot = this.repos.decisions.ballot(input.decisionId, input.memberId)!;
      }
      const row = ballot.decision;
      if (row.status !== 'proposed')
        throw new DomainError('conflict', `Positions are taken on an open proposal; this one is ${row.status}`);
      const member = ballot.member;
      if (!member) throw new DomainError('not_found', 'That person is not a member of this team');
      if (member.leftAt !== null) throw new DomainError('conflict', `${member.name} has left the team`);
      if (ballot.attendance === null || ballot.attendance === 'absent' || ballot.attendance === 'left_early') {
        throw new DomainError('conflict', `${member.name} is not in the room for this meeting`);
      }
      const now = this.clock.now();
      // A changed mind closes the member's earlier objection; both stay in the record.
      for (const objectionId of ballot.openObjectionIds) {
        this.repos.decisions.resolveObjection(objectionId, {
          resolution: 'withdrawn',
          resolutionNote: `Changed position to ${stanceLabel(input.stance).toLowerCase()}`,
          resolvedById: member.id,
          resolvedAt: now,
        });
      }
      const positionId = uuidv7(this.clock);
      const reason = input.reason?.trim() ? input.reason.trim() : null;
      this.repos.decisions.insertPosition({
        id: positionId,
        decisionId: row.id,
        memberId: member.id,
        stance: input.stance,
        reason,
        recordedAt: now,
      });
      const objectionId = isObjection(input.stance) ? uuidv7(this.clock) : null;
      if (objectionId) {
        this.repos.decisions.insertObjection({
          id: objectionId,
          decisionId: row.id,
          positionId,
          memberId: member.id,
          reason: reason!,
          createdAt: now,
        });
      }
      this.repos.decisions.touch(row.id, now);
      return { id: row.id, teamId: row.teamId, meetingId: row.meetingId, positionId, objectionId };
    });
  }

  /** Answers the decision and the objection it resolved, not the whole record. */
  resolveObjection(input: ParsedInputOf<'decisions.resolveObjection'>): DecisionChange {
    return this.repos.sql.transaction(() => {
      const objection = this.repos.decisions.objectionInRoom(input.objectionId);
      if (!objection) throw new DomainError('not_found', 'That objection does not exist');
      const row = objection.decision.meetingStatus === 'live' ? objection.decision : this.inRoom(objection.decision.id);
      if (objection.resolution !== null) throw new DomainError('conflict', 'That objection has already been resolved');
      if (row.status !== 'proposed')
        throw new DomainError('conflict', `The proposal is ${row.status}; reopen it to work on its objections`);
      const now = this.clock.now();
      const note = input.note?.trim() || null;
      const base = { resolution: input.resolution, resolutionNote: note, resolvedAt: now };
      switch (input.resolution) {
        case 'integrated': {
          const changed = input.newText!.trim();
          if (changed === row.decision.trim())
            throw new DomainError('conflict', 'The proposal text is unchanged: integrating means changing it');
          this.repos.decisions.resolveObjection(objection.id, {
            ...base,
            textBefore: row.decision,
            textAfter: changed,
            resolvedById: null,
          });
          this.repos.decisions.update(row.id, { decision: changed, updatedAt: now });
          break;
        }
        case 'overruled':
          if (!row.ownerId) throw new DomainError('conflict', 'Name the decision owner first: only the owner can overrule an objection');
          this.repos.decisions.resolveObjection(objection.id, { ...base, resolvedById: row.ownerId });
          break;
        case 'withdrawn':
          this.repos.decisions.resolveObjection(objection.id, { ...base, resolvedById: objection.memberId });
          break;
        case 'escalated':
          this.repos.decisions.resolveObjection(objection.id, { ...base, escalatedTo: input.escalatedTo, resolvedById: null });
          break;
      }
      this.repos.decisions.touch(row.id, now);
      return { id: row.id, teamId: row.teamId, meetingId: row.meetingId, positionId: null, objectionId: objection.id };
    });
  }

  /** Shows (or stops showing) the decision on the projector for the room to confirm. */
  readBack(decisionId: string, on: boolean): DecisionDetail {
    this.repos.sql.transaction(() => {
      const row = this.inRoom(decisionId);
      if (on && !row.decision.trim()) throw new DomainError('conflict', 'Write the decision before reading it back');
      const now = this.clock.now();
      this.repos.decisions.update(row.id, { readbackAt: on ? now : null, updatedAt: now });
    });
    return this.get(decisionId);
  }

  decide(decisionId: string, outcome: 'accepted' | 'rejected' | 'deferred' | 'proposed'): DecisionDetail {
    this.repos.sql.transaction(() => {
      const before = this.require(decisionId).status;
      const row = this.inRoom(decisionId);
      const now = this.clock.now();
      if (outcome === 'proposed') {
        // A deferred proposal carried into this meeting was reopened by being taken up just now.
        if (before !== 'proposed' && row.status === 'proposed') return;
        return this.reopen(row, now);
      }
      if (row.status !== 'proposed') throw new DomainError('conflict', `This proposal is already ${row.status}; reopen it first`);
      // A history that tells of a deferral, a reopen or a taking up again goes on to the outcome that followed, so it
      // does not end on "Taken up again" and read as still open. One decided at once keeps no such line.
      if (outcome !== 'deferred' && hasStatusHistory(this.repos, row.id)) {
        const how = outcome === 'accepted' ? 'Accepted' : 'Rejected';
        keepStatus(this.repos, this.clock, row, outcome, `${how} in “${row.meetingTitle ?? 'the meeting'}”`);
      }
      if (outcome === 'accepted') {
        const problems = this.acceptProblems(row);
        if (problems.length > 0) throw new DomainError('conflict', `Not accepted yet: ${problems.join('; ')}.`);
        this.repos.decisions.update(row.id, { status: 'accepted', decidedAt: now, confirmedAt: now, updatedAt: now });
        if (row.supersedesId) {
          this.repos.decisions.update(row.supersedesId, {
            status: row.supersedeKind === 'reverses' ? 'reversed' : 'superseded',
            updatedAt: now,
          });
        }
      } else {
        this.repos.decisions.update(row.id, {
          status: outcome,
          decidedAt: outcome === 'rejected' ? now : null,
          readbackAt: null,
          updatedAt: now,
        });
        // A deferral is not final: its date stays in the history, before the meeting that takes it up again.
        if (outcome === 'deferred')
          keepStatus(this.repos, this.clock, row, 'deferred', `Deferred in “${row.meetingTitle ?? 'the meeting'}”`);
      }
    });
    return this.get(decisionId);
  }

  /** A change after the meeting: every changed field's old and new value, with the reason, kept. */
  amend(input: ParsedInputOf<'decisions.amend'>): DecisionDetail {
    this.repos.sql.transaction(() => {
      const row = this.require(input.decisionId);
      const { decisionId: _id, reason, ...fields } = input;
      const changes = applyFields(this.repos, this.clock, row, fields);
      if (changes.length === 0) throw new DomainError('conflict', 'Nothing changed: edit a field before saving the amendment');
      keepInHistory(this.repos, this.clock, row.id, reason, changes);
    });
    return this.get(input.decisionId);
  }

  /** The team looked at a decision again: it stands, with a next review date or none. */
  review(input: ParsedInputOf<'decisions.review'>): DecisionDetail {
    this.repos.sql.transaction(() => {
      const row = this.require(input.decisionId);
      if (row.status !== 'accepted') throw new DomainError('conflict', `Only an accepted decision is reviewed; this one is ${row.status}`);
      const meeting = input.meetingId ? this.repos.meetings.find(input.meetingId) : null;
      const now = this.clock.now();
      this.repos.decisions.update(row.id, { reviewDate: input.nextReviewDate, updatedAt: now });
      this.repos.meetings.insertAmendment({
        id: uuidv7(this.clock),
        entityType: 'decision',
        entityId: row.id,
        reason: `Reviewed${meeting ? ` in “${meeting.title}”` : ''}: ${input.note}`,
        changes: [{ field: 'Review date', from: row.reviewDate ?? '', to: input.nextReviewDate ?? '' }],
        at: now,
      });
    });
    return this.get(input.decisionId);
  }

  get(decisionId: string): DecisionDetail {
    const row = this.require(decisionId);
    return this.reader.detail(row);
  }

  search(input: ParsedInputOf<'decisions.search'>): DecisionLogPage {
    return this.log.search(input);
  }

  facets(teamId: string | null): DecisionFacets {
    return this.log.facets(teamId);
  }

  /**
   * The decisions a meeting made or is working on, including open proposals it took over; once it has ended,
   * also those it left open that a later meeting took up, as they stood at its end. With `only`, that one alone.
   */
  forMeeting(meetingId: string, endedAt: number | null, only: string | null = null): Decision[] {
    return meetingDecisions(this.repos, this.reader, meetingId, endedAt, only);
  }

  private acceptProblems(row: DecisionRecord): string[] {
    const problems: string[] = [];
    if (!row.decision.trim()) problems.push('write the decision');
    if (!row.ownerId) problems.push('name the decision owner');
    // With two or more options weighed, the record must say which won. A lone option is not assumed to be the
    // choice: it is as often the alternative turned down ("Keep weekly" against a two-week train).
    if (row.options.length > 1 && row.chosenOption === null) problems.push('choose which of the options was chosen');
    const open = this.repos.decisions.objections(row.id).filter((o) => o.resolution === null);
    if (open.length > 0) {
      const who = open.map((o) => `${o.memberName} (${stanceLabel(o.stance).toLowerCase()})`).join(', ');
      problems.push(
        `${open.length === 1 ? 'an objection is' : `${open.length} objections are`} unresolved: ${who}. Integrate, withdraw, escalate or have the owner overrule ${open.length === 1 ? 'it' : 'each'} with a reason`,
      );
    }
    if (row.readbackAt === null) problems.push('read it back to the room on the projector so the room can confirm it');
    if (row.supersedesId) {
      const old = this.repos.decisions.find(row.supersedesId);
      if (old && old.status !== 'accepted') problems.push(`the decision it replaces is ${old.status}, no longer accepted`);
    }
    return problems;
  }

  private reopen(row: DecisionRecord, now: number): void {
    if (row.status === 'proposed') throw new DomainError('conflict', 'This proposal is already open');
    if (row.status === 'superseded' || row.status === 'reversed') {
      throw new DomainError('conflict', 'A decision replaced by a later one cannot be reopened');
    }
    if (row.status === 'accepted' && row.supersedesId) {
      const old = this.repos.decisions.find(row.supersedesId);
      if (old && (old.status === 'superseded' || old.status === 'reversed')) {
        this.repos.decisions.update(old.id, { status: 'accepted', updatedAt: now });
      }
    }
    this.repos.decisions.update(row.id, { status: 'proposed', decidedAt: null, confirmedAt: null, readbackAt: null, updatedAt: now });
    keepStatus(this.repos, this.clock, row, 'proposed', `Reopened in “${row.meetingTitle ?? 'the meeting'}”`);
  }

  /**
   * The decision as the room works on it now. A proposal carried into a live meeting as old
   * business is taken over by that meeting on the first thing the room does with it.
   */
  private inRoom(decisionId: string): DecisionRecord {
    const row = this.require(decisionId);
    if (row.meetingStatus === 'live') return row;
    const carried = this.reader.carriedIntoLive(row);
    if (!carried) {
      throw new DomainError(
        'conflict',
        row.meetingStatus === 'ended'
          ? 'Its meeting has ended: take it up in a live meeting, or amend the record with a reason'
          : 'The meeting has not started: positions and outcomes are recorded in the room',
      );
    }
    const now = this.clock.now();
    keepStatus(this.repos, this.clock, row, 'proposed', `Taken up again in “${carried.meeting.title}”`);
    this.repos.decisions.update(row.id, {
      meetingId: carried.meeting.id,
      agendaItemId: carried.itemId ?? row.agendaItemId,
      status: 'proposed',
      readbackAt: null,
      updatedAt: now,
    });
    return this.require(decisionId);
  }

  private requireReplaceable(teamId: string, supersedesId: string): void {
    const old = this.repos.decisions.find(supersedesId);
    if (!old || old.teamId !== teamId) throw new DomainError('not_found', 'The decision to replace does not exist in this team');
    if (old.status !== 'accepted') {
      throw new DomainError('conflict', `Only an accepted decision can be superseded or reversed; “${old.title}” is ${old.status}`);
    }
  }

  private requireMember(teamId: string, memberId: string) {
    return requireActiveMember(this.repos, teamId, memberId);
  }

  private require(decisionId: string): DecisionRecord {
    const row = this.repos.decisions.find(decisionId);
    if (!row) throw new DomainError('not_found', 'That decision does not exist');
    return row;
  }
}
