import type { ParsedInputOf } from '@shared/contract';
import type { TeamHealth } from '@shared/health';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import type { Repositories } from '../../db/repositories';
import type { CommitmentsService } from '../commitments/commitments-service';
import type { MeetingsService } from '../planning/meetings-service';
import type { TemplatesService } from '../planning/templates-service';
import { addDays, daysBetween, fromZoned, toZoned } from '../planning/zoned-time';
import { meetingFeedback } from './feedback-service';
import { airtime, dissent, onTime, ratingSeries, timeByKind, type HeldMeeting } from './health-figures';
import { retrospectiveNotes } from './retrospective-notes';

/** A team's health over a period: the meeting measuring itself. Figures come from what was recorded, never typed in. */
export class HealthService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly commitments: CommitmentsService,
    private readonly meetings: MeetingsService,
    private readonly templates: TemplatesService,
  ) {}

  team(input: ParsedInputOf<'health.team'>): TeamHealth {
    const team = this.repos.teams.find(input.teamId);
    if (!team) throw new DomainError('not_found', 'That team does not exist');
    const to = input.to ?? toZoned(this.clock.now(), team.timeZone).date;
    const from = input.from ?? addDays(to, -13 * 7);
    if (from > to) throw new DomainError('invalid_input', 'The period starts after it ends');
    const held = this.held(team.id, from, to);
    const ids = held.map((m) => m.id);
    const ratings = ratingSeries(held, this.repos.feedback.ratings(ids));
    const before = this.held(team.id, addDays(from, -daysBetween(from, to) - 1), addDays(from, -1));
    ratings.previousAverage = ratingSeries(before, this.repos.feedback.ratings(before.map((m) => m.id))).average;
    const followThrough = this.commitments.followThrough({ teamId: team.id, from, to });
    // The period's bounds as instants in the team's zone: from the first day's start to the day after the last.
    const decisions = this.repos.health.decisionsWithObjections(
      team.id,
      fromZoned(from, '00:00', team.timeZone),
      fromZoned(addDays(to, 1), '00:00', team.timeZone),
    );
    return {
      teamId: team.id,
      from,
      to,
      meetingsHeld: held.length,
      ratings,
      time: { kinds: timeByKind(this.repos.health.items(ids)), ...onTime(held) },
      airtime: airtime(this.repos.health.memberTurns(ids)),
      followThrough: { team: followThrough.team, trend: followThrough.trend },
      dissent: dissent(decisions),
    };
  }

  /**
   * A retrospective meeting built from the shipped template, its "gather data" item already
   * holding the period's figures: figures written into a template would be stale by the next
   * retrospective, so they are taken at the moment the meeting is planned.
   */
  startRetrospective(input: ParsedInputOf<'health.startRetrospective'>): { meetingId: string } {
    const health = this.team({ teamId: input.teamId, from: input.from, to: input.to });
    return this.repos.sql.transaction(() => {
      const { meetingId } = this.meetings.createAdHoc({
        teamId: input.teamId,
        title: 'Retrospective',
        date: input.date,
        time: input.time,
        lengthMin: 60,
        facilitatorId: null,
        templateId: this.templates.builtinId('retrospective'),
      });
      const data = this.repos.meetings.items(meetingId).find((i) => i.kind === 'metrics_review');
      if (data) {
        // The figures are what the item plans to look at; the room's notes on them start empty.
        const plan = retrospectiveNotes(health, this.suggestions(health));
        this.repos.meetings.updateItem(data.id, { plan, updatedAt: this.clock.now() });
      }
      return { meetingId };
    });
  }

  /**
   * The period's "what would make it better" sentences, newest meeting first, without names and in the
   * order the record shows them (team order would mark the anonymous ones by where they fall).
   */
  private suggestions(health: TeamHealth): string[] {
    const points = health.ratings.series.flatMap((s) => s.points).sort((a, b) => b.date.localeCompare(a.date));
    return points
      .flatMap((p) => meetingFeedback(this.repos, { id: p.meetingId, endedAt: null }).entries.map((e) => e.better))
      .filter((b) => b !== '');
  }

  private held(teamId: string, from: string, to: string): HeldMeeting[] {
    return this.repos.meetings
      .list(teamId)
      .filter((m) => m.status === 'ended' && m.startedAt !== null && m.endedAt !== null)
      .map((m) => ({
        id: m.id,
        seriesId: m.seriesId,
        seriesName: m.seriesName,
        title: m.title,
        date: toZoned(m.scheduledStart ?? m.startedAt!, m.timeZone).date,
        startedAt: m.startedAt!,
        endedAt: m.endedAt!,
        pausedTotalMs: m.pausedTotalMs,
        plannedLengthMs: m.plannedLengthMs,
      }))
      .filter((m) => m.date >= from && m.date <= to);
  }
}
