/**
 * The operations' input schemas (zod), loaded once, when a form or a write first needs them: the first screen
 * keys and invalidates its reads with the manifest alone, and zod with every schema was most of its own code.
 * Nothing skips a check while they load: a form's submit stays disabled until they are here, and a write's reply
 * waits for them before its changes and seeds are worked out from its parsed input.
 */
import { useEffect, useState } from 'react';
import type { Schemas } from '@shared/schemas';

let loaded: Schemas | null = null;
let loading: Promise<Schemas> | null = null;

export function loadSchemas(): Promise<Schemas> {
  loading ??= import('@shared/schemas').then(
    (module) => (loaded = module.schemas),
    (error: unknown) => {
      // A failed load (the server stopped a moment) is tried again by the next form or write that needs them.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The schemas once loaded; a component that needs them asks with useSchemas, which renders again when they come. */
export function loadedSchemas(): Schemas | null {
  return loaded;
}

/**
 * The schemas, or null while they load. A form asks for them as it mounts, but home's own form (who am I) is on
 * the first screen: the load waits until the page is idle, after that screen's render and reads, so evaluating zod
 * is not part of them. A submit or a write does not wait for idle: it loads them at once (loadSchemas).
 */
export function useSchemas(): Schemas | null {
  const [schemas, setSchemas] = useState(loaded);
  useEffect(() => {
    if (schemas) return;
    let live = true;
    const load = () =>
      loadSchemas().then(
        (s) => live && setSchemas(s),
        () => undefined,
      );
    // Already on their way (a write or another form asked): this form waits for that load, not for idle.
    const idle = loading ? (void load(), null) : requestIdleCallback(() => void load(), { timeout: IDLE_WAIT_MS });
    return () => {
      live = false;
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [schemas]);
  return schemas;
}

/** The longest a form waits for an idle moment before loading the schemas anyway (a page kept busy by a live meeting). */
const IDLE_WAIT_MS = 1000;
