import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/db/migrations';
import { openDatabase } from '../../src/main/db/open-database';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadence-chosen-'));
  file = path.join(dir, 'cadence.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const option = (title: string) => ({ title, pros: '', cons: '' });

describe('migration 012: the chosen option of decisions recorded before it', () => {
  it('is filled only where exactly one option’s every word is in a decided record’s title or text', async () => {
    const before = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 12) });
    before.db.prepare("insert into teams values ('t1', 'Ops', 'UTC', 1, 1, null)").run();
    const insert = before.db.prepare(
      'insert into decisions (id, team_id, title, decision, options_json, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, 1)',
    );
    const rows: [string, string, string, unknown, string][] = [
      ['one', 'Move to a two-week release train', '', [option('Two-week train'), option('Weekly releases')], 'accepted'],
      ['text', 'Release cadence', 'We go with weekly releases.', [option('Two-week train'), option('Weekly releases')], 'superseded'],
      ['both', 'Weekly releases on a two-week train', '', [option('Two-week train'), option('Weekly releases')], 'accepted'],
      ['none', 'Keep things as they are', '', [option('Two-week train'), option('Weekly releases')], 'accepted'],
      ['open', 'Move to a two-week release train', '', [option('Two-week train'), option('Weekly releases')], 'deferred'],
      ['nooptions', 'Move to a two-week release train', '', [], 'accepted'],
      ['broken', 'Move to a two-week release train', '', 'not json', 'accepted'],
    ];
    for (const [id, title, decision, options, status] of rows)
      insert.run(id, 't1', title, decision, typeof options === 'string' ? options : JSON.stringify(options), status);
    before.db.close();

    const after = await openDatabase(file);
    const chosen = Object.fromEntries(
      (after.db.prepare('select id, chosen_option from decisions').all() as { id: string; chosen_option: string | null }[]).map((r) => [
        r.id,
        r.chosen_option,
      ]),
    );
    after.db.close();
    expect(chosen).toEqual({
      one: 'Two-week train',
      text: 'Weekly releases',
      both: null,
      none: null,
      open: null,
      nooptions: null,
      broken: null,
    });
    const raw = new Database(file, { readonly: true });
    // Migrated to the latest version, whatever later migrations follow 012.
    expect(raw.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    raw.close();
  });
});
