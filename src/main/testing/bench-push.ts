/**
 * The step a change event's push adds to a live action, in the service: a turn through the dispatcher with no
 * window listening (nothing to push) and with one listening (the live part read once after the commit and sent
 * with the event), beside the re-read each window made of that part before, and a raw commit of the same run.
 * Every iteration acts on another live meeting.
 */
import type { CadenceCore } from '../core/cadence-core';
import { ratioRow, rawCommit, spread, type BenchRow } from './bench-kit';
import { caller, startMeeting } from './bench-facilitator';

export async function benchPush(core: CadenceCore, dir: string): Promise<BenchRow[]> {
  const call = caller(core);
  const teamIds = core.services.teams
    .list()
    .slice(-6)
    .map((t) => t.id);
  const meetings: string[] = [];
  for (const [i, teamId] of teamIds.entries()) meetings.push((await startMeeting(core, call, teamId, `2026-12-1${i % 7}`)).meetingId);
  const N = 200;
  // Alternating, turn by turn, so both figures see the same load and the same meetings.
  const unheard: number[] = [];
  const heard: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < 2 * N; i++) {
    const listening = i % 2 === 1;
    const stop = listening ? core.feed.subscribe((event) => sizes.push(JSON.stringify(event).length)) : null;
    const start = performance.now();
    await call('live.turn', { meetingId: meetings[(i >> 1) % meetings.length], action: 'later' });
    (listening ? heard : unheard).push(performance.now() - start);
    stop?.();
  }
  const reread: number[] = [];
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    await call('meetings.live', { meetingId: meetings[i % meetings.length] });
    reread.push(performance.now() - start);
  }
  const raw = spread(rawCommit(dir));
  const limit = { name: 'raw insert+commit', p95: raw.p95 };
  const kb = (spread(sizes).p50 / 1024).toFixed(1);
  return [
    ratioRow('turn through the dispatcher, no window listening (no push)', unheard, limit),
    ratioRow(`turn through the dispatcher, a window listening (live part read and pushed, ${kb} KB event)`, heard, limit),
    ratioRow('the live part read again, as each window did per change before the push', reread, limit),
  ];
}
