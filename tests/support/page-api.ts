import type { Page } from '@playwright/test';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/contract';

/** Calls the contract from inside the signed-in page, as the renderer's transport does; for setting up a test. */
export async function api<K extends OperationName>(page: Page, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  // The page trades its one-time code for a session token as it loads.
  await page.waitForFunction(() => localStorage.getItem('cadence.session') !== null);
  const result = await page.evaluate(
    async ([op, body]) => {
      const res = await fetch(`/api/op/${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('cadence.session')}` },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [name, input] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value as OutputOf<K>;
}

/**
 * A live test's set-up: a team, one meeting with one item on its agenda (a proposal unless `kind` says otherwise; any
 * discussions `then` names come after it), everyone marked present (unless `present` is false), and the meeting started.
 */
export async function startedWithItem(
  page: Page,
  setUp: {
    /** A team to make, or one made already. */
    team: InputOf<'teams.create'> | OutputOf<'teams.create'>;
    meeting: { title: string; date: string; time: string };
    item: string;
    kind?: InputOf<'agenda.addItem'>['kind'];
    plannedMin?: number;
    present?: boolean;
    /** Discussions after the item, of the same planned minutes. */
    then?: string[];
  },
) {
  const team = 'id' in setUp.team ? setUp.team : await api(page, 'teams.create', setUp.team);
  const { meetingId } = await api(page, 'meetings.create', { teamId: team.id, lengthMin: 30, ...setUp.meeting });
  const planned = await api(page, 'meetings.get', { meetingId });
  let withItem = await api(page, 'agenda.addItem', {
    meetingId,
    expectedRevision: planned.meeting.agendaRevision,
    kind: setUp.kind ?? 'proposal',
    title: setUp.item,
    plannedMin: setUp.plannedMin ?? 20,
  });
  for (const title of setUp.then ?? [])
    withItem = await api(page, 'agenda.addItem', {
      meetingId,
      expectedRevision: withItem.meeting.agendaRevision,
      kind: 'discussion',
      title,
      plannedMin: setUp.plannedMin ?? 20,
    });
  if (setUp.present !== false)
    for (const a of withItem.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
  await api(page, 'meetings.start', { meetingId });
  return { team, meetingId, withItem };
}

/** A decision test's set-up: `startedWithItem` with its one item a proposal. */
export const startedWithProposal = (page: Page, setUp: Omit<Parameters<typeof startedWithItem>[1], 'kind'>) => startedWithItem(page, setUp);

/**
 * A commitment review's set-up on a test clock of 23 Nov 2026: the team Platform of three, `open` commitments owned in
 * turn and due 24-29 Nov (`outcome` words each), then a meeting whose one item is the review, started (no one marked
 * present: the walk does not need it).
 */
export async function startedReview(page: Page, open: number, outcome: (i: number) => string) {
  const team = await api(page, 'teams.create', { name: 'Platform', timeZone: 'UTC', members: ['Ana Ruiz', 'Ben Osei', 'Cleo Park'] });
  const members = (await api(page, 'teams.get', { teamId: team.id })).members;
  for (let i = 0; i < open; i++)
    await api(page, 'commitments.create', {
      teamId: team.id,
      ownerId: members[i % members.length]!.id,
      outcome: outcome(i),
      dueDate: `2026-11-${String(24 + (i % 6)).padStart(2, '0')}`,
    });
  return startedWithItem(page, {
    team,
    meeting: { title: 'Week 48', date: '2026-11-23', time: '10:00' },
    item: 'Commitment review',
    kind: 'commitment_review',
    present: false,
  });
}
