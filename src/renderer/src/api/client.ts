/**
 * The renderer's one door to main. Features call `call()` or the hooks in ./hooks; only
 * this module knows whether window.cadence (desktop preload) or HTTP (browser) carries it.
 */
import type { CadenceApi } from '@shared/api';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import { ALL_TOPICS, type ChangeEvent, type Scope, type Topic } from '@shared/events';
import type { OpError } from '@shared/result';
import { createHttpTransport, type ConnectionState, type HttpTransport } from './http-transport';

export { isSignedOut, type ConnectionState } from './http-transport';

declare global {
  interface Window {
    cadence?: CadenceApi;
  }
}

export class ApiError extends Error {
  constructor(readonly error: OpError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

const stateListeners = new Set<(state: ConnectionState) => void>();
let connection: ConnectionState = 'connected';
function setConnection(state: ConnectionState): void {
  connection = state;
  for (const l of stateListeners) l(state);
}

const http: HttpTransport | null = window.cadence ? null : createHttpTransport(setConnection);
const transport: CadenceApi = window.cadence ?? http!;

/** Browser mode only: the desktop app has no session to end. */
export const canSignOut = http !== null;

/** Ends every browser session of this server; each open page then shows the way back in. */
export async function signOut(): Promise<void> {
  await http?.signOut();
}

export async function call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await transport.invoke(name, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function connectionState(): ConnectionState {
  return connection;
}

export function onConnectionState(listener: (state: ConnectionState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

type TopicListener = () => void;
const topicListeners = new Map<Topic | '*', Set<TopicListener>>();
let seen: { epoch: string; revision: number } | null = null;

function notify(topics: readonly (Topic | '*')[]): void {
  const fired = new Set<TopicListener>();
  for (const topic of [...topics, '*' as const]) {
    for (const l of topicListeners.get(topic) ?? []) {
      if (!fired.has(l)) {
        fired.add(l);
        l();
      }
    }
  }
}

/**
 * Until every view reads through the contract's scopes: a meeting view shows decisions, commitments, the parking
 * lot, agreements and names, so a change to any of those reaches the views listening to 'meetings'.
 */
function topicsOf(changes: readonly Scope[]): Topic[] {
  const topics = new Set(changes.map((c) => c.topic));
  if ([...topics].some((t) => t !== 'settings' && t !== 'backups')) topics.add('meetings');
  return [...topics];
}

/** Applies an event; a gap, a hello after a reconnect, or a new server epoch triggers a resync. */
async function onChange(event: ChangeEvent): Promise<void> {
  if (seen && event.epoch === seen.epoch && event.revision === seen.revision + 1 && event.operation !== 'hello') {
    seen = { epoch: event.epoch, revision: event.revision };
    notify(topicsOf(event.changes));
    return;
  }
  if (!seen || event.epoch !== seen.epoch) {
    const first = seen === null;
    seen = { epoch: event.epoch, revision: event.revision };
    if (!first) notify(ALL_TOPICS);
    return;
  }
  if (event.revision <= seen.revision) return;
  const missed = await call('events.since', seen);
  seen = { epoch: missed.epoch, revision: missed.revision };
  notify(missed.events ? topicsOf(missed.events.flatMap((e) => e.changes)) : ALL_TOPICS);
}

transport.onChange((event) => void onChange(event));
void call('events.since', { epoch: '', revision: 0 })
  .then((r) => {
    seen ??= { epoch: r.epoch, revision: r.revision };
  })
  .catch(() => undefined);

/** Calls listener after any committed change to one of topics (from this window or another). */
export function subscribeTopics(topics: readonly Topic[], listener: TopicListener): () => void {
  for (const t of topics) {
    let set = topicListeners.get(t);
    if (!set) topicListeners.set(t, (set = new Set()));
    set.add(listener);
  }
  return () => {
    for (const t of topics) topicListeners.get(t)?.delete(listener);
  };
}
