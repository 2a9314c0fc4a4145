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

/** Marks stale (and re-reads where shown) exactly the reads whose answer depends on what changed. */
export function invalidateChanges(changes: readonly Scope[]): void {
  if (changes.length === 0) return;
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const scopes = dependsOn(query);
      return scopes === null || anyOverlap(changes, scopes);
    },
  });
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
