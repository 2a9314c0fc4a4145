/**
 * The first screen's reads, sent by the boot as the page starts, while the browser is still loading and running
 * the app's code: the answers are there by the time the views ask. Each answer is handed out once, to the first
 * call that asks the same question; a change event, or a write this page sends, drops those not yet handed out,
 * as they may be stale (a write's reply can come before its change event: the screen it opens must not show
 * answers from before it).
 *
 * An answer that has already arrived when a view first asks is handed over at once (`answeredFirstRead`), so the
 * first screen renders once with its data, not first empty and then again (each pass laid the page out anew).
 */
import type { OperationName } from '@shared/contract';
import { firstReadsOf, type FirstRead } from '@shared/first-reads';
import type { OpResult } from '@shared/result';
import { parseRoute } from '../app/routes';
import { transport } from './transport';

const sent = new Map<string, Promise<OpResult<never>>>();
/** The answers of `sent` that have arrived, by the same key. */
const answered = new Map<string, OpResult<never>>();
/** Answers handed over at once: fresh for the view that asked until a change makes them stale (see `freshFromBoot`). */
const handedOver = new WeakSet<object>();
const key = (name: string, input: unknown) => `${name} ${JSON.stringify(input)}`;

/** The reads the screen at this address asks for first. */
export function firstReads(hash: string): FirstRead[] {
  const route = parseRoute(hash);
  return firstReadsOf(route.name === 'projector' ? 'projector' : route.name === 'teams' ? 'home' : 'other');
}

export function sendFirstReads(): void {
  for (const [name, input] of firstReads(location.hash)) {
    const k = key(name, input);
    const answer = transport.invoke(name, input as never);
    sent.set(k, answer);
    void answer.then((result) => {
      if (sent.get(k) === answer) answered.set(k, result);
    });
  }
  transport.onChange((event) => {
    if (event.changes.length > 0) dropFirstReads();
  });
}

/**
 * Resolves once every first read has its answer, or after `maxMs`: the app renders its first screen then, with
 * the answers, rather than empty first. A slow answer does not hold the page blank longer than that.
 */
export function firstReadsAnswered(maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    void Promise.allSettled(sent.values()).then(() => resolve());
    setTimeout(resolve, maxMs);
  });
}

/** A write is on its way: the answers from before it are no longer the first screen's. */
export function dropFirstReads(): void {
  sent.clear();
  answered.clear();
}

/**
 * The answer the boot already holds for this question, taken at once; undefined when it asked no such question,
 * the answer has not arrived, or main refused it (the view's own read then takes it as before).
 */
export function answeredFirstRead(name: OperationName, input: unknown): unknown {
  const k = key(name, input);
  const result = answered.get(k);
  if (!result?.ok || typeof result.value !== 'object' || result.value === null) return undefined;
  answered.delete(k);
  sent.delete(k);
  handedOver.add(result.value);
  return result.value;
}

/**
 * How long a cached answer stays fresh (TanStack Query's staleTime): one the boot handed over is as fresh as the
 * read the view would have sent when it mounted (that read would have taken this same answer), so mounting does
 * not read it again; a change event still marks it stale. Every other answer is stale at once, as before.
 */
export function freshFromBoot(query: { state: { data: unknown } }): number {
  const data = query.state.data;
  return typeof data === 'object' && data !== null && handedOver.has(data) ? Infinity : 0;
}

/** The answer the boot already asked for, once; undefined when it did not ask this question. */
export function takeFirstRead(name: OperationName, input: unknown): Promise<OpResult<never>> | undefined {
  const k = key(name, input);
  const answer = sent.get(k);
  sent.delete(k);
  answered.delete(k);
  return answer;
}
