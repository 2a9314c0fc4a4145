import { rootCauseLabel, STATUS_LABELS, type Commitment, type CommitmentEvent } from '@shared/commitments';
import type { Decision } from '@shared/decisions';
import type { Turn } from '@shared/planning';
import { durationWords as duration } from '@shared/timer';

/**
 * The sentences of the minutes that say what happened to something: in words a reader takes at face
 * value, typed text in quotes, never a string of colons.
 */

export function turnLine(t: Turn): string {
  const spoke = t.startedAt !== null ? (t.endedAt ?? t.startedAt) - t.startedAt - t.pausedTotalMs : 0;
  // A turn never started and with nothing noted (the room moved on first) is not a short one: the person did not speak.
  const unheard = t.startedAt === null && !t.notes.trim();
  const how = t.status === 'passed' ? 'passed' : t.status === 'skipped' ? 'skipped' : unheard ? 'did not speak' : duration(spoke);
  return `${t.name} (${how})${t.notes.trim() ? `: ${t.notes}` : ''}`;
}

const quoted = (value: string | null) => `“${value ?? ''}”`;
const because = (reason: string | null) => (reason?.trim() ? `, because ${quoted(reason)}` : '');

function eventPhrase(e: CommitmentEvent): string {
  switch (e.kind) {
    case 'done':
      return 'was done';
    case 'dropped':
      return `was dropped${because(e.reason)}`;
    case 'status': {
      const status = STATUS_LABELS[e.status ?? 'open'].toLowerCase();
      return `was reported ${status}${e.reason?.trim() ? ` (${quoted(e.reason)})` : ''}`;
    }
    case 'renegotiated':
      // The app's words ("New date agreed before it was due"): "renegotiated in advance" names the follow-through
      // figure, not what a member did. The dates stay ISO here, as everywhere in the exported files (read on other
      // machines, in other locales, by scripts); the in-app preview shows them in the app's style (previewDates).
      return `was given a new date ${e.inAdvance ? 'before' : 'after'} it was due (${e.newDueDate} instead of ${e.oldDueDate})${because(e.reason)}`;
    case 'slipped': {
      const cause = e.rootCause ? `, because of ${rootCauseLabel(e.rootCause).toLowerCase()}` : ', with no cause given';
      // What happened, as the room heard it and the projector showed it: the minutes kept only its cause.
      const happened = e.reason?.trim() ? ` (${quoted(e.reason)})` : '';
      return `slipped${cause}${happened}${e.correctiveAction?.trim() ? `; the corrective action is ${quoted(e.correctiveAction)}` : ''}`;
    }
    case 'reassigned':
      return `was handed over to ${e.newOwnerName ?? 'someone else'}${because(e.reason)}`;
    case 'created':
      return 'was made';
  }
}

/** "Sam’s commitment “…” was given a new date before it was due (2026-11-30 instead of 2026-11-23), because “…”." */
export function reviewLine(c: Commitment, events: CommitmentEvent[]): string {
  return `${c.ownerName}’s commitment ${quoted(c.outcome)} ${events.map(eventPhrase).join(', then ')}.`;
}

/**
 * What a decision record says about its outcome. Only a decision that was taken (accepted, or
 * accepted and later replaced) has a "Decision:"; anything else is a proposal with its state in words.
 */
export function decisionOutcome(d: Decision): { label: 'Decision' | 'Proposal'; state: string | null } {
  const later = d.replacedBy ? ` by “${d.replacedBy.title}”` : '';
  switch (d.status) {
    case 'accepted':
      return { label: 'Decision', state: null };
    case 'superseded':
      return { label: 'Decision', state: `This decision was later superseded${later}.` };
    case 'reversed':
      return { label: 'Decision', state: `This decision was later reversed${later}.` };
    case 'proposed':
      return { label: 'Proposal', state: 'Not decided: the proposal is still open.' };
    case 'deferred':
      return { label: 'Proposal', state: 'Not decided: the proposal was deferred to a later meeting.' };
    case 'rejected':
      return { label: 'Proposal', state: 'Not adopted: the proposal was rejected.' };
  }
}

/** The option chosen, beside the options; a decided record with options that names none says so rather than leave a reader to guess. */
export function chosenLine(d: Decision): string[] {
  if (d.chosenOption) return [`Chosen option: ${d.chosenOption}`];
  return decisionOutcome(d).label === 'Decision' && d.options.length > 0 ? ['Chosen option: not recorded'] : [];
}
