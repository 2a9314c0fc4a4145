import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain';
import type { Services } from '../services';
import type { ChangeFeed } from './change-feed';

/** One handler per contract operation; a missing or mistyped one fails to compile. */
export type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

export function createHandlers(services: Services, feed: ChangeFeed, info: () => AppInfo): Handlers {
  return {
    'app.info': () => info(),
    'events.since': ({ epoch, revision }) => feed.since(epoch, revision),
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
    'platform.info': () => services.files.info(),
    'files.saveText': (input) => services.files.saveText(input),
    'links.openExternal': ({ url }) => services.files.openExternal(url),
  };
}
