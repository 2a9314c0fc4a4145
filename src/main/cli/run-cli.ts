import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-folder/data-dir';
import { DataDirLockedError } from '../data-folder/data-lock';
import { openForReading, openForWriting, type CliData } from './cli-data';
import { CliError, UsageError } from './cli-errors';
import { exportDecisions, exportMinutes, listMeetings, listTeams, searchDecisions, type Output } from './commands';
import { linkTeam, syncTeams } from './sync-commands';
import { COMMANDS, GLOBAL_HELP, OPTIONS, commandHelp, type CommandSpec } from './usage';

export interface CliContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  version: string;
  io: Output;
}

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function parse(argv: string[]): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    // node:util's own words, e.g. "Unknown option '--frmat'", are clear enough once the stack is gone.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '.');
    throw new UsageError(/[.!?]$/.test(message) ? message : `${message}.`);
  }
}

function findCommand(positionals: string[]): CommandSpec | null {
  return COMMANDS.find((c) => c.words.every((w, i) => positionals[i] === w)) ?? null;
}

async function run(spec: CommandSpec, args: string[], values: Values, ctx: CliContext): Promise<void> {
  const dataDir = values['data-dir'] !== undefined ? resolveDataDir({ CADENCE_DATA_DIR: values['data-dir'] }) : resolveDataDir(ctx.env);
  if (values['data-dir'] !== undefined && !values['data-dir'].trim()) throw new UsageError('--data-dir needs a folder.');
  const writes = ['demo', 'sync'].includes(spec.words[0]!);
  const data: CliData = writes ? await openForWriting(dataDir) : openForReading(dataDir);
  try {
    switch (spec.words.join(' ')) {
      case 'export minutes':
        return exportMinutes(data, values, ctx.io);
      case 'export decisions':
        return exportDecisions(data, values, ctx.io);
      case 'decisions search':
        return searchDecisions(data, args[0]!, values, ctx.io);
      case 'meetings list':
        return listMeetings(data, values, ctx.io);
      case 'sync':
        return await syncTeams(data, values, ctx.env, ctx.io);
      case 'sync link':
        return await linkTeam(data, args[0]!, values, ctx.env, ctx.io);
      case 'teams list':
        return listTeams(data, ctx.io);
      case 'demo load': {
        const team = data.services.demo.load();
        ctx.io.out(`The demo team “${team.name}” is loaded (${team.id}).`);
        return;
      }
    }
  } finally {
    data.close();
  }
}

/** Runs one command line; answers the exit code: 0 done, 1 failed, 2 not understood. */
export async function runCli(ctx: CliContext): Promise<number> {
  const { io } = ctx;
  // Known before parsing, so a bad option still gets its command's usage line.
  let helpFor = findCommand(ctx.argv)?.words.join(' ') ?? '';
  try {
    const { values, positionals } = parse(ctx.argv);
    if (values.version) {
      io.out(ctx.version);
      return 0;
    }
    const spec = findCommand(positionals);
    if (!spec) {
      if (positionals.length === 0 && values.help) {
        io.out(GLOBAL_HELP);
        return 0;
      }
      if (positionals.length === 0) throw new UsageError('Say what to do.');
      const group = COMMANDS.filter((c) => c.words[0] === positionals[0]);
      if (group.length > 0 && values.help && positionals.length === 1) {
        io.out(group.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n'));
        return 0;
      }
      throw new UsageError(`Unknown command “${positionals.join(' ')}”.`);
    }
    helpFor = spec.words.join(' ');
    if (values.help) {
      io.out(commandHelp(spec));
      return 0;
    }
    const given = Object.keys(values).filter((k) => k !== 'data-dir' && !spec.options.includes(k));
    if (given.length > 0) throw new UsageError(`${helpFor} does not take --${given[0]}.`, helpFor);
    const rest = positionals.slice(spec.words.length);
    const args =
      spec.variadic && rest.length > spec.positionals
        ? [...rest.slice(0, spec.positionals - 1), rest.slice(spec.positionals - 1).join(' ')]
        : rest;
    if (args.length < spec.positionals)
      throw new UsageError(`${helpFor} needs ${spec.positionals === 1 ? 'an argument' : 'arguments'}.`, helpFor);
    if (args.length > spec.positionals) throw new UsageError(`Unexpected “${args[spec.positionals]}”.`, helpFor);
    await run(spec, args, values, ctx);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      const about = error.helpFor || helpFor;
      io.err(`cadence: ${error.message}`);
      io.err(
        about
          ? `Usage: ${COMMANDS.find((c) => c.words.join(' ') === about)!.usage}\nMore: cadence ${about} --help`
          : 'Run cadence --help for the commands.',
      );
      return 2;
    }
    const known = error instanceof CliError || error instanceof DataDirLockedError || error instanceof Error;
    io.err(`cadence: ${known ? (error as Error).message : String(error)}`);
    if (ctx.env.CADENCE_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
