import { z } from 'zod';
import { anyOverlap, type Scope, type Topic } from '../events';
import type { JsonSafe } from '../json';
import { id } from '../validation';

/** What a write changed, from its parsed input and its answer (which carries ids the input lacks). */
export type ChangesOf<I, O> = (input: I, output: O) => Scope[];
/** What a read's answer depends on, from its parsed input and, once read, its answer (null before). */
export type DependsOn<I, O> = (input: I, output: O | null) => Scope[];
/**
 * A read whose new answer a write's reply already carries: the renderer puts `value` in its cache under
 * `read` + `input` at once, before the change event's re-read. A unit test checks each seed equals the read.
 */
export interface Seed {
  read: string;
  input: Record<string, unknown>;
  value: unknown;
}
export type SeedsOf<I, O> = (input: I, output: O) => Seed[];
/**
 * A read's side of a push: the input whose whole answer a changed scope names (`meetings.live` for a meeting's
 * live part), or null. Main reads it once after such a write commits and sends the answer with the change event.
 */
export type PushedBy = (changed: Scope) => Record<string, unknown> | null;

/**
 * Rows of a read's answer that another read answers one at a time (a list of commitments, each also read by id).
 * A change that reaches only such rows (their `dependsOn`, not the answer's), or adds rows (`added`), re-reads
 * those rows and puts each in place with `put`, rather than reading the whole answer again; `put` answers null when
 * only the whole answer read again can place the row. The contract test checks that the answer so patched equals
 * the answer read again.
 */
export interface Rows<O> {
  read: string;
  held: (output: O) => { input: Record<string, unknown>; dependsOn: Scope[] }[];
  /** Rows the changes add to this answer (given the read's input): the inputs to read them with. */
  added?: (output: O, changes: readonly Scope[], input: Record<string, unknown>) => Record<string, unknown>[];
  put: (output: O, row: unknown, input: Record<string, unknown>) => O | null;
}

/** The inputs of the rows of a held answer (read with `input`) that `changes` reached or added. */
export function rowsToRead<O>(
  rows: Rows<O>,
  output: O,
  changes: readonly Scope[],
  input: Record<string, unknown>,
  held = rows.held(output),
): Record<string, unknown>[] {
  const reached = held.filter((row) => anyOverlap(changes, row.dependsOn)).map((row) => row.input);
  return [...reached, ...(rows.added?.(output, changes, input) ?? [])];
}

export interface OperationDef<I extends z.ZodType = z.ZodType, O = unknown> {
  /** The input's schema, built the first time it is read (see `Input`). */
  readonly input: I;
  /** 'read' changes nothing and may be cached; 'write' publishes `changes` after it commits. */
  kind: 'read' | 'write';
  /** A write: what it changed. Published in the change event after the transaction commits. */
  changes: ChangesOf<z.output<I>, O>;
  /** A read: which changes make its answer stale. Drives the renderer's cache; nothing else decides. */
  dependsOn: DependsOn<z.output<I>, O>;
  /** A write: the reads its reply answers (none for a read). */
  seeds: SeedsOf<z.output<I>, O>;
  /** A read: rows of its answer kept up to date one by one (see Rows). */
  rows?: Rows<O>;
  /** A read: the input a changed scope names, whose answer main pushes with the change event (absent: never pushed). */
  pushedBy?: PushedBy;
  /** A read: what its schema fills in for a key left out (see `defaults` in `Spec`); empty for a write. */
  defaults: Readonly<Record<string, unknown>>;
  /** Phantom: carries the output type only. */
  readonly output?: (o: O) => O;
}

/**
 * An operation's input schema, best given as a function that builds it: the contract is loaded by every window's
 * first screen for its operations' names and scopes, and building all its schemas there was half the page's
 * start-up CPU. A function is called once, the first time the schema is read (a check, a form, a query key).
 */
type Input<I extends z.ZodType> = I | (() => I);

type Spec<I extends z.ZodType, O> =
  | {
      input: Input<I>;
      changes: ChangesOf<z.output<I>, O> | readonly Topic[];
      seeds?: SeedsOf<z.output<I>, O>;
      dependsOn?: never;
      pushedBy?: never;
    }
  | {
      input: Input<I>;
      dependsOn?: DependsOn<z.output<I>, O> | readonly Topic[];
      rows?: Rows<O>;
      pushedBy?: PushedBy;
      /**
       * The schema's defaults (`.default(...)`) as plain data: the renderer keys its cache with the input so
       * completed, without building the schema on the first screen, so `{ teamId: null }` and `{}` are one question
       * and a pushed answer (main's parsed input) lands under the key a view asked with. A unit test checks these
       * equal the schema's own, for every read.
       */
      defaults?: Readonly<Partial<z.output<I>>>;
      changes?: never;
      seeds?: never;
    };

const NO_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({});

const whole = (topics: readonly Topic[]) => () => topics.map((topic) => ({ topic }));

/**
 * Declares an operation whose output type `O` must be plain JSON (else the call needs an argument it cannot get).
 * A write names what it changes (`changes`: topics, or scopes with ids); anything else is a read, whose
 * `dependsOn` defaults to every topic (always re-read) until it says better.
 */
export function op<O>(..._notJson: [O] extends [JsonSafe<O>] ? [] : ['output type is not plain JSON']) {
  return <I extends z.ZodType>(spec: Spec<I, O>): OperationDef<I, O> => {
    const changes = spec.changes;
    const input = memoised(spec.input);
    if (changes !== undefined) {
      return {
        get input() {
          return input();
        },
        kind: 'write',
        changes: typeof changes === 'function' ? changes : whole(changes),
        dependsOn: () => [],
        seeds: spec.seeds ?? (() => []),
        defaults: NO_DEFAULTS,
      };
    }
    const dependsOn = spec.dependsOn ?? ALL;
    return {
      get input() {
        return input();
      },
      kind: 'read',
      changes: () => [],
      dependsOn: typeof dependsOn === 'function' ? dependsOn : whole(dependsOn),
      seeds: () => [],
      defaults: spec.defaults ?? NO_DEFAULTS,
      ...(spec.rows ? { rows: spec.rows } : {}),
      ...(spec.pushedBy ? { pushedBy: spec.pushedBy } : {}),
    };
  };
}

function memoised<I extends z.ZodType>(input: Input<I>): () => I {
  if (input instanceof z.ZodType) return () => input;
  let built: I | undefined;
  return () => (built ??= input());
}

const ALL: readonly Topic[] = ['teams', 'settings', 'meetings', 'parkingLot', 'backups', 'decisions', 'commitments', 'agreements'];

export const none = z.object({}).strict();

export const revision = z.number({ message: 'expectedRevision is required' }).int().min(0);

export const memberOrNone = id.nullable().default(null);
