import { hashKey, keepPreviousData, useMutation as useTanstackMutation, useQuery as useTanstackQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import { ApiError, call } from './client';
import { changesApplied, newerOf, queryClient, queryKey } from './query-cache';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /**
   * The answer held is known to be out of date (a change made it stale) and a new one is on its way. A getter: a view
   * that reads it alone has the cache track the read's fetching for it, so it renders again when the re-read ends, even
   * with an equal answer (which keeps the data's identity: tracking the data alone left the home waiting for ever
   * after a restore); every other view renders no more often than before.
   */
  readonly outdated: boolean;
  reload: () => void;
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });
}

/**
 * Reads an operation through the shared cache. What makes the answer stale is the contract's `dependsOn`
 * for this operation, applied to every change event: a call site names only the question. With `select` (a
 * function made once, outside the component), the view gets that part of the answer and renders again only when the
 * part changed: the cache shares what is equal with the last part it gave.
 */
export function useQuery<K extends OperationName, S = OutputOf<K>>(
  name: K,
  input: InputOf<K>,
  select?: (answer: OutputOf<K>) => S,
): QueryState<S> {
  const text = JSON.stringify(input);
  // The key, its hash and the read made once per question: a view that renders on every live action (the console)
  // otherwise hashes each of its keys twice a render, and a new read function makes the cache hear of new options.
  const { key, queryHash, queryFn } = useMemo(() => {
    const key = queryKey(name, JSON.parse(text));
    const queryFn = async () => {
      const sentAt = changesApplied();
      try {
        // A push that landed while this read was on its way is as new or newer: it stays.
        return newerOf(key, sentAt, await call(name, JSON.parse(text) as InputOf<K>));
      } catch (e) {
        throw asApiError(e);
      }
    };
    return { key, queryHash: hashKey(key), queryFn };
  }, [name, text]);
  const query = useTanstackQuery<OutputOf<K>, ApiError, S>({
    select,
    queryKey: key,
    queryHash,
    queryFn,
    // A view whose question changes (another filter) keeps the last answer until the new one arrives.
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.error ? asApiError(query.error) : null,
    loading: query.isPending,
    get outdated() {
      return query.isFetching && (queryClient.getQueryCache().get(queryHash)?.state.isInvalidated ?? false);
    },
    reload,
  };
}

export interface MutationState<K extends OperationName> {
  run: (input: InputOf<K>) => Promise<OutputOf<K> | null>;
  pending: boolean;
  error: ApiError | null;
  clearError: () => void;
}

export interface ActionState {
  run: <K extends OperationName>(name: K, input: InputOf<K>) => Promise<OutputOf<K> | null>;
  pending: boolean;
  error: ApiError | null;
  clearError: () => void;
}

interface Call {
  name: OperationName;
  input: unknown;
}

/**
 * The one way to run a write. With an operation name, `run(input)`; without, `run(name, input)` for a panel
 * whose buttons run several. Resolves to null (and keeps the error to show) when main refused it; the reply
 * seeds the cache as the contract says, and the change event re-reads what it changed.
 */
export function useMutation<K extends OperationName>(name: K): MutationState<K>;
export function useMutation(): ActionState;
export function useMutation(name?: OperationName): MutationState<OperationName> | ActionState {
  const mutation = useTanstackMutation<unknown, ApiError, Call>({
    mutationFn: ({ name: op, input }) => call(op, input as never).catch((e: unknown) => Promise.reject(asApiError(e))),
  });
  const { mutateAsync, reset } = mutation;
  const runNamed = useCallback(
    async (op: OperationName, input: unknown): Promise<never | null> => {
      try {
        return (await mutateAsync({ name: op, input })) as never;
      } catch {
        return null;
      }
    },
    [mutateAsync],
  );
  const runOne = useCallback((input: unknown) => runNamed(name!, input), [runNamed, name]);
  return {
    run: (name === undefined ? runNamed : runOne) as never,
    pending: mutation.isPending,
    error: mutation.error,
    clearError: reset,
  };
}
