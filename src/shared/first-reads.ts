/**
 * The reads a window's first screen asks for before anything else. The renderer's boot sends them as the page
 * starts (api/first-reads.ts); the browser server answers them once in-process right after it is ready, so the
 * page's first answers find the schemas built, the statements compiled and the database's pages in memory.
 */
import type { OperationName } from './contract';

export type FirstRead = readonly [OperationName, Record<string, unknown>];

/** Asked by every window: the change log's position (client.ts) and the settings (settings-context.tsx). */
const EVERY_WINDOW: FirstRead[] = [
  ['events.since', { epoch: '', revision: 0 }],
  ['settings.get', {}],
];
/** Asked under the navigation: the recovery banner (RecoveryBanner.tsx). */
const SHELL: FirstRead[] = [['app.info', {}]];
/** Home: the teams (TeamsPage.tsx), each team's next meeting (NextUp.tsx), who I am per team (MyHome.tsx). */
const HOME: FirstRead[] = [
  ['teams.list', {}],
  ['meetings.nextUp', {}],
  ['me.list', {}],
];

/** The first reads of a screen: the projector's window, home (the teams), or any other screen under the navigation. */
export function firstReadsOf(screen: 'projector' | 'home' | 'other'): FirstRead[] {
  if (screen === 'projector') return EVERY_WINDOW;
  return [...EVERY_WINDOW, ...SHELL, ...(screen === 'home' ? HOME : [])];
}
