import type { Output } from './commands';

// C0 controls but tab and newline, DEL, and the C1 controls (U+0080–U+009F: a terminal may take U+009B as CSI).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * A line as a terminal shows it, never as it obeys it: every control character but tab and newline becomes a visible
 * sign (ESC reads ␛, CR ␍, DEL ␡, a C1 control �). Names and titles reach the command line's output from a team
 * archive or a synced repository, which can hold what typing cannot (a team named with ESC ] 0 ; … BEL retitled the
 * window, ESC [ 2 J cleared the screen, CR and ESC [ 1 A wrote over the lines above with a line of its own).
 */
export function terminalText(line: string): string {
  return line.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/** The command line's output with every line made safe for a terminal (terminalText). */
export function terminalOutput(io: Output): Output {
  return { out: (line) => io.out(terminalText(line)), err: (line) => io.err(terminalText(line)) };
}
