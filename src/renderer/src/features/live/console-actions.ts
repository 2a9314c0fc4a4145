import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { Rebalance } from '@shared/rebalance';
import { useMutation } from '@renderer/api/hooks';
import { projectorOpened } from '@renderer/api/platform';
import type { ConsoleCommand } from './console-keys';

/**
 * A step button's click handler that takes one step per press: a double click's second click (`detail` 2) is the same
 * press. The step gate alone let it through when the first step's answer was already on screen (on a busy machine the
 * two clicks of one double click arrive that far apart), and Next item then moved two items.
 */
export const onePress =
  (step: () => unknown) =>
  (event: { detail: number }): void => {
    if (event.detail <= 1) void step();
  };

/** What the console shows now: each step is taken from it. `shown` is the meeting's live answer itself. */
interface Shown {
  shown: unknown;
  paused: boolean;
  currentItemId: string | null;
  speakingTurnId: string | null;
  /** The action Ctrl+Z would undo, as shown: main refuses the undo once another window undid it or acted since. */
  undoActionId: string | null;
}

/** Lets one step through per answer shown: the answer it was pressed on is held until a newer one is shown, or it was refused. */
class StepGate {
  private shown: unknown = null;
  private held: unknown = undefined;
  show(answer: unknown): void {
    this.shown = answer;
  }
  readonly step =
    <A extends unknown[], T>(f: (...args: A) => Promise<T | null>) =>
    async (...args: A): Promise<T | null> => {
      const on = this.shown;
      if (this.held === on) return null;
      this.held = on;
      const value = await f(...args);
      if (value === null && this.held === on) this.held = undefined;
      return value;
    };
}

/**
 * The console's action table: each thing a facilitator can do, run through the one write hook, with a short
 * word to flash where the result is not visible by itself. `perform` runs a command from the keyboard map.
 *
 * A step (next, previous, pause, park, a turn, undo) is taken from what the console shows, one at a time: a second
 * press (a double click, N pressed twice in a hurry) before the first one's result is on screen is let go, since
 * it would act on what the first already changed (double-clicking "Next speaker" ended two turns; P twice said
 * "already paused"). A step names the item, turn or action (undo) it was pressed on, so main refuses it, in words, when
 * another window moved the meeting on first.
 */
export function useConsoleActions(meetingId: string, state: Shown) {
  const write = useMutation();
  const [flash, setFlash] = useState<string | null>(null);
  const { run } = write;
  const { paused, currentItemId, speakingTurnId, undoActionId } = state;
  const [gate] = useState(() => new StepGate());
  useLayoutEffect(() => gate.show(state.shown), [gate, state.shown]);

  const act = useMemo(() => {
    const say = (done: string) => (value: unknown) => {
      if (value !== null) setFlash(done);
    };
    const step = gate.step;
    const from = currentItemId ? { fromItemId: currentItemId } : {};
    const table = {
      next: step(() => run('live.next', { meetingId, ...from })),
      previous: step(() => run('live.previous', { meetingId, ...from })),
      pauseOrResume: step(() => (paused ? run('live.resume', { meetingId }) : run('live.pause', { meetingId }))),
      extend: (minutes: number) => run('live.extend', { meetingId, minutes }).then(say(`+${minutes} min`)),
      park: step(async () => {
        if (!currentItemId) return null;
        const parked = await run('live.park', { meetingId, itemId: currentItemId });
        say('Parked')(parked);
        return parked;
      }),
      turn: step((action: 'next' | 'pass' | 'skip' | 'later') =>
        run('live.turn', { meetingId, action, ...(speakingTurnId ? { turnId: speakingTurnId } : {}) }),
      ),
      undo: step(async () => {
        const undone = await run('live.undo', { meetingId, ...(undoActionId ? { actionId: undoActionId } : {}) });
        if (undone) setFlash(`Undone: ${undone.undone}`);
        return undone;
      }),
      rebalance: (r: Rebalance) =>
        run('live.rebalance', {
          meetingId,
          allow: r.allow.map((a) => ({ itemId: a.id, minutes: a.toMin })),
          cut: r.cut.map((c) => c.id),
        }).then(say(r.direction === 'give-back' ? `${r.minutes} min given back` : 'Agenda rebalanced')),
      start: () => run('meetings.start', { meetingId }),
      end: () => run('meetings.end', { meetingId }),
      openProjector: async () => projectorOpened(meetingId, await run('windows.openProjector', { meetingId })),
    };
    return {
      ...table,
      perform: (command: Exclude<ConsoleCommand, { type: 'help' } | { type: 'panel' }>): Promise<unknown> => {
        switch (command.type) {
          case 'extend':
            return table.extend(command.minutes);
          case 'turn':
            return table.turn(command.action);
          default:
            return table[command.type]();
        }
      },
    };
  }, [meetingId, paused, currentItemId, speakingTurnId, undoActionId, run, gate]);

  // Ten seconds, not two and a half: a facilitator looking up at the room, back to the console, still reads what their
  // last key did (an end-to-end check under load missed the 2.5 s word, as a glance could).
  useEffect(() => {
    if (!flash) return;
    const t = window.setTimeout(() => setFlash(null), 10_000);
    return () => window.clearTimeout(t);
  }, [flash]);

  return { act, flash, error: write.error, clearError: write.clearError };
}
