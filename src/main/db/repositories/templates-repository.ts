import { qb, type Sql } from '../query';
import type { AgendaTemplateItemsTable, AgendaTemplatesTable } from '../schema';

export class TemplatesRepository {
  constructor(private readonly sql: Sql) {}

  /** Built-in templates and the team's own, built-ins first. */
  listFor(teamId: string | null): AgendaTemplatesTable[] {
    return this.sql.all(
      qb
        .selectFrom('agenda_templates')
        .selectAll()
        .where('archived_at', 'is', null)
        .where((eb) => (teamId ? eb.or([eb('team_id', 'is', null), eb('team_id', '=', teamId)]) : eb('team_id', 'is', null)))
        .orderBy((eb) => eb.case().when('builtin_key', 'is not', null).then(0).else(1).end())
        .orderBy('created_at'),
    );
  }

  find(id: string): AgendaTemplatesTable | null {
    return this.sql.first(qb.selectFrom('agenda_templates').selectAll().where('id', '=', id)) ?? null;
  }

  findBuiltin(key: string): AgendaTemplatesTable | null {
    return this.sql.first(qb.selectFrom('agenda_templates').selectAll().where('builtin_key', '=', key)) ?? null;
  }

  items(templateId: string): AgendaTemplateItemsTable[] {
    return this.sql.all(qb.selectFrom('agenda_template_items').selectAll().where('template_id', '=', templateId).orderBy('position'));
  }

  insert(template: AgendaTemplatesTable, items: AgendaTemplateItemsTable[]): void {
    this.sql.run(qb.insertInto('agenda_templates').values(template));
    for (const item of items) this.sql.run(qb.insertInto('agenda_template_items').values(item));
  }
}
