/**
 * The console's one key scheme: a pure table from a key press to what it asks for, so it is tested alone
 * and the key bar, the buttons and the help list all read it. Every letter means one thing on every screen
 * of the console (a facilitator under pressure never records "agree" with the key that meant "pass"), and
 * a panel's keys (the go-round's stances, check-out ratings, review outcomes) work without focusing it.
 */
import { REVIEW_OUTCOMES, type ReviewOutcome } from '@shared/commitments';
import { STANCES } from '@shared/decisions';

export type TurnAction = 'next' | 'pass' | 'skip' | 'later';

/** A panel that takes keys of its own while it is on the console. */
export type PanelMode = 'go-round' | 'check-out' | 'check-out-round' | 'review';

/** What a panel key asks: pick one of its choices (a stance, a rating, an outcome), or move to another person. */
export type PanelChoice = { type: 'choose'; value: string } | { type: 'move'; by: 1 | -1 };

export type ConsoleCommand =
  | { type: 'help' }
  | { type: 'undo' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'pauseOrResume' }
  | { type: 'extend'; minutes: number }
  | { type: 'park' }
  | { type: 'turn'; action: TurnAction }
  | { type: 'panel'; choice: PanelChoice };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface Binding {
  /** `KeyboardEvent.key` values, letters in lower case. */
  keys: string[];
  /** A letter that needs Shift (E is +1 min, Shift+E +5 min). */
  shift?: boolean;
  /** How the key is written on the bar and the buttons. */
  show: string;
  label: string;
  command: ConsoleCommand;
}

export interface KeyGroup {
  title: string;
  bindings: Binding[];
}

const bind = (keys: string[], show: string, label: string, command: ConsoleCommand, shift?: boolean): Binding => ({
  keys,
  show,
  label,
  command,
  ...(shift ? { shift } : {}),
});

export const ITEM_KEYS: KeyGroup = {
  title: 'Agenda',
  bindings: [
    bind(['n', 'ArrowRight'], 'N', 'next item', { type: 'next' }),
    bind(['ArrowLeft'], '←', 'previous item', { type: 'previous' }),
    bind(['p'], 'P', 'pause', { type: 'pauseOrResume' }),
    bind(['e'], 'E', '+1 min', { type: 'extend', minutes: 1 }),
    bind(['e'], '⇧E', '+5 min', { type: 'extend', minutes: 5 }, true),
    bind(['k'], 'K', 'park', { type: 'park' }),
  ],
};

export const ROUND_KEYS: KeyGroup = {
  title: 'Round',
  bindings: [
    bind(['t'], 'T', 'next speaker', { type: 'turn', action: 'next' }),
    bind(['o'], 'O', 'pass', { type: 'turn', action: 'pass' }),
    bind(['x'], 'X', 'skip', { type: 'turn', action: 'skip' }),
    bind(['l'], 'L', 'later', { type: 'turn', action: 'later' }),
  ],
};

const move = (what: string): Binding[] => [
  bind(['ArrowUp'], '↑', `previous ${what}`, { type: 'panel', choice: { type: 'move', by: -1 } }),
  bind(['ArrowDown'], '↓', `next ${what}`, { type: 'panel', choice: { type: 'move', by: 1 } }),
];
const choose = (value: string): ConsoleCommand => ({ type: 'panel', choice: { type: 'choose', value } });

const OUTCOME_LABEL: Record<ReviewOutcome, string> = {
  done: 'done',
  on_track: 'on track',
  at_risk: 'at risk',
  slipped: 'slipped',
  renegotiated: 'renegotiate',
  dropped: 'dropped',
};

/** The digit that records a review outcome: the outcomes' own order, 1 to 6. */
export const OUTCOME_KEY = Object.fromEntries(REVIEW_OUTCOMES.map((o, i) => [o, String(i + 1)])) as Record<ReviewOutcome, string>;

const RATING_KEYS: Binding[] = Array.from({ length: 10 }, (_, i) => {
  const key = String((i + 1) % 10);
  return bind([key], key, `rate ${i + 1}`, choose(String(i + 1)));
});

export const PANEL_KEYS: Record<PanelMode, KeyGroup> = {
  'go-round': {
    title: 'Positions',
    bindings: [...STANCES.map((s) => bind([s.key], s.key.toUpperCase(), s.label.toLowerCase(), choose(s.stance))), ...move('person')],
  },
  'check-out': { title: 'Ratings', bindings: [...RATING_KEYS, ...move('person')] },
  // While the check-out round runs, the digits rate its speaker and the round's own keys move it: ↑/↓ do nothing.
  'check-out-round': { title: 'Ratings', bindings: RATING_KEYS },
  review: {
    title: 'Review',
    bindings: [...REVIEW_OUTCOMES.map((o) => bind([OUTCOME_KEY[o]], OUTCOME_KEY[o], OUTCOME_LABEL[o], choose(o))), ...move('commitment')],
  },
};

export const ALWAYS: KeyGroup = {
  title: 'Always',
  bindings: [bind(['z'], 'Ctrl Z', 'undo', { type: 'undo' }), bind(['?'], '?', 'all keys', { type: 'help' })],
};

/** The keys the console answers now: the agenda's, a round's while one runs, the open panel's, and the two that always work. */
export function activeGroups(round: boolean, panel: PanelMode | null): KeyGroup[] {
  return [ITEM_KEYS, ...(round ? [ROUND_KEYS] : []), ...(panel ? [PANEL_KEYS[panel]] : []), ALWAYS];
}

/** What a key press asks the console to do among `groups`, or null when it is not one of their keys. */
export function consoleCommand(press: KeyPress, groups: KeyGroup[]): ConsoleCommand | null {
  if (press.key === '?') return { type: 'help' };
  if ((press.ctrlKey || press.metaKey) && press.key.toLowerCase() === 'z') return { type: 'undo' };
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const letter = /^[a-z]$/.test(key);
  for (const group of groups) {
    if (group === ALWAYS) continue;
    for (const b of group.bindings) {
      // Shift matters only for letters, where it picks the other binding; Caps Lock alone does not.
      if (b.keys.includes(key) && (!letter || !!b.shift === press.shiftKey)) return b.command;
    }
  }
  return null;
}

/**
 * Whether a held key's repeats run its command again: only walking a list does. A held N or T repeats about
 * thirty times a second and ended items and turns nobody meant to end; a held A recorded a stance per repeat.
 */
export function runsOnRepeat(command: ConsoleCommand): boolean {
  return command.type === 'panel' && command.choice.type === 'move';
}

/** Whether a key press lands in a field where it is text, not a shortcut. */
export function isTyping(target: unknown): boolean {
  const el = target as { isContentEditable?: boolean; tagName?: string } | null;
  return !!el && (el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? ''));
}

/** The key written on a button, from the same table: `keyOf(ITEM_KEYS, 'park')` is "K". */
export function keyOf(group: KeyGroup, label: string): string {
  const found = group.bindings.find((b) => b.label === label);
  if (!found) throw new Error(`No key for “${label}” in ${group.title}`);
  return found.show;
}
