import { AGREEMENT_STARTERS } from '@shared/agreement-starters';
import { diffAgreements } from '@shared/agreement-diff';
import type { AgreementBody, AgreementDiff, AgreementVersion, ProjectedAgreement, TeamAgreement } from '@shared/agreements';
import type { ParsedInputOf } from '@shared/contract';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { AgreementVersionRecord } from '../../db/repositories/agreements-repository';
import { toZoned } from '../planning/zoned-time';
import { AgreementReader } from './agreement-reader';
import type { RolesService } from './roles-service';

type BodyInput = ParsedInputOf<'agreements.edit'>['body'];

/**
 * A team's operating agreement. Every edit is a new version with a change note; nothing earlier
 * is overwritten. A revisit either makes a new version or records that the version still stands.
 */
export class AgreementsService {
  private readonly reader: AgreementReader;
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly roles: RolesService,
  ) {
    this.reader = new AgreementReader(repos);
  }

  get(teamId: string): TeamAgreement {
    this.requireTeam(teamId);
    const rows = this.repos.agreements.versions(teamId);
    const latest = rows.at(-1);
    const revisits = this.repos.agreements.revisits(rows.map((r) => r.id));
    const version = new Map(rows.map((r) => [r.id, r.version]));
    const revisitBy = latest ? this.revisitBy(latest) : null;
    const today = this.today(teamId);
    return {
      teamId,
      current: latest ? this.reader.toVersion(latest) : null,
      revisitBy,
      revisitDue: revisitBy !== null && revisitBy <= today,
      today,
      versions: rows
        .map((r) => ({ id: r.id, version: r.version, changeNote: r.changeNote, revisitBy: r.revisitBy, createdAt: r.createdAt }))
        .reverse(),
      revisits: revisits.map((r) => ({ ...r, version: version.get(r.versionId) ?? 0 })).reverse(),
    };
  }

  version(versionId: string): AgreementVersion {
    return this.reader.toVersion(this.requireVersion(versionId));
  }

  /** The first version, from a starter; the roles it names are created vacant if the team lacks them. */
  adoptStarter(input: ParsedInputOf<'agreements.adoptStarter'>, at: number = this.clock.now()): TeamAgreement {
    return this.repos.sql.transaction(() => {
      this.requireTeam(input.teamId);
      if (this.repos.agreements.current(input.teamId)) {
        throw new DomainError('conflict', 'This team already has an operating agreement: edit it to make a new version');
      }
      this.requireFuture(input.teamId, input.revisitBy, 'Revisit-by date');
      const starter = AGREEMENT_STARTERS.find((s) => s.key === input.starter)!;
      const roleIds = this.roles.ensure(input.teamId, starter.roles);
      const body: BodyInput = {
        decisionRights: starter.rights.map((r) => ({
          kind: r.kind,
          decider: r.decider === 'team' ? { type: 'team', id: null } : { type: 'role', id: roleIds.get(r.decider.role) ?? null },
          consulted: r.consulted,
          informed: r.informed,
        })),
        escalationPaths: starter.escalation.map((e) => ({ ...e })),
        checkInCadence: starter.checkInCadence,
        norms: { ...starter.norms },
        freeText: starter.freeText,
      };
      this.insert(input.teamId, 1, body, `Adopted the starter “${starter.name}”`, input.revisitBy, starter.key, at);
      return this.get(input.teamId);
    });
  }

  edit(input: ParsedInputOf<'agreements.edit'>, at: number = this.clock.now()): TeamAgreement {
    return this.repos.sql.transaction(() => {
      this.requireTeam(input.teamId);
      const current = this.repos.agreements.current(input.teamId);
      if (!current) throw new DomainError('conflict', 'This team has no operating agreement yet: choose a starter first');
      if (current.id !== input.basedOnId) {
        throw new DomainError(
          'conflict',
          `Version ${current.version} was saved meanwhile (“${current.changeNote}”): your changes were made on an older version. Reload, then make them again on version ${current.version}.`,
        );
      }
      this.requireFuture(input.teamId, input.revisitBy, 'Revisit-by date');
      this.checkParties(input.teamId, input.body);
      const body = this.withRowIds(input.body);
      if (JSON.stringify(body) === JSON.stringify(this.reader.body(current)) && input.revisitBy === current.revisitBy) {
        throw new DomainError('conflict', 'Nothing changed: edit a part of the agreement or its revisit date before saving a new version');
      }
      this.insert(input.teamId, current.version + 1, body, input.changeNote, input.revisitBy, null, at);
      return this.get(input.teamId);
    });
  }

  /** The team looked at the agreement again and it still stands, until the next revisit date. */
  revisit(input: ParsedInputOf<'agreements.revisit'>, at: number = this.clock.now()): TeamAgreement {
    return this.repos.sql.transaction(() => {
      const version = this.requireVersion(input.versionId);
      const current = this.repos.agreements.current(version.teamId)!;
      if (current.id !== version.id) {
        throw new DomainError('conflict', `Version ${version.version} is no longer in force; version ${current.version} is`);
      }
      if (input.meetingId) {
        const meeting = this.repos.meetings.find(input.meetingId);
        if (!meeting || meeting.teamId !== version.teamId) throw new DomainError('not_found', 'That meeting is not one of this team’s');
      }
      this.requireFuture(version.teamId, input.nextRevisitBy, 'Next revisit date', true);
      this.repos.agreements.insertRevisit({
        id: uuidv7(this.clock),
        version_id: version.id,
        meeting_id: input.meetingId,
        note: input.note,
        next_revisit_by: input.nextRevisitBy,
        at,
      });
      return this.get(version.teamId);
    });
  }

  compare(fromId: string, toId: string): AgreementDiff {
    const from = this.requireVersion(fromId);
    const to = this.requireVersion(toId);
    if (from.teamId !== to.teamId) throw new DomainError('conflict', 'Compare two versions of the same team’s agreement');
    return diffAgreements(this.reader.toVersion(from), this.reader.toVersion(to));
  }

  /** Shows (or stops showing) the agreement in force on the meeting's projector. */
  project(meetingId: string, on: boolean): ProjectedAgreement {
    this.repos.sql.transaction(() => {
      const meeting = this.repos.meetings.find(meetingId);
      if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
      const current = this.repos.agreements.current(meeting.teamId);
      if (on && meeting.status === 'ended') throw new DomainError('conflict', 'This meeting has ended');
      if (on && !current)
        throw new DomainError('conflict', 'This team has no operating agreement yet: set one up on the team’s Agreement tab');
      const now = this.clock.now();
      this.repos.agreements.setProjection({
        meeting_id: meetingId,
        version_id: current?.id ?? null,
        shown_at: on ? now : null,
        updated_at: now,
      });
    });
    return this.onProjector(meetingId);
  }

  onProjector(meetingId: string): ProjectedAgreement {
    const meeting = this.repos.meetings.summary(meetingId);
    if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
    const shown = this.repos.agreements.projection(meetingId)?.shownAt != null;
    const current = this.repos.agreements.current(meeting.teamId);
    return {
      meetingId,
      shown: shown && !!current,
      teamName: meeting.teamName,
      agreement: shown && current ? this.reader.toVersion(current) : null,
    };
  }

  /** The current version's revisit date, as moved by the latest "still stands". */
  revisitBy(row: AgreementVersionRecord): string {
    return this.repos.agreements.revisits([row.id]).at(-1)?.nextRevisitBy ?? row.revisitBy;
  }

  private insert(teamId: string, version: number, body: BodyInput, note: string, revisitBy: string, starter: string | null, at: number) {
    this.repos.agreements.insert({
      id: uuidv7(this.clock),
      team_id: teamId,
      version,
      body_json: JSON.stringify(this.withRowIds(body)),
      change_note: note,
      revisit_by: revisitBy,
      starter,
      created_at: at,
    });
  }

  /** Rows keep their id from version to version; a new row gets one here. */
  private withRowIds(body: BodyInput): AgreementBody {
    return {
      decisionRights: body.decisionRights.map((r) => ({ ...r, id: r.id ?? uuidv7(this.clock) })),
      escalationPaths: body.escalationPaths.map((e) => ({ ...e, id: e.id ?? uuidv7(this.clock) })),
      checkInCadence: body.checkInCadence,
      norms: body.norms,
      freeText: body.freeText,
    };
  }

  private checkParties(teamId: string, body: BodyInput): void {
    const members = new Map(this.repos.members.listByTeam(teamId).map((m) => [m.id, m]));
    const roles = new Map(this.repos.roles.forTeam(teamId).map((r) => [r.id, r]));
    for (const right of body.decisionRights) {
      const d = right.decider;
      if (d.type === 'member' && !members.has(d.id!))
        throw new DomainError('not_found', `Who decides “${right.kind}” is not a member of this team`);
      if (d.type === 'role') {
        const role = roles.get(d.id!);
        if (!role) throw new DomainError('not_found', `The role that decides “${right.kind}” is not one of this team’s roles`);
        if (role.retiredAt !== null)
          throw new DomainError('conflict', `The role “${role.name}” (deciding “${right.kind}”) has been retired`);
      }
    }
  }

  private requireFuture(teamId: string, date: string, label: string, strictlyAfter = false): void {
    const today = this.today(teamId);
    if (strictlyAfter ? date <= today : date < today) {
      throw new DomainError('conflict', `${label} ${date} is ${date === today ? 'today' : 'in the past'}: choose a later date`, {
        reason: 'date_not_future',
      });
    }
  }

  private today(teamId: string): string {
    return toZoned(this.clock.now(), this.requireTeam(teamId).timeZone).date;
  }

  private requireTeam(teamId: string) {
    const team = this.repos.teams.find(teamId);
    if (!team) throw new DomainError('not_found', 'That team does not exist');
    return team;
  }

  private requireVersion(id: string): AgreementVersionRecord {
    const row = this.repos.agreements.find(id);
    if (!row) throw new DomainError('not_found', 'That agreement version does not exist');
    return row;
  }
}
