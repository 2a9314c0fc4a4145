import { describe, expect, it } from 'vitest';
import { consoleCommand, SHORTCUTS } from '../../src/renderer/src/features/live/console-keys';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  consoleCommand({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('the console keyboard map', () => {
  it('maps each listed shortcut, letters in either case', () => {
    expect(press('n')).toEqual({ type: 'next' });
    expect(press('N')).toEqual({ type: 'next' });
    expect(press('ArrowRight')).toEqual({ type: 'next' });
    expect(press('b')).toEqual({ type: 'previous' });
    expect(press('ArrowLeft')).toEqual({ type: 'previous' });
    expect(press('P')).toEqual({ type: 'pauseOrResume' });
    expect(press('1')).toEqual({ type: 'extend', minutes: 1 });
    expect(press('5')).toEqual({ type: 'extend', minutes: 5 });
    expect(press('k')).toEqual({ type: 'park' });
    expect(press('s')).toEqual({ type: 'turn', action: 'next' });
    expect(press('a')).toEqual({ type: 'turn', action: 'pass' });
    expect(press('X')).toEqual({ type: 'turn', action: 'skip' });
    expect(press('l')).toEqual({ type: 'turn', action: 'later' });
    expect(press('?')).toEqual({ type: 'help' });
  });

  it('undoes with Ctrl or Cmd + Z, and leaves other modified keys to the browser', () => {
    expect(press('z', { ctrlKey: true })).toEqual({ type: 'undo' });
    expect(press('Z', { metaKey: true })).toEqual({ type: 'undo' });
    expect(press('z')).toBeNull();
    expect(press('n', { ctrlKey: true })).toBeNull();
    expect(press('n', { altKey: true })).toBeNull();
    expect(press('Enter')).toBeNull();
    expect(press('2')).toBeNull();
  });

  it('lists in the help every key it maps', () => {
    const help = SHORTCUTS.map(([keys]) => keys).join(' ');
    for (const key of ['N', 'B', 'P', '1', '5', 'K', 'S', 'A', 'X', 'L', 'Z', '?']) expect(help).toContain(key);
  });
});
