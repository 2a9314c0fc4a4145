import { z } from 'zod';
import { STARTER_KEYS } from '../agreement-starters';
import { agreementBody, type AgreementDiff, type AgreementVersion, type ProjectedAgreement, type TeamAgreement } from '../agreements';
import { calendarDate, id, reasonText } from '../validation';
import { op } from './define';

export const agreementOperations = {
  'agreements.get': op<TeamAgreement>()({ input: z.object({ teamId: id }).strict() }),
  'agreements.version': op<AgreementVersion>()({ input: z.object({ versionId: id }).strict() }),
  'agreements.adoptStarter': op<TeamAgreement>()({
    input: z
      .object({
        teamId: id,
        starter: z.enum(STARTER_KEYS, { message: 'Choose one of the starter agreements' }),
        revisitBy: calendarDate,
      })
      .strict(),
    invalidates: ['agreements', 'teams', 'meetings'],
  }),
  'agreements.edit': op<TeamAgreement>()({
    input: z
      .object({
        teamId: id,
        /** The version the edit started from: an edit of an outdated version is refused, not merged silently. */
        basedOnId: id,
        body: agreementBody,
        changeNote: reasonText('Change note', 1000),
        revisitBy: calendarDate,
      })
      .strict(),
    invalidates: ['agreements', 'meetings'],
  }),
  'agreements.revisit': op<TeamAgreement>()({
    input: z
      .object({
        versionId: id,
        meetingId: id.nullable().default(null),
        note: reasonText('What the revisit found', 1000),
        nextRevisitBy: calendarDate,
      })
      .strict(),
    invalidates: ['agreements', 'meetings'],
  }),
  'agreements.compare': op<AgreementDiff>()({ input: z.object({ fromId: id, toId: id }).strict() }),
  'agreements.project': op<ProjectedAgreement>()({
    input: z.object({ meetingId: id, on: z.boolean({ message: 'Say whether to show the agreement' }) }).strict(),
    invalidates: ['agreements'],
  }),
  'agreements.onProjector': op<ProjectedAgreement>()({ input: z.object({ meetingId: id }).strict() }),
} as const;
