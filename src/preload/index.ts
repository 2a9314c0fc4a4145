/**
 * Exposes exactly the contract on window.cadence: invoke for the operations main registered
 * from the contract (one IPC channel each) and the change-event subscription. No raw
 * ipcRenderer reaches the page. Sandboxed, so it imports nothing at run time but electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX, type CadenceApi } from '@shared/api';
import type { ChangeEvent } from '@shared/events';

type InvokeResult = Awaited<ReturnType<CadenceApi['invoke']>>;

const api: CadenceApi = {
  transport: 'ipc',
  async invoke(name, input) {
    try {
      const raw = (await ipcRenderer.invoke(IPC_INVOKE_PREFIX + String(name), input)) as string;
      return JSON.parse(raw) as InvokeResult;
    } catch {
      // Main has no handler for this name: it is not in the contract.
      return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation: ${String(name)}` } } as InvokeResult;
    }
  },
  onChange(listener) {
    const handler = (_event: unknown, change: ChangeEvent) => listener(change);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('cadence', api);
