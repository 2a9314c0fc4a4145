/** The envelope every operation answers with, on both transports. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_operation'
  | 'internal'
  | 'after_commit'
  /** The disk holding the data folder is full; the transaction rolled back. */
  | 'disk_full'
  /** Another connection (a sync's merge) held the database's write lock past the wait; nothing was written. */
  | 'busy'
  /**
   * The start's update of the data (a backup, then the migrations) failed, so nothing can be read or written until
   * the next start; the message is what the page says (what failed, the file, the backup, what to do). Browser mode.
   */
  | 'update_failed';

/**
 * Why a service refused, as a stable code the renderer can act on (offer a confirmation, point at a field).
 * Messages are for people and may be reworded; these never are.
 */
export type ErrorReason =
  | 'due_in_past'
  | 'date_not_future'
  | 'name_taken'
  | 'member_left'
  | 'revision_conflict'
  | 'meeting_ended'
  | 'meeting_not_planned'
  | 'meeting_called_off'
  | 'meeting_not_called_off';

export interface OpError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  /** The input field the refusal is about (dotted, as in `issues`), so a form shows it beside that field. */
  path?: string;
  /** Field-level problems, so forms can point at the field that is wrong. */
  issues?: { path: string; message: string }[];
}

export type OpResult<T> = { ok: true; value: T } | { ok: false; error: OpError };

/** A failure a service raises on purpose; its message is shown to the user as is. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'unknown_operation' | 'after_commit' | 'disk_full' | 'busy' | 'update_failed'>,
    message: string,
    readonly detail: { reason?: ErrorReason; path?: string } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toOpError(): OpError {
    return { code: this.code, message: this.message, ...this.detail };
  }
}
