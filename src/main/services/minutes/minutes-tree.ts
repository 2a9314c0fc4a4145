import type { List, Root, RootContent, TableRow } from 'mdast';
import { rootCauseLabel, STATUS_LABELS, type CommitmentEvent } from '@shared/commitments';
import { decisionStatusLabel, resolutionLabel, stanceLabel, type Decision } from '@shared/decisions';
import type { MeetingDetail } from '@shared/planning';
import { kindLabel } from '@shared/planning';
import { toZoned } from '../planning/zoned-time';
import { minutesMeta } from './minutes-meta';

/** CommonMark reads NUL as U+FFFD; the minutes say so themselves, so Markdown and HTML agree. */
const text = (value: string) => ({ type: 'text' as const, value: value.replaceAll('\u0000', '\uFFFD') });
const cell = (value: string) => ({ type: 'tableCell' as const, children: [text(value)] });
const EDGE_BLANKS = /^[ \t]+|[ \t]+$/g;
const linesOf = (value: string) =>
  value
    .split(/\r\n?|\n/)
    .map((line) => line.replace(EDGE_BLANKS, ''))
    .filter(Boolean);
/**
 * Table cells, list lines and headings hold one line: line breaks fold into a space. Spaces and
 * tabs at the edges of a line carry nothing a reader sees, so they go everywhere.
 */
const oneLine = (value: string) => linesOf(value).join(' ');
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(oneLine(value))] });
/** Longer text keeps its lines; a blank line (or one of only spaces) starts a new paragraph. */
const paragraphs = (value: string): RootContent[] =>
  value
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((p) => linesOf(p).join('\n'))
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph', children: [text(p)] }));
const list = (lines: string[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: lines.map((line) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(oneLine(line))] }] })),
});
const table = (header: string[], rows: string[][], align: ('left' | 'right')[]): RootContent => ({
  type: 'table',
  align,
  children: [
    { type: 'tableRow', children: header.map(cell) } as TableRow,
    ...rows.map((r): TableRow => ({ type: 'tableRow', children: r.map((c) => cell(oneLine(c))) })),
  ],
});
const minutes = (ms: number) => Math.round(ms / 60_000);

function eventLine(e: CommitmentEvent): string {
  switch (e.kind) {
    case 'done':
      return 'done';
    case 'dropped':
      return `dropped: ${e.reason ?? ''}`;
    case 'status':
      return `${STATUS_LABELS[e.status ?? 'open'].toLowerCase()}${e.reason ? `: ${e.reason}` : ''}`;
    case 'renegotiated':
      return `renegotiated ${e.inAdvance ? 'in advance' : 'after the date'} from ${e.oldDueDate} to ${e.newDueDate}: ${e.reason ?? ''}`;
    case 'slipped':
      return `slipped (${e.rootCause ? rootCauseLabel(e.rootCause).toLowerCase() : 'no cause given'}); corrective action: ${e.correctiveAction ?? ''}`;
    case 'reassigned':
      return `handed over to ${e.newOwnerName ?? 'someone else'}: ${e.reason ?? ''}`;
    case 'created':
      return 'committed';
  }
}

/**
 * The minutes of a meeting as a Markdown syntax tree (mdast with GFM tables). Markdown and HTML are
 * both serialised from this one tree, so the two exports cannot say different things, and nothing
 * typed into a title or a note can become markup: every typed text is a text node.
 */
export function minutesTree(detail: MeetingDetail): Root {
  const { meeting, items, turns, speakingTime, decisions, commitments, oldBusiness, amendments, feedback } = detail;
  const zone = meeting.timeZone;
  const when = meeting.scheduledStart !== null ? toZoned(meeting.scheduledStart, zone) : null;
  const started = meeting.startedAt !== null ? toZoned(meeting.startedAt, zone) : null;
  const ended = meeting.endedAt !== null ? toZoned(meeting.endedAt, zone) : null;
  const { present, late, leftEarly, absent } = minutesMeta(detail);

  const children: RootContent[] = [
    heading(1, `Minutes: ${meeting.title}${when ? `, ${when.date}` : ''}`),
    list([
      `Team: ${meeting.teamName}`,
      started ? `Held: ${started.date} ${started.time}${ended ? `–${ended.time}` : ''} (${zone})` : 'Held: not yet',
      `Facilitator: ${meeting.facilitatorName ?? 'not recorded'}`,
      `Present: ${present.join(', ') || 'nobody marked'}`,
      ...(late.length ? [`Late: ${late.join(', ')}`] : []),
      ...(leftEarly.length ? [`Left early: ${leftEarly.join(', ')}`] : []),
      ...(absent.length ? [`Absent: ${absent.join(', ')}`] : []),
      ...(meeting.status !== 'ended' ? ['Status: draft, the meeting has not ended'] : []),
    ]),
    heading(2, 'Agenda'),
    table(
      ['#', 'Item', 'Kind', 'Planned', 'Actual', 'Outcome'],
      items.map((item, i) => {
        const actual =
          item.startedAt !== null
            ? minutes((item.endedAt ?? meeting.endedAt ?? item.startedAt) - item.startedAt - item.pausedTotalMs)
            : null;
        const outcome = { pending: 'not reached', active: 'running', done: 'done', parked: 'parked', not_reached: 'not reached' }[
          item.status
        ];
        return [
          String(i + 1),
          item.title,
          kindLabel(item.kind),
          `${item.plannedMin} min`,
          actual === null ? '—' : `${actual} min`,
          outcome,
        ];
      }),
      ['right', 'left', 'left', 'right', 'right', 'left'],
    ),
  ];

  const rounds = items.filter((i) => turns.some((t) => t.agendaItemId === i.id));
  for (const item of rounds) {
    children.push(heading(2, item.title));
    children.push(
      list(
        turns
          .filter((t) => t.agendaItemId === item.id)
          .map((t) => {
            const spoke = t.startedAt !== null ? minutes((t.endedAt ?? t.startedAt) - t.startedAt - t.pausedTotalMs) : 0;
            const how = t.status === 'passed' ? 'passed' : t.status === 'skipped' ? 'skipped' : `${spoke} min`;
            return `${t.name} (${how})${t.notes.trim() ? `: ${t.notes}` : ''}`;
          }),
      ),
    );
  }
  if (speakingTime.some((s) => s.ms > 0)) {
    children.push(heading(3, 'Speaking time'));
    children.push(list(speakingTime.map((s) => `${s.name}: ${Math.round(s.ms / 1000 / 60)} min`)));
  }

  const withNotes = items.filter((i) => i.notes.trim());
  if (withNotes.length > 0) {
    children.push(heading(2, 'Notes'));
    for (const item of withNotes) children.push(heading(3, item.title), ...paragraphs(item.notes));
  }

  if (decisions.length > 0) {
    children.push(heading(2, 'Decisions'));
    for (const d of decisions) {
      children.push(heading(3, `${d.title} (${decisionStatusLabel(d.status).toLowerCase()})`));
      if (d.question) children.push(...paragraphs(`Question: ${d.question}`));
      if (d.decision) children.push(...paragraphs(`Decision: ${d.decision}`));
      if (d.rationale) children.push(...paragraphs(`Rationale: ${d.rationale}`));
      children.push(
        list([
          `Owner: ${d.ownerName ?? 'not named'}${d.decisionRight ? `, under “${d.decisionRight}”` : ''}`,
          ...(d.options.length ? [`Options considered: ${d.options.map((o) => o.title).join('; ')}`] : []),
          ...chosenLine(d),
          ...(d.risks ? [`Risks acknowledged: ${d.risks}`] : []),
          ...(d.reviewDate ? [`Review date: ${d.reviewDate}`] : []),
          ...(d.supersedes ? [`${d.supersedeKind === 'reverses' ? 'Reverses' : 'Supersedes'}: ${d.supersedes.title}`] : []),
          ...(d.confirmedAt ? ['Read back and confirmed by the room'] : []),
        ]),
      );
      if (d.positions.length > 0) {
        children.push(
          table(
            ['Member', 'Position', 'Reason'],
            d.positions.map((p) => [p.memberName, stanceLabel(p.stance), p.reason ?? '']),
            ['left', 'left', 'left'],
          ),
        );
      }
      if (d.objections.length > 0) {
        children.push(
          list(
            d.objections.map(
              (o) =>
                `Objection by ${o.memberName} (${stanceLabel(o.stance).toLowerCase()}): “${o.reason}” → ${
                  o.resolution
                    ? `${resolutionLabel(o.resolution)}${o.resolution === 'overruled' && o.resolvedByName ? ` by ${o.resolvedByName}` : ''}${o.escalatedTo ? ` to ${o.escalatedTo}` : ''}${o.resolutionNote ? `: ${o.resolutionNote}` : ''}${o.textAfter ? ` (the proposal became: ${o.textAfter})` : ''}`
                    : 'Unresolved'
                }`,
            ),
          ),
        );
      }
    }
  }

  const here = (e: CommitmentEvent) => e.meetingId === meeting.id && e.kind !== 'created';
  const reviewed = commitments.review.filter((c) => c.events.some(here));
  if (commitments.made.length > 0) {
    children.push(heading(2, 'Commitments made'));
    children.push(
      table(
        ['Owner', 'What done looks like', 'Due'],
        commitments.made.map((c) => [c.ownerName, c.outcome, c.originalDueDate]),
        ['left', 'left', 'left'],
      ),
    );
  }
  if (reviewed.length > 0) {
    children.push(heading(2, 'Commitments reviewed'));
    children.push(list(reviewed.map((c) => `${c.ownerName}: ${c.outcome}: ${c.events.filter(here).map(eventLine).join('; ')}`)));
  }

  const carried = items.filter((i) => i.status === 'not_reached' || i.status === 'pending');
  const openOld = oldBusiness.filter((o) => o.open);
  if (carried.length > 0 || openOld.length > 0) {
    children.push(heading(2, 'Carried forward'));
    children.push(list([...carried.map((i) => `Not reached: ${i.title}`), ...openOld.map((o) => `Still open from before: ${o.title}`)]));
  }

  if (feedback.count > 0) {
    children.push(heading(2, 'Meeting feedback'));
    const anonymous = feedback.anonymousCount > 0 ? `, ${feedback.anonymousCount} anonymous` : '';
    children.push(
      ...paragraphs(
        `Average rating ${(feedback.average ?? 0).toFixed(1)} out of 10 from ${feedback.count} of ${feedback.expected} attendees${anonymous}.`,
      ),
    );
    // Anonymous entries say only "Anonymous": the minutes never guess who gave them.
    children.push(
      list(
        feedback.entries.map(
          (e) => `${e.memberName ?? 'Anonymous'}: ${e.rating}${e.better.trim() ? `. Better next time: ${e.better}` : ''}`,
        ),
      ),
    );
  }

  if (amendments.length > 0) {
    children.push(heading(2, 'Amendments'));
    children.push(
      list(
        amendments.map(
          (a) => `${toZoned(a.at, zone).date}: ${a.reason} (${a.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join('; ')})`,
        ),
      ),
    );
  }

  return { type: 'root', children };
}

/** The option chosen, beside the options; a decided record with options that names none says so rather than leave a reader to guess. */
function chosenLine(d: Decision): string[] {
  if (d.chosenOption) return [`Chosen option: ${d.chosenOption}`];
  const decided = d.status === 'accepted' || d.status === 'superseded' || d.status === 'reversed';
  return decided && d.options.length > 0 ? ['Chosen option: not recorded'] : [];
}
