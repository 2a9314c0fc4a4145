import type { AppInfo } from '@shared/domain';
import type { Services } from '../services';
import type { BackupService } from '../services/backup-service';
import type { SyncService } from '../services/sync/sync-service';
import type * as AgendaMarkdown from '../services/planning/agenda-markdown';
import type { ChangeFeed } from './change-feed';
import { prepared, type Handlers } from './handler-kinds';

export type { Handlers } from './handler-kinds';

export function createHandlers(
  services: Services,
  feed: ChangeFeed,
  info: () => AppInfo,
  backups: BackupService,
  diagnostics: () => Promise<string>,
  sync: SyncService,
): Handlers {
  /** Runs a live action and answers with what it changed; the views re-read the live part on the change event. */
  const liveThen = (meetingId: string, action: () => string) => ({ meetingId, teamId: action() });
  return {
    'app.info': () => info(),
    'app.diagnostics': { io: async () => ({ text: await diagnostics() }) },
    'events.since': { io: ({ epoch, revision }) => feed.since(epoch, revision) },
    'settings.get': () => services.settings.get(),
    'settings.update': (input) => services.settings.update(input),
    'teams.list': () => services.teams.list(),
    'teams.get': ({ teamId }) => services.teams.get(teamId),
    'teams.create': (input) => services.teams.create(input),
    'teams.rename': ({ teamId, name }) => services.teams.rename(teamId, name),
    'members.add': (input) => services.teams.addMember(input),
    'members.update': (input) => services.teams.updateMember(input),
    'members.markLeft': ({ memberId }) => services.teams.markLeft(memberId),
    'members.rejoin': ({ memberId }) => services.teams.rejoin(memberId),
    'demo.load': () => services.demo.load(),
    'teams.setTimeZone': ({ teamId, timeZone }) => services.teams.setTimeZone(teamId, timeZone),
    'series.list': ({ teamId }) => services.series.list(teamId),
    'series.create': (input) => services.series.create(input),
    'series.update': (input) => services.series.update(input),
    'series.createNextMeeting': ({ seriesId }) => services.meetings.createFromSeries(seriesId),
    'series.exportCalendar': ({ seriesId }) => services.series.exportCalendar(seriesId),
    'templates.list': ({ teamId }) => services.templates.list(teamId),
    'templates.saveFromMeeting': ({ meetingId, name }) => services.templates.saveFromMeeting(meetingId, name),
    'meetings.list': ({ teamId }) => services.meetings.list(teamId),
    'meetings.nextUp': () => services.meetings.nextUp(),
    'meetings.get': ({ meetingId }) => services.meetingView.detail(meetingId),
    'meetings.live': ({ meetingId }) => services.meetingView.live(meetingId),
    'meetings.decisions': ({ meetingId }) => services.meetingView.decisions(meetingId),
    'meetings.decision': ({ meetingId, decisionId }) => services.meetingView.decision(meetingId, decisionId),
    'meetings.commitments': ({ meetingId }) => services.meetingView.commitments(meetingId),
    'meetings.context': ({ meetingId }) => services.meetingView.context(meetingId),
    'meetings.feedback': ({ meetingId }) => services.meetingView.feedback(meetingId),
    'meetings.create': (input) => services.meetings.createAdHoc(input),
    'meetings.updateDetails': (input) => services.meetingView.detail(services.meetings.updateDetails(input)),
    'meetings.amend': (input) => services.meetingView.detail(services.meetings.amend(input)),
    'meetings.callOff': (input) => services.meetingView.detail(services.callOff.callOff(input.meetingId, input.reason)),
    'meetings.restore': ({ meetingId }) => services.meetingView.detail(services.callOff.restore(meetingId)),
    'meetings.start': ({ meetingId }) => {
      services.meetings.start(meetingId);
      services.live.afterStart(meetingId);
      return services.meetingView.live(meetingId);
    },
    'live.next': ({ meetingId, fromItemId }) => liveThen(meetingId, () => services.live.next(meetingId, fromItemId)),
    'live.previous': ({ meetingId, fromItemId }) => liveThen(meetingId, () => services.live.previous(meetingId, fromItemId)),
    'live.pause': ({ meetingId }) => liveThen(meetingId, () => services.live.pause(meetingId)),
    'live.resume': ({ meetingId }) => liveThen(meetingId, () => services.live.resume(meetingId)),
    'live.extend': ({ meetingId, minutes }) => liveThen(meetingId, () => services.live.extend(meetingId, minutes)),
    'live.park': ({ meetingId, itemId }) => liveThen(meetingId, () => services.live.park(meetingId, itemId)),
    'live.setNotes': ({ meetingId, itemId, notes }) => liveThen(meetingId, () => services.live.setNotes(meetingId, itemId, notes)),
    'live.turn': ({ meetingId, action, turnId }) =>
      liveThen(meetingId, () => {
        const turn = { next: 'turnNext', pass: 'turnPass', skip: 'turnSkip', later: 'turnLater' } as const;
        return services.live[turn[action]](meetingId, turnId);
      }),
    'live.setTurnNotes': ({ meetingId, turnId, notes }) => liveThen(meetingId, () => services.live.setTurnNotes(meetingId, turnId, notes)),
    'live.rebalance': ({ meetingId, allow, cut }) => liveThen(meetingId, () => services.live.rebalance(meetingId, allow, cut)),
    'live.undo': ({ meetingId, actionId }) => services.live.undo(meetingId, actionId),
    'meetings.end': ({ meetingId }, { afterCommit }) => {
      services.meetings.end(meetingId);
      // Every held meeting is in a verified backup the moment it ends.
      afterCommit({ label: 'the backup after the meeting', committed: 'The ended meeting', run: () => backups.backupNow('meeting-end') });
      const live = services.meetingView.live(meetingId);
      // The team's repository hears of it in the background: ending a meeting never waits for the network.
      afterCommit({ label: 'the sync after the meeting', committed: 'The ended meeting', run: () => sync.soon(live.meeting.teamId) });
      return live;
    },
    'decisions.propose': (input) => services.decisions.propose(input),
    'decisions.update': (input) => services.decisions.update(input),
    'decisions.position': (input) => services.decisions.position(input),
    'decisions.resolveObjection': (input) => services.decisions.resolveObjection(input),
    'decisions.readBack': ({ decisionId, on }) => services.decisions.readBack(decisionId, on),
    'decisions.decide': ({ decisionId, outcome }) => services.decisions.decide(decisionId, outcome),
    'decisions.amend': (input) => services.decisions.amend(input),
    'decisions.review': (input) => services.decisions.review(input),
    'decisions.get': ({ decisionId }) => services.decisions.get(decisionId),
    'decisions.search': (input) => services.decisions.search(input),
    'decisions.facets': ({ teamId }) => services.decisions.facets(teamId),
    'commitments.create': (input) => services.commitments.create(input),
    'commitments.record': (input) => services.commitments.record(input),
    'commitments.reassign': (input) => services.commitments.reassign(input),
    'commitments.get': ({ commitmentId }) => services.commitments.get(commitmentId),
    'commitments.board': (input) => services.commitments.board(input),
    'commitments.followThrough': (input) => services.commitments.followThrough(input),
    'feedback.give': (input) => services.feedback.give(input),
    'health.team': (input) => services.health.team(input),
    'health.startRetrospective': (input) => services.health.startRetrospective(input),
    'agreements.get': ({ teamId }) => services.agreements.get(teamId),
    'agreements.version': ({ versionId }) => services.agreements.version(versionId),
    'agreements.adoptStarter': (input) => services.agreements.adoptStarter(input),
    'agreements.edit': (input) => services.agreements.edit(input),
    'agreements.revisit': (input) => services.agreements.revisit(input),
    'agreements.compare': ({ fromId, toId }) => services.agreements.compare(fromId, toId),
    'agreements.project': ({ meetingId, on }) => services.agreements.project(meetingId, on),
    'agreements.onProjector': ({ meetingId }) => services.agreements.onProjector(meetingId),
    'roles.list': ({ teamId }) => services.roles.list(teamId),
    'roles.create': (input) => services.roles.create(input),
    'roles.update': (input) => services.roles.update(input),
    'roles.assign': ({ roleId, memberId }) => services.roles.assign(roleId, memberId),
    'roles.retire': ({ roleId }) => services.roles.retire(roleId),
    'archive.export': ({ teamId }) => services.archive.export(teamId),
    'archive.import': prepared<'archive.import', { plan: ReturnType<Services['archive']['check']>; backup: string }>({
      // Checked before anything is written; the backup in between is how an import is undone.
      prepare: async ({ content }) => {
        const plan = services.archive.check(content);
        return { plan, backup: (await backups.backupNow('before-import')).name };
      },
      run: (_input, { plan, backup }) => services.archive.apply(plan, backup),
    }),
    'sync.link': { io: ({ url, teamId }) => sync.link(url, teamId) },
    'sync.unlink': ({ teamId }) => sync.unlink(teamId),
    'sync.status': ({ teamId }) => sync.status(teamId),
    'sync.run': { io: ({ teamId }) => sync.run(teamId) },
    'me.list': () => services.me.list(),
    'me.set': ({ teamId, memberId }) => services.me.set(teamId, memberId),
    'backups.list': { io: () => backups.list() },
    'backups.create': { io: () => backups.backupNow('manual') },
    'backups.restore': { io: ({ name }) => backups.restore(name) },
    'agenda.applyTemplate': (input) => services.meetingView.detail(services.meetings.applyTemplate(input)),
    'agenda.addItem': (input) => services.meetingView.detail(services.meetings.addItem(input)),
    'agenda.updateItem': (input) => services.meetingView.detail(services.meetings.updateItem(input)),
    'agenda.removeItem': (input) => services.meetingView.detail(services.meetings.removeItem(input)),
    'agenda.moveItem': (input) => services.meetingView.detail(services.meetings.moveItem(input)),
    // The Markdown libraries load with the first export, not at every start; the meeting is read in the one transaction.
    'agenda.exportMarkdown': prepared<'agenda.exportMarkdown', typeof AgendaMarkdown>({
      prepare: () => import('../services/planning/agenda-markdown'),
      run: ({ meetingId }, { agendaMarkdown }) => agendaMarkdown(services.meetingView.detail(meetingId)),
    }),
    'minutes.markdown': { io: ({ meetingId }) => services.minutes.markdown(meetingId) },
    'minutes.html': { io: ({ meetingId }) => services.minutes.html(meetingId) },
    'minutes.export': { io: ({ meetingId, format }) => services.minutes.export(meetingId, format) },
    'attendance.set': (input) => services.meetingView.detail(services.meetings.setAttendance(input)),
    'attendance.allPresent': ({ meetingId }) => services.meetingView.detail(services.meetings.allPresent(meetingId)),
    'attendance.addGuest': (input) => services.meetingView.detail(services.meetings.addGuest(input)),
    'parkingLot.list': ({ teamId, includeClosed }) => services.parkingLot.list(teamId, includeClosed),
    'parkingLot.add': (input) => services.parkingLot.add(input),
    'parkingLot.update': (input) => services.parkingLot.update(input),
    'parkingLot.close': (input) => services.parkingLot.close(input),
    'parkingLot.reopen': ({ itemId }) => services.parkingLot.reopen(itemId),
    'platform.info': () => services.files.info(),
    'windows.openProjector': { io: ({ meetingId }) => services.files.openProjector(meetingId) },
    'files.saveText': { io: (input) => services.files.saveText(input) },
    'exports.decisionsMadr': { io: (input) => services.exports.decisionsMadr(input) },
    'exports.decisionLogHtml': { io: ({ teamId }) => services.exports.logHtml(teamId) },
    'links.openExternal': { io: ({ url }) => services.files.openExternal(url) },
  };
}
