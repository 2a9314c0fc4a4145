import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run-cli';
import { terminalText } from '../../src/main/cli/terminal-text';
import { closeEvery, openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/temp-dirs';

const temp = tempDirs('cli-terminal');
const cores: TestCore[] = [];
afterEach(() => {
  closeEvery(cores.splice(0));
  temp.removeAll();
});

async function cadence(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli({ argv, env: {}, version: 'test', io: { out: (s) => out.push(s), err: (s) => err.push(s) } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// What a terminal obeys: ESC, BEL, CR and the C1 controls (U+009B is CSI where 8-bit controls are read).
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/**
 * A team archive (as a teammate or a synced repository would send) whose team's name carries terminal
 * control sequences, imported into a data folder of its own; typing could never put them there.
 */
async function folderWithHostileArchive(): Promise<string> {
  const source = await openTestCore();
  cores.push(source);
  const team = await source.call('teams.create', { name: 'Evil', timeZone: 'UTC', members: ['Eve'] });
  const { content } = await source.call('archive.export', { teamId: team.id });
  // The header's team name and the teams row's.
  const hostile = content.replaceAll('"name":"Evil"', '"name":"Evil\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b31m"');
  const dir = temp.make();
  const target = await openTestCore(Date.parse('2026-11-24T09:00:00Z'), dir);
  cores.push(target);
  const imported = await target.call('archive.import', { content: hostile });
  expect(imported.team.name).toContain('\u001b]0;PWNED');
  return dir;
}

describe('the command line prints what a terminal shows, never what it obeys', () => {
  it('names from an imported archive come out with their control characters as visible signs', async () => {
    const dir = await folderWithHostileArchive();
    const teams = await cadence(['teams', 'list', '--data-dir', dir]);
    expect(teams.code).toBe(0);
    expect(teams.out).not.toMatch(OBEYED);
    expect(teams.out).toContain('Evil␛]0;PWNED␇␛[2J\uFFFD31m');
    // A refusal that lists the teams by name is as safe.
    const missing = await cadence(['meetings', 'list', '--team', 'nobody', '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Evil␛]0;PWNED');
    expect(missing.err).not.toMatch(OBEYED);
  });

  it('keeps tabs and line breaks, and every other character as it is', () => {
    expect(terminalText('a\tb\nc')).toBe('a\tb\nc');
    expect(terminalText('Zoë 田中 🚀 \u2028')).toBe('Zoë 田中 🚀 \u2028');
    expect(terminalText('\u0000\u0007\u001b\r\u007f\u0085\u009b')).toBe('␀␇␛␍␡\uFFFD\uFFFD');
  });
});
