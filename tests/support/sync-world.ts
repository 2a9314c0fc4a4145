import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/main/core/clock';
import { applyPragmas } from '../../src/main/db/open-database';
import { Sql } from '../../src/main/db/query';
import { createRepositories, type Repositories } from '../../src/main/db/repositories';
import { mergeTeamTree, teamTree, type MergeOutcome, type TreeFiles } from '../../src/main/services/sync/sync-data';
import { readTeamState } from '../../src/main/services/sync/team-rows';
import { openTestCore, type TestCore } from './core';

/** One laptop's data folder and the tree it last synced (what git's last synced commit would hold). */
export interface Laptop {
  name: string;
  t: TestCore;
  repos: Repositories;
  base: TreeFiles | null;
}

export async function openLaptop(name: string, start: number): Promise<Laptop> {
  const t = await openTestCore(start);
  return { name, t, repos: createRepositories(new Sql(t.core.opened.db)), base: null };
}

export const sameTree = (a: TreeFiles | null, b: TreeFiles | null): boolean =>
  (a?.size ?? 0) === (b?.size ?? 0) && [...(a ?? new Map<string, string>())].every(([path, text]) => b?.get(path) === text);

/**
 * The same merge on a copy of the laptop's database opened afresh (so nothing of this process's last sync is at
 * hand: every file parsed, every line serialised), at the same instant: the tree and the team's data it leaves.
 */
function mergeOnFreshCopy(laptop: Laptop, teamId: string, clock: Clock, base: TreeFiles | null, theirs: TreeFiles | null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-sync-full-'));
  try {
    const file = path.join(dir, 'copy.sqlite');
    laptop.repos.sql.db.prepare('VACUUM INTO ?').run(file);
    const db = new Database(file);
    try {
      applyPragmas(db);
      const repos = createRepositories(new Sql(db));
      const outcome = mergeTeamTree(repos, clock, teamId, base, theirs);
      return { outcome, checksum: teamChecksum(repos, teamId), stamps: storedStamps(repos, teamId) };
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const storedStamps = (repos: Repositories, teamId: string): string =>
  JSON.stringify(repos.sync.stamps(teamId).sort((a, b) => (`${a.table} ${a.key}` < `${b.table} ${b.key}` ? -1 : 1)));

/** A remote without git: the list of trees pushed, newest last. A push is a new tree on top of the one merged with. */
export class Remote {
  readonly trees: TreeFiles[] = [];
  /** againstFullPath: every sync is also run on a fresh copy of the database, which must end the same to the byte. */
  constructor(private readonly options: { againstFullPath?: boolean } = {}) {}
  head(): TreeFiles | null {
    return this.trees.at(-1) ?? null;
  }
  /** Fetch, merge, push: what syncgit does around mergeTeamTree, with the last synced tree as the base. */
  sync(laptop: Laptop, teamId: string): MergeOutcome {
    const at = laptop.t.clock.now();
    const clock = { now: () => at };
    const full = this.options.againstFullPath ? mergeOnFreshCopy(laptop, teamId, clock, laptop.base, this.head()) : null;
    const outcome = mergeTeamTree(laptop.repos, clock, teamId, laptop.base, this.head());
    if (full) {
      if (!sameTree(full.outcome.tree, outcome.tree) || full.outcome.summary !== outcome.summary)
        throw new Error(`${laptop.name}: the incremental merge's tree differs from the full merge's`);
      if (full.checksum !== teamChecksum(laptop.repos, teamId) || full.stamps !== storedStamps(laptop.repos, teamId))
        throw new Error(`${laptop.name}: the incremental merge left other data than the full merge`);
    }
    // The database holds exactly the merged tree.
    if (!sameTree(teamTree(laptop.repos, teamId), outcome.tree))
      throw new Error(`${laptop.name}: the database does not hold the merged tree`);
    if (!sameTree(outcome.tree, this.head())) this.trees.push(outcome.tree);
    laptop.base = outcome.tree;
    return outcome;
  }
}

/**
 * A fingerprint of a team's data as the laptops share it: every row of every team table, as the
 * tree carries it (built-in templates by key, which laptops share; ratings of a meeting with an
 * anonymous one without raters, as they travel), stamps left out.
 */
export function teamChecksum(repos: Repositories, teamId: string): string {
  const hash = createHash('sha256');
  for (const [table, rows] of readTeamState(repos, teamId).tables)
    for (const key of [...rows.keys()].sort()) hash.update(`${table} ${key} ${JSON.stringify(rows.get(key)!.row)}\n`);
  return hash.digest('hex');
}

/** Rows of every table in the database file, to prove a refused sync wrote nothing. */
export function rowCounts(repos: Repositories): Record<string, number> {
  const db = repos.sql.db;
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'decisions_fts%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
}
