/**
 * The renderer's cache is exact only if the contract is: for every write, each read whose answer it changed must
 * depend on something the write says it changed. This runs every write on the demo team through the real
 * dispatcher, reads every read (for every entity) before and after, and checks the declarations against what
 * actually changed. A new operation without a fixture fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, operationNames, type OperationName } from '../../src/shared/contract';
import { anyOverlap, type Push, type Scope } from '../../src/shared/events';
import { openTestCore, type TestCore } from '../support/core';
import { READ_INPUTS, readWorld, type World } from '../support/contract-world';
import { WRITE_STEPS } from '../support/contract-writes';
import { rowsToRead, type Rows } from '../../src/shared/operations/define';

interface Answer {
  name: OperationName;
  input: unknown;
  value: unknown;
  text: string;
}

async function readAll(t: TestCore, w: World): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (const name of operationNames) {
    const inputs = (READ_INPUTS[name] as ((w: World) => unknown[]) | undefined)?.(w) ?? [];
    for (const raw of inputs) {
      const parsed = contract[name].input.parse(raw);
      const key = `${name} ${JSON.stringify(parsed)}`;
      const result = await t.core.dispatcher.dispatch(name, parsed);
      const value = result.ok ? result.value : null;
      answers.set(key, { name, input: parsed, value, text: JSON.stringify(result.ok ? result.value : result.error) });
    }
  }
  return answers;
}

/**
 * The held answer with each row a change reached or added read again and put in place, as the renderer does; null
 * for a read without rows, 'read again' where a row could only be placed by reading the whole answer again.
 */
async function patchRows(t: TestCore, was: Answer, published: Scope[]): Promise<string | null> {
  const rows = contract[was.name].rows as Rows<unknown> | undefined;
  if (!rows || was.value === null) return null;
  let value: unknown = was.value;
  for (const input of rowsToRead(rows, was.value, published, was.input as Record<string, unknown>)) {
    const fresh = (await t.core.dispatcher.dispatch(rows.read, input)) as { ok: boolean; value?: unknown };
    const patched = rows.put(value, fresh.ok ? fresh.value : null, was.input as Record<string, unknown>);
    if (patched === null) return 'read again';
    value = patched;
  }
  return JSON.stringify(value);
}

const reads = operationNames.filter((n) => contract[n].kind === 'read');
const writes = operationNames.filter((n) => contract[n].kind === 'write');

describe('every operation has a fixture', () => {
  it('every read is asked something', () => {
    const missing = reads.filter((n) => !READ_INPUTS[n]);
    expect(missing, `reads without inputs in tests/support/contract-world.ts READ_INPUTS: ${missing.join(', ')}`).toEqual([]);
  });
  it('every write is run', () => {
    const run = new Set(WRITE_STEPS.map((s) => s.name));
    const missing = writes.filter((n) => !run.has(n));
    expect(missing, `writes without a step in tests/support/contract-writes.ts WRITE_STEPS: ${missing.join(', ')}`).toEqual([]);
  });
});

describe('each write invalidates every read whose answer it changes', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore(Date.parse('2026-11-26T09:00:00Z'));
  });
  afterAll(() => t.close());

  for (const step of WRITE_STEPS) {
    it(
      step.name,
      async () => {
        const world = await readWorld(t);
        const input = contract[step.name].input.parse(await step.input(world, t));
        const before = await readAll(t, world);
        const published: Scope[] = [];
        const pushes: Push[] = [];
        const stop = t.core.feed.subscribe((event) => {
          published.push(...event.changes);
          pushes.push(...(event.pushes ?? []));
        });
        const result = await t.core.dispatcher.dispatch(step.name, input);
        stop();
        expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok');
        const output = result.ok ? result.value : null;

        const after = await readAll(t, world);
        const missed: string[] = [];
        for (const [key, was] of before) {
          const now = after.get(key);
          if (!now || now.text === was.text) continue;
          const dependsOn = (contract[was.name].dependsOn as (i: unknown, o: unknown) => Scope[])(was.input, was.value);
          if (anyOverlap(published, dependsOn)) continue;
          // Rows the contract keeps one by one: the answer held, with the rows the change reached read again and put
          // in place as the renderer does, must be the answer read again.
          const patched = await patchRows(t, was, published);
          if (patched !== now.text && patched !== 'read again') missed.push(`${key}\n    depends on ${JSON.stringify(dependsOn)}`);
        }
        expect(missed, `${step.name} changed these reads but published ${JSON.stringify(published)}`).toEqual([]);

        const seeds = (contract[step.name].seeds as (i: unknown, o: unknown) => { read: string; input: unknown; value: unknown }[])(
          input,
          output,
        );
        for (const seed of seeds) {
          const read = await t.call(seed.read as OperationName, seed.input as never);
          expect(seed.value, `${step.name} seeds ${seed.read} ${JSON.stringify(seed.input)}`).toEqual(read);
        }
        const namesLive = published.some((s) => s.topic === 'meetings' && s.part === 'live' && s.meetingId);
        if (namesLive)
          expect(
            pushes.map((p) => p.read),
            `${step.name} changed a live part`,
          ).toContain('meetings.live');
        // What the change event pushed is the read's answer, so a window that takes it holds what a re-read gives.
        for (const push of pushes) {
          const read = await t.call(push.read as OperationName, push.input as never);
          expect(push.value, `${step.name} pushes ${push.read} ${JSON.stringify(push.input)}`).toEqual(read);
        }
      },
      120_000,
    );
  }
});
