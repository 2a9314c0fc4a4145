import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../src/shared/planning';
import { Sql } from '../../src/main/db/query';
import { createRepositories } from '../../src/main/db/repositories';
import { browserPlatform } from '../../src/main/platform/browser-platform';
import { ExportsService } from '../../src/main/services/exports/exports-service';
import { openTestCore, type TestCore } from '../support/core';
import { decisionFixture } from '../support/decision-fixture';

const DAY = 24 * 60 * 60 * 1000;
let t: TestCore;
beforeEach(async () => {
  t = await openTestCore(Date.parse('2026-11-24T09:00:00Z'));
});
afterEach(() => t.close());

const { room, propose, accept } = decisionFixture(() => t);

describe('positions and objections', () => {
  it('refuse a disagree or block without a reason, and reasons that are only spaces or invisible characters', async () => {
    const r = await room();
    const d = await propose(r);
    for (const reason of [null, '', '   ', '\n\t ', '\u200B \u200B', '...']) {
      const error = await t.fail('decisions.position', { decisionId: d.id, memberId: r.member.Ben, stance: 'block', reason });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/A block needs a reason/);
    }
    const error = await t.fail('decisions.position', { decisionId: d.id, memberId: r.member.Ben, stance: 'disagree', reason: ' ' });
    expect(error.message).toMatch(/A disagreement needs a reason/);
    expect((await t.call('decisions.get', { decisionId: d.id })).positions).toEqual([]);
  });

  it('record one stance per member, keep a changed mind in the history, and close the earlier objection', async () => {
    const r = await room();
    const d = await propose(r);
    await t.call('decisions.position', { decisionId: d.id, memberId: r.member.Cleo, stance: 'disagree', reason: 'Too slow for fixes' });
    t.clock.advance(1000);
    const taken = await t.call('decisions.position', { decisionId: d.id, memberId: r.member.Cleo, stance: 'consent' });
    // The write answers what it wrote; the record is read as every window re-reads it.
    expect(taken).toMatchObject({ id: d.id, teamId: d.teamId, meetingId: r.meetingId, objectionId: null });
    const after = await t.call('decisions.get', { decisionId: d.id });
    expect(after.positionHistory.at(-1)!.id).toBe(taken.positionId);
    expect(after.positions.map((p) => [p.memberName, p.stance])).toEqual([['Cleo', 'consent']]);
    expect(after.positionHistory.map((p) => p.stance)).toEqual(['disagree', 'consent']);
    expect(after.objections).toHaveLength(1);
    expect(after.objections[0]).toMatchObject({
      resolution: 'withdrawn',
      resolutionNote: 'Changed position to consent',
      resolvedByName: 'Cleo',
    });
    expect(after.openObjections).toBe(0);
  });

  it('take positions only from members in the room, and only in a live meeting', async () => {
    const r = await room();
    const d = await propose(r);
    const absent = await t.fail('decisions.position', { decisionId: d.id, memberId: r.member.Dan, stance: 'agree' });
    expect(absent.message).toBe('Dan is not in the room for this meeting');
    await t.call('meetings.end', { meetingId: r.meetingId });
    const ended = await t.fail('decisions.position', { decisionId: d.id, memberId: r.member.Ana, stance: 'agree' });
    expect(ended.message).toMatch(/meeting has ended/);
  });

  it('block acceptance while an objection is open; integrate changes the proposal and keeps both texts; the owner overrules with a reason', async () => {
    const r = await room();
    const d = await propose(r);
    await t.call('decisions.position', { decisionId: d.id, memberId: r.member.Ana, stance: 'agree' });
    await t.call('decisions.position', { decisionId: d.id, memberId: r.member.Ben, stance: 'block', reason: 'Security fixes cannot wait' });
    const raised = await t.call('decisions.position', {
      decisionId: d.id,
      memberId: r.member.Cleo,
      stance: 'disagree',
      reason: 'Automate testing first',
    });
    let now = await t.call('decisions.get', { decisionId: d.id });
    expect(now.openObjections).toBe(2);
    expect(now.objections[1]!.id).toBe(raised.objectionId);
    await t.call('decisions.readBack', { decisionId: d.id, on: true });
    const blocked = await t.fail('decisions.decide', { decisionId: d.id, outcome: 'accepted' });
    expect(blocked.message).toBe(
      'Not accepted yet: 2 objections are unresolved: Ben (block), Cleo (disagree). Integrate, withdraw, escalate or have the owner overrule each with a reason.',
    );

    const [block, disagree] = now.objections;
    const same = await t.fail('decisions.resolveObjection', {
      objectionId: block!.id,
      resolution: 'integrated',
      newText: 'Release every second Thursday.',
    });
    expect(same.message).toMatch(/unchanged/);
    const noText = await t.fail('decisions.resolveObjection', { objectionId: block!.id, resolution: 'integrated', newText: '  ' });
    expect(noText.code).toBe('invalid_input');
    const integrated = await t.call('decisions.resolveObjection', {
      objectionId: block!.id,
      resolution: 'integrated',
      newText: 'Release every second Thursday; security fixes ship any day.',
    });
    expect(integrated).toMatchObject({ id: d.id, objectionId: block!.id, positionId: null });
    now = await t.call('decisions.get', { decisionId: d.id });
    expect(now.decision).toBe('Release every second Thursday; security fixes ship any day.');
    expect(now.objections[0]).toMatchObject({
      resolution: 'integrated',
      textBefore: 'Release every second Thursday.',
      textAfter: 'Release every second Thursday; security fixes ship any day.',
    });

    const bare = await t.fail('decisions.resolveObjection', { objectionId: disagree!.id, resolution: 'overruled', note: '   ' });
    expect(bare.message).toMatch(/Overruling needs the owner’s reason/);
    await t.call('decisions.resolveObjection', {
      objectionId: disagree!.id,
      resolution: 'overruled',
      note: 'Automation is planned next quarter',
    });
    now = await t.call('decisions.get', { decisionId: d.id });
    expect(now.objections[1]).toMatchObject({
      resolution: 'overruled',
      resolvedByName: 'Ana',
      resolutionNote: 'Automation is planned next quarter',
    });
    const again = await t.fail('decisions.resolveObjection', { objectionId: disagree!.id, resolution: 'withdrawn' });
    expect(again.message).toBe('That objection has already been resolved');

    // A new text after the read-back needs reading back again? The read-back stays; the room confirms now.
    const accepted = await t.call('decisions.decide', { decisionId: d.id, outcome: 'accepted' });
    expect(accepted.status).toBe('accepted');
    expect(accepted.confirmedAt).toBe(t.clock.now());
    expect(accepted.openObjections).toBe(0);
  });

  it('need an owner to overrule, a decision owner and a read-back to accept', async () => {
    const r = await room();
    const d = await propose(r, 'No owner yet', { ownerId: null });
    await t.call('decisions.position', { decisionId: d.id, memberId: r.member.Ben, stance: 'disagree', reason: 'Not now' });
    const objection = (await t.call('decisions.get', { decisionId: d.id })).objections[0]!;
    const noOwner = await t.fail('decisions.resolveObjection', { objectionId: objection.id, resolution: 'overruled', note: 'We go ahead' });
    expect(noOwner.message).toMatch(/Name the decision owner first/);
    await t.call('decisions.resolveObjection', { objectionId: objection.id, resolution: 'escalated', escalatedTo: 'Head of product' });
    const missing = await t.fail('decisions.decide', { decisionId: d.id, outcome: 'accepted' });
    expect(missing.message).toBe(
      'Not accepted yet: name the decision owner; read it back to the room on the projector so the room can confirm it.',
    );
  });
});

describe('after the meeting', () => {
  it('changes a decision only by amendment with a reason, keeping every change in its history', async () => {
    const r = await room();
    const d = await propose(r);
    await t.call('decisions.update', { decisionId: d.id, rationale: 'Halves the testing cost' });
    await accept(d.id);
    await t.call('meetings.end', { meetingId: r.meetingId });

    const edit = await t.fail('decisions.update', { decisionId: d.id, rationale: 'Quietly changed' });
    expect(edit.message).toBe('Its meeting has ended: change this decision by amendment, with a reason');
    const noReason = await t.fail('decisions.amend', { decisionId: d.id, reason: '  ', rationale: 'x' });
    expect(noReason.code).toBe('invalid_input');
    const nothing = await t.fail('decisions.amend', { decisionId: d.id, reason: 'Typo', rationale: 'Halves the testing cost' });
    expect(nothing.message).toMatch(/Nothing changed/);

    t.clock.advance(DAY);
    await t.call('decisions.amend', { decisionId: d.id, reason: 'Typo in the rationale', rationale: 'Halves the regression-testing cost' });
    t.clock.advance(DAY);
    const amended = await t.call('decisions.amend', {
      decisionId: d.id,
      reason: 'Owner changed roles',
      ownerId: r.member.Cleo,
      tags: ['Release', 'release', 'process'],
    });
    expect(amended.changesBy).toBe('amendment');
    expect(amended.rationale).toBe('Halves the regression-testing cost');
    expect(amended.ownerName).toBe('Cleo');
    expect(amended.tags).toEqual(['release', 'process']);
    expect(amended.amendments.map((a) => [a.reason, a.changes])).toEqual([
      [
        'Owner changed roles',
        [
          { field: 'Decision owner', from: 'Ana', to: 'Cleo' },
          { field: 'Tags', from: '', to: 'release, process' },
        ],
      ],
      ['Typo in the rationale', [{ field: 'Rationale', from: 'Halves the testing cost', to: 'Halves the regression-testing cost' }]],
    ]);
  });
});

describe('supersede chains', () => {
  it('link each decision to what replaced it, walk the chain both ways, and undo a replacement on reopen', async () => {
    const r = await room();
    const a = await propose(r, 'Release weekly');
    await accept(a.id);
    const b = await propose(r, 'Release every two weeks', { supersedesId: a.id });
    const c0 = await t.fail('decisions.propose', {
      meetingId: r.meetingId,
      agendaItemId: r.itemId,
      title: 'Too early',
      supersedesId: b.id,
    });
    expect(c0.message).toBe('Only an accepted decision can be superseded or reversed; “Release every two weeks” is proposed');
    await accept(b.id);
    expect((await t.call('decisions.get', { decisionId: a.id })).status).toBe('superseded');
    const c = await propose(r, 'Back to weekly releases', { supersedesId: b.id, supersedeKind: 'reverses' });
    await accept(c.id);

    const first = await t.call('decisions.get', { decisionId: a.id });
    expect(first.chain.map((l) => [l.title, l.status])).toEqual([
      ['Release weekly', 'superseded'],
      ['Release every two weeks', 'reversed'],
      ['Back to weekly releases', 'accepted'],
    ]);
    expect(first.replacedBy?.title).toBe('Release every two weeks');
    const last = await t.call('decisions.get', { decisionId: c.id });
    expect(last.chain.map((l) => l.id)).toEqual([a.id, b.id, c.id]);
    expect(last.supersedes).toMatchObject({ id: b.id, status: 'reversed' });
    expect(last.supersedeKind).toBe('reverses');

    const reopened = await t.call('decisions.decide', { decisionId: c.id, outcome: 'proposed' });
    expect(reopened.status).toBe('proposed');
    expect((await t.call('decisions.get', { decisionId: b.id })).status).toBe('accepted');
  });
});

describe('old business from the decision log', () => {
  it('carries deferred proposals with their open objections and decisions due for review into the next meeting', async () => {
    const r = await room('Week 1', '2026-11-24');
    const deferred = await propose(r, 'Design checklist');
    await t.call('decisions.position', {
      decisionId: deferred.id,
      memberId: r.member.Ben,
      stance: 'disagree',
      reason: 'Try it on checkout first',
    });
    await t.call('decisions.decide', { decisionId: deferred.id, outcome: 'deferred' });
    const reviewed = await propose(r, 'Two reviewers for hotfixes', { reviewDate: '2026-12-01' });
    await accept(reviewed.id);
    await t.call('meetings.end', { meetingId: r.meetingId });

    const { meetingId } = await t.call('meetings.create', {
      teamId: r.teamId,
      title: 'Week 2',
      date: '2026-12-01',
      time: '10:00',
      lengthMin: 30,
    });
    let next: MeetingDetail = await t.call('meetings.get', { meetingId });
    expect(next.oldBusiness.map((o) => [o.source, o.title, o.open])).toEqual([
      ['open_proposal', 'Design checklist', true],
      ['objection', 'Ben (disagree) on “Design checklist”', true],
      ['decision_review', 'Two reviewers for hotfixes', true],
    ]);
    const carriedItem = next.items.find((i) => i.kind === 'proposal')!;
    expect(carriedItem.title).toBe('Design checklist');
    expect(next.decisions.map((d) => d.title)).toEqual(['Design checklist']);

    // The room takes it up again: the proposal moves to this meeting, with a note in its history.
    for (const a of next.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    await t.call('meetings.start', { meetingId });
    const objection = next.decisions[0]!.objections[0]!;
    const resolved = await t.call('decisions.resolveObjection', { objectionId: objection.id, resolution: 'withdrawn' });
    expect(resolved.meetingId).toBe(meetingId);
    const taken = await t.call('decisions.get', { decisionId: resolved.id });
    expect(taken.meetingId).toBe(meetingId);
    expect(taken.status).toBe('proposed');
    expect(taken.amendments[0]!.reason).toBe('Taken up again in “Week 2”');
    await t.call('decisions.review', { decisionId: reviewed.id, meetingId, nextReviewDate: '2027-03-01', note: 'Still right' });
    next = await t.call('meetings.get', { meetingId });
    expect(next.oldBusiness.map((o) => [o.source, o.open])).toEqual([
      ['open_proposal', true],
      ['objection', false],
      ['decision_review', false],
    ]);
  });
  it('reopens a deferred proposal carried into the next meeting as the same decision, with both dates in its history', async () => {
    const r = await room('Week 1', '2026-11-24');
    const deferred = await propose(r, 'Design checklist');
    await t.call('decisions.decide', { decisionId: deferred.id, outcome: 'deferred' });
    await t.call('meetings.end', { meetingId: r.meetingId });
    const { meetingId } = await t.call('meetings.create', {
      teamId: r.teamId,
      title: 'Week 2',
      date: '2026-12-01',
      time: '10:00',
      lengthMin: 30,
    });
    const planned = await t.call('meetings.get', { meetingId });
    for (const a of planned.attendees) await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    t.clock.advance(7 * DAY);
    await t.call('meetings.start', { meetingId });

    const reopened = await t.call('decisions.decide', { decisionId: deferred.id, outcome: 'proposed' });
    expect([reopened.id, reopened.status, reopened.meetingId]).toEqual([deferred.id, 'proposed', meetingId]);
    expect(reopened.amendments.map((a) => [a.reason, a.changes, a.at])).toEqual([
      ['Taken up again in “Week 2”', [{ field: 'Status', from: 'deferred', to: 'proposed' }], t.clock.now()],
      ['Deferred in “Week 1”', [{ field: 'Status', from: 'proposed', to: 'deferred' }], t.clock.now() - 7 * DAY],
    ]);
    // Open now: a second reopen says so, and the go-round takes positions at once.
    expect((await t.fail('decisions.decide', { decisionId: deferred.id, outcome: 'proposed' })).message).toBe(
      'This proposal is already open',
    );
    // Week 2 changes the wording to meet a block (walk19: Week 1's minutes then read in Week 2's wording).
    const blocked = await t.call('decisions.position', {
      decisionId: deferred.id,
      memberId: r.member.Cleo,
      stance: 'block',
      reason: 'Security fixes cannot wait',
    });
    await t.call('decisions.resolveObjection', {
      objectionId: blocked.objectionId!,
      resolution: 'integrated',
      newText: 'Release every second Thursday; security fixes ship any day.',
    });
    await t.call('decisions.position', { decisionId: deferred.id, memberId: r.member.Dan, stance: 'agree' });
    const accepted = await accept(deferred.id);
    expect(accepted.status).toBe('accepted');
    // The history goes on to the outcome (record21: it ended on "Taken up again" and read as still pending).
    expect(accepted.amendments.map((a) => [a.reason, a.changes, a.at])).toEqual([
      ['Accepted in “Week 2”', [{ field: 'Status', from: 'proposed', to: 'accepted' }], t.clock.now()],
      ['Taken up again in “Week 2”', [{ field: 'Status', from: 'deferred', to: 'proposed' }], t.clock.now()],
      ['Deferred in “Week 1”', [{ field: 'Status', from: 'proposed', to: 'deferred' }], t.clock.now() - 7 * DAY],
    ]);
    const log = await t.call('decisions.search', { query: 'Design checklist' });
    expect(log.rows.map((row) => row.id)).toEqual([deferred.id]);

    // The record of Week 1 still tells what happened there: deferred, with the stances of that day only, and
    // where it was taken up; Week 2's record has it accepted. Each meeting lists it once.
    await t.call('meetings.end', { meetingId });
    const week1 = await t.call('meetings.get', { meetingId: r.meetingId });
    const asHeld = week1.decisions.filter((d) => d.id === deferred.id);
    expect(asHeld.map((d) => [d.status, d.takenUpIn?.title, d.positions.map((p) => p.memberName)])).toEqual([['deferred', 'Week 2', []]]);
    const week2 = await t.call('meetings.get', { meetingId });
    expect(week2.decisions.filter((d) => d.id === deferred.id).map((d) => [d.status, d.takenUpIn])).toEqual([['accepted', undefined]]);
    const minutes1 = (await t.call('minutes.markdown', { meetingId: r.meetingId })).content;
    expect(minutes1).toContain('Not decided: the proposal was deferred to a later meeting.');
    expect(minutes1).toContain('Taken up again in “Week 2” on 2026-12-01; its record there says what came of it.');
    expect(minutes1).not.toContain('Decision:');
    expect(minutes1).toContain('Proposal: Release every second Thursday.');
    expect(minutes1).not.toContain('security fixes ship any day');
    expect(minutes1).not.toContain('Accepted in');
    expect(asHeld[0]!.decision).toBe('Release every second Thursday.');
    expect(asHeld[0]!.amendments.map((a) => a.reason)).toEqual(['Deferred in “Week 1”']);
    expect((await t.call('minutes.markdown', { meetingId })).content).toContain('Decision: ');
    const madr = (await new ExportsService(createRepositories(new Sql(t.core.opened.db)), t.clock, browserPlatform).madrFiles(r.teamId))
      .map((f) => f.content)
      .find((c) => c.includes('# Design checklist'))!;
    // The MADR record tells the same history, not as amendments: the acceptance was the room's, in the meeting.
    expect(madr).not.toContain('Amendments');
    expect(madr).toContain(
      '### History\n\n- 2026-12-01: Accepted in “Week 2” (Status: proposed → accepted)\n- 2026-12-01: Taken up again in “Week 2” (Status: deferred → proposed)\n',
    );
  });

  it('keep a rejection that follows a reopen in the history, and no line for a decision taken at once', async () => {
    const r = await room('Week 1', '2026-11-24');
    const once = await accept((await propose(r, 'Keep the stand-up')).id);
    expect([once.status, once.amendments]).toEqual(['accepted', []]);
    await t.call('decisions.decide', { decisionId: once.id, outcome: 'proposed' });
    t.clock.advance(1000);
    const rejected = await t.call('decisions.decide', { decisionId: once.id, outcome: 'rejected' });
    expect(rejected.amendments.map((a) => [a.reason, a.changes])).toEqual([
      ['Rejected in “Week 1”', [{ field: 'Status', from: 'proposed', to: 'rejected' }]],
      ['Reopened in “Week 1”', [{ field: 'Status', from: 'accepted', to: 'proposed' }]],
    ]);
    const plain = await propose(r, 'Drop the retro');
    expect((await t.call('decisions.decide', { decisionId: plain.id, outcome: 'rejected' })).amendments).toEqual([]);
  });

  it('keep in the minutes of the meeting that deferred a proposal the rationale and review date it had there, when a later meeting changes them', async () => {
    const r = await room('Week 1', '2026-11-24');
    const deferred = await propose(r, 'Design checklist', { rationale: 'Week 1 reasons', reviewDate: '2027-01-04' });
    await t.call('decisions.decide', { decisionId: deferred.id, outcome: 'deferred' });
    await t.call('meetings.end', { meetingId: r.meetingId });
    const { meetingId } = await t.call('meetings.create', {
      teamId: r.teamId,
      title: 'Week 2',
      date: '2026-12-01',
      time: '10:00',
      lengthMin: 30,
    });
    for (const a of (await t.call('meetings.get', { meetingId })).attendees)
      await t.call('attendance.set', { attendeeId: a.id, status: 'present' });
    t.clock.advance(7 * DAY);
    await t.call('meetings.start', { meetingId });
    await t.call('decisions.decide', { decisionId: deferred.id, outcome: 'proposed' });
    // Week 2 decides it with its own reasons and a later review (walk: Week 1's minutes then read Week 2's).
    const changed = await t.call('decisions.update', { decisionId: deferred.id, rationale: 'Week 2 reasons', reviewDate: '2027-03-01' });
    expect(changed.amendments[0]).toMatchObject({
      reason: 'Changed in “Week 2”',
      changes: [
        { field: 'Rationale', from: 'Week 1 reasons', to: 'Week 2 reasons' },
        { field: 'Review date', from: '2027-01-04', to: '2027-03-01' },
      ],
    });
    await accept(deferred.id);
    await t.call('meetings.end', { meetingId });

    const asHeld = (await t.call('meetings.get', { meetingId: r.meetingId })).decisions.find((d) => d.id === deferred.id)!;
    expect([asHeld.rationale, asHeld.reviewDate]).toEqual(['Week 1 reasons', '2027-01-04']);
    for (const format of ['minutes.markdown', 'minutes.html'] as const) {
      const week1 = (await t.call(format, { meetingId: r.meetingId })).content;
      expect(week1).toContain('Rationale: Week 1 reasons');
      expect(week1).toContain('Review date: 2027-01-04');
      expect(week1).not.toContain('Week 2 reasons');
      expect(week1).not.toContain('2027-03-01');
      const week2 = (await t.call(format, { meetingId })).content;
      expect(week2).toContain('Rationale: Week 2 reasons');
      expect(week2).toContain('Review date: 2027-03-01');
    }
  });
});

describe('the demo team', () => {
  it('shows a four-step supersede chain, a decision with an integrated block and an overruled disagreement, and decision old business', async () => {
    await t.call('demo.load', {});
    const log = await t.call('decisions.search', { query: 'regression halving' });
    expect(log.rows.map((row) => row.title)).toEqual(['Move to a two-week release train']);
    const train = await t.call('decisions.get', { decisionId: log.rows[0]!.id });
    expect(train.status).toBe('accepted');
    expect(train.chain.map((l) => l.title)).toEqual([
      'Ship when a feature is ready',
      'Monthly release with a freeze week',
      'Release every Thursday',
      'Move to a two-week release train',
    ]);
    expect(train.objections.map((o) => [o.memberName, o.stance, o.resolution])).toEqual([
      ['Diego Alvarez', 'block', 'integrated'],
      ['Lena Fischer', 'disagree', 'overruled'],
    ]);
    const upcoming = (await t.call('meetings.list', { teamId: train.teamId })).upcoming[0]!;
    const next = await t.call('meetings.get', { meetingId: upcoming.id });
    expect(
      next.oldBusiness.filter((o) => ['open_proposal', 'objection', 'decision_review'].includes(o.source)).map((o) => [o.source, o.title]),
    ).toEqual([
      ['open_proposal', 'Adopt a design review checklist'],
      ['objection', 'Sam Lindqvist (disagree) on “Adopt a design review checklist”'],
      ['decision_review', 'Move to a two-week release train'],
    ]);
    // The deferred proposal is taken up in the agenda's own proposal slot, not as an extra item.
    const slot = next.oldBusiness.find((o) => o.source === 'open_proposal')!.agendaItemId;
    expect(next.items.find((i) => i.id === slot)!.title).toBe('Proposals and discussion');
    expect(next.items.filter((i) => i.kind === 'proposal')).toHaveLength(1);
    expect(next.decisions.map((d) => [d.title, d.status])).toEqual([['Adopt a design review checklist', 'deferred']]);
  });
});
