import { manifest } from './define';
import type { healthSchemas } from './health-schemas';
import { meetingOf, wholeTeam } from './scopes';

export const healthOperations = manifest<typeof healthSchemas>()({
  'feedback.give': { changes: ({ meetingId }) => [{ topic: 'meetings', meetingId, part: 'feedback' }] },
  'health.team': { defaults: { from: null, to: null }, dependsOn: (i) => wholeTeam(i.teamId) },
  'health.startRetrospective': { changes: (i, o) => [meetingOf(i.teamId, o.meetingId)] },
});
