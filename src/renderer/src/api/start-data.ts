/**
 * The session and first answers the browser server's page carries when its sign-in address opened it (main's
 * server/start-page.ts), taken out of the document once: the block holds a session token, which no later script
 * needs to find lying in the page.
 */
import type { Settings } from '@shared/domain';
import { START_DATA_ID, type StartData } from '@shared/first-reads';

let taken: StartData | null | undefined;

export function startData(): StartData | null {
  if (taken !== undefined) return taken;
  const block = document.getElementById(START_DATA_ID);
  block?.remove();
  try {
    taken = block?.textContent ? (JSON.parse(block.textContent) as StartData) : null;
  } catch {
    // A page cut short: it signs in and reads as any other.
    taken = null;
  }
  return taken;
}

/** The theme the carried settings answer names, if the page carries one. */
export function carriedTheme(): Settings['theme'] | null {
  const answer = startData()?.reads.find(([name]) => name === 'settings.get')?.[2];
  return answer?.ok ? (answer.value as Settings).theme : null;
}

/** The id of the words main's page ends with when the start failed to update the data (server/start-page.ts). */
const START_FAILED_ID = 'cadence-start-failed';

/**
 * Whether this page says the start failed to update the data: it shows those words alone, with no app, no first
 * reads and no event socket (main has no data to serve; a socket it refused was tried again every two seconds).
 */
export function startFailed(): boolean {
  return document.getElementById(START_FAILED_ID) !== null;
}
