/** The commands, the options each accepts, and the help a shell user reads. */
export interface CommandSpec {
  words: string[];
  summary: string;
  usage: string;
  options: string[];
  /** Required positional arguments after the command words. */
  positionals: number;
  /** More positionals than that are joined into the last one (unquoted search words). */
  variadic?: boolean;
  help: string;
}

export const OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  meeting: { type: 'string' },
  team: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  limit: { type: 'string' },
} as const;

export const COMMANDS: CommandSpec[] = [
  {
    words: ['export', 'minutes'],
    summary: 'Write the minutes of a meeting to a file',
    usage: 'cadence export minutes --meeting <id> --format md|html [--out <file or folder>]',
    options: ['meeting', 'format', 'out'],
    positionals: 0,
    help: 'Without --out the minutes are printed; a folder takes them under their usual name. Only a meeting that has ended has minutes. Find a meeting id with `cadence meetings list`.',
  },
  {
    words: ['export', 'decisions'],
    summary: 'Write the decision log as a MADR folder or one HTML file',
    usage: 'cadence export decisions [--team <name or id>] --format madr|html --out <folder or file>',
    options: ['team', 'format', 'out'],
    positionals: 0,
    help:
      'madr writes one MADR 4.0 file per decision, named by its number for life, and a README.md index into the folder\n' +
      '(created if missing; every team: a folder per team);\n' +
      'html writes one self-contained page with search that works offline. Without --team: every team.',
  },
  {
    words: ['decisions', 'search'],
    summary: 'Search the decision log',
    usage: 'cadence decisions search "<words>" [--team <name or id>] [--limit N]',
    options: ['team', 'limit'],
    positionals: 1,
    variadic: true,
    help:
      'Prints rank, date, status and title, one decision a line, best match first (at most 20 unless --limit).\n' +
      'The words may be quoted or not; matched words are shown between *stars*.',
  },
  {
    words: ['meetings', 'list'],
    summary: 'List meetings with their ids',
    usage: 'cadence meetings list [--team <name or id>]',
    options: ['team'],
    positionals: 0,
    help: 'Prints id, date, status, team and title, one meeting a line, oldest first.',
  },
  {
    words: ['teams', 'list'],
    summary: 'List teams',
    usage: 'cadence teams list',
    options: [],
    positionals: 0,
    help: 'Prints id and name, one team a line.',
  },
  {
    words: ['sync', 'link'],
    summary: 'Link a team to a git repository and sync it (writes)',
    usage: 'cadence sync link <url-or-path> [--team <name or id>]',
    options: ['team'],
    positionals: 1,
    help:
      'With --team, links that team and pushes it to the repository (an empty one, or one that team already syncs with).\n' +
      'Without --team, joins the team the repository holds: this laptop gets it with its first sync.\n' +
      'git signs in with your own SSH key or credential helper; an address holding a password is refused.',
  },
  {
    words: ['sync'],
    summary: 'Sync linked teams with their git repositories now (writes)',
    usage: 'cadence sync [--team <name or id>]',
    options: ['team'],
    positionals: 0,
    help: 'Fetches, merges by Cadence’s rules, commits and pushes each linked team (or the one named), and prints what came in and went out.',
  },
  {
    words: ['demo', 'load'],
    summary: 'Load the demo team (writes; creates the database if needed)',
    usage: 'cadence demo load',
    options: [],
    positionals: 0,
    help: 'Takes the data-folder lock, so it is refused while the app or another writer has the folder open.',
  },
];

export const GLOBAL_HELP = `Cadence on the command line: the same data as the app, without the window.

Usage: cadence <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.words.join(' ').padEnd(18)} ${c.summary}`).join('\n')}

Options for every command:
  --data-dir <folder>  The data folder (default: CADENCE_DATA_DIR, else the app's own folder)
  -h, --help           Help for a command: cadence <command> --help
  -v, --version        The version

Reading commands work while the app is open; a command that writes (sync, demo load) is refused while
another Cadence process has the data folder.
Exit codes: 0 done, 1 failed (the reason is on stderr), 2 the command line was not understood.`;

export function commandHelp(spec: CommandSpec): string {
  const options = spec.options.length ? `\nOptions: ${spec.options.map((o) => `--${o}`).join(', ')}, --data-dir` : '\nOptions: --data-dir';
  return `${spec.summary}.\n\nUsage: ${spec.usage}\n\n${spec.help}${options}`;
}
