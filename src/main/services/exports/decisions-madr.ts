import type { PhrasingContent, RootContent } from 'mdast';
import { stringify } from 'yaml';
import { decisionStatusLabel, resolutionLabel, stanceLabel, type DecisionDetail, type DecisionLink } from '@shared/decisions';
import type { ExportedFile } from '@shared/planning';
import { fileSlug } from '../planning/file-names';
import { toZoned } from '../planning/zoned-time';
import type { DecisionExportScope, DecisionRecord } from './decision-records';
import { heading, link, list, oneLine, paragraph, paragraphs, serialise, strong, table, text } from './markdown-nodes';

export const MADR_INDEX = 'README.md';

/** `0001-release-every-two-weeks.md`: four digits in the export's order, then the title. */
export function madrFileName(position: number, title: string): string {
  return `${String(position).padStart(4, '0')}-${fileSlug(title)}.md`;
}

function objectionLine(o: DecisionDetail['objections'][number]): string {
  const outcome = o.resolution
    ? `${resolutionLabel(o.resolution)}${o.resolution === 'overruled' && o.resolvedByName ? ` by ${o.resolvedByName}` : ''}` +
      `${o.escalatedTo ? ` to ${o.escalatedTo}` : ''}${o.resolutionNote ? `: ${o.resolutionNote}` : ''}` +
      `${o.textAfter ? ` (the proposal became: ${o.textAfter})` : ''}`
    : 'Unresolved';
  return `${o.memberName} (${stanceLabel(o.stance).toLowerCase()}): “${o.reason}” → ${outcome}`;
}

/**
 * One decision as a MADR file (Markdown Architectural Decision Records): YAML front matter for
 * tools, then the record. The body is an mdast tree, so no title or note can change its structure.
 */
function decisionFile(record: DecisionRecord, fileOf: (id: string) => string | null, numberOf: (id: string) => string): ExportedFile {
  const d = record.detail;
  const ref = (l: DecisionLink): PhrasingContent[] => {
    const file = fileOf(l.id);
    return file ? [link(`./${file}`, `${numberOf(l.id)} ${l.title}`)] : [text(`${oneLine(l.title)} (not in this export)`)];
  };
  const meta: (string | PhrasingContent[])[] = [
    `Status: ${decisionStatusLabel(d.status)}`,
    `Date: ${record.date}`,
    `Team: ${d.teamName}`,
    `Decision owner: ${d.ownerName ?? 'not named'}`,
    `Decision right: ${d.decisionRight ?? 'not recorded'}`,
    ...(d.proposerName ? [`Proposed by: ${d.proposerName}`] : []),
    ...(d.meetingTitle ? [`Meeting: ${d.meetingTitle}`] : ['Meeting: recorded outside a meeting']),
    ...(d.supersedes ? [[text(d.supersedeKind === 'reverses' ? 'Reverses: ' : 'Supersedes: '), ...ref(d.supersedes)]] : []),
    ...(d.replacedBy
      ? [[text(d.replacedBy.supersedeKind === 'reverses' ? 'Reversed by: ' : 'Superseded by: '), ...ref(d.replacedBy)]]
      : []),
    `Review date: ${d.reviewDate ?? 'none set'}`,
    ...(d.tags.length ? [`Tags: ${d.tags.join(', ')}`] : []),
  ];
  const body: RootContent[] = [heading(1, d.title), list(meta)];

  body.push(heading(2, 'Context and Problem Statement'));
  const problem = [...paragraphs(d.question, 'Question:'), ...paragraphs(d.context)];
  body.push(...(problem.length ? problem : [paragraph(text('Not recorded.'))]));

  if (d.options.length > 0) {
    body.push(heading(2, 'Considered Options'), list(d.options.map((o) => o.title)));
  }

  body.push(heading(2, 'Decision Outcome'));
  const outcome = paragraphs(d.decision, d.status === 'proposed' || d.status === 'deferred' ? 'Proposal:' : 'Decision:');
  body.push(...(outcome.length ? outcome : [paragraph(text('Not written yet.'))]));
  if (d.rationale.trim()) body.push(heading(3, 'Rationale'), ...paragraphs(d.rationale));
  if (d.risks.trim() || d.timeline.trim()) {
    body.push(heading(3, 'Consequences'), ...paragraphs(d.risks, 'Risks acknowledged:'), ...paragraphs(d.timeline, 'Expected timeline:'));
  }
  if (d.confirmedAt) body.push(paragraph(text('Read back and confirmed by the room.')));

  const argued = d.options.filter((o) => o.pros.trim() || o.cons.trim());
  if (argued.length > 0) {
    body.push(heading(2, 'Pros and Cons of the Options'));
    for (const o of argued) {
      body.push(heading(3, o.title));
      body.push(list([...(o.pros.trim() ? [`Good, because ${o.pros}`] : []), ...(o.cons.trim() ? [`Bad, because ${o.cons}`] : [])]));
    }
  }

  if (d.positions.length > 0 || d.objections.length > 0) {
    body.push(heading(2, 'Positions and Objections'));
    if (d.positions.length > 0) {
      body.push(
        table(
          ['Member', 'Position', 'Reason'],
          d.positions.map((p) => [p.memberName, stanceLabel(p.stance), p.reason ?? '']),
          ['left', 'left', 'left'],
        ),
      );
    }
    if (d.objections.length > 0) body.push(heading(3, 'Objections and how each was resolved'), list(d.objections.map(objectionLine)));
  }

  if (d.chain.length > 1) {
    body.push(heading(2, 'Supersede chain'));
    body.push({
      type: 'list',
      ordered: true,
      spread: false,
      children: d.chain.map((l) => ({
        type: 'listItem',
        spread: false,
        children: [
          paragraph(
            ...(l.id === d.id ? [strong(`${oneLine(l.title)} (this decision)`)] : ref(l)),
            text(` (${decisionStatusLabel(l.status)})`),
          ),
        ],
      })),
    } as RootContent);
  }

  if (d.amendments.length > 0) {
    body.push(heading(2, 'Amendments'));
    body.push(
      list(
        d.amendments.map(
          (a) => `${toZoned(a.at, record.zone).date}: ${a.reason} (${a.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join('; ')})`,
        ),
      ),
    );
  }

  const front = stringify({
    status: d.status,
    date: record.date,
    'decision-makers': d.ownerName ? [d.ownerName] : [],
    consulted: d.positions.map((p) => p.memberName),
  });
  return { suggestedName: fileOf(d.id)!, content: `---\n${front}---\n\n${serialise(body)}` };
}

/** The decisions of one team (or all) as a MADR folder: numbered files plus an index README.md. */
export function decisionsMadr(scope: DecisionExportScope, exportedOn: string): ExportedFile[] {
  const names = new Map<string, string>();
  const numbers = new Map<string, string>();
  scope.records.forEach((r, i) => {
    names.set(r.detail.id, madrFileName(i + 1, r.detail.title));
    numbers.set(r.detail.id, String(i + 1).padStart(4, '0'));
  });
  const fileOf = (id: string) => names.get(id) ?? null;
  const numberOf = (id: string) => numbers.get(id) ?? '';
  const files = scope.records.map((r) => decisionFile(r, fileOf, numberOf));

  const index: RootContent[] = [
    heading(1, `Decisions: ${scope.title}`),
    paragraph(
      text(
        `Exported from Cadence on ${exportedOn}: ${scope.records.length} decision${scope.records.length === 1 ? '' : 's'}, ` +
          'numbered in the order they were decided. Each file follows the MADR layout.',
      ),
    ),
  ];
  if (scope.records.length > 0) {
    index.push(
      table(
        ['#', 'Decision', 'Status', 'Date', ...(scope.teamName ? [] : ['Team']), 'Owner'],
        scope.records.map((r) => [
          numberOf(r.detail.id),
          link(`./${fileOf(r.detail.id)!}`, r.detail.title),
          decisionStatusLabel(r.detail.status),
          r.date,
          ...(scope.teamName ? [] : [r.detail.teamName]),
          r.detail.ownerName ?? '',
        ]),
        ['right', 'left', 'left', 'left', ...(scope.teamName ? [] : ['left' as const]), 'left'],
      ),
    );
  }
  return [...files, { suggestedName: MADR_INDEX, content: serialise(index) }];
}
