/**
 * The schema side of an operation (see ./define): its input's zod schema and its answer's type. Main loads every
 * schema with the contract; the renderer loads them when a form or a write first needs one, never for its first
 * screen.
 */
import { z } from 'zod';
import type { JsonSafe } from '../json';
import { id } from '../validation';
import type { Io, Kind } from './define';

/**
 * An input's schema, best given as a function that builds it: the function is called once, the first time the
 * schema is read (a check, a form), so loading the schemas costs little until one is used.
 */
type Input<I extends z.ZodType> = I | (() => I);

function memoised<I extends z.ZodType>(input: Input<I>): () => I {
  if (typeof input !== 'function') return () => input;
  let built: I | undefined;
  return () => (built ??= input());
}

function io<K extends Kind>(kind: K) {
  return <O>(..._notJson: [O] extends [JsonSafe<O>] ? [] : ['output type is not plain JSON']) =>
    <I extends z.ZodType>(input: Input<I>): Io<I, O, K> => {
      const built = memoised(input);
      return {
        kind,
        get input() {
          return built();
        },
      };
    };
}

/** A read: changes nothing; its answer, of type `O` (plain JSON), may be cached. */
export const read = io('read');
/** A write: changes the database (or the files, the windows) and answers with `O` (plain JSON). */
export const write = io('write');

export const none = z.object({}).strict();

export const revision = z.number({ message: 'expectedRevision is required' }).int().min(0);

export const memberOrNone = id.nullable().default(null);
