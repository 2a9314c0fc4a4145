/**
 * Runs one row's write of a merge (archive import, git sync); a row SQLite refuses (a CHECK or UNIQUE rule: an
 * unknown status, an empty name) becomes the caller's refusal naming the table and row, so the whole merge rolls
 * back with words a person can act on. Anything else is not the row's fault and goes on as it was.
 */
export function writeOrRefuse(table: string, key: string, fn: () => void, refuse: (why: string) => Error): void {
  try {
    fn();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
      throw refuse(`${table} ${key} breaks a rule of the database (${(error as Error).message}).`);
    throw error;
  }
}
