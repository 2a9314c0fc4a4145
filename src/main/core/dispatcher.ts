import type { z } from 'zod';
import { contract, isOperationName } from '@shared/contract';
import type { Scope } from '@shared/events';
import { DomainError, type OpError, type OpResult } from '@shared/result';
import type { ChangeFeed } from './change-feed';
import { isDiskFull } from '../data-folder/disk-full';
import { isIoHandler, isPreparedHandler, type AfterCommitStep, type AnyHandler, type Handlers } from './handler-kinds';
import { readPushes } from './push-reads';

function describeIssues(error: z.ZodError): OpError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  // Cadence's own messages name their field; zod's generic ones ("Invalid input…") get the path.
  const generic = first !== undefined && /^(Invalid|Unrecognized|Too (big|small)|Expected)/.test(first.message);
  const message = first ? (generic && first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid input';
  return { code: 'invalid_input', message, issues };
}

export type ErrorLogger = (operation: string, error: unknown) => void;

/**
 * Where one operation's time in main went, in ms, for a bench that asks (the browser mode's Server-Timing): the
 * handler with its commit, the reads pushed with its change event, and publishing that event (every window's socket
 * or IPC send). Filled in by `dispatch` when passed.
 */
export interface OpTiming {
  runMs: number;
  pushMs: number;
  publishMs: number;
}

/**
 * Runs fn in one database transaction (better-sqlite3: synchronous; a nested call runs in it). A read's
 * need not wait for the write lock, which another connection (a sync's merge in the worker) may hold a moment.
 */
export type Transact = <T>(fn: () => T, kind?: 'read' | 'write') => T;

const INTERNAL: OpError = {
  code: 'internal',
  message: 'Cadence could not complete that; nothing was changed. Details are in the log.',
};

// True because the write's transaction rolled back: what was typed is still on screen to send again.
const DISK_FULL: OpError = { code: 'disk_full', message: 'The disk is full: free some space; nothing you entered was lost.' };
// The write waited the whole busy timeout for a lock another connection held (a sync's merge writes from the worker).
const BUSY: OpError = {
  code: 'busy',
  message: 'Cadence is busy writing a sync into the database: nothing was changed and nothing you entered was lost. Try again in a moment.',
};
const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/**
 * The single door into main: validates the input against the contract, runs the handler in ONE transaction,
 * publishes what the write changed once it has committed (with the new answers of the reads it names in full),
 * then runs the after-commit steps it asked for.
 * Every failure becomes {ok:false, error} rather than a throw; a failure after the commit says what did commit.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly feed: ChangeFeed,
    private readonly transact: Transact,
    private readonly logError: ErrorLogger = () => undefined,
  ) {}

  async dispatch(name: string, rawInput: unknown, timing?: OpTiming): Promise<OpResult<unknown>> {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation: ${String(name).slice(0, 80)}` } };
    }
    const def = contract[name];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    const handler = this.handlers[name] as AnyHandler;
    const steps: AfterCommitStep[] = [];
    let value: unknown;
    const started = performance.now();
    try {
      value = await this.run(handler, parsed.data, steps, def.kind);
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toOpError() };
      this.logError(name, error);
      return { ok: false, error: isDiskFull(error) ? DISK_FULL : isBusy(error) ? BUSY : INTERNAL };
    }
    if (def.kind === 'write') {
      const changes = (def.changes as (i: unknown, o: unknown) => Scope[])(parsed.data, value);
      const ran = performance.now();
      const pushes = changes.length > 0 && this.feed.heard ? this.pushes(name, changes) : [];
      const pushed = performance.now();
      if (changes.length > 0) this.feed.publish(changes, name, pushes);
      if (timing) Object.assign(timing, { runMs: ran - started, pushMs: pushed - ran, publishMs: performance.now() - pushed });
    }
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        this.logError(`${name} (after commit: ${step.label})`, error);
        const why = error instanceof DomainError ? error.message : 'details are in the log';
        return { ok: false, error: { code: 'after_commit', message: `${step.committed} was saved, but ${step.label} failed: ${why}` } };
      }
    }
    return { ok: true, value };
  }

  /** The new answers of the reads the write's scopes name, read now (after the commit) for its change event. */
  private pushes(name: string, changes: Scope[]) {
    return readPushes(changes, this.handlers, this.transact, (read, error) => {
      // A read refused in words (the meeting is gone) is simply not pushed; anything else is a bug worth a log line.
      if (!(error instanceof DomainError)) this.logError(`${name} (after commit: pushing ${read})`, error);
    });
  }

  private async run(handler: AnyHandler, input: unknown, steps: AfterCommitStep[], kind: 'read' | 'write'): Promise<unknown> {
    const context = { afterCommit: (step: AfterCommitStep) => void steps.push(step) };
    if (isIoHandler(handler)) return handler.io(input);
    if (isPreparedHandler(handler)) {
      const prepared = await handler.prepare(input);
      return this.transact(() => handler.run(input, prepared, context), kind);
    }
    return this.transact(() => handler(input, context), kind);
  }

  /** The one serialise step both transports share. */
  async dispatchSerialized(name: string, rawInput: unknown, timing?: OpTiming): Promise<string> {
    return JSON.stringify(await this.dispatch(name, rawInput, timing));
  }
}
