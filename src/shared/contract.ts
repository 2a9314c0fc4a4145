/**
 * Every operation main serves, declared once: the manifest (kind, scopes; ./manifest) joined with the schemas
 * (input, answer type; ./schemas). Main registers a handler for each name (a missing one fails to compile), the
 * preload and the browser transport expose exactly these names, and inputs are validated against these schemas.
 * The renderer imports only types from here: its code takes the manifest, and the schemas when it needs them.
 */
import type { z } from 'zod';
import { manifest, operationNames, type OperationName, type OutputOf } from './manifest';
import type { OperationMeta } from './operations/define';
import { schemas, type Schemas } from './schemas';

export { isOperationName, operationNames, type InputOf, type OperationName, type OutputOf, type ParsedInputOf } from './manifest';

/** One operation, both halves: what the manifest says of it, and its input's schema. */
export type OperationDef<I extends z.ZodType = z.ZodType, O = unknown> = OperationMeta<z.output<I>, O> & { readonly input: I };

export type Contract = { readonly [K in OperationName]: OperationDef<Schemas[K]['input'], OutputOf<K>> };

function join(name: OperationName): OperationDef {
  const io = schemas[name];
  // The schema is read through, so an input given as a function is still built the first time it is used.
  return Object.defineProperty({ ...(manifest[name] as OperationMeta<unknown>) }, 'input', {
    enumerable: true,
    get: () => io.input,
  }) as unknown as OperationDef;
}

export const contract = Object.fromEntries(operationNames.map((name) => [name, join(name)])) as unknown as Contract;
