import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { op } from '../../src/shared/operations/define';

describe('an operation declared with its input as a function', () => {
  it('builds the schema the first time it is read, and only once', () => {
    let built = 0;
    const def = op<{ done: boolean }>()({
      input: () => {
        built += 1;
        return z.object({ name: z.string().min(1, { message: 'Name is required' }) }).strict();
      },
      changes: ['teams'],
    });
    expect(built).toBe(0);
    expect(def.kind).toBe('write');
    expect(def.changes({ name: 'x' }, { done: true })).toEqual([{ topic: 'teams' }]);
    expect(built).toBe(0);
    expect(def.input.safeParse({ name: '' }).error?.issues[0]?.message).toBe('Name is required');
    expect(def.input.safeParse({ name: 'Ana' }).success).toBe(true);
    expect(def.input).toBe(def.input);
    expect(built).toBe(1);
  });

  it('takes a schema built already as it is', () => {
    const schema = z.object({}).strict();
    expect(op<null>()({ input: schema, dependsOn: [] }).input).toBe(schema);
  });
});
