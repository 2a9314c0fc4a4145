import { diffWords } from 'diff';
import type { AgreementDiff, AgreementVersion, FieldChange, RowChange, TextPart } from './agreements';

export function wordParts(before: string, after: string): TextPart[] {
  return diffWords(before, after).map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

function field(label: string, before: string, after: string): FieldChange[] {
  return before === after ? [] : [{ field: label, before, after, parts: wordParts(before, after) }];
}

function summary(v: AgreementVersion) {
  return { id: v.id, version: v.version, changeNote: v.changeNote, revisitBy: v.revisitBy, createdAt: v.createdAt };
}

/** Rows matched by id: a row whose id is in both is "changed" if any of its fields differ. */
function rowChanges<R extends { id: string }>(
  section: RowChange['section'],
  before: R[],
  after: R[],
  label: (row: R) => string,
  fields: (row: R) => [string, string][],
): RowChange[] {
  const out: RowChange[] = [];
  const afterIds = new Set(after.map((r) => r.id));
  const beforeById = new Map(before.map((r) => [r.id, r]));
  for (const old of before) {
    if (!afterIds.has(old.id))
      out.push({ section, change: 'removed', label: label(old), fields: fields(old).flatMap(([f, v]) => field(f, v, '')) });
  }
  for (const row of after) {
    const old = beforeById.get(row.id);
    if (!old) {
      out.push({ section, change: 'added', label: label(row), fields: fields(row).flatMap(([f, v]) => field(f, '', v)) });
      continue;
    }
    const was = new Map(fields(old));
    const changed = fields(row).flatMap(([f, v]) => field(f, was.get(f) ?? '', v));
    if (changed.length > 0) out.push({ section, change: 'changed', label: label(row), fields: changed });
  }
  return out;
}

/** What changed from one version to another, field by field and row by row. */
export function diffAgreements(from: AgreementVersion, to: AgreementVersion): AgreementDiff {
  const a = from.body;
  const b = to.body;
  const fields = [
    ...field('Check-in cadence', a.checkInCadence, b.checkInCadence),
    ...field('Communication quality', a.norms.communication, b.norms.communication),
    ...field('Response times', a.norms.responseTimes, b.norms.responseTimes),
    ...field('Documentation', a.norms.documentation, b.norms.documentation),
    ...field('Free text', a.freeText, b.freeText),
    ...field('Revisit by', from.revisitBy, to.revisitBy),
  ];
  const rows = [
    ...rowChanges(
      'Decision rights',
      from.rights,
      to.rights,
      (r) => r.kind,
      (r) => [
        ['Kind of decision', r.kind],
        ['Who decides', r.deciderName],
        ['Consulted', r.consulted],
        ['Informed', r.informed],
      ],
    ),
    ...rowChanges(
      'Escalation paths',
      a.escalationPaths,
      b.escalationPaths,
      (r) => r.when,
      (r) => [
        ['When', r.when],
        ['To whom', r.to],
      ],
    ),
  ];
  return { from: summary(from), to: summary(to), fields, rows };
}
