import type { ErrorCode, OpResult } from '@shared/result';

/**
 * The HTTP status of an operation's answer at POST /api/op/<name>: what happened, for tools, proxies and logs that
 * read the status and not the body. The body is the same envelope either way ({ok:false, error}), and the page reads
 * it whatever the status. Every code the contract has is named, so a new one cannot go out as a 200.
 */
const STATUS_OF: Record<ErrorCode, number> = {
  // The JSON parsed but is not an input the operation takes (or a rule refused it): 422, where 400 is a body that is not JSON.
  invalid_input: 422,
  not_found: 404,
  // The state changed under the request (a revision, a meeting already ended): the same request may not succeed again.
  conflict: 409,
  unknown_operation: 404,
  internal: 500,
  // The change was saved; a step after it (a backup) failed. The message says which. Not a 2xx: something failed.
  after_commit: 500,
  disk_full: 507,
  // Another connection held the write lock past the wait; nothing was written, and trying again shortly may work.
  busy: 503,
  // The start's update of the data failed (browser-server.ts): nothing answers until the next start; the words say why.
  update_failed: 503,
};

export function opStatus(result: OpResult<unknown>): number {
  return result.ok ? 200 : STATUS_OF[result.error.code];
}

/** Headers that go with a status: a busy database is worth trying again in a second. */
export function opStatusHeaders(result: OpResult<unknown>): Record<string, string> {
  return !result.ok && result.error.code === 'busy' ? { 'Retry-After': '1' } : {};
}
