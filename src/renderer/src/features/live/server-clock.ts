import { useMemo } from 'react';

/**
 * Timers show what main's clock says, not this window's: the offset between the two is
 * measured each time a meeting arrives (serverNow) and applied on every tick.
 */
export function useServerNow(serverNow: number | undefined): () => number {
  return useMemo(() => {
    // eslint-disable-next-line react-hooks/purity -- the moment the data arrived is the point
    const offset = serverNow === undefined ? 0 : serverNow - Date.now();
    return () => Date.now() + offset;
  }, [serverNow]);
}
