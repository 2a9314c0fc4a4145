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

/** The longest a form waits for an idle moment before loading the schemas anyway (a page kept busy by a live meeting). */
const IDLE_WAIT_MS = 1000;

/**
 * The schemas, or null while they load; the component renders again when they come. A form asks for them as it
 * mounts, but home's own form (who am I) is on the first screen: unless something needs them sooner (the person
 * types, submits, or a write is sent), the load waits until the page is idle, after that screen's reads and render.
 */
export function useSchemas(): Schemas | null {
  const schemas = useSyncExternalStore(subscribe, () => loaded);
  useEffect(() => {
    if (loaded) return;
    const idle = requestIdleCallback(() => void loadSchemas().catch(() => undefined), { timeout: IDLE_WAIT_MS });
    return () => cancelIdleCallback(idle);
  }, []);
  return schemas;
}
