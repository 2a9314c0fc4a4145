/** The envelope every operation answers with, on both transports. */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unknown_operation' | 'internal' | 'after_commit';

export interface OpError {
  code: ErrorCode;
  message: string;
  /** Field-level problems, so forms can point at the field that is wrong. */
  issues?: { path: string; message: string }[];
}

export type OpResult<T> = { ok: true; value: T } | { ok: false; error: OpError };

/** A failure a service raises on purpose; its message is shown to the user as is. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'unknown_operation' | 'after_commit'>,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
