import type { EpochMs, Id } from '@shared/domain';
import type { TemplateItem } from '@shared/planning';
import { qb, type Sql } from '../query';
import type { AgendaTemplateItemsTable, AgendaTemplatesTable } from '../schema';

const MINUTE = 60_000;

/** A template's own fields; its items are read apart (a list of templates does not need them). */
export interface TemplateRecord {
  id: Id;
  /** null for a built-in, which every team sees. */
  teamId: Id | null;
  builtinKey: string | null;
  name: string;
  description: string;
  createdAt: EpochMs;
  archivedAt: EpochMs | null;
}

function toRecord(row: AgendaTemplatesTable): TemplateRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    builtinKey: row.builtin_key,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
  };
}

export class TemplatesRepository {
  constructor(private readonly sql: Sql) {}

  /** Built-in templates and the team's own, built-ins first. */
  listFor(teamId: string | null): TemplateRecord[] {
    return this.sql
      .all(
        qb
          .selectFrom('agenda_templates')
          .selectAll()
          .where('archived_at', 'is', null)
          .where((eb) => (teamId ? eb.or([eb('team_id', 'is', null), eb('team_id', '=', teamId)]) : eb('team_id', 'is', null)))
          .orderBy((eb) => eb.case().when('builtin_key', 'is not', null).then(0).else(1).end())
          .orderBy('created_at'),
      )
      .map(toRecord);
  }

  find(id: string): TemplateRecord | null {
    const row = this.sql.first(qb.selectFrom('agenda_templates').selectAll().where('id', '=', id));
    return row ? toRecord(row) : null;
  }

  findBuiltin(key: string): TemplateRecord | null {
    const row = this.sql.first(qb.selectFrom('agenda_templates').selectAll().where('builtin_key', '=', key));
    return row ? toRecord(row) : null;
  }

  items(templateId: string): TemplateItem[] {
    return this.sql
      .all(qb.selectFrom('agenda_template_items').selectAll().where('template_id', '=', templateId).orderBy('position'))
      .map((i) => ({ kind: i.kind, title: i.title, plannedMin: Math.round(i.planned_ms / MINUTE), notes: i.notes }));
  }

  insert(template: AgendaTemplatesTable, items: AgendaTemplateItemsTable[]): void {
    this.sql.run(qb.insertInto('agenda_templates').values(template));
    for (const item of items) this.sql.run(qb.insertInto('agenda_template_items').values(item));
  }
}
