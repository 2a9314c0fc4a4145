import { useEffect, useMemo, useState } from 'react';
import type { Rebalance } from '@shared/rebalance';
import { useMutation } from '@renderer/api/hooks';
import { projectorOpened } from '@renderer/api/platform';
import type { ConsoleCommand } from './console-keys';

/**
 * The console's action table: each thing a facilitator can do, run through the one write hook, with a short
 * word to flash where the result is not visible by itself. `perform` runs a command from the keyboard map.
 */
export function useConsoleActions(meetingId: string, state: { paused: boolean; currentItemId: string | null }) {
  const write = useMutation();
  const [flash, setFlash] = useState<string | null>(null);
  const { run } = write;
  const { paused, currentItemId } = state;

  const act = useMemo(() => {
    const say = (done: string) => (value: unknown) => {
      if (value !== null) setFlash(done);
    };
    const table = {
      next: () => run('live.next', { meetingId }),
      previous: () => run('live.previous', { meetingId }),
      pauseOrResume: () => (paused ? run('live.resume', { meetingId }) : run('live.pause', { meetingId })),
      extend: (minutes: number) => run('live.extend', { meetingId, minutes }).then(say(`+${minutes} min`)),
      park: async () => {
        if (currentItemId) say('Parked')(await run('live.park', { meetingId, itemId: currentItemId }));
      },
      turn: (action: 'next' | 'pass' | 'skip' | 'later') => run('live.turn', { meetingId, action }),
      undo: async () => {
        const undone = await run('live.undo', { meetingId });
        if (undone) setFlash(`Undone: ${undone.undone}`);
      },
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
  }, [meetingId, paused, currentItemId, run]);

  useEffect(() => {
    if (!flash) return;
    const t = window.setTimeout(() => setFlash(null), 2500);
    return () => window.clearTimeout(t);
  }, [flash]);

  return { act, flash, error: write.error, clearError: write.clearError };
}
