/**
 * The first screen's reads, sent by the boot as the page starts, while the browser is still loading and running
 * the app's code: the answers are there by the time the views ask. The page a sign-in address opened carries their
 * answers in itself (start-data.ts) and sends none. Each answer is handed out once, to the first call that asks the
 * same question. Those not yet handed out are dropped, as they may be stale, by a change event, by a write this page
 * sends (a write's reply can come before its change event: the screen it opens must not show answers from before
 * it), and by any event from later in the change log than the place `events.since` answered (a change made before
 * the event socket was connected is announced by nothing but the socket's hello). The answers that have arrived and
 * are still held also start the cache (start-cache.ts), so the first render already shows them.
 */
import type { OperationName } from '@shared/contract';
import { firstReadsOf, type FirstScreen, type StartData } from '@shared/first-reads';
import type { OpResult } from '@shared/result';
import { parseRoute } from '../app/routes';
import { startData } from './start-data';
import { http, transport } from './transport';

const sent = new Map<string, Promise<OpResult<never>>>();
/** The answers among those that have arrived, by the same key: each is held while its question is in `sent`. */
const arrived = new Map<string, StartData['reads'][number]>();
const key = (name: string, input: unknown) => `${name} ${JSON.stringify(input)}`;
/** The read that answers where in the change log the others stand; every window asks it first. */
const POSITION = firstReadsOf('projector')[0]!;

/** Which screen's first reads the address asks for. */
function screenOf(hash: string): FirstScreen {
  const route = parseRoute(hash);
  return route.name === 'projector' ? 'projector' : route.name === 'teams' ? 'home' : 'other';
}

/**
 * The browser's asking: one request for them all, which main answers from the same list (one request for the page's
 * busy thread to make and hear, not six; traced, each fetch cost the boot's run 2-6 ms). A read missing from its
 * answer is asked for on its own rather than left unanswered. The desktop asks each by IPC, as before.
 */
function askerFor(screen: FirstScreen): (name: OperationName, input: unknown) => Promise<OpResult<never>> {
  if (!http) return (name, input) => transport.invoke(name, input as never);
  const together = http.firstReads(screen);
  return (name, input) =>
    together.then((answer) => {
      if (!answer.ok) return answer;
      const read = answer.value.find(([n, i]) => key(n, i) === key(name, input));
      return (read?.[2] as OpResult<never> | undefined) ?? transport.invoke(name, input as never);
    });
}

export function sendFirstReads(): void {
  const screen = screenOf(location.hash);
  const carried = new Map((startData()?.reads ?? []).map(([name, input, answer]) => [key(name, input), answer as OpResult<never>]));
  let ask: ReturnType<typeof askerFor> | undefined;
  for (const [name, input] of firstReadsOf(screen)) {
    const k = key(name, input);
    const answer = carried.get(k);
    if (answer) {
      sent.set(k, Promise.resolve(answer));
      arrived.set(k, [name, input, answer]);
      continue;
    }
    ask ??= askerFor(screen);
    const asked = ask(name, input);
    sent.set(k, asked);
    // Held for the first render while its question is; one that fails to arrive is the asking view's to report.
    asked.then(
      (result) => {
        if (sent.get(k) === asked) arrived.set(k, [name, input, result]);
      },
      () => undefined,
    );
  }
  // Where in the change log the answers stand, and the latest place heard of.
  let answeredAt: { epoch: string; revision: number } | null = null;
  let heard: { epoch: string; revision: number } | null = null;
  const dropIfBehind = () => {
    if (answeredAt && heard && (heard.epoch !== answeredAt.epoch || heard.revision > answeredAt.revision)) sent.clear();
  };
  void sent.get(key(...POSITION))?.then((answer) => {
    if (!answer.ok) return;
    answeredAt = answer.value as { epoch: string; revision: number };
    dropIfBehind();
  });
  transport.onChange((event) => {
    if (event.changes.length > 0) sent.clear();
    heard = event;
    dropIfBehind();
  });
}

/** A write is on its way: the answers from before it are no longer the first screen's. */
export function dropFirstReads(): void {
  sent.clear();
}

/** The first reads answered so far, and still held: what the app's first render can show at once. */
export function firstAnswers(): StartData['reads'] {
  return [...arrived].filter(([k]) => sent.has(k)).map(([, read]) => read);
}

/** The answer the boot already asked for, once; undefined when it did not ask this question. */
export function takeFirstRead(name: OperationName, input: unknown): Promise<OpResult<never>> | undefined {
  const k = key(name, input);
  const answer = sent.get(k);
  sent.delete(k);
  return answer;
}
