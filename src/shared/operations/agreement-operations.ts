import type { agreementSchemas } from './agreement-schemas';
import { manifest } from './define';
import { scope } from './scopes';

/** An agreement's new version or revisit: its page, the team's roles, and the next meeting's old business. */
const agreementChanged = (teamId: string) => [scope('agreements', { teamId }), scope('teams', { teamId }), scope('meetings', { teamId })];

export const agreementOperations = manifest<typeof agreementSchemas>()({
  'agreements.get': { dependsOn: (i) => [scope('agreements', i), scope('teams', i)] },
  'agreements.version': {},
  'agreements.adoptStarter': { changes: (_i, o) => agreementChanged(o.teamId) },
  'agreements.edit': { changes: (_i, o) => agreementChanged(o.teamId) },
  'agreements.revisit': { changes: (_i, o) => agreementChanged(o.teamId) },
  'agreements.compare': {},
  'agreements.project': { changes: (i) => [scope('agreements', { meetingId: i.meetingId })] },
  'agreements.onProjector': {
    dependsOn: (i, o) => [scope('agreements', { teamId: o?.agreement?.teamId, meetingId: i.meetingId }), scope('teams')],
  },
});
