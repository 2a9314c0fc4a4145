import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { contract } from '../../src/shared/contract';
import { manifest, operationNames } from '../../src/shared/manifest';
import { read, write } from '../../src/shared/operations/io';
import { schemas } from '../../src/shared/schemas';

/**
 * One declaration per operation, in two halves: the manifest (no zod; the renderer's first screen keys and
 * invalidates its reads with it) and the schemas (zod; loaded when a form or a write needs them). The manifest is
 * typed from the schemas, so a group that disagrees does not compile; these tests hold the merged lists together.
 */
describe('the manifest and the schemas', () => {
  it('name the same operations', () => {
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(schemas).sort());
    expect(operationNames.length).toBeGreaterThan(100);
  });

  it.each(operationNames)('%s is of the same kind in both', (name) => {
    expect(manifest[name].kind).toBe(schemas[name].kind);
  });

  it('join into the contract main validates with, each name with its own schema', () => {
    expect(Object.keys(contract).sort()).toEqual(operationNames.slice().sort());
    for (const name of operationNames) {
      expect(contract[name].kind).toBe(manifest[name].kind);
      expect(contract[name].input).toBe(schemas[name].input);
      expect(contract[name].changes).toBe(manifest[name].changes);
      expect(contract[name].dependsOn).toBe(manifest[name].dependsOn);
    }
  });
});

describe('an input declared as a function', () => {
  it('is built the first time it is read, and only once', () => {
    let built = 0;
    const io = write<{ done: boolean }>()(() => {
      built += 1;
      return z.object({ name: z.string().min(1, { message: 'Name is required' }) }).strict();
    });
    expect(io.kind).toBe('write');
    expect(built).toBe(0);
    expect(io.input.safeParse({ name: '' }).error?.issues[0]?.message).toBe('Name is required');
    expect(io.input.safeParse({ name: 'Ana' }).success).toBe(true);
    expect(io.input).toBe(io.input);
    expect(built).toBe(1);
  });

  it('is taken as it is when built already', () => {
    const schema = z.object({}).strict();
    expect(read<null>()(schema).input).toBe(schema);
  });
});

describe("the renderer's first screen", () => {
  it('keys and invalidates its reads without loading zod', async () => {
    vi.resetModules();
    vi.doMock('zod', () => {
      throw new Error('zod was loaded');
    });
    try {
      const { queryKey, invalidateChanges } = await import('../../src/renderer/src/api/query-cache');
      const { manifest: fresh } = await import('../../src/shared/manifest');
      expect(queryKey('commitments.board', {})).toEqual(['commitments.board', { teamId: null, memberId: null }]);
      expect(fresh['teams.rename'].changes({ teamId: 't1', name: 'Ops' }, {} as never)).toContainEqual({ topic: 'teams', teamId: 't1' });
      invalidateChanges([{ topic: 'teams' }]);
      // The same import of zod, refused, fails the schemas' module: the first screen's modules above never made it.
      await expect(import('../../src/shared/schemas')).rejects.toThrow();
    } finally {
      vi.doUnmock('zod');
      vi.resetModules();
    }
  });
});
