import { z } from 'zod';
import { STARTER_KEYS } from '../agreement-starters';
import { agreementBody } from '../agreement-schema';
import type { AgreementDiff, AgreementVersion, ProjectedAgreement, TeamAgreement } from '../agreements';
import { calendarDate, id, reasonText } from '../validation';
import { read, write } from './io';

export const agreementSchemas = {
  'agreements.get': read<TeamAgreement>()(() => z.object({ teamId: id }).strict()),
  'agreements.version': read<AgreementVersion>()(() => z.object({ versionId: id }).strict()),
  'agreements.adoptStarter': write<TeamAgreement>()(() =>
    z
      .object({
        teamId: id,
        starter: z.enum(STARTER_KEYS, { message: 'Choose one of the starter agreements' }),
        revisitBy: calendarDate,
      })
      .strict(),
  ),
  'agreements.edit': write<TeamAgreement>()(() =>
    z
      .object({
        teamId: id,
        /** The version the edit started from: an edit of an outdated version is refused, not merged silently. */
        basedOnId: id,
        body: agreementBody,
        changeNote: reasonText('Change note', 1000),
        revisitBy: calendarDate,
      })
      .strict(),
  ),
  'agreements.revisit': write<TeamAgreement>()(() =>
    z
      .object({
        versionId: id,
        meetingId: id.nullable().default(null),
        note: reasonText('What the revisit found', 1000),
        nextRevisitBy: calendarDate,
      })
      .strict(),
  ),
  'agreements.compare': read<AgreementDiff>()(() => z.object({ fromId: id, toId: id }).strict()),
  'agreements.project': write<ProjectedAgreement>()(() =>
    z.object({ meetingId: id, on: z.boolean({ message: 'Say whether to show the agreement' }) }).strict(),
  ),
  'agreements.onProjector': read<ProjectedAgreement>()(() => z.object({ meetingId: id }).strict()),
} as const;
