/** The schema of an operating agreement's parts, as an edit sends them (agreements.edit) and the database holds them. */
import { z } from 'zod';
import { PARTY_TYPES } from './agreements';
import { id, longText, name, onFirstUse } from './validation';

/** A row's identity across versions, so a diff can say "changed" rather than "removed and added". */
const rowId = onFirstUse(() =>
  z.string({ message: 'A row id must be text' }).regex(/^[A-Za-z0-9-]{1,40}$/, { message: 'A row id is letters, digits and dashes' }),
);

/** Who decides: one member, whoever holds a role, or the whole team by consent. */
export const party = onFirstUse(() =>
  z
    .object({
      type: z.enum(PARTY_TYPES, { message: 'Who decides is a member, a role or the whole team' }),
      id: id.nullable().default(null),
    })
    .strict()
    .superRefine((p, ctx) => {
      if (p.type !== 'team' && !p.id)
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: p.type === 'member' ? 'Choose the member who decides' : 'Choose the role that decides',
        });
    }),
);
export type Party = z.output<typeof party>;

const decisionRight = onFirstUse(() =>
  z
    .object({
      id: rowId.optional(),
      kind: name('Kind of decision', 120),
      decider: party,
      consulted: longText('Consulted', 300).default(''),
      informed: longText('Informed', 300).default(''),
    })
    .strict(),
);

const escalationPath = onFirstUse(() =>
  z
    .object({
      id: rowId.optional(),
      when: name('When to escalate', 300),
      to: name('To whom', 200),
    })
    .strict(),
);

/** Built on first use, like the contract's inputs: a window loads the schemas for its first form. */
export const agreementBody = onFirstUse(() =>
  z
    .object({
      decisionRights: z.array(decisionRight).max(40, { message: 'At most 40 decision rights' }),
      escalationPaths: z.array(escalationPath).max(20, { message: 'At most 20 escalation paths' }),
      checkInCadence: longText('Check-in cadence', 500).default(''),
      norms: z
        .object({
          communication: longText('Communication quality', 3000).default(''),
          responseTimes: longText('Response times', 3000).default(''),
          documentation: longText('Documentation', 3000).default(''),
        })
        .strict(),
      freeText: longText('Free text', 20_000).default(''),
    })
    .strict()
    .superRefine((body, ctx) => {
      const seen = new Map<string, number>();
      body.decisionRights.forEach((r, i) => {
        const key = r.kind.toLocaleLowerCase();
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['decisionRights', i, 'kind'],
            message: `“${r.kind}” is listed twice in the decision rights: each kind of decision once`,
          });
        seen.set(key, i);
      });
    }),
);

export type AgreementBodyInput = z.input<typeof agreementBody>;
export type DecisionRightRow = z.output<typeof decisionRight> & { id: string };
export type EscalationRow = z.output<typeof escalationPath> & { id: string };
