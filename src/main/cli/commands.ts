import fs from 'node:fs';
import path from 'node:path';
import { decisionCount, MARK_END, MARK_START } from '@shared/decisions';
import type { ExportedFile, MeetingSummary } from '@shared/planning';
import { DomainError } from '@shared/result';
import { describeWriteError, writeFileAtomic } from '../data-folder/atomic-write';
import { collectDecisions } from '../services/exports/decision-records';
import { decisionLogHtml } from '../services/exports/decision-log-html';
import { decisionsMadr } from '../services/exports/decisions-madr';
import { renamedRecords } from '../services/exports/madr-renamed';
import { writeFilesToFolder } from '../services/exports/write-folder';
import { toZoned } from '../services/planning/zoned-time';
import type { CliData } from './cli-data';
import { CliError, UsageError } from './cli-errors';
import { MINUTES_FORMATS } from './minutes-formats';
import { refuseDataFolder } from './out-path';
import { contract } from '@shared/contract';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
const today = () => toZoned(Date.now(), localZone()).date;

/** A team by id or by name (case ignored); a name two teams share must be given as an id. */
export function resolveTeam(data: CliData, given: string | undefined): string | null {
  if (given === undefined) return null;
  const teams = data.repos.teams.list();
  const byId = teams.find((t) => t.id === given.trim());
  if (byId) return byId.id;
  const wanted = given.trim().toLocaleLowerCase();
  const named = teams.filter((t) => t.name.toLocaleLowerCase() === wanted);
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1)
    throw new CliError(`${named.length} teams are named “${given}”: give one by id (${named.map((t) => t.id).join(', ')}).`);
  const known = teams.map((t) => t.name).join(', ');
  throw new CliError(`There is no team “${given}”. ${known ? `Teams: ${known}.` : 'There are no teams yet.'}`);
}

function writeOrPrint(file: ExportedFile, out: string | undefined, data: CliData, io: Output): void {
  if (out === undefined) {
    io.out(file.content.replace(/\n$/, ''));
    return;
  }
  refuseDataFolder(out, data.dataDir);
  // An existing folder takes the file under its usual name, as `cp` would.
  const given = path.resolve(out);
  const target = fs.statSync(given, { throwIfNoEntry: false })?.isDirectory() ? path.join(given, file.suggestedName) : given;
  try {
    writeFileAtomic(target, file.content);
  } catch (error) {
    throw new CliError(describeWriteError(error, target));
  }
  io.out(`Wrote ${target}`);
}

/** Minutes record what happened: a meeting not yet held (or still running) has none to give. */
function refuseUnheld(meeting: MeetingSummary): void {
  if (meeting.status === 'ended') return;
  const when = meeting.scheduledStart !== null ? ` on ${toZoned(meeting.scheduledStart, meeting.timeZone).date}` : '';
  const state = meeting.status === 'live' ? 'is still running' : 'has not been held yet';
  throw new CliError(`“${meeting.title}”${when} ${state}, so it has no minutes to export. Export them once it has ended.`);
}

export function exportMinutes(data: CliData, opts: { meeting?: string; format?: string; out?: string }, io: Output): void {
  if (!opts.meeting) throw new UsageError('Say which meeting: --meeting <id> (find ids with `cadence meetings list`).', 'export minutes');
  const format = opts.format ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError(`Unknown format “${format}”: use md or html.`, 'export minutes');
  const render = MINUTES_FORMATS[format];
  let source;
  try {
    source = data.services.minutes.source(opts.meeting);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') {
      throw new CliError(`There is no meeting with id “${opts.meeting}”. List meetings and their ids with: cadence meetings list`);
    }
    throw error;
  }
  refuseUnheld(source.detail.meeting);
  writeOrPrint(render(source), opts.out, data, io);
}

export function exportDecisions(data: CliData, opts: { team?: string; format?: string; out?: string }, io: Output): void {
  const help = 'export decisions';
  if (opts.format !== 'madr' && opts.format !== 'html') {
    throw new UsageError(
      opts.format ? `Unknown format “${opts.format}”: use madr or html.` : 'Say which format: --format madr or --format html.',
      help,
    );
  }
  const scope = collectDecisions(data.repos, resolveTeam(data, opts.team));
  if (opts.format === 'html') {
    writeOrPrint(decisionLogHtml(scope, today()), opts.out, data, io);
    return;
  }
  if (!opts.out) throw new UsageError('Say which folder to write the MADR files into: --out <folder>.', help);
  refuseDataFolder(opts.out, data.dataDir);
  const folder = path.resolve(opts.out);
  const outcome = writeFilesToFolder(folder, decisionsMadr(scope), renamedRecords);
  if (outcome.status === 'failed') throw new CliError(outcome.message);
  const indexes = outcome.files - scope.records.length;
  io.out(
    `Wrote ${outcome.files} files to ${folder} (${scope.records.length} decisions and ${indexes === 1 ? 'README.md' : `${indexes} README.md indexes`}).`,
  );
}

const plainMarks = (text: string) => text.replaceAll(MARK_START, '*').replaceAll(MARK_END, '*');

export function searchDecisions(data: CliData, words: string, opts: { team?: string; limit?: string }, io: Output): void {
  const limit = opts.limit === undefined ? 20 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new UsageError('--limit takes a whole number from 1 to 500.', 'decisions search');
  const teamId = resolveTeam(data, opts.team);
  // The search's own defaults (no filters), as the app's log starts.
  const page = data.services.decisions.search(contract['decisions.search'].input.parse({ query: words, teamId, sort: 'relevance', limit }));
  if (page.notice) io.err(page.notice);
  if (page.rows.length === 0) {
    io.err(`No decisions match “${words}”.`);
    return;
  }
  const zones = new Map(data.repos.teams.list().map((t) => [t.id, t.timeZone]));
  page.rows.forEach((row, i) => {
    const date = toZoned(row.loggedAt, zones.get(row.teamId) ?? localZone()).date;
    const team = teamId ? '' : `  [${row.teamName}]`;
    io.out(`${String(i + 1).padStart(3)}  ${date}  ${row.status.padEnd(10)}  ${plainMarks(row.titleMarked)}${team}`);
  });
  if (!page.totalIsExact) io.err(`${decisionCount(page)} match; ${page.rows.length} shown. Add a word, or raise --limit to see more.`);
  else if (page.total > page.rows.length) io.err(`${page.total - page.rows.length} more; raise --limit to see them.`);
}

export function listMeetings(data: CliData, opts: { team?: string }, io: Output): void {
  const lists = data.services.meetings.list(resolveTeam(data, opts.team));
  const all = [...lists.past, ...lists.upcoming].sort((a, b) => (a.scheduledStart ?? 0) - (b.scheduledStart ?? 0));
  if (all.length === 0) io.err('No meetings yet.');
  for (const m of all) {
    const when = m.scheduledStart !== null ? toZoned(m.scheduledStart, m.timeZone) : null;
    io.out(
      `${m.id}  ${when ? `${when.date} ${when.time}` : 'unscheduled     '}  ${(m.calledOff ? 'called-off' : m.status).padEnd(10)}  ${m.teamName}: ${m.title}`,
    );
  }
}

export function listTeams(data: CliData, io: Output): void {
  const teams = data.repos.teams.list();
  if (teams.length === 0) io.err('No teams yet.');
  for (const t of teams) io.out(`${t.id}  ${t.name}`);
}
