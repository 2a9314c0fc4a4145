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

/** The schemas, or null while they load (the load starts with the first component that asks). */
export function useSchemas(): Schemas | null {
  const [schemas, setSchemas] = useState(loaded);
  useEffect(() => {
    if (schemas) return;
    let live = true;
    loadSchemas().then(
      (s) => live && setSchemas(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [schemas]);
  return schemas;
}
