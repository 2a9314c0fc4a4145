import { describe, expect, it } from 'vitest';
import {
  activeGroups,
  consoleCommand,
  ITEM_KEYS,
  PANEL_KEYS,
  ROUND_KEYS,
  runsOnRepeat,
  type KeyGroup,
  type PanelMode,
} from '../../src/renderer/src/features/live/console-keys';

type Mods = Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>;
const pressIn = (groups: KeyGroup[], key: string, mods: Mods = {}) =>
  consoleCommand({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }, groups);

const PANELS: (PanelMode | null)[] = [null, 'go-round', 'check-out', 'check-out-round', 'review'];
/** Every screen the console can show: with or without a round, with any one panel. */
const SCREENS = [false, true].flatMap((round) => PANELS.map((panel) => activeGroups(round, panel)));

describe('the console key scheme', () => {
  it('maps the agenda keys on every screen, letters in either case', () => {
    const plain = activeGroups(false, null);
    const press = (key: string, mods?: Mods) => pressIn(plain, key, mods);
    expect(press('n')).toEqual({ type: 'next' });
    expect(press('ArrowRight')).toEqual({ type: 'next' });
    expect(press('ArrowLeft')).toEqual({ type: 'previous' });
    expect(press('P')).toEqual({ type: 'pauseOrResume' });
    expect(press('e')).toEqual({ type: 'extend', minutes: 1 });
    expect(press('E', { shiftKey: true })).toEqual({ type: 'extend', minutes: 5 });
    // Caps Lock gives "E" without Shift: still one minute.
    expect(press('E')).toEqual({ type: 'extend', minutes: 1 });
    expect(press('k')).toEqual({ type: 'park' });
    expect(press('?')).toEqual({ type: 'help' });
  });

  it('answers a round’s keys only while a round runs, and a panel’s only while it is open', () => {
    expect(pressIn(activeGroups(false, null), 't')).toBeNull();
    expect(pressIn(activeGroups(true, null), 't')).toEqual({ type: 'turn', action: 'next' });
    expect(pressIn(activeGroups(true, null), 'O')).toEqual({ type: 'turn', action: 'pass' });
    expect(pressIn(activeGroups(true, null), 'x')).toEqual({ type: 'turn', action: 'skip' });
    expect(pressIn(activeGroups(true, null), 'l')).toEqual({ type: 'turn', action: 'later' });
    expect(pressIn(activeGroups(false, null), 'a')).toBeNull();
    expect(pressIn(activeGroups(false, 'go-round'), 'a')).toEqual({ type: 'panel', choice: { type: 'choose', value: 'agree' } });
    expect(pressIn(activeGroups(false, 'go-round'), 'b')).toEqual({ type: 'panel', choice: { type: 'choose', value: 'block' } });
    expect(pressIn(activeGroups(true, 'check-out'), '0')).toEqual({ type: 'panel', choice: { type: 'choose', value: '10' } });
    expect(pressIn(activeGroups(false, 'review'), '5')).toEqual({ type: 'panel', choice: { type: 'choose', value: 'renegotiated' } });
    expect(pressIn(activeGroups(false, 'review'), 'ArrowDown')).toEqual({ type: 'panel', choice: { type: 'move', by: 1 } });
    expect(pressIn(activeGroups(false, null), '5')).toBeNull();
  });

  it('while the check-out round runs, the digits rate its speaker and ↑/↓ are not offered: the round picks the person', () => {
    const round = activeGroups(true, 'check-out-round');
    expect(pressIn(round, '0')).toEqual({ type: 'panel', choice: { type: 'choose', value: '10' } });
    expect(pressIn(round, 'ArrowDown')).toBeNull();
    expect(round.flatMap((g) => g.bindings).map((b) => b.show)).not.toContain('↓');
    expect(pressIn(activeGroups(false, 'check-out'), 'ArrowDown')).toEqual({ type: 'panel', choice: { type: 'move', by: 1 } });
  });

  it('gives no key two meanings on any one screen', () => {
    for (const groups of SCREENS) {
      const seen = new Map<string, string>();
      for (const b of groups.flatMap((g) => g.bindings))
        for (const key of b.keys) {
          const id = `${key}${b.shift ? '+shift' : ''}`;
          expect(seen.get(id), `${id} is both “${seen.get(id)}” and “${b.label}”`).toBeUndefined();
          seen.set(id, b.label);
        }
    }
  });

  it('gives no letter two meanings anywhere in the console, so a habit from one mode never misfires in another', () => {
    const letters = new Map<string, string>();
    for (const group of [ITEM_KEYS, ROUND_KEYS, ...Object.values(PANEL_KEYS)])
      for (const b of group.bindings)
        for (const key of b.keys.filter((k) => /^[a-z]$/.test(k))) {
          const id = `${key}${b.shift ? '+shift' : ''}`;
          expect(letters.get(id), `${id} is both “${letters.get(id)}” and “${b.label}”`).toBeUndefined();
          letters.set(id, b.label);
        }
  });

  it('undoes with Ctrl or Cmd + Z, and leaves other modified keys to the browser', () => {
    const all = activeGroups(true, 'go-round');
    expect(pressIn(all, 'z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(pressIn(all, 'Z', { metaKey: true })).toEqual({ type: 'undo' });
    expect(pressIn(all, 'z')).toBeNull();
    expect(pressIn(all, 'n', { ctrlKey: true })).toBeNull();
    expect(pressIn(all, 'a', { altKey: true })).toBeNull();
    expect(pressIn(all, 'Enter')).toBeNull();
  });

  it('runs a held key once, except the arrows that walk a list', () => {
    const all = activeGroups(true, 'go-round');
    for (const key of ['n', 'ArrowRight', 'ArrowLeft', 'p', 'e', 'k', 't', 'o', 'x', 'l', 'a', 'b', '?'])
      expect(runsOnRepeat(pressIn(all, key)!), key).toBe(false);
    expect(runsOnRepeat(pressIn(activeGroups(false, 'review'), '1')!)).toBe(false);
    for (const key of ['ArrowUp', 'ArrowDown']) expect(runsOnRepeat(pressIn(all, key)!), key).toBe(true);
  });
});
