/**
 * The renderer's one cache (TanStack Query). A read is cached under [operation, parsed input], so two views
 * asking the same question share one answer; the contract alone decides what a change event makes stale.
 */
import { QueryClient, type Query } from '@tanstack/react-query';
import { contract, isOperationName, type OperationName } from '@shared/contract';
import { anyOverlap, type Scope } from '@shared/events';

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

/** The input as main parses it (defaults filled), so `{ teamId: null }` and `{}` name one question. */
function canonical(name: OperationName, input: unknown): unknown {
  const parsed = contract[name].input.safeParse(input ?? {});
  return parsed.success ? parsed.data : input;
}

export function queryKey(name: OperationName, input: unknown): readonly [OperationName, unknown] {
  return [name, canonical(name, input)];
}

function dependsOn(query: Query): Scope[] | null {
  const [name, input] = query.queryKey as [string, unknown];
  if (!isOperationName(name)) return null;
  try {
    const read = contract[name].dependsOn as (i: unknown, o: unknown) => Scope[];
    return read(input, query.state.data ?? null);
  } catch {
    // An input main refused has no answer to keep: read it again.
    return null;
  }
}

/** Reads one operation from main (the client's call, passed in so this module does not import the client). */
export type ReadFn = (name: OperationName, input: Record<string, unknown>) => Promise<unknown>;

/**
 * Marks stale (and re-reads where shown) exactly the reads whose answer depends on what changed. A read whose
 * changed rows the contract keeps one by one (`rows`) re-reads just those rows and puts each in place.
 */
export function invalidateChanges(changes: readonly Scope[], read: ReadFn): void {
  if (changes.length === 0) return;
  const patches: Query[] = [];
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const scopes = dependsOn(query);
      const stale = scopes === null || anyOverlap(changes, scopes);
      if (!stale && query.state.data !== undefined) patches.push(query);
      return stale;
    },
  });
  for (const query of patches) patchRows(query, changes, read);
}

function patchRows(query: Query, changes: readonly Scope[], read: ReadFn): void {
  const [name] = query.queryKey as [OperationName, unknown];
  const rows = contract[name].rows as
    | {
        read: OperationName;
        held: (o: unknown) => { input: Record<string, unknown>; dependsOn: Scope[] }[];
        put: (o: unknown, row: unknown) => unknown;
      }
    | undefined;
  if (!rows) return;
  for (const row of rows.held(query.state.data)) {
    if (!anyOverlap(changes, row.dependsOn)) continue;
    read(rows.read, row.input).then(
      (value) => queryClient.setQueryData(query.queryKey, (held: unknown) => (held === undefined ? held : rows.put(held, value))),
      // A row that cannot be read (gone, or the connection dropped) leaves the whole answer to be read again.
      () => void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }),
    );
  }
}

/** A restarted server or a gap the event log cannot fill: nothing cached can be trusted. */
export function invalidateEverything(): void {
  void queryClient.invalidateQueries();
}

/** Puts the reads a write's reply carries into the cache at once, as the contract's `seeds` declares. */
export function seedFromReply(name: OperationName, input: unknown, value: unknown): void {
  const def = contract[name];
  if (def.kind !== 'write') return;
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) return;
  const seeds = (def.seeds as (i: unknown, o: unknown) => { read: string; input: unknown; value: unknown }[])(parsed.data, value);
  for (const seed of seeds) {
    if (isOperationName(seed.read)) queryClient.setQueryData(queryKey(seed.read, seed.input), seed.value);
  }
}
