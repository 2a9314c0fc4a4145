/**
 * The decision log's search, each kind of question a person asks measured in the service (query reading,
 * count, order, page of rows, marking) beside SQLite's FTS5 answering a two-word search alone (top 50 ranked
 * with highlight) in the same run. Every iteration asks another question: other words, another team,
 * another page, so no figure comes from answering the same thing twice.
 */
import { contract, type InputOf } from '@shared/contract';
import type { CadenceCore } from '../core/cadence-core';
import { openReadOnly } from '../db/open-read-only';
import { Sql } from '../db/query';
import { createRepositories } from '../db/repositories';
import { systemClock } from '../core/clock';
import { DecisionLog } from '../services/decisions/decision-log';
import { toSearchQuery } from '../services/decisions/search-query';
import { documentFrequencies, ms, percentile, rawFts, ratioRow, samples, spread, type BenchRow } from './bench-kit';

const TARGET = { maxMs: 20, maxRatio: 3 };
type SearchInput = Partial<InputOf<'decisions.search'>>;

/** This thread's CPU time in ms (user and system): what a busy machine stretches less than the clock. */
function cpuMs(): number {
  const used = process.threadCpuUsage();
  return (used.user + used.system) / 1000;
}

/** Runs fn n times like `samples`, and also answers each run's CPU time. */
async function samplesWithCpu(n: number, fn: (i: number) => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  const cpu: number[] = [];
  const wall = await samples(n, async (i) => {
    const start = cpuMs();
    await fn(i);
    cpu.push(cpuMs() - start);
  });
  return { wall, cpu };
}

/**
 * The row with the CPU time beside the clock's: where the load is high, CPU time is what a change moved. The mean, as
 * well as the p95: the kernel may count a thread's time in 4 ms ticks, which a mean over many samples evens out.
 */
function withCpu(row: BenchRow, cpu: number[]): BenchRow {
  const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  return { ...row, value: `${row.value} (CPU mean ${ms(mean)}, p95 ${ms(percentile(cpu, 95))})` };
}

/** Distinct, in first-seen order: a question asked twice would be answered from a warm cache. */
const distinct = <T>(items: T[], key: (item: T) => string = String) => [...new Map(items.map((i) => [key(i), i])).values()];

export async function benchDecisionSearch(core: CadenceCore, vocabulary: readonly string[]): Promise<BenchRow[]> {
  const db = core.opened.db;
  const file = core.opened.file;
  const decisions = (db.prepare('select count(*) as n from decisions').get() as { n: number }).n;
  const teamIds = (db.prepare('select id from teams order by name').all() as { id: string }[]).map((r) => r.id);
  const rationales = (db.prepare('select rationale from decisions where rowid % 997 = 0 limit 200').all() as { rationale: string }[]).map(
    (r) => r.rationale.split(' '),
  );
  const twoWords = distinct(rationales.map((w, i) => `${w[1 + (i % 8)]} ${w[10 + (i % 7)]}`));
  const df = documentFrequencies(file, distinct(rationales.flat().filter((w) => /^[a-z]+$/.test(w))));
  // The words a person remembers are usually the telling ones: each found in under 1% of decisions.
  const telling = distinct(
    rationales
      .map((w) => w.filter((word) => (df.get(word) ?? decisions) < decisions / 100).slice(0, 2))
      .filter((pair) => pair.length === 2)
      .map((pair) => pair.join(' ')),
  );
  const prefixes = distinct(twoWords.map((q) => q.slice(0, 3)).filter((p) => /^[a-z]{3}$/.test(p)));
  const frequencies = [...documentFrequencies(file, vocabulary.slice(0, 60))];
  const commonest = frequencies.filter(([, n]) => n > decisions / 10).map(([w]) => w);
  // In most decisions, so a ten-year team's matches pass the bound: counted to it, the most recently recorded first.
  const mostly = frequencies.filter(([, n]) => n > decisions / 2).map(([w]) => w);

  const raw = spread(
    rawFts(
      file,
      twoWords.map((q) => toSearchQuery(q).match!),
    ),
  );
  const limit = { name: 'raw FTS5', p95: raw.p95 };
  const rows: BenchRow[] = [
    {
      label: `raw FTS5: two words from a rationale, top 50 ranked with highlight (${twoWords.length} pairs), p50 / p95`,
      value: `${ms(raw.p50)} / ${ms(raw.p95)} ms`,
    },
  ];

  const search = async (label: string, inputs: SearchInput[]) => {
    let hits = 0;
    let bounded = 0;
    const { wall, cpu } = await samplesWithCpu(inputs.length, (i) => {
      const page = core.services.decisions.search(contract['decisions.search'].input.parse(inputs[i]));
      hits += page.total;
      if (!page.totalIsExact) bounded++;
    });
    const counted = `avg ${Math.round(hits / inputs.length)} counted${bounded ? `, ${bounded} of ${inputs.length} "more than"` : ''}`;
    rows.push(withCpu(ratioRow(`${label} (${inputs.length} questions, ${counted})`, wall, limit, TARGET), cpu));
  };
  const team = (i: number) => teamIds[i % teamIds.length]!;
  await search(
    'decision search: two words from a rationale, all teams',
    twoWords.map((query) => ({ query })),
  );
  await search(
    'decision search: two telling words from a rationale',
    telling.map((query) => ({ query })),
  );
  await search(
    'decision search: two words from a rationale, one team (each in turn), accepted only',
    twoWords.map((query, i) => ({ query, teamId: team(i), statuses: ['accepted'] })),
  );
  await search(
    'decision search: one word typed so far (3-letter prefix)',
    prefixes.map((query) => ({ query })),
  );
  await search(
    'decision search: one of the commonest words (each in over 10% of decisions)',
    commonest.map((query) => ({ query })),
  );
  await search(
    'decision search: one team (each in turn), a word in most decisions (over 2,000 matches)',
    mostly.flatMap((query) => teamIds.map((teamId) => ({ query, teamId }))).slice(0, 60),
  );
  await search(
    'decision log, first page, no search (all teams, then each team; newest, then oldest first)',
    (['newest', 'oldest'] as const).flatMap((sort) => [null, ...teamIds].map((teamId) => ({ teamId, sort }))),
  );
  await search(
    'decision log, has dissent, one team (each in turn; newest, then oldest first)',
    (['newest', 'oldest'] as const).flatMap((sort) => teamIds.map((teamId) => ({ teamId, hasDissent: true, sort }))),
  );
  await search(
    'decision log, a deep page (offset 50,000 onwards, another page each time)',
    Array.from({ length: 20 }, (_, i) => ({ offset: 50_000 + i * 1_000 })),
  );

  // Cold: a connection just opened, its first search (another question each time), opening included.
  const cold = await samplesWithCpu(10, (i) => {
    const fresh = openReadOnly(file);
    try {
      const log = new DecisionLog(createRepositories(new Sql(fresh.db)), systemClock);
      log.search(contract['decisions.search'].input.parse({ query: twoWords[(i * 17) % twoWords.length] }));
    } finally {
      fresh.close();
    }
  });
  rows.push(
    withCpu(ratioRow('decision search, cold: open a connection and search two words (10 questions)', cold.wall, limit, TARGET), cold.cpu),
  );

  return rows;
}
