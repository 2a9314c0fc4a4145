import { useEffect, useState } from 'react';
import { connectionState, onConnectionState, type ConnectionState } from '../api/client';

/** The connection state, kept current. */
export function useConnectionState(): ConnectionState {
  const [state, setState] = useState(connectionState);
  useEffect(() => onConnectionState(setState), []);
  return state;
}

/** Says plainly when the browser mode lost its server, and what to do. */
export function ConnectionBanner() {
  if (useConnectionState() !== 'reconnecting') return null;
  return (
    <div className="banner" role="status">
      Lost the connection to Cadence. Reconnecting… If it does not come back, run npm start again.
    </div>
  );
}
