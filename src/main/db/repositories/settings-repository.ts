import { qb, type Sql } from '../query';

export class SettingsRepository {
  constructor(private readonly sql: Sql) {}

  get(key: string): unknown {
    const row = this.sql.first(qb.selectFrom('settings').select('value_json').where('key', '=', key));
    return row ? (JSON.parse(row.value_json) as unknown) : undefined;
  }

  set(key: string, value: unknown): void {
    const value_json = JSON.stringify(value);
    this.sql.run(
      qb
        .insertInto('settings')
        .values({ key, value_json })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json })),
    );
  }
}
