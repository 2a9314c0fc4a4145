import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * Timers show what main's clock says, not this window's: the offset between the two is
 * measured each time a meeting arrives (serverNow) and applied on every tick. The function keeps its identity
 * while the offset moves, so a live action (each one brings a new serverNow) re-renders nothing that only reads
 * the time, and no countdown restarts.
 */
export function useServerNow(serverNow: number | undefined): () => number {
  const offset = useRef(0);
  // Before the countdowns' own effects run, so their first tick already reads main's clock.
  useLayoutEffect(() => {
    if (serverNow !== undefined) offset.current = serverNow - Date.now();
  }, [serverNow]);
  return useCallback(() => Date.now() + offset.current, []);
}
