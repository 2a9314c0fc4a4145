import type { TestCore } from './core';

/**
 * A team of three with a weekly series on Mondays at 10:00 from 1 November 2026, in Berlin unless told, from the
 * built-in weekly template unless told.
 */
export async function teamWithSeries(t: TestCore, options: { template?: string | null; timeZone?: string; startsOn?: string } = {}) {
  const team = await t.call('teams.create', {
    name: 'Ops',
    timeZone: options.timeZone ?? 'Europe/Berlin',
    members: ['Ana', 'Ben', 'Cleo'],
  });
  const templates = await t.call('templates.list', { teamId: team.id });
  const weekly = templates.find((x) => x.name === 'Weekly accountability')!;
  const series = await t.call('series.create', {
    teamId: team.id,
    name: 'Weekly sync',
    cadence: 'weekly',
    weekday: 1,
    startTime: '10:00',
    startsOn: options.startsOn ?? '2026-11-01',
    defaultLengthMin: 45,
    templateId: options.template === null ? null : (options.template ?? weekly.id),
  });
  return { team, series, templates };
}
