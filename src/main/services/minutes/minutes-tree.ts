import type { Root, RootContent } from 'mdast';
import type { CommitmentEvent } from '@shared/commitments';
import type { EpochMs } from '@shared/domain';
import { decisionStatusLabel, positionRecord, resolutionLabel, stanceLabel } from '@shared/decisions';
import type { MeetingFeedback } from '@shared/feedback';
import type { MeetingDetail } from '@shared/planning';
import { kindLabel } from '@shared/planning';
import { toZoned } from '../planning/zoned-time';
import { withLinks } from './minutes-links';
import { minutesMeta } from './minutes-meta';
import { heading, list, paragraphs, table, uniqueHeadings } from './minutes-nodes';
import { durationWords as duration } from '@shared/timer';
import { chosenLine, decisionOutcome, reviewLine, turnLine } from './minutes-sentences';
import { skippedItems, speakingTimeHeld } from './minutes-skipped';

/**
 * What the minutes are written from: the meeting. An item's notes are what the room wrote in it; its plan (the
 * description it was planned with) is kept apart and never minuted.
 */
export interface MinutesSource {
  detail: MeetingDetail;
  /** When the room recorded what the detail carries undated (see recordedDuring): it places them in an item. */
  recorded: EpochMs[];
}

/**
 * The minutes of a meeting as a Markdown syntax tree (mdast with GFM tables). Markdown and HTML are
 * both serialised from this one tree, so the two exports cannot say different things, and nothing
 * typed into a title or a note can become markup: every typed text is a text node (or a link to
 * the address typed, see minutes-links).
 */
export function minutesTree({ detail, recorded }: MinutesSource): Root {
  const { meeting, items, turns, speakingTime, decisions, commitments, oldBusiness, amendments, feedback } = detail;
  const zone = meeting.timeZone;
  const started = meeting.startedAt !== null ? toZoned(meeting.startedAt, zone) : null;
  const ended = meeting.endedAt !== null ? toZoned(meeting.endedAt, zone) : null;
  const { date, present, late, leftEarly, absent } = minutesMeta(detail);
  // Until the meeting ends, an item not taken up yet is still to come: draft minutes carry nothing forward for it.
  const over = meeting.status === 'ended';
  const skipped = skippedItems(detail, recorded);
  // The check-out's ratings are minuted under the check-out round that took them, when the room held one.
  const checkOut = items.findLast((i) => i.kind === 'check_out' && i.startedAt !== null && !skipped.has(i.id));
  const ratingsInRound = checkOut !== undefined && feedback.count > 0;

  const children: RootContent[] = [
    heading(1, `Minutes: ${meeting.title}${date ? `, ${date}` : ''}`),
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
          item.startedAt !== null ? (item.endedAt ?? meeting.endedAt ?? item.startedAt) - item.startedAt - item.pausedTotalMs : null;
        const outcome = skipped.has(item.id)
          ? 'skipped'
          : { pending: over ? 'not reached' : 'not yet', active: 'running', done: 'done', parked: 'parked', not_reached: 'not reached' }[
              item.status
            ];
        return [
          String(i + 1),
          item.title,
          kindLabel(item.kind),
          `${item.plannedMin} min`,
          actual === null ? '—' : duration(actual),
          outcome,
        ];
      }),
      ['right', 'left', 'left', 'right', 'right', 'left'],
    ),
  ];

  // One section per item the room spoke or wrote in, numbered as in the agenda so no two share a heading. A skipped
  // item has none: its round was never held, whoever the console had put up first.
  items.forEach((item, i) => {
    if (skipped.has(item.id)) return;
    const ratings = ratingsInRound && item.id === checkOut.id;
    const itemTurns = turns.filter((t) => t.agendaItemId === item.id);
    // A check-out turn is a rating (listed under feedback); only what was noted in it is minuted here.
    const spoken = item.kind === 'check_out' ? itemTurns.filter((t) => t.notes.trim()) : itemTurns;
    const notes = paragraphs(item.notes);
    if (spoken.length === 0 && notes.length === 0 && !ratings) return;
    children.push(heading(2, `Item ${i + 1}: ${item.title}`));
    if (ratings) children.push(...feedbackNodes(feedback));
    if (spoken.length > 0) children.push(list(spoken.map(turnLine)));
    children.push(...notes);
  });
  const spokenTime = speakingTimeHeld(speakingTime, turns, items, skipped);
  if (spokenTime.some((s) => s.ms > 0)) {
    children.push(heading(2, 'Speaking time'));
    // No time at all is "did not speak", as the round's own lines say, not "under a minute".
    children.push(list(spokenTime.map((s) => `${s.name}: ${s.ms > 0 ? duration(s.ms) : 'did not speak'}`)));
  }

  if (decisions.length > 0) {
    children.push(heading(2, 'Decisions'));
    for (const d of decisions) {
      const { label, state } = decisionOutcome(d);
      children.push(heading(3, `${d.title} (${decisionStatusLabel(d.status).toLowerCase()})`));
      if (d.question) children.push(...paragraphs(`Question: ${d.question}`));
      if (d.decision) children.push(...paragraphs(`${label}: ${d.decision}`));
      if (state) children.push(...paragraphs(state));
      if (d.takenUpIn) {
        const on = d.takenUpIn.start !== null ? ` on ${toZoned(d.takenUpIn.start, zone).date}` : '';
        children.push(...paragraphs(`Taken up again in “${d.takenUpIn.title}”${on}; its record there says what came of it.`));
      }
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
            d.positions.map((p) => [p.memberName, positionRecord(p, d.objections), p.reason ?? '']),
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
  // What became of earlier promises comes first, as on the agenda: a commitment made here often answers one
  // reviewed (a slip's corrective action), and reads as that answer only after it.
  if (reviewed.length > 0) {
    children.push(heading(2, 'Commitments reviewed'));
    children.push(list(reviewed.map((c) => reviewLine(c, c.events.filter(here)))));
  }
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

  const carried = items.filter((i) => i.status === 'not_reached' || (over && i.status === 'pending'));
  // A commitment reviewed here is minuted under "Commitments reviewed", with what became of it: once is enough.
  const reviewedIds = new Set(reviewed.map((c) => c.id));
  // An old item still on this agenda and not reached is already listed as "Not reached": once is enough.
  const carriedIds = new Set(carried.map((i) => i.id));
  const openOld = oldBusiness.filter(
    (o) =>
      o.open &&
      !(o.source === 'not_reached' && o.agendaItemId !== null && carriedIds.has(o.agendaItemId)) &&
      !(o.source === 'open_commitment' && reviewedIds.has(o.refId)),
  );
  if (carried.length > 0 || openOld.length > 0) {
    children.push(heading(2, 'Carried forward'));
    children.push(list([...carried.map((i) => `Not reached: ${i.title}`), ...openOld.map((o) => `Still open from before: ${o.title}`)]));
  }

  if (feedback.count > 0 && !ratingsInRound) children.push(heading(2, 'Meeting feedback'), ...feedbackNodes(feedback));

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

  return withLinks(uniqueHeadings({ type: 'root', children }));
}

/**
 * The check-out ratings. With an anonymous one among them, none is listed with a name (main leaves
 * them out: see meetingFeedback), and the minutes say why.
 */
function feedbackNodes(feedback: MeetingFeedback): RootContent[] {
  const withheld = feedback.namesWithheld
    ? ` ${feedback.anonymousCount === 1 ? 'One was' : `${feedback.anonymousCount} were`} given anonymously, so no rating is listed with a name.`
    : '';
  const better = (b: string) => (b.trim() ? `. Better next time: ${b}` : '');
  return [
    ...paragraphs(
      `Average rating ${(feedback.average ?? 0).toFixed(1)} out of 10 from ${feedback.count} of ${feedback.expected} attendees.${withheld}`,
    ),
    list(feedback.entries.map((e) => `${e.memberName === null ? 'Rating' : e.memberName}: ${e.rating}${better(e.better)}`)),
  ];
}
