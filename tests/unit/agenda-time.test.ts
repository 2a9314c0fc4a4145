import { describe, expect, it } from 'vitest';
import { agendaTime } from '../../src/renderer/src/features/live/live-model';

const MIN = 60_000;

describe('agendaTime', () => {
  it('lists the minutes an item is allowed, with its plan beside them only where they differ', () => {
    expect(agendaTime({ plannedMin: 10, extraMs: 0 }, null)).toEqual({ allowed: '10 min', plan: null });
    // A catch-up took two minutes: the row reads as the item will run.
    expect(agendaTime({ plannedMin: 10, extraMs: -2 * MIN }, null)).toEqual({ allowed: '8 min', plan: '(10 planned)' });
    // +5 granted, and the item has run 14 minutes.
    expect(agendaTime({ plannedMin: 10, extraMs: 5 * MIN }, 14)).toEqual({ allowed: 'took 14 of 15 min', plan: '(10 planned)' });
  });
});
