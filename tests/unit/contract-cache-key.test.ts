import { randomUUID } from 'node:crypto';
import { hashKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type OperationName } from '@shared/contract';
import { queryKey } from '@renderer/api/query-cache';

/**
 * The renderer keys its cache without the inputs' schemas (the first screen does not load them, see
 * contract-manifest.test.ts): the manifest's `defaults`, as plain data, complete an input as main's parse does. These tests hold the two together for every
 * read, so a view's key is the key a pushed answer (parsed by main) or a seed lands under.
 */
type Field = z.ZodType & { _zod: { def: { type: string; defaultValue?: unknown } } };

const reads = (Object.keys(contract) as OperationName[]).filter((name) => contract[name].kind === 'read');

function shapeOf(name: OperationName): Record<string, Field> {
  const schema = contract[name].input as unknown as { _zod: { def: { type: string } }; shape: Record<string, Field> };
  expect(schema._zod.def.type, `${name}'s input is an object`).toBe('object');
  return schema.shape;
}

/** The schema's own defaults: its fields declared with `.default(...)`. */
function schemaDefaults(name: OperationName): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shapeOf(name))) {
    if (field._zod.def.type === 'default') defaults[key] = field._zod.def.defaultValue;
  }
  return defaults;
}

/** A valid input holding only the keys the schema requires: an id where it takes text, else 0 or null. */
function minimalInput(name: OperationName): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shapeOf(name))) {
    if (field._zod.def.type === 'default' || field._zod.def.type === 'optional') continue;
    const value = [randomUUID(), '', 0, null].find((candidate) => field.safeParse(candidate).success);
    expect(value, `${name}.${key} takes one of the test's values`).not.toBeUndefined();
    input[key] = value;
  }
  return input;
}

function expectSameKey(name: OperationName, input: Record<string, unknown>): void {
  const parsed = contract[name].input.parse(input);
  expect(queryKey(name, input)).toEqual([name, parsed]);
  expect(hashKey(queryKey(name, input))).toBe(hashKey([name, parsed]));
}

describe("the cache key of a read, made without the input's schema", () => {
  it('names every read', () => {
    expect(reads.length).toBeGreaterThan(30);
  });

  it.each(reads)("%s declares exactly its schema's defaults", (name) => {
    expect(contract[name].defaults).toEqual(schemaDefaults(name));
  });

  it.each(reads)('%s is keyed as main parses it, whether the defaults are left out, undefined or given', (name) => {
    const minimal = minimalInput(name);
    const defaults = schemaDefaults(name);
    expectSameKey(name, minimal);
    expectSameKey(name, { ...minimal, ...Object.fromEntries(Object.keys(defaults).map((key) => [key, undefined])) });
    expectSameKey(name, { ...minimal, ...defaults });
  });

  it('keeps what a view gave over the defaults', () => {
    const teamId = randomUUID();
    const input = { teamId, query: 'budget', statuses: ['accepted'], sort: 'newest', limit: 20 };
    expectSameKey('decisions.search', input);
    expect(queryKey('decisions.search', input)[1]).toMatchObject({ teamId, query: 'budget', limit: 20, offset: 0, tag: null });
  });

  it('makes `{ teamId: null }` and `{}` one question', () => {
    expect(hashKey(queryKey('commitments.board', {}))).toBe(hashKey(queryKey('commitments.board', { teamId: null, memberId: null })));
    expect(hashKey(queryKey('commitments.board', {}))).not.toBe(hashKey(queryKey('commitments.board', { teamId: randomUUID() })));
  });
});
