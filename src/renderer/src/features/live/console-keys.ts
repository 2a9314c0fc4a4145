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

/** The help the console shows with `?`: every key the map below knows. */
export const SHORTCUTS: [string, string][] = [
  ['N or →', 'Next item'],
  ['B or ←', 'Previous item'],
  ['P', 'Pause or resume'],
  ['1 / 5', 'Give the item 1 or 5 more minutes'],
  ['K', 'Park the current item'],
  ['S', 'Next speaker'],
  ['A', 'Speaker passes'],
  ['X', 'Skip the speaker'],
  ['L', 'Speaker comes back later'],
  ['1–9, 0', 'Check-out round, once focused: rate 1–9, or 10'],
  ['Ctrl/⌘ + Z', 'Undo the last action'],
  ['?', 'Show or hide this list'],
];

/** What a key press asks the console to do, or null when it is not a shortcut (letters in either case). */
export function consoleCommand(press: KeyPress): ConsoleCommand | null {
  if (press.key === '?') return { type: 'help' };
  if ((press.ctrlKey || press.metaKey) && press.key.toLowerCase() === 'z') return { type: 'undo' };
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return PLAIN[press.key.length === 1 ? press.key.toLowerCase() : press.key] ?? null;
}

/** Whether a key press lands in a field where it is text, not a shortcut. */
export function isTyping(target: unknown): boolean {
  const el = target as { isContentEditable?: boolean; tagName?: string } | null;
  return !!el && (el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? ''));
}
