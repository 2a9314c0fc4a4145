/**
 * The renderer's one door to main. Features call `call()` or the hooks in ./hooks; only
 * this module knows whether window.cadence (desktop preload) or HTTP (browser) carries it.
 */
import type { CadenceApi } from '@shared/api';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import type { ChangeEvent } from '@shared/events';
import type { OpError } from '@shared/result';
import { createHttpTransport, type ConnectionState, type HttpTransport } from './http-transport';
import { applyChange, changesApplied, invalidateChanges, invalidateEverything, seedFromReply } from './query-cache';

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
  const sentAt = changesApplied();
  const result = await transport.invoke(name, input);
  if (!result.ok) throw new ApiError(result.error);
  seedFromReply(name, input, result.value, sentAt);
  return result.value;
}

export function connectionState(): ConnectionState {
  return connection;
}

export function onConnectionState(listener: (state: ConnectionState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

/** A row of a list the contract keeps one by one, read without the cache (it goes into the list's answer). */
const readRow = (name: OperationName, input: Record<string, unknown>) => call(name, input as never) as Promise<unknown>;

let seen: { epoch: string; revision: number } | null = null;

/**
 * Applies an event with the answers it pushes when it is the next one; a gap, a hello after a reconnect, or a new
 * server epoch triggers a resync, which re-reads (an event that is not the next one never lands a push).
 */
async function onChange(event: ChangeEvent): Promise<void> {
  if (seen && event.epoch === seen.epoch && event.revision === seen.revision + 1 && event.operation !== 'hello') {
    seen = { epoch: event.epoch, revision: event.revision };
    applyChange(event, readRow);
    return;
  }
  if (!seen || event.epoch !== seen.epoch) {
    const first = seen === null;
    seen = { epoch: event.epoch, revision: event.revision };
    if (!first) invalidateEverything();
    return;
  }
  if (event.revision <= seen.revision) return;
  const missed = await call('events.since', seen);
  seen = { epoch: missed.epoch, revision: missed.revision };
  if (missed.events)
    invalidateChanges(
      missed.events.flatMap((e) => e.changes),
      new Set(),
      readRow,
    );
  else invalidateEverything();
}

transport.onChange((event) => void onChange(event));
void call('events.since', { epoch: '', revision: 0 })
  .then((r) => {
    seen ??= { epoch: r.epoch, revision: r.revision };
  })
  .catch(() => undefined);
