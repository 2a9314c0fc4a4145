import type { Repositories } from '../../db/repositories';
import type { CommitmentsService } from '../commitments/commitments-service';
import { addDays, toZoned } from '../planning/zoned-time';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The demo team's commitments, made and reviewed in the demo meetings through the real service:
 * done on time, renegotiated in advance, a slip with its cause and a corrective commitment, one
 * on track, one done between meetings, and one owned by a former member waiting to be reassigned.
 */
export class DemoCommitments {
  private readonly made = new Map<string, string>();
  constructor(
    private readonly repos: Repositories,
    private readonly commitments: CommitmentsService,
    private readonly teamId: string,
  ) {}

  private member(name: string): string {
    return this.repos.members.listByTeam(this.teamId).find((m) => m.name === name)!.id;
  }

  private dateOf(meetingId: string): string {
    const m = this.repos.meetings.summary(meetingId)!;
    return toZoned(m.scheduledStart!, m.timeZone).date;
  }

  /** Before the team used Cadence, Tom promised a hand-over he never finished before leaving. */
  beforeCadence(now: number): void {
    this.commitments.recordEarlier({
      teamId: this.teamId,
      ownerId: this.member('Tom Becker'),
      outcome: 'Churn dashboard handed over with its data sources documented',
      dueDate: toZoned(now - 55 * DAY, 'Europe/Berlin').date,
      madeAt: now - 75 * DAY,
    });
  }

  /** Promises made during the first meeting's updates round. */
  makeInFirst(meetingId: string, itemId: string, nextMeetingDate: string): void {
    const make = (key: string, owner: string, outcome: string, dueDate: string, decisionId: string | null = null) =>
      this.made.set(
        key,
        this.commitments.create({
          meetingId,
          teamId: null,
          agendaItemId: itemId,
          decisionId,
          ownerId: this.member(owner),
          outcome,
          dueDate,
          confirmPastDue: false,
        }).id,
      );
    const train = this.repos.decisions.forMeeting(meetingId).find((d) => d.title.includes('release train'))?.id ?? null;
    const today = this.dateOf(meetingId);
    make('announce', 'Sam Lindqvist', 'Customers told about the two-week release train in the newsletter', addDays(today, 3), train);
    make('runbook', 'Lena Fischer', 'Hotfix lane written up in the runbook, with who approves', nextMeetingDate);
    make('nightly', 'Diego Alvarez', 'Regression suite runs nightly in CI and posts results to the channel', nextMeetingDate);
    make('pricing', 'Sam Lindqvist', 'Pricing experiment read-out: conversion of both variants with confidence intervals', nextMeetingDate);
    make('checklist', 'Priya Raman', 'Design review checklist draft shared with the team', nextMeetingDate);
    // Due in the week after the demo's next meeting (two weeks after the second, the week between called off): reported
    // on track at the second, it is not overdue at the next.
    make('interviews', 'Maya Okafor', 'Two designer candidates interviewed and written up', addDays(nextMeetingDate, 17));
  }

  /** Between the meetings, Sam's announcement went out a day early. */
  betweenMeetings(): void {
    this.commitments.record({ ...this.blank(this.made.get('announce')!), outcome: 'done' });
  }

  /** The second meeting's commitment review: one outcome each, as the room reported them. */
  reviewInSecond(meetingId: string, nextMeetingDate: string): void {
    const record = (key: string, fields: Partial<ReturnType<DemoCommitments['blank']>>) =>
      this.commitments.record({ ...this.blank(this.made.get(key)!), meetingId, ...fields });
    record('runbook', { outcome: 'done' });
    record('checklist', { outcome: 'done' });
    record('pricing', {
      outcome: 'renegotiated',
      newDueDate: nextMeetingDate,
      reason: 'Variant B needs one more week of traffic to be conclusive',
    });
    record('nightly', {
      outcome: 'slipped',
      rootCause: 'missing_resource',
      reason: 'CI runners are shared with the data team and were busy every night',
      correctiveAction: 'Ask the platform team for a dedicated nightly runner',
      corrective: { ownerId: this.member('Diego Alvarez'), dueDate: nextMeetingDate },
    });
    record('interviews', { outcome: 'on_track', reason: 'First interview done, second booked for Thursday' });
    const kofi = this.commitments.create({
      meetingId,
      teamId: null,
      agendaItemId: null,
      decisionId: null,
      ownerId: this.member('Kofi Mensah'),
      outcome: 'Checkout form passes the accessibility audit (labels, focus order, contrast)',
      dueDate: addDays(this.dateOf(meetingId), 5),
      confirmPastDue: false,
    });
    this.made.set('kofi', kofi.id);
  }

  /** After the second meeting, Kofi finished early: the next meeting's recognition has something to celebrate. */
  afterSecond(): void {
    this.commitments.record({ ...this.blank(this.made.get('kofi')!), outcome: 'done' });
  }

  private blank(commitmentId: string) {
    return {
      commitmentId,
      meetingId: null as string | null,
      outcome: 'done' as 'done' | 'on_track' | 'at_risk' | 'slipped' | 'renegotiated' | 'dropped',
      reason: null as string | null,
      newDueDate: null as string | null,
      rootCause: null as 'wrong_assumption' | 'missing_resource' | 'other' | null,
      correctiveAction: null as string | null,
      corrective: null as { ownerId: string; dueDate: string } | null,
      confirmPastDue: false,
    };
  }
}
