import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import type { Topic } from '@shared/events';
import { ApiError, call, subscribeTopics } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Reads an operation's value and reads it again whenever one of `topics` changes anywhere. */
export function useQuery<K extends OperationName>(name: K, input: InputOf<K>, topics: readonly Topic[]): QueryState<OutputOf<K>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data: OutputOf<K> | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const generation = useRef(0);
  const load = useCallback(() => {
    const mine = ++generation.current;
    call(name, JSON.parse(key) as InputOf<K>).then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        mine === generation.current &&
        setState((s) => ({
          data: s.data,
          error: error instanceof ApiError ? error : new ApiError({ code: 'internal', message: String(error) }),
          loading: false,
        })),
    );
  }, [name, key]);
  useEffect(() => {
    load();
    return subscribeTopics(topics, load);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load, topics.join(',')]);
  return { ...state, reload: load };
}

export interface MutationState<K extends OperationName> {
  run: (input: InputOf<K>) => Promise<OutputOf<K> | null>;
  pending: boolean;
  error: ApiError | null;
  clearError: () => void;
}

/** Runs a write; resolves to null (and keeps the error) when main refused it. */
export function useMutation<K extends OperationName>(name: K): MutationState<K> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (input: InputOf<K>) => {
      setPending(true);
      setError(null);
      try {
        return await call(name, input);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
        return null;
      } finally {
        setPending(false);
      }
    },
    [name],
  );
  return { run, pending, error, clearError: () => setError(null) };
}
