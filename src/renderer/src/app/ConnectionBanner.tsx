import { useEffect, useState } from 'react';
import { connectionState, onConnectionState } from '../api/client';

/** Says plainly when the browser mode lost its server, and what to do. */
export function ConnectionBanner() {
  const [state, setState] = useState(connectionState);
  useEffect(() => onConnectionState(setState), []);
  if (state === 'connected') return null;
  return (
    <div className="banner" role="status">
      {state === 'reconnecting'
        ? 'Lost the connection to Cadence. Reconnecting… If it does not come back, run npm start again.'
        : 'This page is not signed in. Open the address that npm start printed in the terminal.'}
    </div>
  );
}
