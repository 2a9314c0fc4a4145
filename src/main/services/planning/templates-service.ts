import type { AgendaTemplate, TemplateItem } from '@shared/planning';
import { DomainError } from '@shared/result';
import type { Clock } from '../../core/clock';
import { uuidv7 } from '../../core/ids';
import type { Repositories } from '../../db/repositories';
import type { TemplateRecord } from '../../db/repositories/templates-repository';
import { BUILTIN_TEMPLATES } from './builtin-templates';

const MINUTE = 60_000;

export class TemplatesService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /** Built-ins are rows too (series point at them); added once, never changed underneath a team. */
  ensureBuiltins(): void {
    this.repos.sql.transaction(() => {
      for (const builtin of BUILTIN_TEMPLATES) {
        if (this.repos.templates.findBuiltin(builtin.key)) continue;
        this.insert(null, builtin.name, builtin.description, builtin.items, builtin.key);
      }
    });
  }

  list(teamId: string | null): AgendaTemplate[] {
    return this.repos.templates.listFor(teamId).map((row) => this.toDomain(row));
  }

  get(id: string): AgendaTemplate {
    const row = this.repos.templates.find(id);
    if (!row || row.archivedAt !== null) throw new DomainError('not_found', 'That agenda template does not exist');
    return this.toDomain(row);
  }

  builtinId(key: string): string {
    const row = this.repos.templates.findBuiltin(key);
    if (!row) throw new DomainError('not_found', `No built-in template ${key}`);
    return row.id;
  }

  /** Saves a meeting's agenda as the team's own template. */
  saveFromMeeting(meetingId: string, name: string): AgendaTemplate {
    return this.repos.sql.transaction(() => {
      const meeting = this.repos.meetings.find(meetingId);
      if (!meeting) throw new DomainError('not_found', 'That meeting does not exist');
      const items = this.repos.meetings.items(meetingId);
      if (items.length === 0) throw new DomainError('invalid_input', 'An empty agenda cannot become a template');
      const clash = this.repos.templates.listFor(meeting.teamId).find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      if (clash)
        throw new DomainError('conflict', `A template called “${clash.name}” already exists`, { reason: 'name_taken', path: 'name' });
      const id = this.insert(
        meeting.teamId,
        name,
        `Saved from “${meeting.title}”`,
        items.map((i) => ({ kind: i.kind, title: i.title, plannedMin: Math.round(i.plannedMs / MINUTE), notes: i.plan })),
        null,
      );
      return this.get(id);
    });
  }

  private insert(teamId: string | null, name: string, description: string, items: TemplateItem[], builtinKey: string | null): string {
    const id = uuidv7(this.clock);
    this.repos.templates.insert(
      { id, team_id: teamId, builtin_key: builtinKey, name, description, created_at: this.clock.now(), archived_at: null },
      items.map((item, position) => ({
        id: uuidv7(this.clock),
        template_id: id,
        position,
        kind: item.kind,
        title: item.title,
        planned_ms: item.plannedMin * MINUTE,
        notes: item.notes,
      })),
    );
    return id;
  }

  private toDomain(row: TemplateRecord): AgendaTemplate {
    const items = this.repos.templates.items(row.id);
    return {
      id: row.id,
      teamId: row.teamId,
      builtin: row.builtinKey !== null,
      name: row.name,
      description: row.description,
      items,
      totalMin: items.reduce((sum, i) => sum + i.plannedMin, 0),
    };
  }
}
