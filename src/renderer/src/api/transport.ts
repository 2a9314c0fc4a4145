/**
 * The one transport to main, made as the page starts: window.cadence (the desktop preload) or HTTP (the browser
 * mode, which trades a sign-in code for a session here). Kept free of the contract's schemas, so the boot can
 * send the first reads with it before the rest of the app has loaded.
 */
import type { CadenceApi } from '@shared/api';
import { createHttpTransport, type ConnectionState, type HttpTransport } from './http-transport';

declare global {
  interface Window {
    cadence?: CadenceApi;
  }
}

const stateListeners = new Set<(state: ConnectionState) => void>();
let connection: ConnectionState = 'connected';
function setConnection(state: ConnectionState): void {
  connection = state;
  for (const l of stateListeners) l(state);
}

export const http: HttpTransport | null = window.cadence ? null : createHttpTransport(setConnection);
export const transport: CadenceApi = window.cadence ?? http!;

export function connectionState(): ConnectionState {
  return connection;
}

export function onConnectionState(listener: (state: ConnectionState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}
