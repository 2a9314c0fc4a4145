import { createContext, useContext, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { consoleCommand, isTyping, PANEL_KEYS, runsOnRepeat, type PanelChoice, type PanelMode } from './console-keys';

export interface PanelClaim {
  mode: PanelMode;
  handle: (choice: PanelChoice) => void;
}

/** The console's single key listener hands a panel's keys to the panel that claimed them. */
export interface PanelKeysHost {
  claim: (claim: PanelClaim) => void;
  /** Lets go of the keys only if this claim still holds them. */
  release: (claim: PanelClaim) => void;
}

const PanelKeysContext = createContext<PanelKeysHost | null>(null);

export function PanelKeysProvider({ host, children }: { host: PanelKeysHost; children: ReactNode }) {
  return <PanelKeysContext.Provider value={host}>{children}</PanelKeysContext.Provider>;
}

/**
 * A panel (go-round, check-out, review walk) takes its keys while it is shown, without being focused.
 * On the console they go through the console's one listener, which shows them on its key bar; elsewhere
 * (the check-out on an ended meeting's page) the panel listens to the window itself, outside text fields.
 */
export function usePanelKeys(mode: PanelMode, handle: (choice: PanelChoice) => void, enabled = true): void {
  const host = useContext(PanelKeysContext);
  const latest = useRef(handle);
  // The newest handler (it reads the panel's cursor), without claiming the keys again on every render.
  useLayoutEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    if (!enabled) return;
    const mine: PanelClaim = { mode, handle: (choice) => latest.current(choice) };
    if (host) {
      host.claim(mine);
      return () => host.release(mine);
    }
    const onKey = (e: KeyboardEvent) => {
      const command = consoleCommand(e, [PANEL_KEYS[mode]]);
      if (command?.type !== 'panel' || e.defaultPrevented || isTyping(e.target)) return;
      e.preventDefault();
      if (e.repeat && !runsOnRepeat(command)) return;
      mine.handle(command.choice);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [host, mode, enabled]);
}
