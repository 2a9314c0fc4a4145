/**
 * The renderer's one cache (TanStack Query). A read is cached under [operation, parsed input], so two views
 * asking the same question share one answer; the manifest alone decides what a change event makes stale.
 */
import { hashKey, notifyManager, QueryClient, type Query } from '@tanstack/react-query';
import { isOperationName, manifest, type OperationName } from '@shared/manifest';
import { anyOverlap, type ChangeEvent, type Scope, type Topic } from '@shared/events';
import { rowsToRead, type Rows } from '@shared/operations/define';

// Views hear of new data at the end of the task that brought it (a change event, an answer), not in a later
// setTimeout(0) task that can queue behind timers and other messages; updates in one task still render together.
notifyManager.setScheduler(queueMicrotask);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Change events keep the cache exact; a view that mounts still reads again (clocks such as serverNow move).
      staleTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: false,
    },
  },
});

/**
 * The input with the manifest's defaults filled in and undefined keys left out, as main's parse completes it, so
 * `{ teamId: null }` and `{}` name one question; built from plain data, not the input's schema, whose code the
 * first screen does not load (tests/unit/contract-cache-key.test.ts checks the two agree for every read).
 */
function canonical(name: OperationName, input: unknown): unknown {
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) return input;
  const key: Record<string, unknown> = { ...manifest[name].defaults };
  for (const [field, value] of Object.entries(input ?? {})) if (value !== undefined) key[field] = value;
  return key;
}

export function queryKey(name: OperationName, input: unknown): readonly [OperationName, unknown] {
  return [name, canonical(name, input)];
}

/**
 * What a held answer depends on, worked out once per answer: every change event asks it of every cached read, and a
 * long list's scopes (or rows) are many, while the answers themselves change far less often than events arrive.
 */
function perAnswer<T>(memo: WeakMap<Query, { data: unknown; value: T }>, query: Query, work: (query: Query) => T): T {
  const known = memo.get(query);
  if (known && known.data === query.state.data) return known.value;
  const value = work(query);
  memo.set(query, { data: query.state.data, value });
  return value;
}

type HeldRow = { input: Record<string, unknown>; dependsOn: Scope[] };

/**
 * Scopes (or rows) grouped by topic: two scopes overlap only when their topics match, so a live action's event (topic
 * `meetings`) never compares itself with the thousands of commitment rows a ten-year team's review holds.
 */
function byTopic<T>(items: readonly T[], topics: (item: T) => Iterable<Topic>): Map<Topic, T[]> {
  const groups = new Map<Topic, T[]>();
  for (const item of items)
    for (const topic of new Set(topics(item))) {
      const group = groups.get(topic);
      if (group) group.push(item);
      else groups.set(topic, [item]);
    }
  return groups;
}

/** The members of `groups` filed under the changes' topics, each once. */
function underTopics<T>(groups: Map<Topic, T[]>, changes: readonly Scope[]): T[] {
  const topics = new Set(changes.map((c) => c.topic));
  if (topics.size === 1) return groups.get(changes[0]!.topic) ?? [];
  return [...new Set([...topics].flatMap((topic) => groups.get(topic) ?? []))];
}

const scopesHeld = new WeakMap<Query, { data: unknown; value: Map<Topic, Scope[]> | null }>();
const rowsHeld = new WeakMap<Query, { data: unknown; value: Map<Topic, HeldRow[]> }>();

const dependsOn = (query: Query): Map<Topic, Scope[]> | null =>
  perAnswer(scopesHeld, query, (q) => {
    const scopes = readDependsOn(q);
    return scopes && byTopic(scopes, (scope) => [scope.topic]);
  });

function readDependsOn(query: Query): Scope[] | null {
  const [name, input] = query.queryKey as [string, unknown];
  if (!isOperationName(name)) return null;
  try {
    const read = manifest[name].dependsOn as (i: unknown, o: unknown) => Scope[];
    return read(input, query.state.data ?? null);
  } catch {
    // An input main refused has no answer to keep: read it again.
    return null;
  }
}

/** Reads one operation from main (the client's call, passed in so this module does not import the client). */
export type ReadFn = (name: OperationName, input: Record<string, unknown>) => Promise<unknown>;

/**
 * Marks stale (and re-reads where shown) exactly the reads whose answer depends on what changed, but `current`.
 * A read whose changed rows the contract keeps one by one (`rows`) re-reads just those rows and puts each in place.
 */
export function invalidateChanges(changes: readonly Scope[], current: ReadonlySet<string> = new Set(), read?: ReadFn): void {
  if (changes.length === 0) return;
  const patches: Query[] = [];
  const stale = new Set<Query>();
  // Each held read is asked once: invalidateQueries runs its predicate twice (to mark, then to refetch), and on a
  // ten-year team the lists' rows make that question the larger part of applying an event.
  for (const query of queryClient.getQueryCache().getAll()) {
    if (current.has(query.queryHash)) continue;
    const scopes = dependsOn(query);
    if (scopes === null || anyOverlap(changes, underTopics(scopes, changes))) {
      stale.add(query);
      continue;
    }
    const reached = rowsReached(query, changes);
    if (reached.length > 0 && read) patches.push(query);
    // With nothing to read rows with, a list whose rows changed is read again whole.
    else if (reached.length > 0) stale.add(query);
  }
  if (stale.size > 0) void queryClient.invalidateQueries({ predicate: (query) => stale.has(query) });
  if (patches.length === 0) return;
  // One row held by several reads (a commitment in the review and in the old business) is read once per change.
  const reads = new Map<string, Promise<unknown>>();
  const once: ReadFn = (name, input) => {
    const key = `${name} ${JSON.stringify(input)}`;
    if (!reads.has(key)) reads.set(key, read!(name, input));
    return reads.get(key)!;
  };
  for (const query of patches) patchRows(query, changes, once);
}

function rowsOf(query: Query): (Rows<unknown> & { read: OperationName }) | null {
  const [name] = query.queryKey as [string, unknown];
  if (!isOperationName(name) || query.state.data === undefined) return null;
  const rows = manifest[name].rows as Rows<unknown> | undefined;
  return rows && isOperationName(rows.read) ? (rows as Rows<unknown> & { read: OperationName }) : null;
}

/**
 * The rows of a held answer that a change reached or added (their inputs), where the contract keeps that answer's
 * rows one by one; the rows an answer holds are listed once per answer.
 */
function rowsReached(query: Query, changes: readonly Scope[]): Record<string, unknown>[] {
  const rows = rowsOf(query);
  if (!rows) return [];
  const input = query.queryKey[1] as Record<string, unknown>;
  const held = perAnswer(rowsHeld, query, (q) => byTopic(rows.held(q.state.data, input), (row) => row.dependsOn.map((d) => d.topic)));
  return rowsToRead(rows, query.state.data, changes, input, underTopics(held, changes));
}

function patchRows(query: Query, changes: readonly Scope[], read: ReadFn): void {
  const rows = rowsOf(query)!;
  const input = query.queryKey[1] as Record<string, unknown>;
  const readAgain = () => void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  for (const rowInput of rowsReached(query, changes)) {
    read(rows.read, rowInput).then((value) => {
      const held = queryClient.getQueryData(query.queryKey);
      if (held === undefined) return;
      const patched = rows.put(held, value, input);
      // A row only the whole answer can place (it moved others in or out) has the whole answer read again.
      if (patched === null) readAgain();
      else queryClient.setQueryData(query.queryKey, patched);
      // A row that cannot be read (gone, or the connection dropped) leaves the whole answer to be read again.
    }, readAgain);
  }
}

/** How many change events this page has applied in order; a call is stamped with it when sent. */
let applied = 0;

/** Per cached read (its query hash): when a pushed answer last landed (in `applied`), and from which revision. */
const pushedAt = new Map<string, { applied: number; epoch: string; revision: number }>();
queryClient.getQueryCache().subscribe((e) => {
  if (e.type === 'removed') pushedAt.delete(e.query.queryHash);
});

export function changesApplied(): number {
  return applied;
}

/**
 * Applies a change event received in order: the answers it pushes land in the cache where this page holds that
 * read (a page that does not ignores them), an answer from an older revision never replaces a newer one, and every
 * other read the change reaches is invalidated as before.
 */
export function applyChange(event: ChangeEvent, read?: ReadFn): void {
  applied += 1;
  const current = new Set<string>();
  for (const push of event.pushes ?? []) {
    if (!isOperationName(push.read)) continue;
    const key = queryKey(push.read, push.input);
    // By its hash, as the cache files it: find() would hash the key again for every read the page holds.
    const query = queryClient.getQueryCache().get(hashKey(key));
    if (query?.state.data === undefined) continue;
    const last = pushedAt.get(query.queryHash);
    current.add(query.queryHash);
    if (last && last.epoch === event.epoch && last.revision >= event.revision) continue;
    queryClient.setQueryData(key, push.value);
    pushedAt.set(query.queryHash, { applied, epoch: event.epoch, revision: event.revision });
  }
  invalidateChanges(event.changes, current, read);
}

/**
 * What the cache should keep of an answer to a call sent when `sentAt` events had been applied: the answer, unless
 * a push for this read landed after it was sent. The push is then as new or newer; if the answer was newer still,
 * a later event says so, and the cache is exact again once events stop.
 */
export function newerOf<T>(key: readonly unknown[], sentAt: number, answer: T): T {
  const last = pushedAt.get(hashKey(key));
  if (!last || last.applied <= sentAt) return answer;
  return (queryClient.getQueryData(key) as T | undefined) ?? answer;
}

/** A restarted server or a gap the event log cannot fill: nothing cached can be trusted. */
export function invalidateEverything(): void {
  void queryClient.invalidateQueries();
}

/** What a write changed, as its change event names it, from its input as the schema parsed it. */
export function changesOf(name: OperationName, parsedInput: unknown, value: unknown): Scope[] {
  const def = manifest[name];
  if (def.kind !== 'write') return [];
  return (def.changes as (i: unknown, o: unknown) => Scope[])(parsedInput, value);
}

/**
 * Puts the reads a write's reply carries into the cache at once, as the manifest's `seeds` declares (from the input
 * as the schema parsed it), unless a push newer than the call (sent when `sentAt` events had been applied) has landed
 * there since.
 */
export function seedFromReply(name: OperationName, parsedInput: unknown, value: unknown, sentAt: number): void {
  const def = manifest[name];
  if (def.kind !== 'write') return;
  const seeds = (def.seeds as (i: unknown, o: unknown) => { read: string; input: unknown; value: unknown }[])(parsedInput, value);
  for (const seed of seeds) {
    if (!isOperationName(seed.read)) continue;
    const key = queryKey(seed.read, seed.input);
    queryClient.setQueryData(key, newerOf(key, sentAt, seed.value));
  }
}
