/**
 * The reads a window's first screen asks for before anything else. The renderer's boot sends them as the page
 * starts (api/first-reads.ts); the browser server answers them once in-process right after it is ready, so the
 * page's first answers find the schemas built, the statements compiled and the database's pages in memory. The page
 * a sign-in address opens carries their answers in itself (StartData), so it asks for none of them.
 */
import type { OperationName } from './contract';
import type { OpResult } from './result';

export type FirstRead = readonly [OperationName, Record<string, unknown>];

/** The id of the element (a JSON data block, never run) in which the browser server's page carries its StartData. */
export const START_DATA_ID = 'cadence-start';

/**
 * What the page a sign-in address opens carries: the session its address was traded for (so it makes no sign-in
 * request) and the answers of the home screen's first reads, `events.since` first, read in the order listed (so a
 * change committed among them has a later revision than the one that answer gives, and the page hears of it).
 */
export interface StartData {
  token: string;
  reads: [OperationName, Record<string, unknown>, OpResult<unknown>][];
}

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

/** The screens whose first reads differ: the projector's window, home (the teams), or any other under the navigation. */
export const FIRST_SCREENS = ['projector', 'home', 'other'] as const;
export type FirstScreen = (typeof FIRST_SCREENS)[number];

export function isFirstScreen(value: unknown): value is FirstScreen {
  return FIRST_SCREENS.includes(value as FirstScreen);
}

/**
 * The browser server's one request for a screen's first reads (POST, `{ "screen": … }`, the session as for an
 * operation): the answers come back together, as StartData's reads, in place of one request per read.
 */
export const FIRST_READS_PATH = '/api/first-reads';

/** The first reads of a screen. */
export function firstReadsOf(screen: FirstScreen): FirstRead[] {
  if (screen === 'projector') return EVERY_WINDOW;
  return [...EVERY_WINDOW, ...SHELL, ...(screen === 'home' ? HOME : [])];
}
