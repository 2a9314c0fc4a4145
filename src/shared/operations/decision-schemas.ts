import { z } from 'zod';
import { DECISION_STATUS_IDS, RESOLUTION_IDS, STANCE_IDS, isObjection } from '../decisions';
import type { DecisionChange, DecisionDetail, DecisionFacets, DecisionLogPage } from '../decisions';
import { calendarDate, hasWords, id, longText, name, optionalLine, reasonText, tag } from '../validation';
import { read, write } from './io';

const decisionOption = () =>
  z.object({ title: name('Option', 200), pros: longText('Pros', 2000).default(''), cons: longText('Cons', 2000).default('') }).strict();
/**
 * The parts of a decision record a facilitator writes; all optional so a form can save one field. Built with the
 * input that uses them (see `read` in ./io).
 */
const decisionFields = () => ({
  title: name('Decision title', 200).optional(),
  question: longText('Question', 5000).optional(),
  context: longText('Context').optional(),
  options: z.array(decisionOption()).max(12, { message: 'At most 12 options' }).optional(),
  /** Which option was chosen, by its title; null clears it. Must be one of the options. */
  chosenOption: optionalLine('Chosen option', 200).optional(),
  decision: longText('Decision', 10_000).optional(),
  rationale: longText('Rationale').optional(),
  proposerId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
  decisionRight: optionalLine('Decision right', 200).optional(),
  risks: longText('Risks', 10_000).optional(),
  timeline: longText('Expected timeline', 2000).optional(),
  reviewDate: calendarDate.nullable().optional(),
  tags: z.array(tag).max(12, { message: 'At most 12 tags' }).optional(),
});

/** Who proposed it is history: an amendment cannot rewrite it. */
function amendableFields() {
  const { proposerId: _proposer, ...fields } = decisionFields();
  return fields;
}

export const decisionSchemas = {
  'decisions.propose': write<DecisionDetail>()(() =>
    z
      .object({
        meetingId: id,
        agendaItemId: id,
        ...decisionFields(),
        title: name('Decision title', 200),
        supersedesId: id.nullable().default(null),
        supersedeKind: z.enum(['supersedes', 'reverses']).default('supersedes'),
      })
      .strict(),
  ),
  'decisions.update': write<DecisionDetail>()(() => z.object({ decisionId: id, ...decisionFields() }).strict()),
  'decisions.position': write<DecisionChange>()(() =>
    z
      .object({
        decisionId: id,
        memberId: id,
        stance: z.enum(STANCE_IDS, { message: 'Choose agree, consent, stand aside, disagree or block' }),
        reason: longText('Reason', 2000).nullable().default(null),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (isObjection(v.stance) && !hasWords(v.reason)) {
          ctx.addIssue({
            code: 'custom',
            path: ['reason'],
            message: `A ${v.stance === 'block' ? 'block' : 'disagreement'} needs a reason: write a few words, not only spaces`,
          });
        }
      }),
  ),
  'decisions.resolveObjection': write<DecisionChange>()(() =>
    z
      .object({
        objectionId: id,
        resolution: z.enum(RESOLUTION_IDS, { message: 'Choose integrated, withdrawn, overruled or escalated' }),
        note: longText('Note', 2000).nullable().default(null),
        newText: longText('Changed proposal', 10_000).nullable().default(null),
        escalatedTo: optionalLine('Escalated to', 200).default(null),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.resolution === 'overruled' && !hasWords(v.note))
          ctx.addIssue({
            code: 'custom',
            path: ['note'],
            message: 'Overruling needs the owner’s reason: write a few words, not only spaces',
          });
        if (v.resolution === 'integrated' && !hasWords(v.newText))
          ctx.addIssue({ code: 'custom', path: ['newText'], message: 'Integrating means changing the proposal: write the changed text' });
        if (v.resolution === 'escalated' && !hasWords(v.escalatedTo))
          ctx.addIssue({ code: 'custom', path: ['escalatedTo'], message: 'Say to whom the objection is escalated' });
      }),
  ),
  'decisions.readBack': write<DecisionDetail>()(() => z.object({ decisionId: id, on: z.boolean() }).strict()),
  'decisions.decide': write<DecisionDetail>()(() =>
    z
      .object({ decisionId: id, outcome: z.enum(['accepted', 'rejected', 'deferred', 'proposed'], { message: 'Choose an outcome' }) })
      .strict(),
  ),
  'decisions.amend': write<DecisionDetail>()(() =>
    z.object({ decisionId: id, reason: reasonText('Reason for the amendment', 500), ...amendableFields() }).strict(),
  ),
  'decisions.review': write<DecisionDetail>()(() =>
    z
      .object({
        decisionId: id,
        meetingId: id.nullable().default(null),
        nextReviewDate: calendarDate.nullable(),
        note: reasonText('What the review found', 2000),
      })
      .strict(),
  ),
  'decisions.get': read<DecisionDetail>()(() => z.object({ decisionId: id }).strict()),
  'decisions.search': read<DecisionLogPage>()(() =>
    z
      .object({
        query: z.string({ message: 'Search must be text' }).max(500, { message: 'Search at most 500 characters' }).default(''),
        teamId: id.nullable().default(null),
        statuses: z.array(z.enum(DECISION_STATUS_IDS)).max(6).default([]),
        ownerId: id.nullable().default(null),
        tag: tag.nullable().default(null),
        from: calendarDate.nullable().default(null),
        to: calendarDate.nullable().default(null),
        hasDissent: z.boolean().default(false),
        reviewDue: z.boolean().default(false),
        sort: z.enum(['relevance', 'newest', 'oldest']).default('relevance'),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'decisions.facets': read<DecisionFacets>()(() => z.object({ teamId: id.nullable().default(null) }).strict()),
} as const;
