import { useCallback, useState } from 'react';
import type { InputOf, OperationName, OutputOf } from '@shared/contract';
import { ApiError, call } from './client';

/** Runs any operation from a panel with several buttons; keeps the last refusal to show next to them. */
export function useAction() {
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const run = useCallback(async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K> | null> => {
    setPending(true);
    try {
      const value = await call(name, input);
      setError(null);
      return value;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  return { run, error, pending, clear: () => setError(null) };
}
