/** The console's keyboard map: a pure function from a key press to what it asks for, so it is tested alone. */

export type TurnAction = 'next' | 'pass' | 'skip' | 'later';

export type ConsoleCommand =
  | { type: 'help' }
  | { type: 'undo' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'pauseOrResume' }
  | { type: 'extend'; minutes: number }
  | { type: 'park' }
  | { type: 'turn'; action: TurnAction };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const PLAIN: Record<string, ConsoleCommand> = {
  n: { type: 'next' },
  ArrowRight: { type: 'next' },
  b: { type: 'previous' },
  ArrowLeft: { type: 'previous' },
  p: { type: 'pauseOrResume' },
  '1': { type: 'extend', minutes: 1 },
  '5': { type: 'extend', minutes: 5 },
  k: { type: 'park' },
  s: { type: 'turn', action: 'next' },
  a: { type: 'turn', action: 'pass' },
  x: { type: 'turn', action: 'skip' },
  l: { type: 'turn', action: 'later' },
};

/** What a key press asks the console to do, or null when it is not a shortcut (letters in either case). */
export function consoleCommand(press: KeyPress): ConsoleCommand | null {
  if (press.key === '?') return { type: 'help' };
  if ((press.ctrlKey || press.metaKey) && press.key.toLowerCase() === 'z') return { type: 'undo' };
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return PLAIN[press.key.length === 1 ? press.key.toLowerCase() : press.key] ?? null;
}

/** Whether a key press lands in a field where it is text, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}
