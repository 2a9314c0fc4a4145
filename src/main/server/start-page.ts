import type { IncomingMessage } from 'node:http';
import { firstReadsOf, START_DATA_ID, type FirstScreen } from '@shared/first-reads';
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

/** The id of the words a page shows while the start updates the file; the app takes them away once it runs (main.tsx). */
export const STARTING_ID = 'cadence-starting';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The words' place: fixed to the window's top, as the page's stylesheet (it arrives with the head) makes the empty app
 * root before them a whole window tall, which put them below the fold, out of sight (seen on a screenshot).
 */
const BLOCK_STYLE =
  'position:fixed;top:0;left:0;right:0;max-width:38rem;margin:18vh auto 0;padding:0 1.5rem;font:1.125rem/1.6 system-ui,sans-serif';

/**
 * What a page says while the start still updates the file (a backup, then the migrations): plain words the browser
 * shows as soon as the page's head arrives, before the page's code runs (it runs once the whole page is there, after
 * the update). Its styles are inline, as the page's stylesheet may not have arrived (the page's policy allows them).
 */
export function startingBlock(words: string): string {
  return `<div id="${STARTING_ID}" role="status" style="${BLOCK_STYLE}"><p>${escapeHtml(words)}</p></div>`;
}

/** Each line of the words as a paragraph of its own. */
const paragraphs = (words: string) =>
  words
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');

/** The id of the words a page shows when the start failed to update the file; the app then does not start (main.tsx). */
export const START_FAILED_ID = 'cadence-start-failed';

/**
 * What a page says once a start that updated the file failed (what failed, the file as it was left, the backup, what to
 * do): after the words that said it was updating, which the page's code takes away, as it does once the app runs.
 */
export function failedBlock(words: string): string {
  return `<div id="${START_FAILED_ID}" role="alert" style="${BLOCK_STYLE}">${paragraphs(words)}</div>`;
}

/** The page any request for one gets once the start failed: the words alone, with no code to run (there is no app to show). */
export function failedPage(words: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cadence</title></head>` +
    `<body style="margin:0;background:#f6f4ef;color:#1d232a">${failedBlock(words)}</body></html>`
  );
}

/** The whole page with the start's words before `</body>` (a page asked for without a sign-in code, while it updates). */
export function withStartingBlock(html: string, words: string): string {
  const { head, tail } = splitPage(html);
  return head + startingBlock(words) + tail;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A screen's first reads answered in their listed order (`events.since` first, so a change committed among them has a
 * later revision than the one that answer gives), one per turn of the event loop, so a request for the page's code
 * that arrives meanwhile waits behind one read at most: the JSON of StartData's reads. Each answer is main's own
 * serialised reply, spliced in as it would travel over HTTP.
 */
export async function firstReadsJson(dispatcher: Dispatcher, screen: FirstScreen): Promise<string> {
  const rows: string[] = [];
  for (const [name, input] of firstReadsOf(screen)) {
    await nextTurn();
    rows.push(`[${JSON.stringify(name)},${JSON.stringify(input)},${await dispatcher.dispatchSerialized(name, input)}]`);
  }
  return `[${rows.join(',')}]`;
}

/** The StartData JSON for a session: the home screen's first reads (firstReadsJson) with the session's token. */
export async function startDataJson(dispatcher: Dispatcher, token: string): Promise<string> {
  return `{"token":${JSON.stringify(token)},"reads":${await firstReadsJson(dispatcher, 'home')}}`;
}

/**
 * The files a page's head names (its scripts, styles, preloads and font) by URL path, as the browser will ask for them
 * once it has read the head.
 */
export function filesNamedIn(head: string): string[] {
  return [...head.matchAll(/\b(?:src|href)="\.?(\/assets\/[^"?#]+)"/g)].map((match) => match[1]!);
}

/**
 * When the requests a page makes right after its head (its code, styles and font) have been answered: the main thread's
 * long steps (loading the core's modules, opening the database, reading the page's first answers: tens of ms of a
 * fresh start, on the one thread that serves the files) wait for it, so they do not hold back those files, which the
 * browser needs first and takes longer to use (traced on the ten-year folder: the code's requests waited behind the
 * core's loading and the database's opening, and the code arrived with the answers, to be compiled only then). The
 * moment comes once every file the last head named (`expect`) has been asked for, or else once no request has been
 * heard for the quiet time (a browser that holds those files in its cache asks for none), and never later than
 * `atMostMs` after it was asked for.
 */
export function requestPauses(
  quietMs = 15,
  atMostMs = 100,
): { heard(urlPath: string): void; expect(urlPaths: string[]): void; paused(): Promise<void> } {
  let last = -Infinity;
  const expected = new Set<string>();
  /** Every file the last head named has been asked for: nothing more to wait for. */
  let allAsked = false;
  let headAt = Infinity;
  const waiting = new Set<() => void>();
  return {
    heard(urlPath) {
      last = performance.now();
      if (expected.delete(urlPath) && expected.size === 0) {
        allAsked = true;
        for (const check of [...waiting]) check();
      }
    },
    expect(urlPaths) {
      // The quiet time runs from the head's sending, as the browser's requests for these follow it.
      last = performance.now();
      headAt = last;
      expected.clear();
      for (const urlPath of urlPaths) expected.add(urlPath);
      allAsked = expected.size === 0;
    },
    paused() {
      // Never past the most after the head was sent, however many steps ask (a file never asked for holds none longer).
      const latest = Math.min(performance.now(), headAt) + atMostMs;
      return new Promise((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const check = () => {
          clearTimeout(timer);
          const wait = allAsked ? 0 : Math.min(last + quietMs, latest) - performance.now();
          if (wait > 0) {
            timer = setTimeout(check, wait);
            return;
          }
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      });
    },
  };
}
