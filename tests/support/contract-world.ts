import type { InputOf, OperationName } from '../../src/shared/contract';
import type { MeetingDetail } from '../../src/shared/planning';
import type { TestCore } from './core';

/** The ids a fixture needs, read from the database as it is now (so each write sees what the last one made). */
export interface World {
  teamIds: string[];
  demoTeamId: string;
  members: { id: string; teamId: string; leftAt: number | null }[];
  meetings: MeetingDetail[];
  seriesIds: string[];
  decisionIds: string[];
  commitmentIds: string[];
  parkingLot: { id: string; status: string }[];
  roleIds: string[];
  versionIds: string[];
  backupNames: string[];
}

export async function readWorld(t: TestCore): Promise<World> {
  const teams = await t.call('teams.list', {});
  const details = await Promise.all(teams.map((team) => t.call('teams.get', { teamId: team.id })));
  const demo = teams.find((team) => team.name.toLowerCase().includes('demo') || details.length === 1) ?? teams[0];
  const meetingIds = new Set<string>();
  const seriesIds: string[] = [];
  const parkingLot: World['parkingLot'] = [];
  const roleIds: string[] = [];
  const versionIds: string[] = [];
  for (const team of teams) {
    const lists = await t.call('meetings.list', { teamId: team.id });
    for (const m of [...lists.upcoming, ...lists.past]) meetingIds.add(m.id);
    seriesIds.push(...(await t.call('series.list', { teamId: team.id })).map((s) => s.id));
    parkingLot.push(...(await t.call('parkingLot.list', { teamId: team.id, includeClosed: true })));
    roleIds.push(...(await t.call('roles.list', { teamId: team.id })).map((r) => r.id));
    versionIds.push(...(await t.call('agreements.get', { teamId: team.id })).versions.map((v) => v.id));
  }
  const meetings = await Promise.all([...meetingIds].map((meetingId) => t.call('meetings.get', { meetingId })));
  const decisionIds = (await t.call('decisions.search', { limit: 500 })).rows.map((r) => r.id);
  const commitmentIds = new Set((await t.call('commitments.board', {})).open.map((c) => c.id));
  for (const m of meetings) for (const c of [...m.commitments.made, ...m.commitments.review]) commitmentIds.add(c.id);
  return {
    teamIds: teams.map((team) => team.id),
    demoTeamId: demo?.id ?? '',
    members: details.flatMap((d) => d.members),
    meetings,
    seriesIds,
    decisionIds,
    commitmentIds: [...commitmentIds],
    parkingLot,
    roleIds,
    versionIds,
    backupNames: (await t.call('backups.list', {})).map((b) => b.name),
  };
}

type Inputs = { [K in OperationName]?: (w: World) => InputOf<K>[] };

const perTeam =
  <T>(f: (teamId: string) => T[]) =>
  (w: World) =>
    w.teamIds.flatMap(f);
const perMeeting = (w: World) => w.meetings.map((m) => ({ meetingId: m.meeting.id }));

/** Every read, asked the questions the app asks it, for every entity the fixture holds. */
export const READ_INPUTS: Inputs = {
  'app.info': () => [{}],
  // Read on demand by a button and never cached: it describes the files on disk, whose sizes change outside any
  // operation (a write-ahead-log checkpoint after the worker's export), so no change event can name it.
  'app.diagnostics': () => [],
  'events.since': () => [{ epoch: '', revision: 0 }],
  'settings.get': () => [{}],
  'backups.list': () => [{}],
  'platform.info': () => [{}],
  'me.list': () => [{}],
  'teams.list': () => [{}],
  'teams.get': perTeam((teamId) => [{ teamId }]),
  'series.list': perTeam((teamId) => [{ teamId }]),
  'series.exportCalendar': (w) => w.seriesIds.map((seriesId) => ({ seriesId })),
  'templates.list': (w) => [{ teamId: null }, ...w.teamIds.map((teamId) => ({ teamId }))],
  'meetings.list': (w) => [{ teamId: null }, ...w.teamIds.map((teamId) => ({ teamId }))],
  'meetings.nextUp': () => [{}],
  'meetings.get': perMeeting,
  'meetings.live': perMeeting,
  'meetings.decisions': perMeeting,
  'meetings.decision': (w) => w.meetings.flatMap((m) => m.decisions.map((d) => ({ meetingId: m.meeting.id, decisionId: d.id }))),
  'meetings.commitments': perMeeting,
  'meetings.context': perMeeting,
  'meetings.feedback': perMeeting,
  'minutes.html': perMeeting,
  'minutes.markdown': perMeeting,
  'agenda.exportMarkdown': perMeeting,
  'agreements.onProjector': perMeeting,
  'parkingLot.list': perTeam((teamId) => [
    { teamId, includeClosed: true },
    { teamId, includeClosed: false },
  ]),
  'roles.list': perTeam((teamId) => [{ teamId }]),
  'agreements.get': perTeam((teamId) => [{ teamId }]),
  'agreements.version': (w) => w.versionIds.map((versionId) => ({ versionId })),
  'agreements.compare': (w) => (w.versionIds.length > 1 ? [{ fromId: w.versionIds.at(-1)!, toId: w.versionIds[0]! }] : []),
  'archive.export': perTeam((teamId) => [{ teamId }]),
  'sync.status': perTeam((teamId) => [{ teamId }]),
  'commitments.board': (w) => [
    {},
    ...w.teamIds.map((teamId) => ({ teamId })),
    ...w.members.map((m) => ({ teamId: m.teamId, memberId: m.id })),
  ],
  'commitments.followThrough': perTeam((teamId) => [{ teamId }]),
  'commitments.get': (w) => w.commitmentIds.map((commitmentId) => ({ commitmentId })),
  'health.team': perTeam((teamId) => [{ teamId }]),
  'decisions.facets': (w) => [{ teamId: null }, ...w.teamIds.map((teamId) => ({ teamId }))],
  'decisions.search': (w) => [
    { limit: 500 },
    { query: 'release', limit: 500 },
    ...w.teamIds.map((teamId) => ({ teamId, limit: 500 })),
    ...w.teamIds.map((teamId) => ({ teamId, statuses: ['accepted' as const], sort: 'newest' as const, limit: 200 })),
  ],
  'decisions.get': (w) => w.decisionIds.map((decisionId) => ({ decisionId })),
};
