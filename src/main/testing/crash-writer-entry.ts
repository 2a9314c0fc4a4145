/**
 * TEST ONLY, never packaged: writes meeting data through the real services as fast as it can,
 * printing one line per committed write, until the crash-safety test kills it with SIGKILL.
 * Its clock advances one second per write, so the test can recompute every timer exactly.
 */
import { itemClockOf } from '@shared/planning';
import { itemRemaining } from '@shared/timer';
import { exitUnlessNodeApiSupported } from '../data-folder/runtime-check';

exitUnlessNodeApiSupported();

const BASE = Date.parse('2026-11-30T09:00:00Z');

function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const seed = Number(process.env.CRASH_SEED ?? '1');
  const startAt = Number(process.env.CRASH_CLOCK ?? String(BASE));
  const random = seeded(seed);
  let now = startAt;
  const clock = { now: () => now };
  const { startCore } = await import('../core/cadence-core');
  const core = await startCore({
    dataDir: process.env.CADENCE_DATA_DIR!,
    mode: 'browser',
    version: 'crash-test',
    clock,
    lockKind: 'crash writer',
  });
  const call = async (name: string, input: unknown) => {
    const result = await core.dispatcher.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  // Every line carries the live state after the write, so the test knows exactly what to find.
  const report = (kind: string, data: Record<string, unknown>) =>
    process.stdout.write(`COMMITTED ${JSON.stringify({ kind, now, ...data, live: meetingId ? liveActions() : null })}\n`);

  let meetingId = (core.services.meetings.list(null).upcoming.find((m) => m.status === 'live') ?? null)?.id ?? null;
  if (!meetingId) {
    const team = (await call('teams.create', {
      name: `Crash team ${seed}`,
      timeZone: 'Europe/Berlin',
      members: ['Ana', 'Ben', 'Cleo'],
    })) as { id: string };
    const created = (await call('meetings.create', {
      teamId: team.id,
      title: 'Weekly',
      date: '2026-11-30',
      time: '10:00',
      lengthMin: 480,
    })) as {
      meetingId: string;
    };
    meetingId = created.meetingId;
    let revision = core.services.meetingView.detail(meetingId).meeting.agendaRevision;
    for (const [kind, title] of [
      ['check_in', 'Check-in'],
      ['discussion', 'Budget'],
      ['proposal', 'Proposals'],
    ] as const) {
      revision = (
        (await call('agenda.addItem', { meetingId, expectedRevision: revision, kind, title, plannedMin: 30 })) as {
          meeting: { agendaRevision: number };
        }
      ).meeting.agendaRevision;
    }
    await call('meetings.start', { meetingId });
    report('setup', { meetingId });
  }
  process.stdout.write('READY\n');

  // The test kills this process within a few writes; one left behind (its test timed out) must not write for ever.
  const givesUpAt = performance.now() + 120_000;
  for (let seq = 0; performance.now() < givesUpAt; seq++) {
    now += 1000;
    const detail = core.services.meetingView.detail(meetingId);
    const current = detail.items.find((i) => i.id === detail.currentItemId);
    const roll = random();
    const proposalItem = detail.items.find((i) => i.kind === 'proposal');
    const openDecision = detail.decisions.filter((d) => d.status === 'proposed').at(-1);
    if (roll < 0.08 && proposalItem) {
      const title = `Proposal ${now}`;
      const made = await call('decisions.propose', { meetingId, agendaItemId: proposalItem.id, title, decision: `We will do ${now}` });
      report('decision', { id: made.id, title });
    } else if (roll < 0.2 && openDecision) {
      const member = detail.members[Math.floor(random() * detail.members.length)]!;
      const reason = `reason ${now}`;
      await call('decisions.position', { decisionId: openDecision.id, memberId: member.id, stance: 'disagree', reason });
      report('position', { decisionId: openDecision.id, reason });
    } else if (roll < 0.28) {
      const outcome = `Commitment ${now}`;
      const owner = detail.members[Math.floor(random() * detail.members.length)]!;
      const made = await call('commitments.create', { meetingId, ownerId: owner.id, outcome, dueDate: '2026-12-31' });
      // Half of them get an outcome recorded straight away: the event must survive the kill too.
      if (random() < 0.5) {
        await call('commitments.record', { commitmentId: made.id, meetingId, outcome: 'on_track' });
        report('commitment', { outcome, events: 2 });
      } else {
        report('commitment', { outcome, events: 1 });
      }
    } else if (roll < 0.45 && current) {
      const text = `note ${now}`;
      await call('live.setNotes', { meetingId, itemId: current.id, notes: text });
      report('notes', { itemId: current.id, text });
    } else if (roll < 0.6) {
      const title = `Parked ${now}`;
      const item = await call('parkingLot.add', { teamId: detail.meeting.teamId, title, notes: 'x'.repeat(Math.floor(random() * 2000)) });
      report('parking', { id: item.id, title });
    } else if (roll < 0.75) {
      const after = await call('agenda.addItem', {
        meetingId,
        expectedRevision: detail.meeting.agendaRevision,
        kind: 'discussion',
        title: `Item ${now}`,
        plannedMin: 5,
      });
      report('item', { title: `Item ${now}`, count: (after.items as unknown[]).length });
    } else if (detail.turns.some((t) => t.status === 'speaking')) {
      await call('live.turn', { meetingId, action: random() < 0.5 ? 'next' : 'pass' });
      report('live', {});
    } else if (detail.items.some((i) => i.status === 'pending')) {
      await call('live.next', { meetingId });
      report('live', {});
    } else {
      await call('live.extend', { meetingId, minutes: 1 });
      report('live', {});
    }
  }
  process.stderr.write('crash writer: no kill came within two minutes\n');
  process.exit(3);

  /** The live state as the room sees it right after the write: which item, how much time left. */
  function liveActions(): Record<string, unknown> {
    const d = core.services.meetingView.detail(meetingId!);
    const current = d.items.find((i) => i.id === d.currentItemId);
    const remaining = current ? itemRemaining(itemClockOf(current), d.clock, now) : null;
    const count = (core.opened.db.prepare('select count(*) as n from live_actions').get() as { n: number }).n;
    return { count, currentItemId: d.currentItemId, remaining };
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash writer failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
