import { z } from 'zod';
import { REVIEW_OUTCOMES } from '../commitments';
import type { Commitment, CommitmentBoard, FollowThrough } from '../commitments';
import { calendarDate, hasWords, id, longText, name, reasonText } from '../validation';
import { read, write } from './io';

export const commitmentSchemas = {
  'commitments.create': write<Commitment>()(() =>
    z
      .object({
        meetingId: id.nullable().default(null),
        teamId: id.nullable().default(null),
        agendaItemId: id.nullable().default(null),
        decisionId: id.nullable().default(null),
        ownerId: id,
        outcome: name('What done looks like', 500),
        dueDate: calendarDate,
        confirmPastDue: z.boolean().default(false),
      })
      .strict(),
  ),
  'commitments.record': write<Commitment>()(() =>
    z
      .object({
        commitmentId: id,
        meetingId: id.nullable().default(null),
        outcome: z.enum(REVIEW_OUTCOMES, { message: 'Choose done, on track, at risk, slipped, renegotiated or dropped' }),
        reason: longText('Reason', 2000).nullable().default(null),
        newDueDate: calendarDate.nullable().default(null),
        rootCause: z.enum(['wrong_assumption', 'missing_resource', 'other']).nullable().default(null),
        correctiveAction: longText('Corrective action', 2000).nullable().default(null),
        corrective: z
          .object({
            ownerId: id,
            // Empty is a missing date, said as such (the form shows it beside a disabled Record).
            dueDate: z.string().trim().min(1, { message: 'Give the corrective commitment a due date' }).pipe(calendarDate),
          })
          .strict()
          .nullable()
          .default(null),
        confirmPastDue: z.boolean().default(false),
      })
      .strict()
      .superRefine((v, ctx) => {
        const need = (ok: boolean, path: string, message: string) => {
          if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
        };
        if (v.outcome === 'at_risk') need(hasWords(v.reason), 'reason', 'Say what help is needed');
        if (v.outcome === 'dropped') need(hasWords(v.reason), 'reason', 'Say why it is dropped');
        if (v.outcome === 'renegotiated') {
          need(v.newDueDate !== null, 'newDueDate', 'A renegotiation needs the new date');
          need(hasWords(v.reason), 'reason', 'A renegotiation needs a reason');
        }
        if (v.outcome === 'slipped') {
          need(v.rootCause !== null, 'rootCause', 'Choose the root cause: a wrong assumption, a missing resource, or something else');
          need(hasWords(v.correctiveAction), 'correctiveAction', 'A slip needs a corrective action');
        }
        if (v.corrective) need(v.outcome === 'slipped', 'corrective', 'Only a slip has a corrective action to commit to');
      }),
  ),
  'commitments.reassign': write<Commitment>()(() =>
    z.object({ commitmentId: id, ownerId: id, reason: reasonText('Reason for the hand-over', 500) }).strict(),
  ),
  'commitments.get': read<Commitment>()(() => z.object({ commitmentId: id }).strict()),
  'commitments.board': read<CommitmentBoard>()(() =>
    z.object({ teamId: id.nullable().default(null), memberId: id.nullable().default(null) }).strict(),
  ),
  'commitments.followThrough': read<FollowThrough>()(() =>
    z.object({ teamId: id, from: calendarDate.nullable().default(null), to: calendarDate.nullable().default(null) }).strict(),
  ),
} as const;
