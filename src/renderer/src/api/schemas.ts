/**
 * The operations' input schemas (zod), loaded once, when a form or a write first needs them: the first screen
 * keys and invalidates its reads with the manifest alone, and zod with every schema was most of its own code.
 * Nothing skips a check while they load: a form's submit waits for them and judges its input with them before it
 * sends, and a write's reply waits for them before its changes and seeds are worked out from its parsed input.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Schemas } from '@shared/schemas';

let loaded: Schemas | null = null;
let loading: Promise<Schemas> | null = null;
const listeners = new Set<() => void>();

export function loadSchemas(): Promise<Schemas> {
  loading ??= import('@shared/schemas').then(
    (module) => {
      loaded = module.schemas;
      for (const listener of listeners) listener();
      return loaded;
    },
    (error: unknown) => {
      // A failed load (the server stopped a moment) is tried again by the next form or write that needs them.
      loading = null;
      throw error;
    },
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * How long after a form mounts its schemas load, at the page's next idle moment, unless something needs them sooner.
 * Home's own form (who am I) mounts with the first screen: loaded at once, evaluating zod (some 10-20 ms of the page's
 * one thread) landed on the screen's last reads or on the person's first click; half a second later it meets neither.
 */
const SETTLE_MS = 500;
/** The longest the load then waits for an idle moment (a page kept busy by a live meeting). */
const IDLE_WAIT_MS = 1000;

/**
 * The schemas, or null while they load; the component renders again when they come. They load when the person
 * types into a form, submits one, or a write is sent, and otherwise shortly after the form mounts (SETTLE_MS).
 */
export function useSchemas(): Schemas | null {
  const schemas = useSyncExternalStore(subscribe, () => loaded);
  useEffect(() => {
    if (loaded) return;
    let idle: number | null = null;
    const settle = setTimeout(() => {
      idle = requestIdleCallback(() => void loadSchemas().catch(() => undefined), { timeout: IDLE_WAIT_MS });
    }, SETTLE_MS);
    return () => {
      clearTimeout(settle);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, []);
  return schemas;
}
