import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openForReading } from '../../src/main/cli/cli-data';
import { MARK_END, MARK_START } from '../../src/shared/decisions';
import { buildCliIfStale, runCadence } from '../support/cli-binary';
import { startServer } from '../support/server';

/** The real `cadence` binary on temp data folders. */
const dirs: string[] = [];
let dataDir: string;

function temp(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cadence-cli-${label}-`));
  dirs.push(dir);
  return dir;
}

function cadence(args: string[], options: { dataDir?: string | null; env?: Record<string, string> } & SpawnSyncOptions = {}) {
  const { dataDir: dir = dataDir, ...rest } = options;
  return runCadence(args, dir, rest);
}

beforeAll(() => {
  buildCliIfStale();
  dataDir = temp('data');
  const loaded = cadence(['demo', 'load']);
  expect(loaded.err).toBe('');
  expect(loaded.out).toMatch(/^The demo team “Harbor Product Team” is loaded/);
  expect(loaded.code).toBe(0);
}, 120_000);

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function meetingId(status: 'ended' | 'planned'): string {
  const list = cadence(['meetings', 'list', '--team', 'harbor product team']);
  expect(list.code).toBe(0);
  const line = list.out.split('\n').find((l) => l.split(/\s+/)[3] === status);
  return line!.split(/\s+/)[0]!;
}
const endedMeetingId = () => meetingId('ended');

describe('cadence, the command line', () => {
  it('answers --version and --help, and help for a command', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string; bin: Record<string, string> };
    expect(pkg.bin.cadence).toBe('bin/cadence.mjs');
    expect(cadence(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    const help = cadence(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['export minutes', 'export decisions', 'decisions search', 'meetings list']) expect(help.out).toContain(cmd);
    expect(help.out).toContain('Exit codes: 0 done, 1 failed');
    const sub = cadence(['export', 'decisions', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('Usage: cadence export decisions [--team <name or id>] --format madr|html --out <folder or file>');
  });

  it('exports a meeting’s minutes as Markdown, the same text the app exports', async () => {
    const meetingId = endedMeetingId();
    const out = path.join(temp('out'), 'minutes.md');
    const run = cadence(['export', 'minutes', '--meeting', meetingId, '--format', 'md', '--out', out]);
    expect(run).toEqual({ code: 0, out: `Wrote ${out}\n`, err: '' });
    const data = openForReading(dataDir);
    try {
      expect(fs.readFileSync(out, 'utf8')).toBe((await data.services.minutes.markdown(meetingId)).content);
    } finally {
      data.close();
    }
    expect(fs.readFileSync(out, 'utf8')).toMatch(
      /^---\nmeeting: Monday accountability\n[^]*\n---\n\n# Minutes: Monday accountability, \d{4}-\d\d-\d\d\n\n- Team: Harbor Product Team\n/,
    );
  });

  it('exports the decisions of a team as a MADR folder and as one HTML file', () => {
    const folder = path.join(temp('madr'), 'docs', 'decisions');
    const madr = cadence(['export', 'decisions', '--team', 'Harbor Product Team', '--format', 'madr', '--out', folder]);
    expect(madr.code).toBe(0);
    const names = fs.readdirSync(folder).sort();
    expect(madr.out).toBe(`Wrote ${names.length} files to ${folder} (${names.length - 1} decisions and README.md).\n`);
    expect(names).toContain('README.md');
    expect(names).toContain('0001-ship-when-a-feature-is-ready.md');
    expect(fs.readFileSync(path.join(folder, '0001-ship-when-a-feature-is-ready.md'), 'utf8')).toContain('# Ship when a feature is ready');
    const file = path.join(temp('html'), 'log.html');
    const html = cadence(['export', 'decisions', '--format', 'html', '--out', file]);
    expect(html.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('<title>Decision log: All teams</title>');
  });

  it('searches the decision log, one line a decision with its rank, date, status and title', () => {
    const run = cadence(['decisions', 'search', 'two-week release', '--team', 'Harbor Product Team', '--limit', '3']);
    expect(run.code).toBe(0);
    const lines = run.out.replace(/\n$/, '').split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(3);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^ {2}${i + 1} {2}\\d{4}-\\d{2}-\\d{2} {2}[a-z]+ +\\S`)));
    // The demo is loaded on today's clock, so its dates move with the day: the line gives the decision's own date.
    const db = new Database(path.join(dataDir, 'cadence.sqlite'), { readonly: true });
    const { decided_at } = db.prepare('SELECT decided_at FROM decisions WHERE title = ?').get('Move to a two-week release train') as {
      decided_at: number;
    };
    db.close();
    const decided = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(decided_at);
    expect(lines).toContainEqual(
      `  ${lines.findIndex((l) => l.endsWith('train')) + 1}  ${decided}  accepted    Move to a *two*-*week* *release* train`,
    );
    expect(run.out.includes(MARK_START) || run.out.includes(MARK_END)).toBe(false);
    // Unquoted words are one search.
    expect(cadence(['decisions', 'search', 'two-week', 'release']).out).toContain('Move to a *two*-*week* *release* train');
    const none = cadence(['decisions', 'search', 'zebra']);
    expect(none).toEqual({ code: 0, out: '', err: 'No decisions match “zebra”.\n' });
  });

  it('says "more than 2,000" when a search matches more decisions than it counts', () => {
    const dir = temp('many');
    fs.copyFileSync(path.join(dataDir, 'cadence.sqlite'), path.join(dir, 'cadence.sqlite'));
    const db = new Database(path.join(dir, 'cadence.sqlite'));
    const teamId = (db.prepare('SELECT id FROM teams LIMIT 1').get() as { id: string }).id;
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2100)
       INSERT INTO decisions (id, team_id, title, status, rationale, decided_at, created_at, updated_at)
       SELECT printf('01900000-0000-7000-8000-%012d', i), ?, 'Budget line ' || i, 'accepted', 'budget', i, i, i FROM n`,
    ).run(teamId);
    db.close();
    const run = cadence(['decisions', 'search', 'budget', '--limit', '5'], { dataDir: dir });
    expect(run.code).toBe(0);
    expect(run.out.split('\n').filter(Boolean)).toHaveLength(5);
    expect(run.err).toContain('More than 2,000 decisions match; 5 shown. Add a word, or raise --limit to see more.');
  });

  it('exits 2 with a usage hint when the command line is not understood', () => {
    for (const args of [
      ['frobnicate'],
      [],
      ['export', 'minutes', '--frmat', 'md'],
      ['export', 'minutes', '--meeting'],
      ['export', 'decisions', '--out', '/tmp/x'],
      ['export', 'decisions', '--format', 'pdf', '--out', '/tmp/x'],
      ['decisions', 'search'],
      ['decisions', 'search', 'x', '--limit', 'many'],
      ['meetings', 'list', '--meeting', 'x'],
    ]) {
      const run = cadence(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.out).toBe('');
      expect(run.err, args.join(' ')).toMatch(
        /^cadence: .+\n(Usage: cadence .+\nMore: cadence .+ --help|Run cadence --help for the commands\.)\n$/,
      );
      expect(run.err).not.toMatch(/at .+:\d+:\d+/);
    }
  }, 60_000);

  it('exits 1 with a clear message for an unknown meeting or team, and for a folder without a database', () => {
    const meeting = cadence(['export', 'minutes', '--meeting', '01a00000-0000-7000-8000-000000000000', '--format', 'md']);
    expect(meeting).toEqual({
      code: 1,
      out: '',
      err: 'cadence: There is no meeting with id “01a00000-0000-7000-8000-000000000000”. List meetings and their ids with: cadence meetings list\n',
    });
    const team = cadence(['meetings', 'list', '--team', 'Nobody']);
    expect(team).toEqual({ code: 1, out: '', err: 'cadence: There is no team “Nobody”. Teams: Harbor Product Team.\n' });
    const html = cadence(['export', 'minutes', '--meeting', endedMeetingId(), '--format', 'html']);
    // HTML minutes are the same file the app exports.
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>/i);
    expect(html.out).toContain('<meta http-equiv="Content-Security-Policy"');

    const empty = path.join(temp('empty'), 'nothing-here');
    const missing = cadence(['teams', 'list', '--data-dir', empty], { dataDir: null });
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^cadence: There is no Cadence database in .*nothing-here .*Open Cadence once to create it/);
    expect(fs.existsSync(empty)).toBe(false);
  }, 60_000);

  it('refuses a database at another schema version with what to do, changing nothing', () => {
    for (const [version, words] of [
      [3, 'is from an older Cadence (schema 3; this one needs'],
      [99, 'was written by a newer Cadence (schema 99; this one knows up to'],
    ] as const) {
      const dir = temp(`v${version}`);
      fs.copyFileSync(path.join(dataDir, 'cadence.sqlite'), path.join(dir, 'cadence.sqlite'));
      const db = new Database(path.join(dir, 'cadence.sqlite'));
      db.pragma(`user_version = ${version}`);
      db.close();
      const run = cadence(['teams', 'list'], { dataDir: dir });
      expect(run.code).toBe(1);
      expect(run.err).toContain(words);
      expect(run.err).toContain(version === 3 ? 'Open the Cadence app once to upgrade it' : 'this Cadence is older than the app');
      const after = new Database(path.join(dir, 'cadence.sqlite'), { readonly: true });
      expect(after.pragma('user_version', { simple: true })).toBe(version);
      after.close();
    }
  });

  it('refuses a second writer while another process holds the data folder, and reads meanwhile', async () => {
    const server = await startServer({ dataDir });
    try {
      const writer = cadence(['demo', 'load']);
      expect(writer.code).toBe(1);
      expect(writer.err).toMatch(
        /^cadence: Another Cadence process \(browser server, pid \d+, since .+\) is using the data folder .+\. Close it first/,
      );
      expect(cadence(['teams', 'list']).code).toBe(0);
      const search = cadence(['decisions', 'search', 'release']);
      expect(search.code).toBe(0);
      expect(search.out).toContain('Move to a two-week *release* train');
      expect(cadence(['export', 'decisions', '--format', 'html']).code).toBe(0);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('takes over a stale lock left by a process that is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    fs.writeFileSync(
      path.join(dataDir, 'cadence.lock'),
      JSON.stringify({ pid, host: os.hostname(), kind: 'cli', since: Date.now() - 60_000 }),
    );
    const run = cadence(['demo', 'load']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'cadence.lock'))).toBe(false);
    // Taken over and deleted, not kept aside: files must not pile up after crashes.
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('cadence.lock'))).toEqual([]);
  });

  it('writes into a folder given as --out under the file’s own name, and says in words what else is wrong with --out', () => {
    const meeting = endedMeetingId();
    const folder = temp('into');
    const into = cadence(['export', 'minutes', '--meeting', meeting, '--format', 'md', '--out', folder]);
    const [written] = fs.readdirSync(folder);
    expect(written).toMatch(/^\d{4}-\d{2}-\d{2}-monday-accountability\.md$/);
    expect(into).toEqual({ code: 0, out: `Wrote ${path.join(folder, written!)}\n`, err: '' });

    const missing = path.join(folder, 'never-made', 'minutes.md');
    expect(cadence(['export', 'minutes', '--meeting', meeting, '--format', 'md', '--out', missing])).toEqual({
      code: 1,
      out: '',
      err: `cadence: The folder ${path.dirname(missing)} does not exist. Create it or choose another one. Nothing was changed.\n`,
    });

    const aFile = path.join(folder, written!);
    const underFile = path.join(aFile, 'minutes.md');
    expect(cadence(['export', 'minutes', '--meeting', meeting, '--format', 'md', '--out', underFile])).toEqual({
      code: 1,
      out: '',
      err: `cadence: Part of ${aFile} is a file, not a folder. Choose a folder. Nothing was changed.\n`,
    });

    const before = fs.readFileSync(aFile, 'utf8');
    expect(cadence(['export', 'decisions', '--format', 'madr', '--out', aFile])).toEqual({
      code: 1,
      out: '',
      err: `cadence: ${aFile} is a file, not a folder. Give a folder for the files. Nothing was changed.\n`,
    });
    expect(fs.readFileSync(aFile, 'utf8')).toBe(before);
    expect(fs.readdirSync(folder)).toEqual([written]);
  });

  it('never writes an export into the data folder, where one typo in --out would replace the database', () => {
    const meeting = endedMeetingId();
    const database = path.join(dataDir, 'cadence.sqlite');
    const before = fs.readFileSync(database);
    // The same folder reached through a symbolic link is the same folder.
    const link = path.join(temp('link'), 'cadence-data');
    fs.symlinkSync(dataDir, link);
    for (const out of [database, path.join(link, 'cadence.sqlite'), path.join(dataDir, 'backups'), dataDir]) {
      for (const args of [
        ['export', 'minutes', '--meeting', meeting, '--format', 'md', '--out', out],
        ['export', 'decisions', '--format', 'madr', '--out', out],
      ])
        expect(cadence(args), args.join(' ')).toEqual({
          code: 1,
          out: '',
          err: `cadence: ${out} is in Cadence’s data folder (${dataDir}), where an export could replace the database. Choose another place. Nothing was changed.\n`,
        });
    }
    expect(fs.readFileSync(database).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((n) => n.endsWith('.md') || n.endsWith('.html'))).toEqual([]);
    expect(cadence(['teams', 'list']).code).toBe(0);
  });

  it('refuses the minutes of a meeting not yet held, with exit code 1 and nothing written', () => {
    const out = path.join(temp('unheld'), 'minutes.md');
    const run = cadence(['export', 'minutes', '--meeting', meetingId('planned'), '--format', 'md', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toMatch(
      /^cadence: “Monday accountability” on \d{4}-\d{2}-\d{2} has not been held yet, so it has no minutes to export\./,
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(cadence(['export', 'minutes', '--meeting', meetingId('planned'), '--format', 'html']).code).toBe(1);
  });

  // Node's recursive mkdir never returns where mkdir answers "no such file" under a folder that exists (/proc): a
  // MADR folder typed there hung the process for good, the app's with it (its answering thread spun at 100%).
  it('gives up in words on a folder that cannot be made, and never hangs', () => {
    const madr = cadence(['export', 'decisions', '--format', 'madr', '--out', '/proc/self/cadence-decisions'], { timeout: 20_000 });
    expect(madr).toEqual({
      code: 1,
      out: '',
      err: 'cadence: The folder /proc/self/cadence-decisions could not be made (ENOENT). Choose another folder. Nothing was changed.\n',
    });
    // The same for a data folder there: refused, not a process spinning for good.
    const load = cadence(['demo', 'load', '--data-dir', '/proc/self/cadence-data'], { timeout: 20_000 });
    expect(load.code).toBe(1);
    expect(load.err).toMatch(/^cadence: .*\/proc\/self\/cadence-data/);
  });

  it('says clearly when it may not write the output, and leaves an existing file intact', () => {
    const folder = temp('readonly');
    const target = path.join(folder, 'log.html');
    fs.writeFileSync(target, 'the old log');
    fs.chmodSync(folder, 0o555);
    // Root writes anywhere, so as root the command runs as nobody, who then owns the data folder (it is
    // readable by its owner only) but may not write to the output folder.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      fs.chownSync(dataDir, 65534, 65534);
      for (const name of fs.readdirSync(dataDir, { recursive: true }) as string[]) fs.chownSync(path.join(dataDir, name), 65534, 65534);
    }
    const as = asRoot ? { uid: 65534, gid: 65534 } : {};
    try {
      const html = cadence(['export', 'decisions', '--format', 'html', '--out', target], as);
      expect(html).toEqual({
        code: 1,
        out: '',
        err: `cadence: Cadence may not write to ${folder}. Choose another folder. Nothing was changed.\n`,
      });
      const madr = cadence(['export', 'decisions', '--format', 'madr', '--out', folder], as);
      expect(madr.code).toBe(1);
      expect(madr.err).toBe(`cadence: Cadence may not write to ${folder}. Choose another folder. Nothing was changed.\n`);
      expect(fs.readFileSync(target, 'utf8')).toBe('the old log');
      expect(fs.readdirSync(folder)).toEqual(['log.html']);
    } finally {
      fs.chmodSync(folder, 0o755);
      if (asRoot) fs.chmodSync(dataDir, 0o700);
    }
  });
});
