import { contract, operationNames, type OperationName } from '@shared/contract';
import type { Push, Scope } from '@shared/events';
import { isIoHandler, isPreparedHandler, type AnyHandler, type Handlers } from './handler-kinds';
import type { Transact } from './dispatcher';

/** The reads that say which changed scope names them (`pushedBy`), found once. */
const PUSHABLE = operationNames.filter((name) => contract[name].kind === 'read' && contract[name].pushedBy !== undefined);

/**
 * After a write commits: the new answer of each read its changed scopes name, read once here so that no window
 * has to ask for it again (the console and the projector each re-read the live part after every action before).
 * Synchronous on purpose: nothing can commit between this read and the change event that carries it, so a push
 * is exactly the state at its event's revision. A read that fails is left out: windows then re-read as before.
 */
export function readPushes(
  changes: readonly Scope[],
  handlers: Handlers,
  transact: Transact,
  onError: (read: string, error: unknown) => void,
): Push[] {
  const pushes: Push[] = [];
  const done = new Set<string>();
  for (const name of PUSHABLE) {
    const def = contract[name];
    for (const changed of changes) {
      const named = def.pushedBy?.(changed) ?? null;
      if (named === null) continue;
      const parsed = def.input.safeParse(named);
      if (!parsed.success) continue;
      const input = parsed.data as Record<string, unknown>;
      const key = `${name} ${JSON.stringify(input)}`;
      if (done.has(key)) continue;
      done.add(key);
      const value = readNow(name, handlers[name] as AnyHandler, input, transact, onError);
      if (value !== undefined) pushes.push({ read: name, input, value });
    }
  }
  return pushes;
}

function readNow(
  name: OperationName,
  handler: AnyHandler,
  input: unknown,
  transact: Transact,
  onError: (read: string, error: unknown) => void,
): unknown {
  // Only a read answered inside one transaction can be read here, synchronously, in step with the event.
  if (isIoHandler(handler) || isPreparedHandler(handler)) return undefined;
  try {
    return transact(() => handler(input, { afterCommit: () => undefined }), 'read');
  } catch (error) {
    onError(name, error);
    return undefined;
  }
}
