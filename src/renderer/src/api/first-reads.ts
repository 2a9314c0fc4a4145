/**
 * The first screen's reads, sent by the boot as the page starts, while the browser is still loading and running
 * the app's code: the answers are there by the time the views ask. Each answer is handed out once, to the first
 * call that asks the same question; a change event, or a write this page sends, drops those not yet handed out,
 * as they may be stale (a write's reply can come before its change event: the screen it opens must not show
 * answers from before it).
 */
import type { OperationName } from '@shared/contract';
import { firstReadsOf, type FirstRead } from '@shared/first-reads';
import type { OpResult } from '@shared/result';
import { parseRoute } from '../app/routes';
import { transport } from './transport';

const sent = new Map<string, Promise<OpResult<never>>>();
const key = (name: string, input: unknown) => `${name} ${JSON.stringify(input)}`;

/** The reads the screen at this address asks for first. */
export function firstReads(hash: string): FirstRead[] {
  const route = parseRoute(hash);
  return firstReadsOf(route.name === 'projector' ? 'projector' : route.name === 'teams' ? 'home' : 'other');
}

export function sendFirstReads(): void {
  for (const [name, input] of firstReads(location.hash)) sent.set(key(name, input), transport.invoke(name, input as never));
  transport.onChange((event) => {
    if (event.changes.length > 0) sent.clear();
  });
}

/** A write is on its way: the answers from before it are no longer the first screen's. */
export function dropFirstReads(): void {
  sent.clear();
}

/** The answer the boot already asked for, once; undefined when it did not ask this question. */
export function takeFirstRead(name: OperationName, input: unknown): Promise<OpResult<never>> | undefined {
  const k = key(name, input);
  const answer = sent.get(k);
  sent.delete(k);
  return answer;
}
