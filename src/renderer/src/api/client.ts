/**
 * The renderer's one door to main. Features call `call()` or the hooks in ./hooks; only
 * ./transport knows whether window.cadence (desktop preload) or HTTP (browser) carries it.
 */
import { manifest, type InputOf, type OperationName, type OutputOf } from '@shared/manifest';
import type { ChangeEvent } from '@shared/events';
import type { OpError } from '@shared/result';
import { dropFirstReads, takeFirstRead } from './first-reads';
import { applyChange, changesApplied, changesOf, invalidateChanges, invalidateEverything, seedFromReply } from './query-cache';
import { loadSchemas } from './schemas';
import { http, transport } from './transport';

export { isSignedOut, type ConnectionState } from './http-transport';
export { connectionState, onConnectionState } from './transport';

export class ApiError extends Error {
  constructor(readonly error: OpError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** Browser mode only: the desktop app has no session to end. */
export const canSignOut = http !== null;

/** Ends every browser session of this server; each open page then shows the way back in. */
export async function signOut(): Promise<void> {
  await http?.signOut();
}

export async function call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const sentAt = changesApplied();
  const write = manifest[name].kind === 'write';
  if (write) dropFirstReads();
  // A write's changes and seeds come from its input as the schema parses it: the schemas load beside the write (once,
  // for the page's first), and its reply waits for them.
  const schemas = write ? loadSchemas().catch(() => null) : null;
  const result = await (takeFirstRead(name, input) ?? transport.invoke(name, input));
  if (!result.ok) throw new ApiError(result.error);
  if (!schemas) return result.value;
  const parsed = (await schemas)?.[name].input.safeParse(input ?? {});
  // Its change event cannot reach this page while the socket is down: the page that wrote re-reads what it changed
  // (everything, when the schemas could not be loaded to say what that is).
  const deaf = http !== null && !http.hearing();
  if (!parsed?.success) {
    if (deaf) invalidateEverything();
    return result.value;
  }
  seedFromReply(name, parsed.data, result.value, sentAt);
  if (deaf) invalidateChanges(changesOf(name, parsed.data, result.value), new Set(), readRow);
  return result.value;
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
    // A change heard before the page learnt its place in the log may postdate answers it holds: they are read again.
    else if (event.operation !== 'hello') invalidateChanges(event.changes, new Set(), readRow);
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
