import { z } from 'zod';
import type { Topic } from '../events';
import type { JsonSafe } from '../json';
import { id } from '../validation';

export interface OperationDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Topics whose readers must refetch after this operation commits. */
  invalidates: readonly Topic[];
  /** Phantom: carries the output type only. */
  readonly output?: (o: O) => O;
}

/** Declares an operation whose output type `O` must be plain JSON (else the call needs an argument it cannot get). */
export function op<O>(..._notJson: [O] extends [JsonSafe<O>] ? [] : ['output type is not plain JSON']) {
  return <I extends z.ZodType>(def: { input: I; invalidates?: readonly Topic[] }): OperationDef<I, O> => ({
    input: def.input,
    invalidates: def.invalidates ?? [],
  });
}

export const none = z.object({}).strict();

export const revision = z.number({ message: 'expectedRevision is required' }).int().min(0);

export const memberOrNone = id.nullable().default(null);
