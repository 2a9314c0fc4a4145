/**
 * The two halves of an operation's one declaration. Its input's zod schema and its answer's type are declared in a
 * `*-schemas.ts` file (with `read`/`write` from ./io); what it means for the cache and the change events (its
 * kind, `changes` or `dependsOn`, seeds, rows, pushes, defaults) in the `*-operations.ts` manifest beside it, as
 * plain code without zod: every window's first screen needs the manifest to key and invalidate its reads, and
 * loading zod and every schema there was most of the page's own start-up work. The manifest is typed from the
 * schemas' type, so a name missing on either side, or a write declared as a read, fails to compile.
 */
import type { z } from 'zod';
import { anyOverlap, type Scope, type Topic } from '../events';

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
  /** The rows an answer holds (read with `input`): each one's input to `read` and what it depends on. */
  held: (output: O, input: Record<string, unknown>) => { input: Record<string, unknown>; dependsOn: Scope[] }[];
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
  held = rows.held(output, input),
): Record<string, unknown>[] {
  const reached = held.filter((row) => anyOverlap(changes, row.dependsOn)).map((row) => row.input);
  return [...reached, ...(rows.added?.(output, changes, input) ?? [])];
}

export type Kind = 'read' | 'write';

/** An operation's schema side (see ./io): its kind, its input's schema (built the first time it is read), its answer's type. */
export interface Io<I extends z.ZodType = z.ZodType, O = unknown, K extends Kind = Kind> {
  readonly kind: K;
  readonly input: I;
  /** Phantom: carries the output type only. */
  readonly output?: (o: O) => O;
}

/** An operation's manifest side, with `I` its parsed input and `O` its answer. */
export interface OperationMeta<I = never, O = unknown> {
  /** 'read' changes nothing and may be cached; 'write' publishes `changes` after it commits. */
  kind: Kind;
  /** A write: what it changed. Published in the change event after the transaction commits. */
  changes: ChangesOf<I, O>;
  /** A read: which changes make its answer stale. Drives the renderer's cache; nothing else decides. */
  dependsOn: DependsOn<I, O>;
  /** A write: the reads its reply answers (none for a read). */
  seeds: SeedsOf<I, O>;
  /** A read: rows of its answer kept up to date one by one (see Rows). */
  rows?: Rows<O>;
  /** A read: the input a changed scope names, whose answer main pushes with the change event (absent: never pushed). */
  pushedBy?: PushedBy;
  /** A read: what its schema fills in for a key left out (see `defaults` in ReadSpec); empty for a write. */
  defaults: Readonly<Record<string, unknown>>;
}

/** A write names what it changes: topics, or scopes with ids from its input and answer. */
interface WriteSpec<I, O> {
  changes: ChangesOf<I, O> | readonly Topic[];
  seeds?: SeedsOf<I, O>;
}

/** A read's `dependsOn` defaults to every topic (always re-read) until it says better. */
interface ReadSpec<I, O> {
  dependsOn?: DependsOn<I, O> | readonly Topic[];
  rows?: Rows<O>;
  pushedBy?: PushedBy;
  /**
   * The schema's defaults (`.default(...)`) as plain data: the renderer keys its cache with the input so
   * completed, without loading the schemas on the first screen, so `{ teamId: null }` and `{}` are one question
   * and a pushed answer (main's parsed input) lands under the key a view asked with. A unit test checks these
   * equal the schema's own, for every read.
   */
  defaults?: Readonly<Partial<I>>;
}

type SpecOf<E> =
  E extends Io<infer I, infer O, 'write'>
    ? WriteSpec<z.output<I>, O>
    : E extends Io<infer I, infer O, 'read'>
      ? ReadSpec<z.output<I>, O>
      : never;
type MetaOf<E> = E extends Io<infer I, infer O> ? OperationMeta<z.output<I>, O> : never;

/** The manifest of a group of operations, typed by its schemas' file: the same names, each of the same kind. */
export type Manifest<S> = { [K in keyof S]: MetaOf<S[K]> };

const NO_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({});
const ALL: readonly Topic[] = ['teams', 'settings', 'meetings', 'parkingLot', 'backups', 'decisions', 'commitments', 'agreements'];

const whole = (topics: readonly Topic[]) => () => topics.map((topic) => ({ topic }));

function meta(spec: WriteSpec<unknown, unknown> | ReadSpec<unknown, unknown>): OperationMeta<unknown, unknown> {
  if ('changes' in spec) {
    const { changes } = spec;
    return {
      kind: 'write',
      changes: typeof changes === 'function' ? changes : whole(changes),
      dependsOn: () => [],
      seeds: spec.seeds ?? (() => []),
      defaults: NO_DEFAULTS,
    };
  }
  const dependsOn = spec.dependsOn ?? ALL;
  return {
    kind: 'read',
    changes: () => [],
    dependsOn: typeof dependsOn === 'function' ? dependsOn : whole(dependsOn),
    seeds: () => [],
    defaults: (spec.defaults as Readonly<Record<string, unknown>> | undefined) ?? NO_DEFAULTS,
    ...(spec.rows ? { rows: spec.rows } : {}),
    ...(spec.pushedBy ? { pushedBy: spec.pushedBy } : {}),
  };
}

/**
 * Declares the manifest of the operations whose schemas `S` (a `*-schemas.ts` file's type) declares: one entry per
 * name, a write's with `changes`, a read's with what it depends on.
 */
export function manifest<S>() {
  return (specs: { [K in keyof S]: SpecOf<S[K]> }): Manifest<S> =>
    Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [name, meta(spec as WriteSpec<unknown, unknown> | ReadSpec<unknown, unknown>)]),
    ) as Manifest<S>;
}
