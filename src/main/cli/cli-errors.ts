/** A failure to report on stderr as is, with exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command line that cannot be run as typed: exit code 2, with a hint at the usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly helpFor: string = '',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
