import type { Team } from '@shared/domain';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import { LiveMeetingService } from '../live/live-meeting-service';
import { CallOff } from '../planning/call-off';
import { MeetingsService } from '../planning/meetings-service';
import { OldBusinessProvider } from '../planning/old-business';
import { CommitmentsService } from '../commitments/commitments-service';
import { DecisionsService } from '../decisions/decisions-service';
import { DemoAgreement } from './demo-agreement';
import { DemoCommitments } from './demo-commitments';
import { DEMO_FEEDBACK, recordDemoFeedback } from './demo-feedback';
import { FeedbackService } from '../health/feedback-service';
import { DEMO_DECISIONS, recordDemoProposal, type DemoProposal } from './demo-decisions';
import type { ParkingLotService } from '../planning/parking-lot-service';
import { nextOccurrence, previousOccurrence } from '../planning/series-schedule';
import { ruleOf, type SeriesService } from '../planning/series-service';
import type { TemplatesService } from '../planning/templates-service';
import { toZoned } from '../planning/zoned-time';
import type { TeamsService } from '../teams-service';
import { oldBusinessSources } from '../old-business-sources';

const DEMO_KEY = 'demo.teamId';

/** A repeatable random source, so the demo's shuffled rounds are the same every time. */
function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;

/**
 * A realistic team a first-time user can explore at once. Each capability extends it
 * (meetings, decisions, commitments) so what it shows is always what Cadence can do.
 */
export const DEMO_TEAM = {
  name: 'Harbor Product Team',
  timeZone: 'Europe/Berlin',
  members: [
    { name: 'Maya Okafor', roleTitle: 'Engineering lead · facilitator', joinedDaysAgo: 540 },
    { name: 'Sam Lindqvist', roleTitle: 'Product manager', joinedDaysAgo: 540 },
    { name: 'Priya Raman', roleTitle: 'Product designer', joinedDaysAgo: 420 },
    { name: 'Diego Alvarez', roleTitle: 'Backend engineer', joinedDaysAgo: 300 },
    { name: 'Lena Fischer', roleTitle: 'Quality engineer', joinedDaysAgo: 210 },
    { name: 'Kofi Mensah', roleTitle: 'Frontend engineer', joinedDaysAgo: 120 },
  ],
  /** Someone who left: their history stays, and they are shown as a former member. */
  former: { name: 'Tom Becker', roleTitle: 'Data analyst', joinedDaysAgo: 500, leftDaysAgo: 60 },
  series: { name: 'Monday accountability', weekday: 1, startTime: '10:00', lengthMin: 45 },
  parkingLot: [
    { title: 'On-call rotation feels uneven', notes: 'Diego and Lena covered 5 of the last 8 weekends.' },
    { title: 'Release calendar for Q1', notes: '' },
    { title: 'How often do we interview customers?', notes: 'Priya proposes one call a week, rotating who joins.' },
  ],
  notReached: {
    title: 'Pricing page experiment: read-out',
    minutes: 10,
    notes: 'Sam brings the conversion numbers from the two variants.',
  },
  /** How the facilitator fits the next meeting into its 45 minutes with last week's read-out carried over. */
  nextMeeting: {
    updates: { minutes: 5, plan: 'Updates went round in writing on Friday: questions on them only.' },
    carried: { minutes: 5, plan: 'Sam sent the conversion numbers of the two variants on Friday: questions and what we do next.' },
  },
  /** The Monday after the second meeting was a public holiday: that week's meeting was called off, its date taken. */
  calledOff: { reason: 'Public holiday: most of the team is off' },
} as const;

interface DemoServices {
  teams: TeamsService;
  templates: TemplatesService;
  series: SeriesService;
  meetings: MeetingsService;
  parkingLot: ParkingLotService;
}

export class DemoTeam {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly services: DemoServices,
  ) {}

  /** Loads the demo team once; loading again returns the same team. */
  load(): Team {
    return this.repos.sql.transaction(() => {
      const existingId = this.repos.settings.get(DEMO_KEY);
      if (typeof existingId === 'string') {
        const existing = this.repos.teams.find(existingId);
        if (existing) return existing;
      }
      const team = this.createTeam();
      this.createMeetingHistory(team.id);
      this.repos.settings.set(DEMO_KEY, team.id);
      return this.repos.teams.find(team.id)!;
    });
  }

  private createTeam(): Team {
    const { teams } = this.services;
    const now = this.clock.now();
    const team = teams.create({ name: DEMO_TEAM.name, timeZone: DEMO_TEAM.timeZone, members: [] });
    for (const m of DEMO_TEAM.members) teams.insertMember(team.id, m.name, m.roleTitle, now, now - m.joinedDaysAgo * DAY);
    const f = DEMO_TEAM.former;
    const former = teams.insertMember(team.id, f.name, f.roleTitle, now, now - f.joinedDaysAgo * DAY);
    teams.markLeft(former.id, now - f.leftDaysAgo * DAY);
    return team;
  }

  /**
   * Two held meetings, a week called off, and the next one. The history is made by the real services on a
   * clock moved back in time, so it is exactly what running and calling off those meetings would leave.
   */
  private createMeetingHistory(teamId: string): void {
    const now = this.clock.now();
    const members = this.repos.members.listByTeam(teamId).filter((m) => m.leftAt === null);
    const maya = members[0]!;
    const sam = members[1]!;
    const s = DEMO_TEAM.series;
    const series = this.services.series.create({
      teamId,
      name: s.name,
      cadence: 'weekly',
      intervalWeeks: 1,
      weekday: s.weekday,
      monthDay: null,
      monthWeek: null,
      startTime: s.startTime,
      timeZone: DEMO_TEAM.timeZone,
      startsOn: toZoned(now - 60 * DAY, DEMO_TEAM.timeZone).date,
      defaultLengthMin: s.lengthMin,
      defaultFacilitatorId: maya.id,
      rotateFacilitator: false,
      templateId: this.services.templates.builtinId('weekly-accountability'),
    });

    // Anchored to the series' own dates, not to "three weeks ago" (which lost a week when loaded from Monday 10:00 to
    // Tuesday 10:00): the next meeting is the first whose end has not passed, so one under way or starting now is the one
    // to run, and the three before it are two held a week apart, then one called off.
    const rule = ruleOf(this.repos.series.find(series.id)!);
    const next = nextOccurrence(rule, now - s.lengthMin * MINUTE).startsAt;
    const before = (startsAt: number) => previousOccurrence(rule, startsAt - 1)!;
    const firstStart = before(before(before(next)));
    // The first is planned three weeks and a day back, as it always was, but never before the date ahead of its own:
    // planning takes the series' first date after the clock.
    let at = Math.max(now - 22 * DAY, before(firstStart));
    const past: Clock = { now: () => at };
    const oldBusiness = new OldBusinessProvider(this.repos, past, oldBusinessSources(this.repos, past));
    const decisions = new DecisionsService(this.repos, past);
    const commitments = new CommitmentsService(this.repos, past);
    const meetings = new MeetingsService(this.repos, past, this.services.templates, oldBusiness);
    const callOff = new CallOff(this.repos, past, oldBusiness);
    const history = this.recordEarlierDecisions(teamId, now);
    const feedback = new FeedbackService(this.repos, past);
    new DemoAgreement(this.repos, teamId).create(now);
    const live = new LiveMeetingService(this.repos, past, this.services.parkingLot, seeded(7));
    // Held through the real live service: rounds with speakers, a pass, items over and under time.
    const demoCommitments = new DemoCommitments(this.repos, commitments, teamId);
    demoCommitments.beforeCadence(now);
    const hold = (
      meetingId: string,
      skipLast: number,
      absent: string,
      proposals: readonly DemoProposal[],
      during: (item: { id: string; kind: string }) => void,
    ) => {
      const meeting = this.repos.meetings.find(meetingId)!;
      at = meeting.scheduledStart! + 2 * MINUTE;
      for (const a of this.repos.meetings.attendees(meetingId)) {
        meetings.setAttendance({ attendeeId: a.id, status: a.memberName === absent ? 'absent' : 'present' });
      }
      meetings.start(meetingId);
      live.afterStart(meetingId);
      const items = this.repos.meetings.items(meetingId);
      items.slice(0, items.length - skipLast).forEach((item, index) => {
        during(item);
        const turns = this.repos.live.turnsOfItem(item.id);
        if (turns.length > 0) {
          turns.forEach((turn, i) => {
            at += Math.round(turn.timeboxMs * (0.6 + ((i * 37) % 9) / 10));
            if (item.kind === 'check_in' && i === 2) live.turnPass(meetingId);
            else live.turnNext(meetingId);
          });
        } else if (item.kind === 'proposal') {
          const startedAt = at;
          for (const proposal of proposals) {
            recordDemoProposal(decisions, this.repos, { meetingId, itemId: item.id, teamId, proposal, history }, (ms) => (at += ms));
          }
          at = Math.max(at, startedAt + item.plannedMs + 4 * MINUTE);
        } else {
          at += item.plannedMs - MINUTE;
        }
        if (index < items.length - skipLast - 1) live.next(meetingId);
      });
      at = Math.max(at, meeting.scheduledStart! + meeting.plannedLengthMs + MINUTE);
      meetings.end(meetingId);
    };

    for (const p of DEMO_TEAM.parkingLot) this.services.parkingLot.add({ teamId, title: p.title, notes: p.notes });

    const first = meetings.createFromSeries(series.id).meetingId;
    const weeksAfter = (meetingId: string, weeks: number) => {
      const m = this.repos.meetings.summary(meetingId)!;
      return toZoned(m.scheduledStart! + weeks * 7 * DAY, m.timeZone).date;
    };
    hold(first, 0, 'Kofi Mensah', DEMO_DECISIONS.meetings[0]!, (item) => {
      if (item.kind === 'round_robin') demoCommitments.makeInFirst(first, item.id, weeksAfter(first, 1));
      if (item.kind === 'check_out') recordDemoFeedback(feedback, this.repos, first, DEMO_FEEDBACK[0]!);
    });

    at += 2 * DAY;
    demoCommitments.betweenMeetings();
    at += DAY;
    const second = meetings.createFromSeries(series.id).meetingId;
    const revision = this.repos.meetings.find(second)!.agendaRevision;
    const n = DEMO_TEAM.notReached;
    meetings.addItem({
      meetingId: second,
      expectedRevision: revision,
      kind: 'discussion',
      title: n.title,
      plannedMin: n.minutes,
      ownerId: sam.id,
      plan: n.notes,
      roundOrder: 'team',
      turnTimeboxSec: null,
    });
    // The room knew next Monday is a public holiday: what was due "next meeting" is due at the one after.
    hold(second, 1, 'Lena Fischer', DEMO_DECISIONS.meetings[1]!, (item) => {
      if (item.kind === 'commitment_review') demoCommitments.reviewInSecond(second, weeksAfter(second, 2));
    });
    // Its check-out was not reached: the ratings came in just after it ended.
    recordDemoFeedback(feedback, this.repos, second, DEMO_FEEDBACK[1]!);
    // Never later than now: the demo's history is all in the past.
    at = Math.min(at + DAY, now - 60 * MINUTE);
    demoCommitments.afterSecond();

    // Planned as usual (the read-out not reached came with it), then called off: the read-out waits for the next one.
    const holiday = meetings.createFromSeries(series.id).meetingId;
    at = Math.min(at + DAY, now - 30 * MINUTE);
    callOff.callOff(holiday, DEMO_TEAM.calledOff.reason);

    // Planned now, or just before it started when it is under way: planning takes the series' first date after the clock.
    at = Math.min(now, next - 1);
    this.fitToLength(meetings.createFromSeries(series.id).meetingId);
  }

  /**
   * The next meeting as its facilitator would leave it planned: the template's 45 minutes and the read-out carried
   * over from last time came to 55, so it opened 10 minutes over before anyone spoke. Updates go in writing (questions
   * only) and the read-out is cut to its questions, so the plan fits the meeting and the carried-over item stays.
   */
  private fitToLength(meetingId: string): void {
    for (const item of this.repos.meetings.items(meetingId)) {
      const fit = item.kind === 'round_robin' ? DEMO_TEAM.nextMeeting.updates : item.carriedFromId ? DEMO_TEAM.nextMeeting.carried : null;
      if (!fit) continue;
      this.services.meetings.updateItem({
        itemId: item.id,
        expectedRevision: this.repos.meetings.find(meetingId)!.agendaRevision,
        kind: item.kind,
        title: item.title,
        plannedMin: fit.minutes,
        ownerId: item.ownerId,
        plan: fit.plan,
        roundOrder: item.roundOrder,
        turnTimeboxSec: item.turnTimeboxMs === null ? null : item.turnTimeboxMs / 1000,
      });
    }
  }

  /** Decisions from before the team used Cadence: the start of a supersede chain the demo continues. */
  private recordEarlierDecisions(teamId: string, now: number): Map<string, string> {
    const ids = new Map<string, string>();
    const members = this.repos.members.listByTeam(teamId);
    const byName = (name: string) => members.find((m) => m.name === name)?.id ?? null;
    let previous: string | null = null;
    for (const d of DEMO_DECISIONS.earlier) {
      const id = uuidv7(this.clock);
      const at = now - d.daysAgo * DAY;
      this.repos.decisions.insert({
        id,
        teamId,
        meetingId: null,
        agendaItemId: null,
        title: d.title,
        question: '',
        context: d.context,
        options: [],
        chosenOption: null,
        decision: d.decision,
        rationale: d.rationale,
        proposerId: byName(d.owner),
        ownerId: byName(d.owner),
        decisionRight: d.decisionRight,
        risks: '',
        timeline: '',
        reviewDate: null,
        status: d.status,
        supersedesId: previous,
        supersedeKind: previous ? 'supersedes' : null,
        tags: [...d.tags],
        confirmedAt: at,
        decidedAt: at,
        readbackAt: null,
        createdAt: at,
        updatedAt: at,
      });
      this.repos.decisions.setTags(id, [...d.tags]);
      if ('dissent' in d) this.earlierDissent(id, d.dissent, byName, at);
      ids.set(d.key, id);
      previous = id;
    }
    return ids;
  }

  /** A position against an earlier decision and how its owner overruled it, as the record kept them. */
  private earlierDissent(
    decisionId: string,
    d: { who: string; stance: 'disagree' | 'block'; reason: string; overruledBy: string; note: string },
    byName: (name: string) => string | null,
    at: number,
  ): void {
    const positionId = uuidv7(this.clock);
    const memberId = byName(d.who)!;
    this.repos.decisions.insertPosition({ id: positionId, decisionId, memberId, stance: d.stance, reason: d.reason, recordedAt: at });
    const objectionId = uuidv7(this.clock);
    this.repos.decisions.insertObjection({ id: objectionId, decisionId, positionId, memberId, reason: d.reason, createdAt: at });
    this.repos.decisions.resolveObjection(objectionId, {
      resolution: 'overruled',
      resolutionNote: d.note,
      resolvedById: byName(d.overruledBy),
      resolvedAt: at,
    });
  }
}
