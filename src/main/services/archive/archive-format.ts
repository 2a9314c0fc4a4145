import { z } from 'zod';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION } from '@shared/archive';
import { DomainError } from '@shared/result';
import type { ArchiveRow, ColumnInfo } from '../../db/repositories/archive-repository';

const bad = (message: string) => new DomainError('invalid_input', `${message} Nothing was imported.`);

/** The envelope's schema, built at the first import rather than when the module loads (every start loads it). */
const headerSchema = () =>
  z
    .object({
      format: z.literal(ARCHIVE_FORMAT),
      formatVersion: z.number().int().min(1),
      schemaVersion: z.number().int().min(1),
      exportedAt: z.number().int().min(0),
      team: z.object({ id: z.uuid(), name: z.string().min(1).max(120) }).strict(),
      builtinTemplates: z.array(z.object({ id: z.uuid(), key: z.string().min(1).max(100) }).strict()).max(1000),
      tables: z.record(z.string(), z.array(z.unknown())),
    })
    .strict();
let header: ReturnType<typeof headerSchema> | undefined;

export type ArchiveHeader = z.infer<ReturnType<typeof headerSchema>>;

/** The archive's envelope, with the messages a person can act on: not an archive, truncated, too new. */
export function parseHeader(content: string, schemaVersion: number): ArchiveHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw bad('This file is not complete JSON: it may be cut short, or not be a Cadence archive.');
  }
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (obj.format !== ARCHIVE_FORMAT) throw bad(`This file is not a Cadence team archive (its format is not “${ARCHIVE_FORMAT}”).`);
  const formatVersion = typeof obj.formatVersion === 'number' ? obj.formatVersion : 0;
  if (formatVersion > ARCHIVE_FORMAT_VERSION)
    throw bad(
      `This archive was made by a newer Cadence (archive format ${formatVersion}; this one reads up to ${ARCHIVE_FORMAT_VERSION}). Update Cadence to import it.`,
    );
  const archivedSchema = typeof obj.schemaVersion === 'number' ? obj.schemaVersion : 0;
  if (archivedSchema > schemaVersion)
    throw bad(
      `This archive was made by a newer Cadence (database version ${archivedSchema}; this one knows up to ${schemaVersion}). Update Cadence to import it.`,
    );
  const parsed = (header ??= headerSchema()).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw bad(`The archive's ${issue.path.join('.') || 'header'} is not as Cadence writes it (${issue.message}).`);
  }
  return parsed.data;
}

/** A DEFAULT clause as SQLite reports it, when it is a plain literal. */
function literal(sql: string | null): { value: string | number } | null {
  if (sql === null) return null;
  if (/^-?\d+$/.test(sql)) return { value: Number(sql) };
  const text = /^'((?:[^']|'')*)'$/s.exec(sql);
  return text ? { value: text[1]!.replace(/''/g, "'") } : null;
}

/**
 * A zod schema for one table's rows, built from the columns SQLite reports, so a table added
 * to the archive needs no schema written by hand. A column the archive leaves out (it came from
 * an older Cadence) takes its default or null; a NOT NULL column without a default is required.
 * CHECK constraints are SQLite's to enforce when the row is written.
 */
export function rowSchema(columns: readonly ColumnInfo[]): z.ZodType<ArchiveRow> {
  const shape: Record<string, z.ZodType> = {};
  for (const col of columns) {
    const what = col.type === 'TEXT' ? 'text' : col.type === 'INTEGER' ? 'a whole number' : 'a number';
    const error = (iss: { input?: unknown }) => (iss.input === undefined ? `${col.name} is missing` : `${col.name} must be ${what}`);
    let schema: z.ZodType =
      col.type === 'TEXT' ? z.string({ error }) : col.type === 'INTEGER' ? z.number({ error }).int({ error }) : z.number({ error });
    if (!col.notNull) schema = schema.nullable();
    const fallback = literal(col.defaultSql);
    if (fallback) schema = schema.default(fallback.value as never);
    else if (!col.notNull) schema = schema.default(null as never);
    shape[col.name] = schema;
  }
  return z.object(shape).strict() as unknown as z.ZodType<ArchiveRow>;
}

/** "members row 4: name is missing". */
export function describeRowError(table: string, index: number, error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return `${table} row ${index + 1} has a field Cadence does not know: ${issue.keys.join(', ')}.`;
  if (issue.path.length === 0) return `${table} row ${index + 1} is not a row of fields.`;
  return `${table} row ${index + 1}: ${issue.message}.`;
}
