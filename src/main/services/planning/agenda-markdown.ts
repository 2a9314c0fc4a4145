import type { Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ExportedFile, MeetingDetail } from '@shared/planning';
import { kindLabel } from '@shared/planning';
import { paragraphs } from '../exports/markdown-nodes';
import { fileSlug } from './file-names';
import { toZoned } from './zoned-time';

const OLD_BUSINESS_LABEL: Record<MeetingDetail['oldBusiness'][number]['source'], string> = {
  not_reached: 'Not reached last time',
  parking_lot: 'Parking lot',
  open_commitment: 'Open commitment',
  open_proposal: 'Open proposal',
  objection: 'Unresolved objection',
  decision_review: 'Decision due for review',
  agreement_revisit: 'Operating agreement due for revisit',
};

const text = (value: string) => ({ type: 'text' as const, value });
const cell = (value: string) => ({ type: 'tableCell' as const, children: [text(value)] });
/** Table cells hold one line; multi-line text goes into paragraphs below the table. */
const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ');

/**
 * The agenda as GitHub-flavoured Markdown, built as a syntax tree and serialised by
 * mdast-util-to-markdown: a title like `# x | y *z* <script>` stays text in its cell.
 */
export function agendaMarkdown(detail: MeetingDetail): ExportedFile {
  const { meeting, items, attendees, oldBusiness, members } = detail;
  const names = new Map(members.map((m) => [m.id, m.name]));
  const when = meeting.scheduledStart !== null ? toZoned(meeting.scheduledStart, meeting.timeZone) : null;
  const total = items.reduce((sum, i) => sum + i.plannedMin, 0);

  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(`Agenda: ${oneLine(meeting.title)}`)] },
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        `Team: ${meeting.teamName}`,
        when ? `When: ${when.date} ${when.time} (${meeting.timeZone})` : 'When: not scheduled',
        `Facilitator: ${meeting.facilitatorName ?? 'not chosen'}`,
        `Planned: ${total} of ${meeting.plannedLengthMin} minutes${total > meeting.plannedLengthMin ? ` (over by ${total - meeting.plannedLengthMin})` : ''}`,
        `Expected: ${
          attendees
            .filter((a) => a.status !== 'absent')
            .map((a) => a.name)
            .join(', ') || 'nobody yet'
        }`,
      ].map((line) => ({
        type: 'listItem' as const,
        spread: false,
        children: [{ type: 'paragraph' as const, children: [text(oneLine(line))] }],
      })),
    },
    { type: 'heading', depth: 2, children: [text('Items')] },
    {
      type: 'table',
      align: ['right', 'left', 'left', 'right', 'left'],
      children: [
        { type: 'tableRow', children: ['#', 'Item', 'Kind', 'Minutes', 'Owner'].map(cell) } as TableRow,
        ...items.map((item, i): TableRow => ({
          type: 'tableRow',
          children: [
            cell(String(i + 1)),
            cell(oneLine(item.title) + (item.carriedFromId ? ' (carried over)' : '')),
            cell(kindLabel(item.kind)),
            cell(String(item.plannedMin)),
            cell(item.ownerId ? (names.get(item.ownerId) ?? '') : ''),
          ],
        })),
      ],
    },
  ];

  const planned = items.filter((i) => i.plan.trim());
  if (planned.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [text('Plan')] });
    for (const item of planned) {
      children.push({ type: 'heading', depth: 3, children: [text(oneLine(item.title))] });
      // Each typed line a line of its own (a hard break: a code host renders a soft one as a space).
      children.push(...paragraphs(item.plan));
    }
  }

  if (oldBusiness.length > 0) {
    children.push({ type: 'heading', depth: 2, children: [text('Old business')] });
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: oldBusiness.map((o) => ({
        type: 'listItem' as const,
        spread: false,
        children: [
          {
            type: 'paragraph' as const,
            children: [text(`${OLD_BUSINESS_LABEL[o.source]}: ${oneLine(o.title)}`)],
          },
        ],
      })),
    });
  }

  const root: Root = { type: 'root', children };
  const date = when?.date ?? 'unscheduled';
  return {
    suggestedName: `${date}-${fileSlug(meeting.title)}-agenda.md`,
    content: toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-' }),
  };
}
