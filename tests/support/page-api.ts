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
    team: InputOf<'teams.create'>;
    meeting: { title: string; date: string; time: string };
    item: string;
    kind?: InputOf<'agenda.addItem'>['kind'];
    plannedMin?: number;
    present?: boolean;
    /** Discussions after the item, of the same planned minutes. */
    then?: string[];
  },
) {
  const team = await api(page, 'teams.create', setUp.team);
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
