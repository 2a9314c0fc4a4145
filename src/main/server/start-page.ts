import type { IncomingMessage } from 'node:http';
import { firstReadsOf, START_DATA_ID } from '@shared/first-reads';
import type { Dispatcher } from '../core/dispatcher';

/**
 * Whether a request for a page may trade the sign-in code in its address for a session at once: only the browser's
 * own navigation of a top-level page, typed or opened from outside the browser (a terminal) or from this app's own
 * pages, and never a prefetch or prerender (which the browser may make of an address and then throw away, spending
 * the one-time code). A request that says none of this (a client without Sec-Fetch headers, a script's fetch) gets
 * the plain page, which trades the code itself (POST /api/session), as before.
 */
export function mayRedeemOnNavigation(req: IncomingMessage): boolean {
  const h = req.headers;
  return (
    req.method === 'GET' &&
    h['sec-fetch-mode'] === 'navigate' &&
    h['sec-fetch-dest'] === 'document' &&
    (h['sec-fetch-site'] === 'none' || h['sec-fetch-site'] === 'same-origin') &&
    h['sec-purpose'] === undefined &&
    h['purpose'] === undefined
  );
}

/**
 * index.html cut where the start data goes: everything before `</body>` is sent at once (the browser fetches the
 * page's code while main opens the database and reads), the data block and the rest once the answers are ready. The
 * page's scripts are modules, which run only once the whole document has arrived, so the boot finds the block.
 */
export function splitPage(html: string): { head: string; tail: string } {
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('index.html has no </body>: the start data has no place to go');
  return { head: html.slice(0, at), tail: html.slice(at) };
}

/**
 * The data block: JSON with every `<` written as `\u003c` (the same string to JSON.parse), so no text a person typed
 * (a team named `</script><script>…`) can end the block or open markup. `type="application/json"` is data, never run,
 * so the page's Content-Security-Policy (scripts from 'self' only) stays as it is.
 */
export function startDataBlock(json: string): string {
  return `<script type="application/json" id="${START_DATA_ID}">${json.replace(/</g, '\\u003c')}</script>`;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The StartData JSON for a session: the home screen's first reads answered in their listed order (`events.since`
 * first), one per turn of the event loop, so a request for the page's code that arrives meanwhile waits behind one
 * read at most. Each answer is main's own serialised reply, spliced in as it would travel over HTTP.
 */
export async function startDataJson(dispatcher: Dispatcher, token: string): Promise<string> {
  const rows: string[] = [];
  for (const [name, input] of firstReadsOf('home')) {
    await nextTurn();
    rows.push(`[${JSON.stringify(name)},${JSON.stringify(input)},${await dispatcher.dispatchSerialized(name, input)}]`);
  }
  return `{"token":${JSON.stringify(token)},"reads":[${rows.join(',')}]}`;
}

/**
 * When the requests a page makes right after its head (its code, styles and font) have paused: the page's first reads
 * are answered then, so reading them (tens of ms of the database's pages on a fresh start, on the one thread that
 * serves the files) does not hold back those files, which the browser needs first and takes longer to use. A request
 * heard while waiting puts the moment off, but never past `atMostMs` after it was asked for.
 */
export function requestPauses(quietMs = 15, atMostMs = 100): { heard(): void; paused(): Promise<void> } {
  let last = -Infinity;
  return {
    heard() {
      last = performance.now();
    },
    paused() {
      const latest = performance.now() + atMostMs;
      return new Promise((resolve) => {
        const check = () => {
          const wait = Math.min(last + quietMs, latest) - performance.now();
          if (wait <= 0) resolve();
          else setTimeout(check, wait);
        };
        check();
      });
    },
  };
}
