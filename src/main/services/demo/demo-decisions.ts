import type { Stance } from '@shared/decisions';
import type { Repositories } from '../../db/repositories';
import type { DecisionsService } from '../decisions/decisions-service';
import { addDays, toZoned } from '../planning/zoned-time';

const MINUTE = 60_000;

interface DemoPosition {
  who: string;
  stance: Stance;
  reason?: string;
}

export interface DemoProposal {
  title: string;
  question: string;
  context: string;
  options: { title: string; pros: string; cons: string }[];
  /** The option the room chose, for an accepted proposal with options. */
  chosen?: string;
  proposal: string;
  proposer: string;
  owner: string;
  decisionRight: string;
  positions: DemoPosition[];
  /** How each objection ends, by objector. */
  resolutions: { who: string; as: 'integrated' | 'overruled'; note: string; newText?: string }[];
  rationale: string;
  risks: string;
  timeline: string;
  reviewInDays: number | null;
  tags: string[];
  outcome: 'accepted' | 'deferred';
  /** Key of an earlier decision this one supersedes. */
  supersedes?: string;
}

/**
 * The demo team's decisions: a chain recorded before Cadence, then proposals the demo meetings
 * work through with the real services: a block integrated, a disagreement overruled, a
 * proposal deferred with an objection still open, so the next meeting shows all of it.
 */
export const DEMO_DECISIONS = {
  earlier: [
    {
      key: 'ship-when-ready',
      title: 'Ship when a feature is ready',
      daysAgo: 600,
      status: 'superseded',
      owner: 'Maya Okafor',
      decisionRight: 'Release timing',
      context: 'Four engineers, one product; releases were rare and large.',
      decision: 'Each feature ships on its own as soon as it passes review.',
      rationale: 'Small team, no release manager: shipping on readiness keeps the queue short.',
      tags: ['release'],
    },
    {
      key: 'monthly-freeze',
      title: 'Monthly release with a freeze week',
      daysAgo: 400,
      status: 'superseded',
      owner: 'Maya Okafor',
      decisionRight: 'Release timing',
      context: 'Shipping each feature alone broke the billing integration twice in one month.',
      decision: 'Release once a month; the last week before a release is a code freeze.',
      rationale: 'A freeze week gives testing a stable target after two incidents in a month.',
      tags: ['release', 'quality'],
      // Dissent kept from before Cadence, so "has dissent" finds a superseded decision too (Priya's journey).
      dissent: {
        who: 'Diego Alvarez',
        stance: 'disagree',
        reason: 'A freeze week holds every fix for a week; gate each release on a full test run instead.',
        overruledBy: 'Maya Okafor',
        note: 'Two billing incidents in one month: we try the freeze for a quarter and look again.',
      },
    },
    {
      key: 'weekly-thursday',
      title: 'Release every Thursday',
      daysAgo: 230,
      status: 'accepted',
      owner: 'Maya Okafor',
      decisionRight: 'Release timing',
      context: 'Ad-hoc releases collided with support hours; customers asked for predictable release notes.',
      decision: 'One release a week, Thursday morning, with release notes.',
      rationale: 'A fixed day lets support prepare and gives customers a rhythm they can plan around.',
      tags: ['release', 'support'],
    },
  ],
  meetings: [
    [
      {
        title: 'Move to a two-week release train',
        question: 'Should we release every two weeks instead of every Thursday?',
        context: 'Weekly releases cost Lena a day of regression testing each week; three of the last five slipped to Friday.',
        options: [
          { title: 'Keep weekly Thursdays', pros: 'Customers know the rhythm', cons: 'A testing day every week; frequent slips' },
          { title: 'Two-week train', pros: 'Half the regression effort; room for a stabilisation day', cons: 'Fixes wait longer' },
          { title: 'Continuous delivery', pros: 'Fastest feedback', cons: 'Needs test automation we do not have yet' },
        ],
        chosen: 'Two-week train',
        proposal: 'Release every second Thursday, starting next cycle.',
        proposer: 'Sam Lindqvist',
        owner: 'Sam Lindqvist',
        decisionRight: 'Release timing',
        positions: [
          { who: 'Maya Okafor', stance: 'agree' },
          { who: 'Sam Lindqvist', stance: 'agree' },
          { who: 'Priya Raman', stance: 'consent' },
          { who: 'Diego Alvarez', stance: 'block', reason: 'Security fixes cannot wait up to two weeks for a train.' },
          {
            who: 'Lena Fischer',
            stance: 'disagree',
            reason: 'I would rather automate the weekly regression first; two weeks hides problems longer.',
          },
        ],
        resolutions: [
          {
            who: 'Diego Alvarez',
            as: 'integrated',
            note: 'Hotfix lane added to the proposal',
            newText: 'Release every second Thursday, starting next cycle. Security and data-loss fixes ship any day through a hotfix lane.',
          },
          {
            who: 'Lena Fischer',
            as: 'overruled',
            note: 'Automation is planned for next quarter; the train frees the time to build it. We revisit in two weeks.',
          },
        ],
        rationale:
          'Halving regression days frees a day a fortnight for test automation, and the hotfix lane keeps urgent fixes fast. Predictable for customers, cheaper for us.',
        risks: 'Bigger releases may carry more risk per release; customers may notice slower small fixes.',
        timeline: 'First train on the Thursday after next; review after two trains.',
        reviewInDays: 14,
        tags: ['release', 'quality'],
        outcome: 'accepted',
        supersedes: 'weekly-thursday',
      },
    ],
    [
      {
        title: 'Two reviewers for every hotfix',
        question: 'Who reviews a hotfix that skips the train?',
        context: 'The new hotfix lane bypasses the release train; one reviewer is what normal changes get.',
        options: [
          { title: 'One reviewer, as usual', pros: 'Fast', cons: 'The lane skips the regression run' },
          { title: 'Two reviewers', pros: 'A second pair of eyes where the safety net is thinnest', cons: 'Needs two people free' },
        ],
        chosen: 'Two reviewers',
        proposal: 'Every hotfix needs approval from two reviewers, one of them from the on-call pair.',
        proposer: 'Diego Alvarez',
        owner: 'Maya Okafor',
        decisionRight: 'Engineering practice',
        positions: [
          { who: 'Maya Okafor', stance: 'agree' },
          { who: 'Sam Lindqvist', stance: 'consent' },
          { who: 'Priya Raman', stance: 'stand_aside' },
          { who: 'Diego Alvarez', stance: 'agree' },
          { who: 'Kofi Mensah', stance: 'agree' },
        ],
        resolutions: [],
        rationale: 'The hotfix lane skips the regression run, so review is the only safety net left.',
        risks: 'A hotfix at night may wait for a second reviewer.',
        timeline: 'From today.',
        reviewInDays: 90,
        tags: ['quality', 'on-call'],
        outcome: 'accepted',
      },
      {
        title: 'Adopt a design review checklist',
        question: 'Should every story with UI changes pass a design checklist before review?',
        context: 'Two releases shipped spacing and contrast regressions that customers reported.',
        options: [
          { title: 'Checklist on every UI story', pros: 'Catches regressions early', cons: 'Adds a step' },
          { title: 'Checklist on the checkout flow only', pros: 'Where regressions cost most', cons: 'Misses the rest' },
        ],
        proposal: 'Every story that changes the UI passes the design checklist before code review.',
        proposer: 'Priya Raman',
        owner: 'Priya Raman',
        decisionRight: 'Design standards',
        positions: [
          { who: 'Maya Okafor', stance: 'consent' },
          {
            who: 'Sam Lindqvist',
            stance: 'disagree',
            reason: 'It adds a step to every story; try it on the checkout flow first and measure.',
          },
          { who: 'Priya Raman', stance: 'agree' },
        ],
        resolutions: [],
        rationale: '',
        risks: '',
        timeline: '',
        reviewInDays: null,
        tags: ['design', 'quality'],
        outcome: 'deferred',
      },
    ],
  ] as DemoProposal[][],
} as const;

/** Runs one demo proposal through the real service, as a facilitator would in the room. */
export function recordDemoProposal(
  decisions: DecisionsService,
  repos: Repositories,
  ctx: { meetingId: string; itemId: string; teamId: string; proposal: DemoProposal; history: Map<string, string> },
  wait: (ms: number) => void,
): void {
  const { proposal: p } = ctx;
  const members = repos.members.listByTeam(ctx.teamId);
  const idOf = (name: string) => members.find((m) => m.name === name)!.id;
  const meeting = repos.meetings.summary(ctx.meetingId)!;
  const day = toZoned(meeting.scheduledStart ?? 0, meeting.timeZone).date;
  const d = decisions.propose({
    meetingId: ctx.meetingId,
    agendaItemId: ctx.itemId,
    title: p.title,
    question: p.question,
    context: p.context,
    options: p.options,
    decision: p.proposal,
    proposerId: idOf(p.proposer),
    ownerId: idOf(p.owner),
    decisionRight: p.decisionRight,
    tags: p.tags,
    supersedesId: p.supersedes ? (ctx.history.get(p.supersedes) ?? null) : null,
    supersedeKind: 'supersedes',
  });
  wait(2 * MINUTE);
  for (const pos of p.positions) {
    decisions.position({ decisionId: d.id, memberId: idOf(pos.who), stance: pos.stance, reason: pos.reason ?? null });
    wait(20_000);
  }
  for (const r of p.resolutions) {
    const objection = decisions.get(d.id).objections.find((o) => o.memberName === r.who && o.resolution === null)!;
    decisions.resolveObjection({
      objectionId: objection.id,
      resolution: r.as,
      note: r.note,
      newText: r.newText ?? null,
      escalatedTo: null,
    });
    wait(MINUTE);
  }
  if (p.outcome === 'deferred') {
    decisions.decide(d.id, 'deferred');
    return;
  }
  decisions.update({
    decisionId: d.id,
    rationale: p.rationale,
    chosenOption: p.chosen ?? null,
    risks: p.risks,
    timeline: p.timeline,
    reviewDate: p.reviewInDays === null ? null : addDays(day, p.reviewInDays),
  });
  decisions.readBack(d.id, true);
  wait(MINUTE);
  decisions.decide(d.id, 'accepted');
}
