import type { ParsedInputOf } from '@shared/contract';
import type { ExportedFile, Series } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { SeriesRecord } from '../../db/repositories/series-repository';
import { seriesCalendar } from './calendar-export';
import { describeRule, nextForSeries, type ScheduleRule } from './series-schedule';
import { toZoned } from './zoned-time';
import { fileSlug } from './file-names';

const MINUTE = 60_000;

export function ruleOf(row: SeriesRecord): ScheduleRule {
  return {
    cadence: row.cadence,
    intervalWeeks: row.intervalWeeks,
    weekday: row.weekday,
    monthDay: row.monthDay,
    monthWeek: row.monthWeek,
    startTime: row.startTime,
    timeZone: row.timeZone,
    startsOn: row.startsOn ?? toZoned(row.createdAt, row.timeZone).date,
  };
}

type SeriesFields = Omit<ParsedInputOf<'series.create'>, 'teamId'>;

export class SeriesService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  list(teamId: string): Series[] {
    return this.repos.series.listByTeam(teamId).map((row) => this.toDomain(row));
  }

  get(seriesId: string): Series {
    return this.toDomain(this.require(seriesId));
  }

  require(seriesId: string): SeriesRecord {
    const row = this.repos.series.find(seriesId);
    if (!row || row.archivedAt !== null) throw new DomainError('not_found', 'That meeting series does not exist');
    return row;
  }

  create(input: ParsedInputOf<'series.create'>): Series {
    return this.repos.sql.transaction(() => {
      const team = this.repos.teams.find(input.teamId);
      if (!team) throw new DomainError('not_found', 'That team does not exist');
      const at = this.clock.now();
      const id = uuidv7(this.clock);
      this.repos.series.insert({
        id,
        team_id: team.id,
        created_at: at,
        updated_at: at,
        archived_at: null,
        ...this.columns({ ...input, timeZone: input.timeZone ?? team.timeZone }, team.id),
      });
      return this.get(id);
    });
  }

  update(input: ParsedInputOf<'series.update'>): Series {
    return this.repos.sql.transaction(() => {
      const row = this.require(input.seriesId);
      const { seriesId: _ignored, ...fields } = input;
      this.repos.series.update(row.id, {
        ...this.columns({ ...fields, timeZone: fields.timeZone ?? row.timeZone }, row.teamId),
        updated_at: this.clock.now(),
      });
      return this.get(row.id);
    });
  }

  exportCalendar(seriesId: string): ExportedFile {
    const row = this.require(seriesId);
    const team = this.repos.teams.find(row.teamId);
    return {
      suggestedName: `${fileSlug(team?.name ?? 'team')}-${fileSlug(row.name)}.ics`,
      content: seriesCalendar(
        row,
        ruleOf(row),
        this.clock.now(),
        this.repos.meetings
          .inSeries(row.id)
          .filter((m) => m.calledOffAt !== null && m.scheduledStart !== null)
          .map((m) => m.scheduledStart!),
      ),
    };
  }

  private columns(input: SeriesFields & { timeZone: string }, teamId: string) {
    const monthly = input.cadence === 'monthly';
    if (monthly && input.monthDay === null && (input.monthWeek === null || input.weekday === null)) {
      throw new DomainError('invalid_input', 'A monthly series needs a day of the month, or a week and a weekday');
    }
    if (!monthly && input.weekday === null) throw new DomainError('invalid_input', 'Choose the weekday the team meets on');
    if (input.defaultFacilitatorId) this.requireActiveMember(teamId, input.defaultFacilitatorId);
    if (input.templateId && !this.repos.templates.find(input.templateId))
      throw new DomainError('not_found', 'That agenda template does not exist');
    return {
      name: input.name,
      time_zone: input.timeZone,
      cadence: input.cadence,
      interval_weeks: input.cadence === 'every_n_weeks' ? input.intervalWeeks : 1,
      weekday: monthly && input.monthDay !== null ? null : input.weekday,
      month_day: monthly ? input.monthDay : null,
      month_week: monthly && input.monthDay === null ? input.monthWeek : null,
      start_time: input.startTime,
      starts_on: input.startsOn,
      default_length_ms: input.defaultLengthMin * MINUTE,
      default_facilitator_id: input.defaultFacilitatorId,
      rotate_facilitator: input.rotateFacilitator ? 1 : 0,
      template_id: input.templateId,
    };
  }

  private requireActiveMember(teamId: string, memberId: string): void {
    const member = this.repos.members.find(memberId);
    if (!member || member.teamId !== teamId) throw new DomainError('invalid_input', 'The facilitator must be a member of this team');
    if (member.leftAt !== null)
      throw new DomainError('invalid_input', `${member.name} has left the team and cannot facilitate`, {
        reason: 'member_left',
        path: 'facilitatorId',
      });
  }

  toDomain(row: SeriesRecord): Series {
    const rule = ruleOf(row);
    return {
      id: row.id,
      teamId: row.teamId,
      name: row.name,
      cadence: row.cadence,
      intervalWeeks: row.intervalWeeks,
      weekday: row.weekday,
      monthDay: row.monthDay,
      monthWeek: row.monthWeek,
      startTime: row.startTime,
      timeZone: row.timeZone,
      startsOn: rule.startsOn,
      defaultLengthMin: Math.round(row.defaultLengthMs / MINUTE),
      defaultFacilitatorId: row.defaultFacilitatorId,
      rotateFacilitator: row.rotateFacilitator,
      templateId: row.templateId,
      ruleText: describeRule(rule),
      nextStartsAt: nextForSeries(rule, this.repos.meetings.inSeries(row.id), this.clock.now()).startsAt,
    };
  }
}
