import { useSyncExternalStore } from 'react';
import { connectionState, onConnectionState, type ConnectionState } from '../api/client';

/**
 * The connection state, kept current. An external store, not state copied at the first render: the transport is
 * made by the boot and may learn (a used sign-in address) between that render and a subscription made in an effect.
 */
export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(onConnectionState, connectionState);
}

/**
 * Says plainly when the browser mode lost its server, and what to do. The projector says it in one quiet line in a
 * corner (the room's clock runs on meanwhile); it said nothing, so a facilitator glancing at it saw no sign of trouble.
 */
export function ConnectionBanner({ inRoom = false }: { inRoom?: boolean }) {
  if (useConnectionState() !== 'reconnecting') return null;
  if (inRoom)
    return (
      <div className="projector-offline" role="status">
        Reconnecting to Cadence…
      </div>
    );
  return (
    <div className="banner" role="status">
      Lost the connection to Cadence. Reconnecting… If it does not come back, run npm start again.
    </div>
  );
}
