import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../core/clock';
import { isPlainFile } from './plain-file';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-files';

const START_LINE = / INFO started /;

/** Whether a Cadence start was logged in this folder: a sign the data folder was in use. */
export function hasLoggedStart(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  const logs = fs.readdirSync(dir).filter((name) => /^cadence\.log(\.\d+)?$/.test(name));
  return logs.some((name) => isPlainFile(path.join(dir, name)) && START_LINE.test(fs.readFileSync(path.join(dir, name), 'utf8')));
}

/**
 * A plain-text log in the data folder, rotated by size (cadence.log, .1, .2, …) so it never
 * grows without bound. Errors carry their stack; nothing a person typed is logged on purpose.
 */
export class LogFile {
  readonly file: string;
  constructor(
    readonly dir: string,
    private readonly clock: Clock,
    private readonly maxBytes = 1024 * 1024,
    private readonly keep = 3,
  ) {
    ensurePrivateDir(dir);
    this.file = path.join(dir, 'cadence.log');
  }

  info(message: string): void {
    this.write('INFO', message);
  }

  error(operation: string, error: unknown): void {
    this.write('ERROR', `${operation} failed: ${String((error as Error)?.stack ?? error)}`);
  }

  /** The last error entries, newest last, for "copy diagnostics". */
  recentErrors(limit = 20): string[] {
    const text = isPlainFile(this.file) ? fs.readFileSync(this.file, 'utf8') : '';
    return text
      .split(/\n(?=\d{4}-\d{2}-\d{2}T)/)
      .filter((entry) => / ERROR /.test(entry.slice(0, 40)))
      .slice(-limit)
      .map((entry) => entry.trimEnd());
  }

  private write(level: 'INFO' | 'ERROR', message: string): void {
    // Something other than a file of its own in the log's place: no log. A pipe would hold this write until something
    // reads it, and through a link the lines went into whatever file it led to (a file of the person's).
    if (fs.lstatSync(this.file, { throwIfNoEntry: false })?.isFile() === false) return;
    try {
      if (fs.existsSync(this.file) && fs.statSync(this.file).size >= this.maxBytes) this.rotate();
    } catch {
      // Rotation failed (a full disk): keep writing to the current file.
    }
    const line = `${new Date(this.clock.now()).toISOString()} ${level} ${message}\n`;
    let before = 0;
    try {
      before = fs.statSync(this.file).size;
    } catch {
      /* no log yet */
    }
    try {
      fs.appendFileSync(this.file, line, { mode: PRIVATE_FILE_MODE });
    } catch {
      // A log that cannot be written must never take the app down with it. A full disk may have taken
      // half the line: cut it off, or the next line would be glued to it.
      try {
        fs.truncateSync(this.file, before);
      } catch {
        /* nothing more can be done here */
      }
    }
  }

  private rotate(): void {
    for (let i = this.keep; i >= 1; i--) {
      const from = i === 1 ? this.file : `${this.file}.${i - 1}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i}`);
    }
  }
}
