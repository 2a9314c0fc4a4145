import type { CadenceApi } from '@shared/api';
import type { ChangeEvent } from '@shared/events';
import type { OpResult } from '@shared/result';

export type ConnectionState = 'connected' | 'reconnecting' | 'signed-out';

/**
 * The browser mode's transport: the contract over POST /api/op/<name>, change events over a
 * WebSocket that reconnects by itself. It reports the connection state so the page can say
 * clearly what is going on after the server stops.
 */
export function createHttpTransport(onState: (state: ConnectionState) => void): CadenceApi {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let socket: WebSocket | null = null;
  let retry = 0;

  function connect(): void {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
    socket = new WebSocket(url);
    socket.onopen = () => {
      retry = 0;
    };
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as
        { type: 'hello'; epoch: string; revision: number } | { type: 'change'; event: ChangeEvent };
      if (data.type === 'hello') {
        onState('connected');
        // A synthetic event with revision 0 tells the client to check what it missed.
        for (const l of listeners) l({ epoch: data.epoch, revision: data.revision, changes: [], operation: 'hello', at: Date.now() });
      } else {
        for (const l of listeners) l(data.event);
      }
    };
    socket.onclose = () => {
      socket = null;
      onState('reconnecting');
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 250 * 2 ** retry);
    };
  }
  connect();

  return {
    transport: 'http',
    async invoke(name, input) {
      let response: Response;
      try {
        response = await fetch(`/api/op/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        onState('reconnecting');
        return {
          ok: false,
          error: { code: 'internal', message: 'Cadence is not reachable. Is `npm start` still running? Nothing was saved.' },
        } as OpResult<never>;
      }
      if (response.status === 401) {
        onState('signed-out');
        return {
          ok: false,
          error: { code: 'internal', message: 'Not signed in: open the address `npm start` printed.' },
        } as OpResult<never>;
      }
      return (await response.json()) as OpResult<never>;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
