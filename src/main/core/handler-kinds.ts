import type { OperationName, OutputOf, ParsedInputOf } from '@shared/contract';

/** Work that must follow a commit (a backup after a meeting ends); its failure never unsays the commit. */
export interface AfterCommitStep {
  /** What failed, in words: "the backup after the meeting". */
  label: string;
  /** What had committed by then, in words: "The ended meeting". */
  committed: string;
  run: () => Promise<unknown> | unknown;
}

export interface HandlerContext {
  afterCommit(step: AfterCommitStep): void;
}

/** The usual handler: synchronous, run inside the dispatcher's one transaction (a promise there is refused). */
type InTransaction<K extends OperationName> = (input: ParsedInputOf<K>, context: HandlerContext) => OutputOf<K>;

/** A handler that does no database writes of its own but waits on files, dialogs or the worker. */
export interface IoHandler<K extends OperationName> {
  io: (input: ParsedInputOf<K>) => Promise<OutputOf<K>> | OutputOf<K>;
}

/** Slow preparation first (checks, a backup), outside any transaction; then the one transaction. */
export interface PreparedHandler<K extends OperationName, P = unknown> {
  prepare: (input: ParsedInputOf<K>) => Promise<P>;
  run: (input: ParsedInputOf<K>, prepared: P, context: HandlerContext) => OutputOf<K>;
}

export type Handler<K extends OperationName> = InTransaction<K> | IoHandler<K> | PreparedHandler<K, never>;

/** One handler per contract operation; a missing or mistyped one fails to compile. */
export type Handlers = { [K in OperationName]: Handler<K> };

export type AnyHandler =
  | ((input: unknown, context: HandlerContext) => unknown)
  | { io: (input: unknown) => unknown }
  | { prepare: (input: unknown) => Promise<unknown>; run: (input: unknown, prepared: unknown, context: HandlerContext) => unknown };

export function isIoHandler(h: AnyHandler): h is { io: (input: unknown) => unknown } {
  return typeof h === 'object' && 'io' in h;
}

export function isPreparedHandler(
  h: AnyHandler,
): h is { prepare: (input: unknown) => Promise<unknown>; run: (input: unknown, prepared: unknown, context: HandlerContext) => unknown } {
  return typeof h === 'object' && 'prepare' in h;
}

/** Types a prepared handler's two halves together. */
export function prepared<K extends OperationName, P>(handler: PreparedHandler<K, P>): PreparedHandler<K, never> {
  return handler as unknown as PreparedHandler<K, never>;
}
