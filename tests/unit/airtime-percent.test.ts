import { expect, it } from 'vitest';
import type { MemberTurn } from '../../src/main/db/repositories/health-repository';
import { airtime } from '../../src/main/services/health/health-figures';
import { retrospectiveNotes } from '../../src/main/services/health/retrospective-notes';
import type { TeamHealth } from '../../src/shared/health';

const SEC = 1000;
const turn = (memberId: string, name: string, seconds: number): MemberTurn => ({
  memberId,
  name,
  startedAt: 1_000_000,
  endedAt: 1_000_000 + seconds * SEC,
  pausedTotalMs: 0,
  timeboxMs: 120 * SEC,
  itemEndedAt: null,
});
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

it('gives a team shares of its speaking time that add up to 100 where each rounded alone read 99', () => {
  // 33.4% + 33.3% + 33.3%: rounded each alone, 33 + 33 + 33 = 99%.
  const a = airtime([turn('m1', 'Ana', 334), turn('m2', 'Ben', 333), turn('m3', 'Cleo', 333)]);
  expect(a.members.map((m) => Math.round(m.share * 100))).toEqual([33, 33, 33]);
  expect(a.members.map((m) => [m.name, m.percent])).toEqual([
    ['Ana', 34],
    ['Ben', 33],
    ['Cleo', 33],
  ]);
  expect(sum(a.members.map((m) => m.percent))).toBe(100);
});

it('gives a team shares of its speaking time that add up to 100 where each rounded alone read 101', () => {
  // 34.6% + 34.5% + 30.9%: rounded each alone, 35 + 35 + 31 = 101%.
  const a = airtime([turn('m1', 'Ana', 346), turn('m2', 'Ben', 345), turn('m3', 'Cleo', 309)]);
  expect(a.members.map((m) => Math.round(m.share * 100))).toEqual([35, 35, 31]);
  expect(a.members.map((m) => m.percent)).toEqual([35, 34, 31]);
  // The retrospective's figures say the same shares as the health tab.
  const notes = retrospectiveNotes({ ...emptyHealth(), airtime: a }, []);
  expect(notes).toContain('Airtime: Ana 35%, Ben 34%, Cleo 31% (an equal share would be 33%).');
});

function emptyHealth(): TeamHealth {
  return {
    teamId: 't',
    from: '2026-09-01',
    to: '2026-11-30',
    meetingsHeld: 1,
    ratings: { series: [], average: null, count: 0, previousAverage: null },
    time: { kinds: [], meetings: 0, onTime: 0, onTimeShare: null },
    airtime: { members: [], totalMs: 0, equalShare: null },
    followThrough: { team: { due: 0, doneOnTime: 0, doneOnTimeShare: null, slipped: 0 }, trend: [] },
    dissent: { decisions: 0, decisionsWithDissent: 0, objections: 0, byResolution: [] },
  } as unknown as TeamHealth;
}
