import type { InputOf, OperationName, OutputOf } from './contract';
import type { ChangeEvent } from './events';
import type { OpResult } from './result';

/** The shape of `window.cadence`, and of the browser transport's client: the contract, nothing more. */
export interface CadenceApi {
  invoke<K extends OperationName>(name: K, input: InputOf<K>): Promise<OpResult<OutputOf<K>>>;
  /** Subscribes to change events; returns the unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Which transport carries the calls; for diagnostics only, features do not branch on it. */
  readonly transport: 'ipc' | 'http';
}

export const IPC_INVOKE_PREFIX = 'cadence:op:';
export const IPC_EVENT_CHANNEL = 'cadence:event';
