import type { Page } from '@playwright/test';
import { api } from './page-api';
import type { TestClock } from './server';

const MIN = 60_000;

/**
 * The demo team's meeting started with everyone present and taken to its proposals item, the page's clock fixed at
 * `t0` and the server's a minute past the meeting's planned start, each item taking its planned minutes.
 */
export async function atTheProposals(page: Page, url: string, clock: TestClock, t0: number) {
  await page.clock.setFixedTime(new Date(t0));
  await page.goto(url);
  const team = await api(page, 'demo.load', {});
  const meetingId = (await api(page, 'meetings.list', { teamId: team.id })).upcoming[0]!.id;
  const planned = await api(page, 'meetings.get', { meetingId });
  clock.set(planned.meeting.scheduledStart! + MIN);
  for (const a of planned.attendees) await api(page, 'attendance.set', { attendeeId: a.id, status: 'present' });
  await api(page, 'meetings.start', { meetingId });
  let d = await api(page, 'meetings.get', { meetingId });
  while (d.items.find((i) => i.id === d.currentItemId)?.kind !== 'proposal') {
    clock.advance(d.items.find((i) => i.id === d.currentItemId)!.plannedMin * MIN);
    await api(page, 'live.next', { meetingId });
    d = await api(page, 'meetings.get', { meetingId });
  }
  return { team, meetingId, d };
}

/** A proposal with two long-worded options, put to the item `atTheProposals` reached: what the projector must fit. */
export const reviewInPairs = (meetingId: string, agendaItemId: string) => ({
  meetingId,
  agendaItemId,
  title: 'Review in pairs for a month',
  question: 'Should reviews be done in pairs during December?',
  decision: 'Every review in December is done by two people together.',
  options: [
    {
      title: 'Pairs chosen by the author of the change under review',
      pros: 'Knowledge of each change spreads through the team quickly',
      cons: 'Two people are taken away from their own work for every review',
    },
    { title: 'Pairs fixed for the whole month', pros: 'Less to arrange', cons: 'The same two people always' },
  ],
});
