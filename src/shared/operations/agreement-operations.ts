import { z } from 'zod';
import { STARTER_KEYS } from '../agreement-starters';
import { agreementBody, type AgreementDiff, type AgreementVersion, type ProjectedAgreement, type TeamAgreement } from '../agreements';
import { calendarDate, id, reasonText } from '../validation';
import { op } from './define';
import { scope } from './scopes';

/** An agreement's new version or revisit: its page, the team's roles, and the next meeting's old business. */
const agreementChanged = (teamId: string) => [scope('agreements', { teamId }), scope('teams', { teamId }), scope('meetings', { teamId })];

export const agreementOperations = {
  'agreements.get': op<TeamAgreement>()({
    input: () => z.object({ teamId: id }).strict(),
    dependsOn: (i) => [scope('agreements', i), scope('teams', i)],
  }),
  'agreements.version': op<AgreementVersion>()({ input: () => z.object({ versionId: id }).strict() }),
  'agreements.adoptStarter': op<TeamAgreement>()({
    input: () =>
      z
        .object({
          teamId: id,
          starter: z.enum(STARTER_KEYS, { message: 'Choose one of the starter agreements' }),
          revisitBy: calendarDate,
        })
        .strict(),
    changes: (_i, o) => agreementChanged(o.teamId),
  }),
  'agreements.edit': op<TeamAgreement>()({
    input: () =>
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
    changes: (_i, o) => agreementChanged(o.teamId),
  }),
  'agreements.revisit': op<TeamAgreement>()({
    input: () =>
      z
        .object({
          versionId: id,
          meetingId: id.nullable().default(null),
          note: reasonText('What the revisit found', 1000),
          nextRevisitBy: calendarDate,
        })
        .strict(),
    changes: (_i, o) => agreementChanged(o.teamId),
  }),
  'agreements.compare': op<AgreementDiff>()({ input: () => z.object({ fromId: id, toId: id }).strict() }),
  'agreements.project': op<ProjectedAgreement>()({
    input: () => z.object({ meetingId: id, on: z.boolean({ message: 'Say whether to show the agreement' }) }).strict(),
    changes: (i) => [scope('agreements', { meetingId: i.meetingId })],
  }),
  'agreements.onProjector': op<ProjectedAgreement>()({
    input: () => z.object({ meetingId: id }).strict(),
    dependsOn: (i, o) => [scope('agreements', { teamId: o?.agreement?.teamId, meetingId: i.meetingId }), scope('teams')],
  }),
} as const;
