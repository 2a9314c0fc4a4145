import type { OpError } from '../../src/shared/result';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCore, type CadenceCore } from '../../src/main/core/cadence-core';
import type { Platform } from '../../src/main/platform/platform';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/contract';
import type { LiveChange, MeetingLive } from '../../src/shared/planning';

/** A clock tests move by hand. */
export class ManualClock {
  constructor(public current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TestCore {
  core: CadenceCore;
  clock: ManualClock;
  dataDir: string;
  /** Calls an operation through the real dispatcher (validation included) and returns its value or throws its error. */
  call<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** Calls an operation and returns the error it answered with. */
  fail<K extends OperationName>(name: K, input: unknown): Promise<OpError>;
  close(): void;
}

export async function openTestCore(start = Date.parse('2026-11-24T09:00:00Z'), dataDir?: string, platform?: Platform): Promise<TestCore> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-core-'));
  const clock = new ManualClock(start);
  // The check in the background runs when a test asks (core.integrity.run()), never on a timer.
  const core = await startCore({
    dataDir: dir,
    mode: platform ? 'desktop' : 'browser',
    version: 'test',
    clock,
    platform,
    backgroundCheckAfterMs: null,
    // A backup made by the wall-clock timer in the middle of a long test would change what the test reads.
    scheduledBackups: false,
  });
  return {
    core,
    clock,
    dataDir: dir,
    async call(name, input) {
      const result = await core.dispatcher.dispatch(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    async fail(name, input) {
      const result = await core.dispatcher.dispatch(name, input);
      if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
      return result.error;
    },
    close() {
      // The folder this made goes even when closing fails (the test fails on the error, not on a folder left in /tmp).
      try {
        core.close();
      } finally {
        if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Closes every core (each removing the folder it made) even when one fails to, then throws the first failure. */
export function closeEvery(cores: readonly Pick<TestCore, 'close'>[]): void {
  const failures = cores.flatMap((t) => {
    try {
      t.close();
      return [];
    } catch (error) {
      return [error];
    }
  });
  if (failures.length > 0) throw failures[0];
}

/** A live action answers only what it changed; this reads the live part it changed, as the console does next. */
export async function liveAfter(t: Pick<TestCore, 'call'>, change: Promise<LiveChange>): Promise<MeetingLive> {
  return t.call('meetings.live', { meetingId: (await change).meetingId });
}
