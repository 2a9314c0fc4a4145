import type { z } from 'zod';
import { contract, isOperationName } from '@shared/contract';
import { DomainError, type OpError, type OpResult } from '@shared/result';
import type { Scope } from '@shared/events';
import type { ChangeFeed } from './change-feed';
import type { Handlers } from './handlers';

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
 * The single door into main: validates the input against the contract, runs the handler,
 * publishes what changed, and turns every failure into {ok:false, error} rather than a throw.
 */
export class Dispatcher {
  constructor(
    private readonly handlers: Handlers,
    private readonly feed: ChangeFeed,
    private readonly logError: ErrorLogger = () => undefined,
  ) {}

  async dispatch(name: string, rawInput: unknown): Promise<OpResult<unknown>> {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation: ${String(name).slice(0, 80)}` } };
    }
    const def = contract[name];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    try {
      const handler = this.handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (def.kind === 'write') {
        const changes = (def.changes as (i: unknown, o: unknown) => Scope[])(parsed.data, value);
        if (changes.length > 0) this.feed.publish(changes, name);
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toOpError() };
      this.logError(name, error);
      return {
        ok: false,
        error: { code: 'internal', message: 'Cadence could not complete that; nothing was changed. Details are in the log.' },
      };
    }
  }

  /** The one serialise step both transports share. */
  async dispatchSerialized(name: string, rawInput: unknown): Promise<string> {
    return JSON.stringify(await this.dispatch(name, rawInput));
  }
}
